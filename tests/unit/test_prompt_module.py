# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The prompt module's mapping onto the API (versions, makeDefault, comparison), with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-suppor-abcdef', 'name': 'Support', 'object': 'workspace'}
COLL = {'id': '22222222-2222-4222-8222-222222222222', 'slug': 'billin-123456', 'name': 'Billing',
        'workspace_id': WS['id'], 'is_default': 0, 'status': 'active'}
DEFAULT_COLL = dict(COLL, id='33333333-3333-4333-8333-333333333333', slug='defaul-654321', name='Default', is_default=1)
PID = '44444444-4444-4444-8444-444444444444'
V1 = '55555555-5555-4555-8555-555555555555'
V9 = '66666666-6666-4666-8666-666666666666'
PROMPT = {
    'id': PID, 'slug': 'pp-refund-abc123', 'name': 'Refunds', 'collection_id': COLL['id'],
    'string': 'Hello {{name}}', 'parameters': {'temperature': 0.5, 'model': 'gpt-4o'}, 'model': 'gpt-4o',
    'virtual_key': 'openai-prod', 'prompt_version': 1, 'prompt_version_id': V1, 'prompt_version_description': 'First',
    'is_raw_template': 0, 'functions': [], 'tools': [{'type': 'function', 'function': {'name': 'lookup'}}],
    'tool_choice': None, 'status': 'active',
}
SUMMARY = {'id': PID, 'slug': PROMPT['slug'], 'name': 'Refunds', 'collection_id': COLL['id'], 'object': 'prompt'}
PARAMS = dict(name='Refunds', collection='billin-123456', template='Hello {{name}}', model='gpt-4o',
              provider='openai-prod', parameters={'temperature': 0.5})


def listing(*items):
    return {'total': len(items), 'data': list(items)}


def found_by_name(api):
    api.get(BASE + '/collections/billin-123456', json=COLL)
    api.get(BASE + '/prompts', json=listing(SUMMARY), match=[matchers.query_param_matcher(
        {'collection_id': COLL['id'], 'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])
    api.get(BASE + '/prompts/' + PID, json=PROMPT, match=[matchers.query_param_matcher({})])


def test_unchanged_despite_the_model_copied_into_the_parameters(api):
    found_by_name(api)
    result = run_module('prompt', dict(PARAMS, version_description='First'))
    assert result['changed'] is False, result
    assert result.writes == []
    assert result['prompt']['prompt_version'] == 1


def test_template_change_makes_a_version_and_publishes_its_looked_up_number(api):
    found_by_name(api)
    api.get(BASE + '/prompts/' + PID, json=PROMPT, match=[matchers.query_param_matcher({'version': 'latest'})])
    api.put(BASE + '/prompts/' + PID, json={'id': PID, 'slug': PROMPT['slug'], 'prompt_version_id': V9},
            match=[matchers.json_params_matcher({
                'string': 'Hi {{name}}', 'model': 'gpt-4o', 'parameters': {'temperature': 0.5},
                'virtual_key': 'openai-prod', 'is_raw_template': 0, 'tools': PROMPT['tools']})])
    # The version list is a bare array in the spec; numbers have gaps (9 after 1).
    api.get(BASE + '/prompts/%s/versions' % PID, json=[{'id': V9, 'prompt_version': 9}, {'id': V1, 'prompt_version': 1}])
    api.put(BASE + '/prompts/%s/makeDefault' % PID, json={}, match=[matchers.json_params_matcher({'version': 9})])
    fresh = dict(PROMPT, string='Hi {{name}}', prompt_version=9, prompt_version_id=V9)
    api.get(BASE + '/prompts/' + PID, json=fresh)
    result = run_module('prompt', dict(PARAMS, template='Hi {{name}}'), diff=True)
    assert result['changed'] is True
    assert result['prompt']['prompt_version'] == 9
    assert result['diff']['before']['template'] == 'Hello {{name}}'
    assert result['diff']['after']['template'] == 'Hi {{name}}'
    assert result['diff']['before']['collection'] == result['diff']['after']['collection'] == COLL['id']


def test_the_data_envelope_of_the_version_list_is_read_too(api):
    found_by_name(api)
    api.get(BASE + '/prompts/' + PID, json=PROMPT, match=[matchers.query_param_matcher({'version': 'latest'})])
    api.put(BASE + '/prompts/' + PID, json={'prompt_version_id': V9})
    api.get(BASE + '/prompts/%s/versions' % PID, json={'data': [{'id': V9, 'prompt_version': 4}]})
    api.put(BASE + '/prompts/%s/makeDefault' % PID, json={}, match=[matchers.json_params_matcher({'version': 4})])
    api.get(BASE + '/prompts/' + PID, json=dict(PROMPT, model='gpt-4o-mini', prompt_version=4))
    result = run_module('prompt', dict(PARAMS, model='gpt-4o-mini'))
    assert result['changed'] is True
    body = json.loads(api.calls[4].request.body)
    assert body['model'] == 'gpt-4o-mini' and body['parameters'] == {'temperature': 0.5}


def test_latest_version_already_holding_the_content_is_published_not_copied(api):
    found_by_name(api)
    latest = dict(PROMPT, string='Hi {{name}}', prompt_version=7, prompt_version_id=V9)
    api.get(BASE + '/prompts/' + PID, json=latest, match=[matchers.query_param_matcher({'version': 'latest'})])
    api.put(BASE + '/prompts/%s/makeDefault' % PID, json={}, match=[matchers.json_params_matcher({'version': 7})])
    api.get(BASE + '/prompts/' + PID, json=latest)
    result = run_module('prompt', dict(PARAMS, template='Hi {{name}}'))
    assert result['changed'] is True and result['prompt']['prompt_version'] == 7
    assert result.writes == [('PUT', '/prompts/%s/makeDefault' % PID)]


def test_make_default_false_compares_with_the_latest_version_and_does_not_publish(api):
    latest = dict(PROMPT, prompt_version=2, prompt_version_id=V9)
    api.get(BASE + '/collections/billin-123456', json=COLL)
    api.get(BASE + '/prompts', json=listing(SUMMARY))
    api.get(BASE + '/prompts/' + PID, json=latest, match=[matchers.query_param_matcher({'version': 'latest'})])
    api.put(BASE + '/prompts/' + PID, json={'prompt_version_id': V1})
    api.get(BASE + '/prompts/' + PID, json=dict(latest, string='Draft', prompt_version=3),
            match=[matchers.query_param_matcher({'version': 'latest'})])
    result = run_module('prompt', dict(PARAMS, template='Draft', make_default=False))
    assert result['changed'] is True and result['prompt']['prompt_version'] == 3
    assert result.writes == [('PUT', '/prompts/' + PID)]


def test_name_and_provider_changes_are_a_plain_update(api):
    api.get(BASE + '/prompts/' + PROMPT['slug'], json=PROMPT)
    api.put(BASE + '/prompts/' + PID, json={},
            match=[matchers.json_params_matcher({'name': 'Refund answer', 'virtual_key': 'openai-eu'})])
    api.get(BASE + '/prompts/' + PID, json=dict(PROMPT, name='Refund answer', virtual_key='openai-eu'))
    result = run_module('prompt', dict(slug=PROMPT['slug'], name='Refund answer', virtual_key='openai-eu'))
    assert result['changed'] is True and result['prompt']['name'] == 'Refund answer'


def test_check_mode_never_writes(api):
    found_by_name(api)
    result = run_module('prompt', dict(PARAMS, parameters={'temperature': 0.9}), check_mode=True, diff=True)
    assert result['changed'] is True and result.writes == []
    assert result['diff']['before']['parameters'] == {'temperature': 0.5}
    assert result['diff']['after']['parameters'] == {'temperature': 0.9}


def test_create_in_the_default_collection_of_a_workspace(api):
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    api.get(BASE + '/collections', json=listing(COLL, DEFAULT_COLL),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])
    api.get(BASE + '/prompts', json=listing())
    api.post(BASE + '/prompts', json={'id': PID, 'slug': PROMPT['slug'], 'version_id': V1, 'object': 'prompt'},
             match=[matchers.json_params_matcher({'name': 'Refunds', 'collection_id': DEFAULT_COLL['id'], 'string': 'Hi',
                                                  'virtual_key': 'openai-prod', 'parameters': {}})])
    api.get(BASE + '/prompts/' + PID, json=PROMPT)
    result = run_module('prompt', dict(name='Refunds', workspace_id=WS['slug'], template='Hi', virtual_key='openai-prod'))
    assert result['changed'] is True and result['prompt']['id'] == PID


def test_create_without_template_or_provider_fails_before_writing(api):
    api.get(BASE + '/collections/billin-123456', json=COLL)
    api.get(BASE + '/prompts', json=listing())
    result = run_module('prompt', dict(name='Refunds', collection_id='billin-123456', model='gpt-4o'))
    assert result['failed'] is True
    assert 'template and provider are required to create the prompt' in result['msg']
    assert result.writes == []


def test_missing_collection_fails_with_a_clear_message(api):
    api.get(BASE + '/collections/nope', status=404, json={'errorCode': 'AB08', 'message': 'Collection not found'})
    result = run_module('prompt', dict(PARAMS, collection='nope'))
    assert result['failed'] is True and "collection 'nope' not found" in result['msg']


def test_absent_when_the_collection_is_gone_is_unchanged(api):
    api.get(BASE + '/collections/nope', status=404, json={'errorCode': 'AB08', 'message': 'Collection not found'})
    result = run_module('prompt', dict(name='Refunds', collection='nope', state='absent'))
    assert result['changed'] is False and result.writes == []


def test_delete(api):
    found_by_name(api)
    api.delete(BASE + '/prompts/' + PID, json={})
    result = run_module('prompt', dict(name='Refunds', collection='billin-123456', state='absent'), diff=True)
    assert result['changed'] is True and result['prompt'] == {}
    assert result['diff']['after'] == {}


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name=' ', collection='c'), 'name must not be empty'),
            (dict(name='x'), 'collection (or workspace'),
            (dict(collection='c', template='t'), 'name is needed'),
            (dict(name='x', collection='c', provider=''), 'provider must not be empty'),
            (dict(name='x', collection='c', parameters='not json'), 'parameters'),
            (dict(name='x', collection='c', make_default='maybe'), 'make_default')):
        result = run_module('prompt', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0
