# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.workspace_member and workspace_member_info through ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def make_workspace(emulator, name='Production'):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': name})
    assert status == 200, ws
    return ws


def user_id(emulator, email):
    return emulator.org.find_user(email)['id']


def roles(emulator, ws):
    """{email: role} of the workspace's members, as stored by the emulator."""
    users = emulator.org.table('users')
    return dict((users[uid]['email'], member['role'])
                for (ws_id, uid), member in emulator.org.table('workspace_members').items() if ws_id == ws['id'])


def test_lifecycle(emulator, ansible_playbook):
    ws = make_workspace(emulator)
    mark = emulator.mark()
    run = ansible_playbook('workspace_member_lifecycle.yml', {'ws_slug': ws['slug'], 'ws_id': ws['id']})
    assert run.rc == 0, run
    max_id = user_id(emulator, 'max@example.com')
    # add, update, remove: exactly three writes; the unchanged runs and check mode wrote nothing.
    writes = [(w['method'], w['path'], w['body']) for w in emulator.writes(mark)]
    base = '/v1/admin/workspaces/%s/users' % ws['id']
    assert writes == [
        ('POST', base, {'users': [{'id': max_id, 'role': 'manager'}]}),
        ('PUT', '%s/%s' % (base, max_id), {'role': 'admin'}),
        ('DELETE', '%s/%s' % (base, max_id), None),
    ]
    # the unreliable single-member read is never used
    assert not [e for e in emulator.requests(mark) if e['route'] == '/admin/workspaces/{workspaceId}/users/{userId}'
                and e['method'] == 'GET']
    assert roles(emulator, ws) == {}


def test_rerun_sends_no_write_and_drift_is_converged(emulator, ansible_playbook):
    ws = make_workspace(emulator)
    args = {'ws': ws['slug'], 'member_user': 'mia@example.com', 'member_role': 'manager'}
    run = ansible_playbook('workspace_member.yml', args)
    assert run.rc == 0 and run.changed == 1, run
    assert roles(emulator, ws) == {'mia@example.com': 'manager'}

    mark = emulator.mark()
    run = ansible_playbook('workspace_member.yml', args)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []

    # the role changed behind Ansible's back is set back
    mia = user_id(emulator, 'mia@example.com')
    assert emulator.call('PUT', '/admin/workspaces/%s/users/%s' % (ws['id'], mia), {'role': 'member'})[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('workspace_member.yml', args, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert [(w['method'], w['body']) for w in emulator.writes(mark)] == [('PUT', {'role': 'manager'})]
    assert '-    "role": "member"' in run.stdout and '+    "role": "manager"' in run.stdout, run

    # removed behind Ansible's back: added again
    assert emulator.call('DELETE', '/admin/workspaces/%s/users/%s' % (ws['id'], mia))[0] == 200
    run = ansible_playbook('workspace_member.yml', args)
    assert run.rc == 0 and run.changed == 1, run
    assert roles(emulator, ws) == {'mia@example.com': 'manager'}


def test_unknown_user_fails_without_writing(emulator, ansible_playbook):
    ws = make_workspace(emulator)
    mark = emulator.mark()
    run = ansible_playbook('workspace_member.yml', {'ws': ws['slug'], 'member_user': 'nobody@example.com'})
    assert run.rc != 0
    assert "no user has email 'nobody@example.com'" in run.stdout and 'portkey.ai.user_invite' in run.stdout, run
    assert emulator.writes(mark) == []
