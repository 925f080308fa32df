# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.usage_limits_policy(_info) through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

PATH = '/v1/policies/usage-limits'


def policies(emulator, status='active'):
    return [p for p in emulator.org.table('usage_limits_policies').values() if p['status'] == status]


def params_for(ws):
    return {
        'p_name': 'Monthly budget', 'p_workspace': ws['slug'], 'p_type': 'cost', 'p_credit_limit': 1000,
        'p_alert_threshold': 800, 'p_periodic_reset': 'monthly',
        'p_conditions': [{'key': 'workspace_id', 'value': ws['id']}, {'key': 'metadata.team', 'value': 'research'}],
        'p_group_by': [{'key': 'api_key'}],
    }


def test_lifecycle(emulator, ansible_playbook):
    # One run: check-mode create, create, unchanged rerun, update, check-mode and real replacement,
    # info, delete, delete again, create again (the playbook asserts each result).
    run = ansible_playbook('usage_limits_policy_lifecycle.yml')
    assert run.rc == 0, run
    writes = [(e['method'], e['path'], e['status']) for e in emulator.writes() if e['path'].startswith(PATH)]
    [first, replacement, recreated] = [e for e in emulator.writes() if e['method'] == 'POST' and e['path'] == PATH]
    # Only real changes wrote: the failed, check-mode and unchanged tasks sent nothing.
    assert [w[0] for w in writes] == ['POST', 'PUT', 'POST', 'DELETE', 'DELETE', 'POST'], writes
    assert all(w[2] == 200 for w in writes), writes
    # The update sent only what changed; null removes the periodic reset.
    [put] = [e for e in emulator.writes() if e['method'] == 'PUT' and e['path'].startswith(PATH)]
    assert put['body'] == {'credit_limit': 2000, 'periodic_reset': None}
    # The replacement created the new policy before it archived the old one, copying what was not set.
    old_id = writes[1][1].rsplit('/', 1)[1]
    assert writes[3][1] == PATH + '/' + old_id
    assert replacement['body']['type'] == 'tokens' and replacement['body']['alert_threshold'] == 800
    assert first['body']['workspace_id'] == recreated['body']['workspace_id']
    archived = policies(emulator, 'archived')
    assert len(archived) == 2 and old_id in [p['id'] for p in archived]
    [active] = policies(emulator)
    assert active['type'] == 'cost' and active['credit_limit'] == 1000

    ws = list(emulator.org.table('workspaces').values())[0]
    params = params_for(ws)

    # The same task from another playbook: unchanged, and not one write reached the API.
    mark = emulator.mark()
    run = ansible_playbook('usage_limits_policy.yml', params)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []

    # Changed behind Ansible's back: converged with only the changed field.
    status, dummy = emulator.call('PUT', '/policies/usage-limits/%s' % active['id'], {'credit_limit': 5000, 'alert_threshold': 10})
    assert status == 200
    mark = emulator.mark()
    run = ansible_playbook('usage_limits_policy.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    [write] = emulator.writes(mark)
    assert write['method'] == 'PUT' and write['body'] == {'credit_limit': 1000, 'alert_threshold': 800}
    assert (policies(emulator)[0]['credit_limit'], policies(emulator)[0]['alert_threshold']) == (1000, 800)

    # Deleted (archived) behind Ansible's back: created again.
    assert emulator.call('DELETE', '/policies/usage-limits/%s' % active['id'])[0] == 200
    run = ansible_playbook('usage_limits_policy.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    [again] = policies(emulator)
    assert again['id'] != active['id'] and again['alert_threshold'] == 800


def test_check_diff_of_a_replacement_writes_nothing(emulator, ansible_playbook):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': 'Policies'})
    assert status == 200
    params = params_for(ws)
    body = dict((k[2:], v) for k, v in params.items() if k not in ('p_workspace',))
    body['workspace_id'] = ws['slug']
    assert emulator.call('POST', '/policies/usage-limits', body)[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('usage_limits_policy.yml', dict(params, p_group_by=[{'key': 'metadata._user'}]),
                           check=True, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert emulator.writes(mark) == []
    assert '"replaced": true' in run.stdout
    assert 'the old one archived' in run.output
    assert re.search(r'^-\s+"key": "api_key"', run.stdout, re.M), run
    assert re.search(r'^\+\s+"key": "metadata._user"', run.stdout, re.M), run
