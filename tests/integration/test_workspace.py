# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.workspace through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import re

FULL = {
    'ws_name': 'Production',
    'ws_description': 'Production environment',
    'ws_icon': '🚀',
    'ws_metadata': {'team': 'platform'},
    'ws_usage_limits': [{'type': 'cost', 'credit_limit': 1000, 'alert_threshold': 800, 'periodic_reset': 'monthly'}],
    'ws_rate_limits': [{'type': 'requests', 'unit': 'rpm', 'value': 600}],
}


def workspaces(emulator):
    return list(emulator.org.table('workspaces').values())


def result_of(run):
    """The registered result the playbook printed with debug."""
    match = re.search(r'"result": (\{.*?\n    \})', run.stdout, re.S)
    assert match, run
    return json.loads(match.group(1))


def test_lifecycle(emulator, ansible_playbook):
    # create
    run = ansible_playbook('workspace.yml', FULL)
    assert run.rc == 0 and run.changed == 1, run
    [ws] = workspaces(emulator)
    assert ws['name'] == 'Production' and ws['icon'] == '🚀'
    assert ws['defaults']['metadata'] == {'team': 'platform'}
    assert ws['usage_limits'][0]['credit_limit'] == 1000
    returned = result_of(run)['workspace']
    assert returned['name'] == 'Production', 'the icon is stripped from the returned name'
    assert returned['slug'] == ws['slug']

    # the same task again: unchanged, and not one write reached the API
    mark = emulator.mark()
    run = ansible_playbook('workspace.yml', FULL)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []
    assert [e['method'] for e in emulator.requests(mark)] == ['GET'], 'by name: one filtered list call'

    # update: only the changed field is sent
    mark = emulator.mark()
    run = ansible_playbook('workspace.yml', dict(FULL, ws_description='Live traffic'))
    assert run.rc == 0 and run.changed == 1, run
    [write] = emulator.writes(mark)
    assert write['method'] == 'PUT' and write['body'] == {'description': 'Live traffic'}
    assert workspaces(emulator)[0]['description'] == 'Live traffic'

    # --check reports the change and writes nothing
    mark = emulator.mark()
    run = ansible_playbook('workspace.yml', dict(FULL, ws_description='Checked only'), check=True)
    assert run.rc == 0 and run.changed == 1, run
    assert emulator.writes(mark) == []
    assert workspaces(emulator)[0]['description'] == 'Live traffic'

    # --check --diff shows before and after of the managed fields
    run = ansible_playbook('workspace.yml', dict(FULL, ws_description='Checked only'), check=True, diff=True)
    assert run.rc == 0, run
    assert re.search(r'^-\s+"description": "Live traffic"', run.stdout, re.M), run
    assert re.search(r'^\+\s+"description": "Checked only"', run.stdout, re.M), run

    # delete, then delete again: unchanged
    run = ansible_playbook('workspace.yml', {'ws_name': 'Production', 'ws_state': 'absent'})
    assert run.rc == 0 and run.changed == 1, run
    assert workspaces(emulator) == []
    mark = emulator.mark()
    run = ansible_playbook('workspace.yml', {'ws_name': 'Production', 'ws_state': 'absent'})
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []


def test_limits_removed_with_empty_list(emulator, ansible_playbook):
    assert ansible_playbook('workspace.yml', FULL).rc == 0
    run = ansible_playbook('workspace.yml', dict(FULL, ws_usage_limits=[], ws_rate_limits=[]))
    assert run.rc == 0 and run.changed == 1, run
    ws = workspaces(emulator)[0]
    assert ws['usage_limits'] == [] and ws['rate_limits'] == []
    assert ansible_playbook('workspace.yml', dict(FULL, ws_usage_limits=[], ws_rate_limits=[])).changed == 0


def test_deleted_behind_ansibles_back_is_recreated(emulator, ansible_playbook):
    assert ansible_playbook('workspace.yml', FULL).rc == 0
    [ws] = workspaces(emulator)
    assert emulator.call('DELETE', '/admin/workspaces/%s' % ws['id'], {'name': 'Production'})[0] == 200
    run = ansible_playbook('workspace.yml', FULL)
    assert run.rc == 0 and run.changed == 1, run
    [again] = workspaces(emulator)
    assert again['id'] != ws['id'] and again['description'] == 'Production environment'


def test_changed_behind_ansibles_back_is_converged(emulator, ansible_playbook):
    assert ansible_playbook('workspace.yml', FULL).rc == 0
    [ws] = workspaces(emulator)
    edit = {'description': 'edited in the UI', 'defaults': {'metadata': {'team': 'other'}}}
    assert emulator.call('PUT', '/admin/workspaces/%s' % ws['id'], edit)[0] == 200
    run = ansible_playbook('workspace.yml', FULL)
    assert run.rc == 0 and run.changed == 1, run
    ws = workspaces(emulator)[0]
    assert ws['description'] == 'Production environment' and ws['defaults']['metadata'] == {'team': 'platform'}


def test_found_by_id_and_slug_renamed(emulator, ansible_playbook):
    assert ansible_playbook('workspace.yml', FULL).rc == 0
    [ws] = workspaces(emulator)
    run = ansible_playbook('workspace.yml', {'ws_slug': ws['slug'], 'ws_name': 'Production EU'})
    assert run.rc == 0 and run.changed == 1, run
    assert workspaces(emulator)[0]['name'] == 'Production EU'
    run = ansible_playbook('workspace.yml', {'ws_id': ws['id'], 'ws_name': 'Production EU'})
    assert run.rc == 0 and run.changed == 0, run


def test_ambiguous_name_fails_listing_candidates(emulator, ansible_playbook):
    for dummy in range(2):
        assert emulator.call('POST', '/admin/workspaces', {'name': 'Twin'})[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('workspace.yml', {'ws_name': 'Twin', 'ws_description': 'x'})
    assert run.rc != 0
    assert '2 workspaces match' in run.stdout
    for ws in workspaces(emulator):
        assert ws['slug'] in run.stdout
    assert emulator.writes(mark) == []


def test_delete_with_dependants_needs_force(emulator, ansible_playbook):
    assert ansible_playbook('workspace.yml', FULL).rc == 0
    [ws] = workspaces(emulator)
    status, created = emulator.call('POST', '/configs', {'name': 'Routing', 'config': {'retry': {'attempts': 3}},
                                                         'workspace_id': ws['id']})
    assert status == 200
    run = ansible_playbook('workspace.yml', {'ws_name': 'Production', 'ws_state': 'absent'})
    assert run.rc != 0
    assert 'HTTP 409' in run.stdout and 'AB07' in run.stdout
    assert "config %r" % created['slug'] in run.stdout, 'the message names the dependant'
    assert 'force: true' in run.stdout
    assert len(workspaces(emulator)) == 1

    run = ansible_playbook('workspace.yml', {'ws_name': 'Production', 'ws_state': 'absent', 'ws_force': True})
    assert run.rc == 0 and run.changed == 1, run
    assert workspaces(emulator) == [] and emulator.org.table('configs') == {}


def test_check_mode_create_writes_nothing(emulator, ansible_playbook):
    run = ansible_playbook('workspace.yml', FULL, check=True, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert emulator.writes() == [] and workspaces(emulator) == []
    assert '"name": "Production"' in run.stdout
