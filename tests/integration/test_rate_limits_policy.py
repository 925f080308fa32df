# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.rate_limits_policy(_info) through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

PATH = '/v1/policies/rate-limits'


def policies(emulator, status='active'):
    return [p for p in emulator.org.table('rate_limits_policies').values() if p['status'] == status]


def test_lifecycle(emulator, ansible_playbook):
    # One run: bad input, check-mode create, create, unchanged rerun, update, replacement, info,
    # delete, delete again, create again (the playbook asserts each result).
    run = ansible_playbook('rate_limits_policy_lifecycle.yml')
    assert run.rc == 0, run
    writes = [e for e in emulator.writes() if e['path'].startswith(PATH)]
    assert [(e['method'], e['status']) for e in writes] == [
        ('POST', 200), ('PUT', 200), ('POST', 200), ('DELETE', 200), ('DELETE', 200), ('POST', 200)], writes
    assert writes[1]['body'] == {'unit': 'rph', 'value': 5000}
    # The replacement: the new policy first (with the unit and value carried over), then the old one.
    # (the log masks fields named "key"; the stored policy shows the condition)
    assert [c['value'] for c in writes[2]['body']['conditions']] == ['research']
    assert [p['conditions'] for p in policies(emulator, 'archived')
            if p['conditions'][0]['key'] != 'workspace_id'] == [[{'key': 'metadata.team', 'value': 'research'}]]
    assert (writes[2]['body']['unit'], writes[2]['body']['value']) == ('rph', 5000)
    assert writes[3]['path'] == writes[1]['path']
    [active] = policies(emulator)
    assert (active['unit'], active['value']) == ('rpm', 100)

    [ws] = [w for w in emulator.org.table('workspaces').values() if w['name'] == 'Rate limits']
    params = {'p_name': 'Requests per key', 'p_workspace': ws['slug'], 'p_type': 'requests', 'p_unit': 'rpm',
              'p_value': 100, 'p_conditions': [{'key': 'workspace_id', 'value': ws['id']}],
              'p_group_by': [{'key': 'metadata._user'}, {'key': 'api_key'}]}

    # Another playbook, the workspace by slug and the condition by UUID: unchanged, no write.
    mark = emulator.mark()
    run = ansible_playbook('rate_limits_policy.yml', params)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []

    # Changed behind Ansible's back: converged in place.
    assert emulator.call('PUT', '/policies/rate-limits/%s' % active['id'], {'unit': 'rpd', 'value': 1})[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('rate_limits_policy.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    assert [(e['method'], e['body']) for e in emulator.writes(mark)] == [('PUT', {'unit': 'rpm', 'value': 100})]

    # Deleted behind Ansible's back: created again.
    assert emulator.call('DELETE', '/policies/rate-limits/%s' % active['id'])[0] == 200
    run = ansible_playbook('rate_limits_policy.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    [again] = policies(emulator)
    assert again['id'] != active['id'] and again['value'] == 100
