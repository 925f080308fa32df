# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The api_key and api_key_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': 'Production', 'object': 'workspace'}
KEY_ID = '22222222-2222-4222-8222-222222222222'
USER_ID = '33333333-3333-4333-8333-333333333333'
SECRET = 'XkSECRETsecretSECRETsecretSECRS4'
# A key as the live API reads it back: masked, type combined, floats, null/0/1 flag, {} and [].
KEY = {
    'id': KEY_ID, 'key': 'Xk*******S4', 'name': 'Backend', 'description': None, 'type': 'workspace-service',
    'organisation_id': '44444444-4444-4444-8444-444444444444', 'workspace_id': WS['slug'], 'user_id': None,
    'status': 'active', 'scopes': ['logs.view', 'completions.write'], 'alert_emails': ['ops@example.com'],
    'rate_limits': [{'type': 'requests', 'unit': 'rpm', 'value': 600.0}],
    'usage_limits': {'type': 'cost', 'credit_limit': 100.0, 'alert_threshold': 80.0, 'periodic_reset': None},
    'defaults': {'metadata': {'tier': '1'}, 'config_id': 'pc-routin-1a2b3c'}, 'allow_config_override': 0,
    'expires_at': '2031-06-30T10:00:00.000Z', 'object': 'api-key',
}
SAME = dict(name='Backend', workspace=WS['slug'], scopes=['completions.write', 'logs.view'],
            alert_emails=['Ops@Example.com'], rate_limits=[{'type': 'requests', 'unit': 'rpm', 'value': 600}],
            usage_limits={'type': 'cost', 'credit_limit': 100}, metadata={'tier': 1}, config='pc-routin-1a2b3c',
            allow_config_override=False, expires_at='2031-06-30T12:00:00+02:00')


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def mock_workspace(api):
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)


def mock_find(api, *items):
    mock_workspace(api)
    api.get(BASE + '/api-keys', json=listing(*items),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])


def test_unchanged_despite_the_apis_formats(api):
    mock_find(api, KEY)
    result = run_module('api_key', SAME)
    assert result['changed'] is False, result
    assert result.writes == []
    assert 'key' not in result['api_key'] and result['api_key']['masked_key'] == 'Xk*******S4'


def test_create_resolves_references_and_returns_the_secret_once(api):
    mock_find(api)
    api.get(BASE + '/admin/users', json=listing({'id': USER_ID, 'email': 'mia@example.com'}),
            match=[matchers.query_param_matcher({'email': 'mia@example.com', 'currentPage': '0', 'pageSize': '100'})])
    api.post(BASE + '/api-keys/workspace/user', json={'id': KEY_ID, 'key': SECRET, 'object': 'api-key'},
             match=[matchers.json_params_matcher({
                 'name': 'Mine', 'scopes': ['completions.write'], 'workspace_id': WS['id'], 'user_id': USER_ID,
                 'expires_at': '2031-01-01T00:00:00Z', 'defaults': {'metadata': {'a': '1'}}})])
    api.get(BASE + '/api-keys/' + KEY_ID, json=dict(KEY, name='Mine', type='workspace-user', user_id=USER_ID))
    result = run_module('api_key', dict(name='Mine', workspace_id=WS['slug'], user_id='mia@example.com',
                                        scopes=['completions.write'], metadata={'a': 1}, expires_at='2031-01-01'),
                        diff=True)
    assert result['changed'] is True
    assert result['api_key']['key'] == SECRET and result['api_key']['masked_key'] == 'Xk*******S4'
    assert SECRET not in json.dumps(result['diff'])
    assert result['diff']['after']['user'] == USER_ID and result['diff']['after']['workspace'] == WS['id']
    assert 'set no_log: true on this task' in json.dumps(result.get('warnings')), 'a secret returned without no_log warns'


def test_update_sends_the_defaults_whole(api):
    mock_find(api, KEY)
    api.put(BASE + '/api-keys/' + KEY_ID, json={}, match=[matchers.json_params_matcher({
        'defaults': {'metadata': {'tier': '2'}, 'config_id': 'pc-routin-1a2b3c', 'allow_config_override': False}})])
    api.get(BASE + '/api-keys/' + KEY_ID, json=dict(KEY, defaults=dict(KEY['defaults'], metadata={'tier': '2'})))
    result = run_module('api_key', dict(SAME, metadata={'tier': 2}))
    assert result['changed'] is True and result['api_key']['defaults']['metadata'] == {'tier': '2'}
    assert 'key' not in result['api_key']


def test_empty_rate_limits_clear_them_with_null(api):
    mock_find(api, KEY)
    api.put(BASE + '/api-keys/' + KEY_ID, json={}, match=[matchers.json_params_matcher({'rate_limits': None})])
    api.get(BASE + '/api-keys/' + KEY_ID, json=dict(KEY, rate_limits=[]))
    assert run_module('api_key', dict(SAME, rate_limits=[]))['changed'] is True


def test_null_allow_config_override_is_the_default_true(api):
    mock_find(api, dict(KEY, allow_config_override=None))
    assert run_module('api_key', dict(SAME, allow_config_override=True))['changed'] is False


def test_fixed_fields_fail_instead_of_replacing(api):
    api.get(BASE + '/api-keys/' + KEY_ID, json=KEY)
    result = run_module('api_key', dict(id=KEY_ID, type='organisation', description='x'))
    assert result['failed'] is True
    assert 'type of an existing API key cannot be changed' in result['msg']
    assert 'invalidate its secret' in result['msg']
    assert result.writes == []


def test_rotate_in_check_mode_only_predicts(api):
    api.get(BASE + '/api-keys/' + KEY_ID, json=KEY)
    result = run_module('api_key', dict(id=KEY_ID, rotate=True), check_mode=True, diff=True)
    assert result['changed'] is True and result['rotated'] is True
    assert result['diff'] == {'before': {'key': '(current secret)'}, 'after': {'key': '(new secret)'}}
    assert result.writes == []


def test_rotate_returns_the_new_secret(api):
    api.get(BASE + '/api-keys/' + KEY_ID, json=KEY)
    api.post(BASE + '/api-keys/%s/rotate' % KEY_ID, json={'id': KEY_ID, 'key': SECRET, 'key_transition_expires_at': '2030-01-01T00:30:00.000Z'},
             match=[matchers.json_params_matcher({'key_transition_period_ms': 3600000})])
    api.get(BASE + '/api-keys/' + KEY_ID, json=dict(KEY, key='Xk*******S4'))
    result = run_module('api_key', dict(id=KEY_ID, rotate=True, key_transition_period_ms=3600000))
    assert result['changed'] is True and result['rotated'] is True
    assert result['api_key']['key'] == SECRET
    assert result['api_key']['key_transition_expires_at'] == '2030-01-01T00:30:00.000Z'


def test_rotate_forbidden_explains_the_scope(api):
    api.get(BASE + '/api-keys/' + KEY_ID, json=KEY)
    api.post(BASE + '/api-keys/%s/rotate' % KEY_ID, status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    result = run_module('api_key', dict(id=KEY_ID, rotate=True))
    assert result['failed'] is True
    assert 'HTTP 403' in result['msg'] and '_api_keys.rotate' in result['msg']


def test_gone_key_by_id(api):
    api.get(BASE + '/api-keys/' + KEY_ID, status=404, json={'errorCode': 'AB08', 'message': 'API Key not found'})
    assert run_module('api_key', dict(id=KEY_ID, state='absent'))['changed'] is False
    api.get(BASE + '/api-keys/' + KEY_ID, status=404, json={'errorCode': 'AB08', 'message': 'API Key not found'})
    result = run_module('api_key', dict(id=KEY_ID, description='x'))
    assert result['failed'] is True and 'no api_key has id' in result['msg']


def test_organisation_keys_are_found_among_organisation_keys_only(api):
    org_key = dict(KEY, id='55555555-5555-4555-8555-555555555555', type='organisation-service', workspace_id=None)
    api.get(BASE + '/api-keys', json=listing(KEY, org_key),
            match=[matchers.query_param_matcher({'current_page': '0', 'page_size': '100'})])
    api.delete(BASE + '/api-keys/' + org_key['id'], json={})
    result = run_module('api_key', dict(name='Backend', state='absent'), diff=True)
    assert result['changed'] is True
    assert result.writes == [('DELETE', '/api-keys/' + org_key['id'])]


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='x', scopes=[]), 'at least one scope'),
            (dict(name='x', scopes=['']), 'at least one scope'),
            (dict(name='x'), 'scopes is required'),
            (dict(scopes=['a']), 'name is required'),
            (dict(id='not-a-uuid', description='x'), "id must be the API key's UUID"),
            (dict(name='x', scopes=['a'], sub_type='user', user='a@b.c'), 'organisation API keys are service keys only'),
            (dict(name='x', scopes=['a'], type='workspace'), 'workspace is required'),
            (dict(name='x', scopes=['a'], type='organisation', workspace='ws-x'), 'only for type=workspace'),
            (dict(name='x', scopes=['a'], workspace='ws-x', sub_type='user'), 'user is required'),
            (dict(name='x', scopes=['a'], workspace='ws-x', sub_type='service', user='a@b.c'), 'only for sub_type=user'),
            (dict(name='x', scopes=['a'], expires_at='next year'), 'ISO 8601'),
            (dict(name='x', scopes=['a'], alert_emails=['nobody']), 'not an email address'),
            (dict(name='x', scopes=['a'], usage_limits={'credit_limit': 10, 'alert_threshold': 20}), 'must not exceed'),
            (dict(name='x', scopes=['a'], rate_limits=[{'type': 'requests', 'unit': 'rpm', 'value': -1}]), '0 or more'),
            (dict(name='x', scopes=['a'], rotate=True, key_transition_period_ms=1000), 'at least 1800000'),
            (dict(name='x', scopes=['a'], key_transition_period_ms=3600000), 'only applies with rotate'),
            (dict(name='x', scopes=['a'], rate_limits=[{'type': 'requests', 'unit': 'rpy', 'value': 1}]), 'rpy')):
        result = run_module('api_key', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_returns_masked_keys_filtered(api):
    org_key = dict(KEY, id='55555555-5555-4555-8555-555555555555', type='organisation-service', workspace_id=None)
    api.get(BASE + '/api-keys', json=listing(KEY, org_key))
    result = run_module('api_key_info', dict(type='organisation'))
    assert [k['id'] for k in result['api_keys']] == [org_key['id']]
    assert 'key' not in result['api_keys'][0] and result['api_keys'][0]['masked_key'] == 'Xk*******S4'


def test_info_by_workspace_and_id(api):
    mock_find(api, KEY)
    result = run_module('api_key_info', dict(workspace=WS['slug'], sub_type='service'))
    assert [k['id'] for k in result['api_keys']] == [KEY_ID]
    api.get(BASE + '/api-keys/' + KEY_ID, status=404, json={'errorCode': 'AB08', 'message': 'API Key not found'})
    assert run_module('api_key_info', dict(id=KEY_ID))['api_keys'] == []
