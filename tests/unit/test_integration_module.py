# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The integration and integration_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-dev-abcdef', 'name': 'Dev', 'object': 'workspace'}
INTEG = {
    'id': '22222222-2222-4222-8222-222222222222', 'slug': 'bedrock-prod', 'name': 'Bedrock', 'ai_provider_id': 'bedrock',
    'description': 'Prod', 'status': 'active', 'type': 'organisation', 'workspace_id': None, 'object': 'integration',
    'masked_key': 'sk*******01',
    'configurations': {'aws_region': 'us-east-1', 'aws_auth_type': 'accessKey', 'masked_aws_secret_access_key': 'aw*******01',
                       'masked_custom_field': 'xx*******yy'},
}
CONFIG = {'aws_region': 'us-east-1', 'aws_auth_type': 'accessKey', 'aws_secret_access_key': 'aws-secret-value-1',
          'custom_field': 'hidden-by-the-api-1'}
PARAMS = dict(slug='bedrock-prod', name='Bedrock', ai_provider_id='bedrock', key='sk-secret-key-1', configurations=CONFIG)


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def test_unchanged_when_secrets_are_masked(api):
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    result = run_module('integration', dict(PARAMS, description='Prod'))
    assert result['changed'] is False and result.writes == []
    assert result['integration']['masked_key'] == 'sk*******01'
    text = json.dumps(result)
    for secret in ('sk-secret-key-1', 'aws-secret-value-1', 'hidden-by-the-api-1'):
        assert secret not in text


def test_secret_objects_are_hidden_everywhere(api):
    masked = {'vertex_region': 'us-central1', 'masked_vertex_service_account_json': '{*******}'}
    api.get(BASE + '/integrations/bedrock-prod', json=dict(INTEG, ai_provider_id='vertex-ai', configurations=masked))
    account = {'type': 'service_account', 'private_key': 'private-key-material-1'}
    configurations = {'vertex_region': 'us-central1', 'vertex_service_account_json': account}
    result = run_module('integration', dict(slug='bedrock-prod', configurations=configurations))
    assert result['changed'] is False
    assert 'private-key-material-1' not in json.dumps(result)


def test_unchanged_when_the_api_returns_no_configurations(api):
    # The live GET may leave the configurations out altogether (API-NOTES 24): nothing to compare.
    bare = dict((k, v) for k, v in INTEG.items() if k != 'configurations')
    api.get(BASE + '/integrations/bedrock-prod', json=bare)
    result = run_module('integration', dict(PARAMS, configurations=dict(CONFIG, aws_region='eu-west-1')))
    assert result['changed'] is False and result.writes == []


def test_diff_hides_configurations_the_api_did_not_return(api):
    bare = dict((k, v) for k, v in INTEG.items() if k != 'configurations')
    api.get(BASE + '/integrations/bedrock-prod', json=bare)
    result = run_module('integration', dict(PARAMS, description='New'), check_mode=True, diff=True)
    assert result['changed'] is True
    assert result['diff'] == {'before': {'name': 'Bedrock', 'ai_provider_id': 'bedrock', 'description': 'Prod'},
                              'after': {'name': 'Bedrock', 'ai_provider_id': 'bedrock', 'description': 'New'}}


def test_non_secret_change_sends_the_whole_configurations_but_not_the_key(api):
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    api.put(BASE + '/integrations/bedrock-prod', json={},
            match=[matchers.json_params_matcher({'configurations': dict(CONFIG, aws_region='eu-west-1')})])
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    result = run_module('integration', dict(PARAMS, configurations=dict(CONFIG, aws_region='eu-west-1')), diff=True)
    assert result['changed'] is True
    assert result['diff']['before']['configurations'] == {'aws_region': 'us-east-1', 'aws_auth_type': 'accessKey'}
    assert result['diff']['after']['configurations'] == {'aws_region': 'eu-west-1', 'aws_auth_type': 'accessKey'}
    assert 'aws-secret-value-1' not in json.dumps(result) and 'hidden-by-the-api-1' not in json.dumps(result)


def test_update_secrets_always_sends_key_and_configurations(api):
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    api.put(BASE + '/integrations/bedrock-prod', json={},
            match=[matchers.json_params_matcher({'key': 'sk-secret-key-1', 'configurations': CONFIG})])
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    result = run_module('integration', dict(PARAMS, update_secrets='always'))
    assert result['changed'] is True


def test_create_by_name_in_a_workspace_without_default_provider(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/integrations', json=listing(),
            match=[matchers.query_param_matcher({'type': 'workspace', 'workspace_id': WS['id'],
                                                 'current_page': '0', 'page_size': '100'})])
    api.post(BASE + '/integrations', json={'id': INTEG['id'], 'slug': 'bedrock-1a2b3c'},
             match=[matchers.json_params_matcher({'name': 'Bedrock', 'ai_provider_id': 'bedrock', 'key': 'sk-secret-key-1',
                                                  'workspace_id': WS['id'], 'create_default_provider': False})])
    api.get(BASE + '/integrations/bedrock-1a2b3c', json=dict(INTEG, slug='bedrock-1a2b3c', workspace_id=WS['id']))
    result = run_module('integration', dict(name='Bedrock', ai_provider_id='bedrock', key='sk-secret-key-1',
                                            workspace='ws-dev-abcdef'))
    assert result['changed'] is True and result['integration']['slug'] == 'bedrock-1a2b3c'


def test_found_by_name_among_others(api):
    other = dict(INTEG, name='Other', slug='other')
    api.get(BASE + '/integrations', json=listing(other, INTEG),
            match=[matchers.query_param_matcher({'type': 'organisation', 'current_page': '0', 'page_size': '100'})])
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    result = run_module('integration', dict(name='Bedrock', description='Prod'))
    assert result['changed'] is False and result['integration']['slug'] == 'bedrock-prod'


def test_immutable_fields_fail_without_writing(api):
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    result = run_module('integration', dict(slug='bedrock-prod', ai_provider_id='openai', workspace='ws-dev-abcdef'))
    assert result['failed'] is True and result.writes == []
    assert 'ai_provider_id, workspace cannot be changed on an existing integration' in result['msg']


def test_create_needs_ai_provider_id(api):
    api.get(BASE + '/integrations/new-one', status=404, json={'errorCode': 'AB08', 'message': 'Integration not found'})
    result = run_module('integration', dict(slug='new-one', name='New'), check_mode=True)
    assert result['failed'] is True and 'ai_provider_id is required to create an integration' in result['msg']


def test_delete(api):
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    api.delete(BASE + '/integrations/bedrock-prod', json={})
    result = run_module('integration', dict(slug='bedrock-prod', state='absent'))
    assert result['changed'] is True and result['integration'] == {}


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name=' '), 'name must not be empty'),
            (dict(slug='has space'), 'slug may only hold'),
            (dict(name='x', configurations={'masked_key': 'x'}), 'not the masked ones'),
            (dict(name='x', default_provider_slug='p'), 'default_provider_slug needs create_default_provider'),
            (dict(description='x'), 'one of the following is required: name, slug'),
            (dict(name='x', update_secrets='sometimes'), 'update_secrets')):
        result = run_module('integration', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_lists_by_workspace_and_reads_one(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/integrations', json=listing(INTEG, dict(INTEG, slug='b', name='Other')),
            match=[matchers.query_param_matcher({'type': 'all', 'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])
    result = run_module('integration_info', dict(workspace='ws-dev-abcdef', name='Bedrock'))
    assert [i['slug'] for i in result['integrations']] == ['bedrock-prod']
    api.get(BASE + '/integrations/gone', status=404, json={'errorCode': 'AB08', 'message': 'Integration not found'})
    assert run_module('integration_info', dict(slug='gone'))['integrations'] == []


def test_partial_configurations_that_would_drop_fields_fail_before_writing(api):
    api.get(BASE + '/integrations/bedrock-prod', json=INTEG)
    result = run_module('integration', dict(PARAMS, configurations={'aws_region': 'us-west-2'}), check_mode=True)
    assert result['failed'] is True and result.writes == []
    for field in ('aws_auth_type', 'aws_secret_access_key', 'custom_field'):
        assert field in result['msg']
    assert 'give every field' in result['msg']
