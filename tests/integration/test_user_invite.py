# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.user_invite and user_invite_info through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import re

INVITES = '/v1/admin/users/invites'
EMAIL = 'scientist@example.com'


def make_workspaces(emulator, *names):
    found = {}
    for key, name in names:
        status, body = emulator.call('POST', '/admin/workspaces', {'name': name})
        assert status == 200, body
        found[key] = {'id': body['id'], 'slug': body['slug']}
    return found


def invites(emulator, status=None):
    return [i for i in emulator.org.table('invites').values() if status is None or i['status'] == status]


def writes(emulator, mark):
    return [(e['method'], e['path']) for e in emulator.writes(mark)]


def result_of(run):
    """The registered result the converge playbook printed with debug."""
    match = re.search(r'"result": (\{.*?\n    \})', run.stdout, re.S)
    assert match, run
    return json.loads(match.group(1))


def test_lifecycle(emulator, ansible_playbook):
    """Create, unchanged, replace (check and real), resend (check and real), info, delete, delete again."""
    ws = make_workspaces(emulator, ('ws_a', 'Alpha'), ('ws_b', 'Beta'))
    mark = emulator.mark()
    run = ansible_playbook('user_invite.yml', ws)
    assert run.rc == 0, run  # the playbook asserts each task's result itself
    posted = [e for e in emulator.writes(mark) if e['method'] == 'POST' and e['path'] == INVITES]
    assert len(posted) == 2, run
    first, second = posted
    assert first['body'] == {'email': EMAIL, 'role': 'member', 'workspaces': [{'id': ws['ws_a']['slug'], 'role': 'admin'}],
                             'workspace_api_key_details': {'scopes': ['logs.view', 'configs.read']}}
    # The replacement keeps what the task did not set (role, scopes) and names workspaces by slug.
    assert second['body']['role'] == 'member'
    assert second['body']['workspace_api_key_details'] == {'scopes': ['logs.view', 'configs.read']}
    assert sorted(w['id'] for w in second['body']['workspaces']) == sorted([ws['ws_a']['slug'], ws['ws_b']['slug']])
    # Every write of the run, in order: check-mode and unchanged tasks wrote nothing.
    log = writes(emulator, mark)
    old_id = log[1][1].rsplit('/', 1)[1]
    new_id = log[3][1].split('/')[-2]
    assert log == [
        ('POST', INVITES),                          # create
        ('DELETE', INVITES + '/' + old_id),         # replace: delete first...
        ('POST', INVITES),                          # ...then invite again
        ('POST', INVITES + '/' + new_id + '/resend'),
        ('DELETE', INVITES + '/' + new_id),         # delete; "delete again" wrote nothing
    ], run
    assert invites(emulator) == []


def test_converges_what_changed_behind_ansibles_back(emulator, ansible_playbook):
    ws = make_workspaces(emulator, ('ws_a', 'Alpha'))
    task = {'invite_email': EMAIL, 'invite_role': 'member', 'invite_workspaces': [{'workspace': ws['ws_a']['id'], 'role': 'admin'}]}

    # An invite made outside Ansible with another role is replaced.
    status, made = emulator.call('POST', '/admin/users/invites', {
        'email': EMAIL, 'role': 'admin', 'workspaces': [{'id': ws['ws_a']['slug'], 'role': 'admin'}]})
    assert status == 200 and set(made) == {'id', 'invite_link'}
    mark = emulator.mark()
    run = ansible_playbook('user_invite_converge.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    assert writes(emulator, mark) == [('DELETE', INVITES + '/' + made['id']), ('POST', INVITES)]
    [invite] = invites(emulator)
    assert invite['role'] == 'member' and invite['workspaces'] == [{'workspace_id': ws['ws_a']['id'], 'role': 'admin'}]
    result = result_of(run)
    assert result['replaced'] is True and result['invite']['id'] == invite['id']
    assert 'replaced (deleted and created again)' in run.output

    # Deleted outside Ansible: invited again.
    assert emulator.call('DELETE', '/admin/users/invites/%s' % invite['id'])[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('user_invite_converge.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    assert writes(emulator, mark) == [('POST', INVITES)]
    [invite] = invites(emulator)

    # Accepted (in the app): the invite did its job; a changed role is not applied, but said.
    invite['status'] = 'accepted'
    mark = emulator.mark()
    run = ansible_playbook('user_invite_converge.yml', dict(task, invite_role='admin'))
    assert run.rc == 0 and run.changed == 0, run
    assert writes(emulator, mark) == []
    assert result_of(run)['invite']['status'] == 'accepted'
    assert 'accepted an invite already' in run.output and 'role' in run.output

    # Expired: a new invite goes out.
    invite['status'] = 'expired'
    mark = emulator.mark()
    run = ansible_playbook('user_invite_converge.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    assert writes(emulator, mark) == [('POST', INVITES)]
    assert len(invites(emulator, 'pending')) == 1 and len(invites(emulator)) == 2
