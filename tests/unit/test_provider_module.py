# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The provider and provider_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-dev-abcdef', 'name': 'Dev', 'object': 'workspace'}
INTEG = {'id': '22222222-2222-4222-8222-222222222222', 'slug': 'openai-prod', 'name': 'OpenAI', 'object': 'integration'}
PROV = {'id': '33333333-3333-4333-8333-333333333333', 'slug': 'openai-dev', 'name': 'OpenAI (dev)', 'integration_id': 'openai-prod',
        'note': None, 'status': 'active', 'workspace_id': WS['id'], 'object': 'provider'}
SCOPE = {'workspace_id': WS['id']}


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def test_found_by_name_with_the_workspace_uuid_and_integration_id(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers', json=listing(PROV),
            match=[matchers.query_param_matcher(dict(SCOPE, current_page='0', page_size='100'))])
    api.get(BASE + '/integrations/' + INTEG['id'], json=INTEG)
    result = run_module('provider', dict(name='OpenAI (dev)', workspace='ws-dev-abcdef', integration=INTEG['id'], note=''))
    assert result['changed'] is False and result.writes == []
    assert result['provider']['slug'] == 'openai-dev'


def test_create_sends_the_integration_slug_and_workspace_uuid(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', status=404, json={'errorCode': 'AB08', 'message': 'Provider not found'},
            match=[matchers.query_param_matcher(SCOPE)])
    api.get(BASE + '/integrations/' + INTEG['id'], json=INTEG)
    api.post(BASE + '/providers', json={'id': PROV['id'], 'slug': 'openai-dev'},
             match=[matchers.json_params_matcher({'name': 'OpenAI (dev)', 'slug': 'openai-dev', 'note': 'n',
                                                  'integration_id': 'openai-prod', 'workspace_id': WS['id']})])
    api.get(BASE + '/providers/openai-dev', json=dict(PROV, note='n'), match=[matchers.query_param_matcher(SCOPE)])
    result = run_module('provider', dict(name='OpenAI (dev)', slug='openai-dev', workspace='ws-dev-abcdef',
                                         integration_id=INTEG['id'], note='n'))
    assert result['changed'] is True and result['provider']['note'] == 'n'


def test_403_on_create_names_the_access_module(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', status=404, json={'errorCode': 'AB08', 'message': 'Provider not found'})
    api.get(BASE + '/integrations/openai-prod', json=INTEG)
    api.post(BASE + '/providers', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/integrations/openai-prod/workspaces', json={'total': 0, 'workspaces': []})
    result = run_module('provider', dict(name='OpenAI (dev)', slug='openai-dev', workspace='ws-dev-abcdef', integration='openai-prod'))
    assert result['failed'] is True
    assert 'HTTP 403' in result['msg']
    assert "integration 'openai-prod' is not enabled for the workspace 'ws-dev-abcdef'" in result['msg']
    assert 'portkey.ai.integration_workspace_access' in result['msg']


def test_update_sends_only_the_note_with_the_workspace_in_the_query(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', json=PROV, match=[matchers.query_param_matcher(SCOPE)])
    api.put(BASE + '/providers/openai-dev', json={'id': PROV['id'], 'slug': 'openai-dev'},
            match=[matchers.query_param_matcher(SCOPE), matchers.json_params_matcher({'note': 'x'})])
    api.get(BASE + '/providers/openai-dev', json=dict(PROV, note='x'))
    result = run_module('provider', dict(slug='openai-dev', workspace='ws-dev-abcdef', note='x'), diff=True)
    assert result['changed'] is True
    assert result['diff'] == {'before': {'note': None}, 'after': {'note': 'x'}}


def test_delete_carries_the_workspace(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', json=PROV)
    api.delete(BASE + '/providers/openai-dev', json={}, match=[matchers.query_param_matcher(SCOPE)])
    result = run_module('provider', dict(slug='openai-dev', workspace='ws-dev-abcdef', state='absent'))
    assert result['changed'] is True and result['provider'] == {}


def test_check_mode_in_a_workspace_that_does_not_exist_yet(api):
    api.get(BASE + '/admin/workspaces/ws-future', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('provider', dict(name='p', workspace='ws-future', integration='openai-prod'), check_mode=True)
    assert result['changed'] is True and result.writes == []


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='p'), 'missing required arguments: workspace'),
            (dict(workspace='w'), 'one of the following is required: name, slug'),
            (dict(name=' ', workspace='w'), 'name must not be empty'),
            (dict(name='p', workspace='w', integration=' '), 'integration must not be empty')):
        result = run_module('provider', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_filters_by_integration(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers', json=listing(PROV, dict(PROV, slug='other', integration_id='anthropic')))
    api.get(BASE + '/integrations/openai-prod', json=INTEG)
    result = run_module('provider_info', dict(workspace='ws-dev-abcdef', integration='openai-prod'))
    assert [p['slug'] for p in result['providers']] == ['openai-dev']


OTHER = {'id': '44444444-4444-4444-8444-444444444444', 'slug': 'bedrock-prod', 'name': 'Bedrock', 'object': 'integration'}


def test_moving_to_an_integration_not_enabled_fails_before_deleting(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', json=PROV)
    api.get(BASE + '/integrations/bedrock-prod', json=OTHER)
    api.get(BASE + '/integrations/bedrock-prod/workspaces', json={'total': 0, 'workspaces': []})
    result = run_module('provider', dict(slug='openai-dev', workspace='ws-dev-abcdef', integration='bedrock-prod'))
    assert result['failed'] is True and result['changed'] is False
    assert 'not enabled' in result['msg'] and 'nothing was changed' in result['msg']
    assert result.writes == []


def test_moving_to_another_integration_keeps_the_name_and_note(api):
    old = dict(PROV, note='kept')
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', json=old)
    api.get(BASE + '/integrations/bedrock-prod', json=OTHER)
    api.get(BASE + '/integrations/bedrock-prod/workspaces',
            json={'total': 1, 'workspaces': [{'id': WS['slug'], 'enabled': True}]})
    api.delete(BASE + '/providers/openai-dev', json={})
    api.post(BASE + '/providers', json={'id': 'new', 'slug': 'openai-dev'},
             match=[matchers.json_params_matcher({'name': 'OpenAI (dev)', 'slug': 'openai-dev', 'note': 'kept',
                                                  'integration_id': 'bedrock-prod', 'workspace_id': WS['id']})])
    api.get(BASE + '/providers/openai-dev', json=dict(old, integration_id='bedrock-prod'))
    result = run_module('provider', dict(slug='openai-dev', workspace='ws-dev-abcdef', integration='bedrock-prod'))
    assert result['changed'] is True and result['replaced'] is True


def test_a_failed_create_after_the_delete_reports_the_change(api):
    api.get(BASE + '/admin/workspaces/ws-dev-abcdef', json=WS)
    api.get(BASE + '/providers/openai-dev', json=PROV)
    api.get(BASE + '/integrations/bedrock-prod', json=OTHER)
    api.get(BASE + '/integrations/bedrock-prod/workspaces',
            json={'total': 1, 'workspaces': [{'id': WS['slug'], 'enabled': True}]})
    api.delete(BASE + '/providers/openai-dev', json={})
    api.post(BASE + '/providers', status=400, json={'errorCode': 'AB01', 'message': 'slug taken'})
    result = run_module('provider', dict(slug='openai-dev', workspace='ws-dev-abcdef', integration='bedrock-prod'))
    assert result['failed'] is True and result['changed'] is True
    assert 'old provider was deleted' in result['msg']
