# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.guardrail and guardrail_info through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from tests.emulator.core import Org

CHECKS = [{'id': 'default.wordCount', 'parameters': {'minWords': 1, 'maxWords': 500}}]
ACTIONS = {'onFail': 'block', 'message': 'Too long'}


def guardrails(emulator):
    return list(emulator.org.table('guardrails').values())


def new_workspace(emulator, name='Production'):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': name})
    assert status == 200, ws
    return ws


def test_lifecycle(emulator, ansible_playbook):
    ws = new_workspace(emulator)
    mark = emulator.mark()
    run = ansible_playbook('guardrail_lifecycle.yml', {'ws_slug': ws['slug'], 'org_id': Org.ORG_ID})
    assert run.rc == 0, run
    writes = [(e['method'], e['path'][len('/v1'):], e['body'], e['status']) for e in emulator.writes(mark)]
    # Check mode, the reruns, the refused move and the second delete wrote nothing: these are all.
    assert [(m, s) for m, dummy, dummy_body, s in writes] == [('POST', 200), ('PUT', 200), ('POST', 200),
                                                              ('DELETE', 200), ('DELETE', 200)], writes
    create, update, org_create, delete, org_delete = writes
    assert create[2] == {'name': 'Length', 'workspace_id': ws['id'], 'checks': CHECKS, 'actions': ACTIONS}
    assert update[2] == {'checks': [
        {'id': 'default.wordCount', 'parameters': {'minWords': 1, 'maxWords': 900}, 'is_enabled': True},
        {'id': 'default.regexMatch', 'name': 'No secrets', 'parameters': {'rule': 'sk-[a-z0-9]+', 'not': True},
         'is_enabled': False}]}, 'only the changed field is sent'
    assert org_create[2]['organisation_id'] == Org.ORG_ID and 'workspace_id' not in org_create[2]
    assert delete[1] != org_delete[1]
    assert guardrails(emulator) == []
    # The second delete found the guardrail gone through a 403, confirmed by the list.
    statuses = [(e['method'], e['route'], e['status']) for e in emulator.requests(mark)]
    assert ('GET', '/guardrails/{guardrailId}', 403) in statuses


def test_converges_changes_made_behind_ansibles_back(emulator, ansible_playbook):
    ws = new_workspace(emulator)
    status, made = emulator.call('POST', '/guardrails', {'name': 'Length', 'workspace_id': ws['id'],
                                                         'checks': CHECKS, 'actions': ACTIONS})
    assert status == 200, made
    task = {'gr_name': 'Length', 'gr_workspace': ws['slug'], 'gr_checks': CHECKS, 'gr_actions': ACTIONS}

    # made outside Ansible, in the same shape: nothing to do, nothing written
    mark = emulator.mark()
    run = ansible_playbook('guardrail.yml', task)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []

    # edited in the UI: converged back, only the edited field is sent
    assert emulator.call('PUT', '/guardrails/%s' % made['slug'], {'actions': {'onFail': 'log'}})[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('guardrail.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    [write] = emulator.writes(mark)
    assert write['method'] == 'PUT' and write['body'] == {'actions': ACTIONS}
    assert guardrails(emulator)[0]['actions'] == ACTIONS

    # deleted in the UI: created again
    assert emulator.call('DELETE', '/guardrails/%s' % made['id'])[0] == 200
    run = ansible_playbook('guardrail.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    [again] = guardrails(emulator)
    assert again['id'] != made['id'] and again['workspace_id'] == ws['id'] and again['actions'] == ACTIONS


def test_a_name_shared_in_the_scope_fails_listing_them(emulator, ansible_playbook):
    ws = new_workspace(emulator)
    for dummy in range(2):
        assert emulator.call('POST', '/guardrails', {'name': 'Twin', 'workspace_id': ws['id'],
                                                     'checks': CHECKS, 'actions': ACTIONS})[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('guardrail.yml', {'gr_name': 'Twin', 'gr_workspace': ws['slug'], 'gr_actions': {'onFail': 'log'}})
    assert run.rc != 0
    assert '2 guardrails match' in run.stdout
    for guardrail in guardrails(emulator):
        assert guardrail['slug'] in run.stdout
    assert emulator.writes(mark) == []
