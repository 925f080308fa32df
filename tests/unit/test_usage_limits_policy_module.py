# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The usage_limits_policy modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import requests
from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': 'Production', 'object': 'workspace'}
POLICY_ID = '22222222-2222-4222-8222-222222222222'
NEW_ID = '33333333-3333-4333-8333-333333333333'
POLICY = {
    'id': POLICY_ID, 'name': 'Budget', 'type': 'cost', 'credit_limit': 1000.0, 'alert_threshold': 800.0,
    'periodic_reset': None, 'status': 'active', 'workspace_id': WS['id'], 'organisation_id': 'org',
    'conditions': [{'key': 'workspace_id', 'value': WS['id']}, {'key': 'metadata.team', 'value': 'research'}],
    'group_by': [{'key': 'api_key'}, {'key': 'metadata._user'}],
    'created_at': '2026-01-01T00:00:00.000Z', 'last_updated_at': '2026-01-01T00:00:00.000Z',
}
LIST = BASE + '/policies/usage-limits'
ITEM = LIST + '/' + POLICY_ID

# The same policy as a user writes it: conditions and group_by in another order, the workspace by
# slug in the condition, whole numbers as integers, "never" for no periodic reset.
PARAMS = dict(
    name='Budget', workspace=WS['slug'], type='cost', credit_limit=1000, alert_threshold=800, periodic_reset='never',
    conditions=[{'key': 'metadata.team', 'value': 'research'}, {'key': 'workspace_id', 'value': WS['slug']}],
    group_by=[{'key': 'metadata._user'}, {'key': 'api_key'}],
)


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def found_by_name(api, *items):
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    api.get(LIST, json=listing(*items),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])


def test_unchanged_when_order_formats_and_workspace_refs_differ(api):
    found_by_name(api, POLICY)
    result = run_module('usage_limits_policy', PARAMS)
    assert result['changed'] is False, result
    assert result['usage_limits_policy']['id'] == POLICY_ID
    assert result.writes == []


def test_update_sends_only_changed_fields_and_rereads(api):
    found_by_name(api, POLICY)
    api.put(ITEM, json={}, match=[matchers.json_params_matcher({'credit_limit': 2000, 'periodic_reset': 'monthly'})])
    api.get(ITEM, json=dict(POLICY, credit_limit=2000.0, periodic_reset='monthly', object='policy_usage_limits'))
    result = run_module('usage_limits_policy', dict(PARAMS, credit_limit=2000, periodic_reset='monthly'), diff=True)
    assert result['changed'] is True and 'replaced' not in result
    assert result['usage_limits_policy']['credit_limit'] == 2000.0
    assert result['diff']['before']['credit_limit'] == 1000 and result['diff']['after']['credit_limit'] == 2000
    assert result['diff']['before']['periodic_reset'] == 'never'
    assert result['diff']['after']['periodic_reset'] == 'monthly'


def test_never_removes_the_periodic_reset_with_null(api):
    found_by_name(api, dict(POLICY, periodic_reset='weekly'))
    api.put(ITEM, json={}, match=[matchers.json_params_matcher({'periodic_reset': None})])
    api.get(ITEM, json=POLICY)
    result = run_module('usage_limits_policy', dict(name='Budget', workspace=WS['slug'], periodic_reset='never'))
    assert result['changed'] is True


def test_create_sends_the_workspace_uuid_and_reads_back(api):
    found_by_name(api)
    api.post(LIST, json={'id': POLICY_ID, 'object': 'policy_usage_limits'}, match=[matchers.json_params_matcher({
        'name': 'Budget', 'type': 'cost', 'credit_limit': 1000, 'alert_threshold': 800, 'workspace_id': WS['id'],
        'conditions': PARAMS['conditions'], 'group_by': PARAMS['group_by']})])
    api.get(ITEM, json=POLICY)
    result = run_module('usage_limits_policy', PARAMS)
    assert result['changed'] is True and result['usage_limits_policy']['id'] == POLICY_ID


def test_immutable_change_creates_the_new_policy_before_archiving_the_old(api):
    found_by_name(api, POLICY)
    # Options left unset (alert_threshold, conditions) are carried over from the old policy.
    api.post(LIST, json={'id': NEW_ID, 'object': 'policy_usage_limits'}, match=[matchers.json_params_matcher({
        'name': 'Budget', 'type': 'tokens', 'credit_limit': 1000, 'alert_threshold': 800.0, 'workspace_id': WS['id'],
        'conditions': POLICY['conditions'], 'group_by': [{'key': 'api_key'}]})])
    api.get(LIST + '/' + NEW_ID, json=dict(POLICY, id=NEW_ID, type='tokens', group_by=[{'key': 'api_key'}]))
    api.delete(ITEM, json={})
    result = run_module('usage_limits_policy', dict(name='Budget', workspace=WS['slug'], type='tokens',
                                                    credit_limit=1000, group_by=[{'key': 'api_key'}]), diff=True)
    assert result['changed'] is True and result['replaced'] is True
    assert result['usage_limits_policy']['id'] == NEW_ID
    assert result.writes == [('POST', '/policies/usage-limits'), ('DELETE', '/policies/usage-limits/' + POLICY_ID)]
    assert result['diff']['before']['type'] == 'cost' and result['diff']['after']['type'] == 'tokens'
    assert 'created first, then the old one archived' in json.dumps(result['warnings'])


def test_check_mode_shows_a_replacement_and_writes_nothing(api):
    found_by_name(api, POLICY)
    result = run_module('usage_limits_policy', dict(PARAMS, conditions=[{'key': 'api_key', 'value': 'k1'}]),
                        check_mode=True, diff=True)
    assert result['changed'] is True and result['replaced'] is True
    assert result.writes == []
    assert result['diff']['after']['conditions'] == [{'key': 'api_key', 'value': 'k1'}]
    assert result['usage_limits_policy']['id'] == POLICY_ID


def test_a_lost_answer_during_replacement_does_not_take_the_old_policy_for_the_new(api):
    found_by_name(api, POLICY)
    api.post(LIST, body=requests.exceptions.ConnectionError('connection reset'))
    api.get(LIST, json=listing(POLICY))  # the create did not happen: only the old policy is there
    api.post(LIST, json={'id': NEW_ID, 'object': 'policy_usage_limits'})
    api.get(LIST + '/' + NEW_ID, json=dict(POLICY, id=NEW_ID, type='tokens'))
    api.delete(ITEM, json={})
    result = run_module('usage_limits_policy', dict(name='Budget', workspace=WS['slug'], type='tokens', max_retries=1))
    assert result['changed'] is True and result['usage_limits_policy']['id'] == NEW_ID
    assert result.writes == [('POST', '/policies/usage-limits')] * 2 + [('DELETE', '/policies/usage-limits/' + POLICY_ID)]


def test_create_without_the_required_options_fails_before_any_write(api):
    found_by_name(api)
    result = run_module('usage_limits_policy', dict(name='Budget', workspace=WS['slug'], credit_limit=10), check_mode=True)
    assert result['failed'] is True
    assert 'type, conditions, group_by are required to create a usage limits policy' in result['msg']
    assert result.writes == []


def test_archived_policy_is_absent(api):
    api.get(ITEM, status=404, json={'errorCode': 'AB08', 'message': 'Usage limits policy not found'})
    result = run_module('usage_limits_policy', dict(id=POLICY_ID, state='absent'))
    assert result['changed'] is False and result['usage_limits_policy'] == {}


def test_delete_archives_and_shows_the_diff(api):
    found_by_name(api, POLICY)
    api.delete(ITEM, json={})
    result = run_module('usage_limits_policy', dict(name='Budget', workspace=WS['slug'], state='absent'), diff=True)
    assert result['changed'] is True
    assert result['diff']['after'] == {} and result['diff']['before']['name'] == 'Budget'


def test_policy_found_by_id_in_another_workspace_fails(api):
    api.get(ITEM, json=dict(POLICY, workspace_id='99999999-9999-4999-8999-999999999999'))
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    result = run_module('usage_limits_policy', dict(id=POLICY_ID, workspace=WS['slug'], credit_limit=5))
    assert result['failed'] is True and 'belongs to workspace 99999999' in result['msg']
    assert result.writes == []


def test_ambiguous_name_fails_listing_the_candidates(api):
    found_by_name(api, POLICY, dict(POLICY, id=NEW_ID))
    result = run_module('usage_limits_policy', dict(name='Budget', workspace=WS['slug'], credit_limit=5))
    assert result['failed'] is True
    assert '2 usage limits policies match' in result['msg'] and POLICY_ID in result['msg'] and NEW_ID in result['msg']


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='x', conditions=[]), 'conditions must not be empty'),
            (dict(name='x', group_by=[]), 'group_by must not be empty'),
            (dict(name='x', conditions=[{'key': 'user', 'value': 'u'}]), 'conditions[0].key must be api_key'),
            (dict(name='x', group_by=[{'key': 'api_key'}, {'key': 'metadata'}]), 'group_by[1].key'),
            (dict(name='x', conditions=[{'key': 'api_key', 'value': ' '}]), 'conditions[0].value must not be empty'),
            (dict(name='x', conditions=[{'key': 'api_key'}]), 'value'),
            (dict(name='x', credit_limit=10, alert_threshold=20), 'alert_threshold (20.0) must not exceed'),
            (dict(name='x', credit_limit=-1), 'credit_limit must be 0 or more'),
            (dict(name='x', periodic_reset='daily'), 'daily'),
            (dict(id='Budget'), 'id must be the UUID'),
            (dict(name=' '), 'name must not be empty'),
            (dict(credit_limit=1), 'one of id, name is needed')):
        result = run_module('usage_limits_policy', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_workspace_id_is_an_alias(api):
    found_by_name(api, POLICY)
    params = dict(PARAMS)
    params['workspace_id'] = params.pop('workspace')
    assert run_module('usage_limits_policy', params)['changed'] is False


def test_info_lists_with_filters_and_name(api):
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    api.get(LIST, json=listing(POLICY, dict(POLICY, id=NEW_ID, name='Other')), match=[matchers.query_param_matcher(
        {'workspace_id': WS['id'], 'status': 'archived', 'type': 'cost', 'current_page': '0', 'page_size': '100'})])
    result = run_module('usage_limits_policy_info', dict(workspace=WS['slug'], name='Budget', status='archived', type='cost'))
    assert result['changed'] is False
    assert [p['id'] for p in result['usage_limits_policies']] == [POLICY_ID]


def test_info_by_id_with_usage_and_missing(api):
    api.get(ITEM, json=dict(POLICY, value_key_usage_map={}),
            match=[matchers.query_param_matcher({'include_usage': 'true'})])
    result = run_module('usage_limits_policy_info', dict(id=POLICY_ID, include_usage=True))
    assert result['usage_limits_policies'][0]['value_key_usage_map'] == {}
    api.get(LIST + '/' + NEW_ID, status=404, json={'errorCode': 'AB08', 'message': 'not found'})
    assert run_module('usage_limits_policy_info', dict(id=NEW_ID))['usage_limits_policies'] == []


def test_missing_workspace_on_create_gets_a_hint(api):
    api.get(LIST, json=listing(), match=[matchers.query_param_matcher({'current_page': '0', 'page_size': '100'})])
    api.post(LIST, status=400, json={'errorCode': 'AB01', 'message': 'workspace_id is required'})
    params = dict(PARAMS)
    del params['workspace']
    result = run_module('usage_limits_policy', params)
    assert result['failed'] is True and 'HTTP 400' in result['msg'] and 'AB01' in result['msg']
    assert 'Set workspace (its id or slug)' in result['msg']
