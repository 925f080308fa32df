# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The rate_limits_policy modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': 'Production', 'object': 'workspace'}
POLICY_ID = '44444444-4444-4444-8444-444444444444'
NEW_ID = '55555555-5555-4555-8555-555555555555'
POLICY = {
    'id': POLICY_ID, 'name': 'RPM', 'type': 'requests', 'unit': 'rpm', 'value': 100.0, 'status': 'active',
    'workspace_id': WS['id'], 'organisation_id': 'org',
    'conditions': [{'key': 'workspace_id', 'value': WS['id']}], 'group_by': [{'key': 'api_key'}],
    'created_at': '2026-01-01T00:00:00.000Z', 'last_updated_at': '2026-01-01T00:00:00.000Z',
}
LIST = BASE + '/policies/rate-limits'
ITEM = LIST + '/' + POLICY_ID
PARAMS = dict(name='RPM', workspace=WS['id'], type='requests', unit='rpm', value=100,
              conditions=[{'key': 'workspace_id', 'value': WS['id']}], group_by=[{'key': 'api_key'}, {'key': 'api_key'}])


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def found_by_name(api, *items):
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    api.get(LIST, json=listing(*items),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])


def test_unchanged_second_run(api):
    found_by_name(api, POLICY)
    result = run_module('rate_limits_policy', PARAMS)
    assert result['changed'] is False and result['rate_limits_policy']['id'] == POLICY_ID
    assert result.writes == []


def test_unit_and_value_are_updated_in_place(api):
    found_by_name(api, POLICY)
    api.put(ITEM, json={}, match=[matchers.json_params_matcher({'unit': 'rph', 'value': 5000})])
    api.get(ITEM, json=dict(POLICY, unit='rph', value=5000, object='policy_rate_limits'))
    result = run_module('rate_limits_policy', dict(PARAMS, unit='rph', value=5000), diff=True)
    assert result['changed'] is True and 'replaced' not in result
    before, after = result['diff']['before'], result['diff']['after']
    assert (before['unit'], before['value'], after['unit'], after['value']) == ('rpm', 100, 'rph', 5000)
    assert before['group_by'] == after['group_by'] == [{'key': 'api_key'}]


def test_type_change_replaces_create_first(api):
    found_by_name(api, POLICY)
    api.post(LIST, json={'id': NEW_ID, 'object': 'policy_rate_limits'}, match=[matchers.json_params_matcher({
        'name': 'RPM', 'type': 'tokens', 'unit': 'rpm', 'value': 100.0, 'workspace_id': WS['id'],
        'conditions': POLICY['conditions'], 'group_by': POLICY['group_by']})])
    api.get(LIST + '/' + NEW_ID, json=dict(POLICY, id=NEW_ID, type='tokens'))
    api.delete(ITEM, json={})
    result = run_module('rate_limits_policy', dict(name='RPM', workspace=WS['id'], type='tokens'))
    assert result['changed'] is True and result['replaced'] is True
    assert result.writes == [('POST', '/policies/rate-limits'), ('DELETE', '/policies/rate-limits/' + POLICY_ID)]
    assert 'then the old one deleted' in json.dumps(result['warnings'])


def test_check_mode_create_writes_nothing(api):
    found_by_name(api)
    result = run_module('rate_limits_policy', PARAMS, check_mode=True, diff=True)
    assert result['changed'] is True and result['rate_limits_policy']['id'] == 'check-mode-placeholder'
    assert result['diff']['before'] == {} and result['diff']['after']['group_by'] == [{'key': 'api_key'}]
    assert result.writes == []


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='x', value=-5), 'value must be 0 or more'),
            (dict(name='x', unit='rps'), 'rps'),
            (dict(name='x', type='cost'), 'cost'),
            (dict(name='x', conditions=[]), 'conditions must not be empty'),
            (dict(id='not-a-uuid', state='absent'), 'id must be the UUID of the rate limits policy')):
        result = run_module('rate_limits_policy', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_filters_by_type_and_unit(api):
    api.get(LIST, json=listing(POLICY), match=[matchers.query_param_matcher(
        {'type': 'requests', 'unit': 'rpm', 'current_page': '0', 'page_size': '100'})])
    result = run_module('rate_limits_policy_info', dict(type='requests', unit='rpm'))
    assert result['rate_limits_policies'] == [POLICY]
