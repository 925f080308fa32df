# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.user and user_info through ansible-playbook, against the emulator.

These tests remove users: the ``emulator`` fixture gives each test a freshly seeded organisation.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

EXTRA_USERS = 120


def add_users(emulator, count):
    """Users straight into the emulator (the API has no create), so the list takes several pages."""
    users = emulator.org.table('users')
    for number in range(count):
        uid = emulator.org.new_id()
        users[uid] = {'object': 'user', 'id': uid, 'first_name': 'User', 'last_name': str(number), 'role': 'member',
                      'email': 'user%03d@example.com' % number, 'created_at': '2026-01-01T00:00:00.000Z',
                      'last_updated_at': '2026-01-01T00:00:00.000Z'}


def test_lifecycle(emulator, ansible_playbook):
    add_users(emulator, EXTRA_USERS)
    max_id = emulator.org.find_user('max@example.com')['id']
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': 'Production'})
    assert status == 200
    assert emulator.call('POST', '/admin/workspaces/%s/users' % ws['id'], {'users': [{'id': max_id, 'role': 'member'}]})[0] == 200

    mark = emulator.mark()
    run = ansible_playbook('user_lifecycle.yml', {'expected_users': 5 + EXTRA_USERS})
    assert run.rc == 0, run

    # The full list was paged through with camelCase parameters.
    pages = [e['query'] for e in emulator.requests(mark)
             if e['method'] == 'GET' and e['route'] == '/admin/users' and 'email' not in e['query'] and 'role' not in e['query']]
    assert pages == [{'currentPage': '0', 'pageSize': '100'}, {'currentPage': '1', 'pageSize': '100'}]

    # One role change and one removal: the same-role, check-mode and repeated tasks sent nothing,
    # and the refused owner change is the only other write.
    writes = [(w['method'], w['path'], w['body'], w['status']) for w in emulator.writes(mark)]
    owner_id = emulator.org.find_user('owner@example.com')['id']
    assert writes == [
        ('PUT', '/v1/admin/users/%s' % max_id, {'role': 'admin'}, 200),
        ('PUT', '/v1/admin/users/%s' % owner_id, {'role': 'admin'}, 400),
        ('DELETE', '/v1/admin/users/%s' % max_id, None, 200),
    ]
    assert emulator.org.find_user('max@example.com') is None
    assert emulator.org.table('workspace_members') == {}, 'removing the user removed their memberships'


def test_rerun_sends_no_write_and_drift_is_converged(emulator, ansible_playbook):
    mia_id = emulator.org.find_user('mia@example.com')['id']
    assert emulator.call('PUT', '/admin/users/%s' % mia_id, {'role': 'admin'})[0] == 200
    args = {'user_ref': mia_id, 'user_role': 'member'}

    mark = emulator.mark()
    run = ansible_playbook('user.yml', args, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert [(w['method'], w['body']) for w in emulator.writes(mark)] == [('PUT', {'role': 'member'})]
    assert '-    "role": "admin"' in run.stdout and '+    "role": "member"' in run.stdout, run
    assert emulator.org.find_user('mia@example.com')['role'] == 'member'

    mark = emulator.mark()
    run = ansible_playbook('user.yml', args)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []
    assert [e['method'] for e in emulator.requests(mark)] == ['GET'], 'by id: one GET'
