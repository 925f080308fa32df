# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The config and config_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': 'Production', 'object': 'workspace'}
BODY = {'retry': {'attempts': 3, 'on_status_codes': [429, 503]}, 'cache': {'mode': 'simple', 'max_age': 60}}
ITEM = {
    'id': '22222222-2222-4222-8222-222222222222', 'slug': 'pc-routin-0a1b2c', 'name': 'Routing',
    'workspace_id': WS['id'], 'is_default': 0, 'status': 'active', 'object': 'config',
}
# A read answers the config as a JSON string, in the server's own key order and formatting.
READ = dict(ITEM, config='{"cache":{"max_age":60.0,"mode":"simple"},"retry":{"on_status_codes":[429,503],"attempts":3}}',
            version_id='33333333-3333-4333-8333-333333333333', format='json', type='ORG_CONFIG')


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def found_by_name(api, read='default', items=(ITEM,)):
    """The look-up by name: the workspace, the filtered list, then a read of the one found."""
    read = READ if read == 'default' else read
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    api.get(BASE + '/configs', json=listing(*items),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])
    if read is not None:
        api.get(BASE + '/configs/' + ITEM['slug'], json=read)


def test_same_config_in_another_key_order_or_as_json_text_is_unchanged(api):
    found_by_name(api)
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], config=BODY, is_default=False))
    assert result['changed'] is False, result
    assert result.writes == []
    assert result['config']['config'] == {'cache': {'max_age': 60, 'mode': 'simple'},
                                          'retry': {'on_status_codes': [429, 503], 'attempts': 3}}
    assert result['config']['is_default'] is False


def test_config_given_as_a_json_string_is_unchanged(api):
    found_by_name(api)
    text = json.dumps({'retry': {'attempts': 3.0, 'on_status_codes': [429, 503]}, 'cache': {'max_age': 60, 'mode': 'simple'}}, indent=2)
    result = run_module('config', dict(name='Routing', workspace_id=WS['slug'], config=text))
    assert result['changed'] is False, result
    assert result.writes == []


def test_a_read_answering_config_as_an_object_is_understood(api):
    found_by_name(api, read=dict(READ, config=BODY, is_default=1))
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], config=BODY, is_default=True))
    assert result['changed'] is False, result


def test_update_sends_one_put_with_only_what_changed_and_rereads(api):
    found_by_name(api)
    changed = dict(BODY, retry={'attempts': 5})
    api.put(BASE + '/configs/' + ITEM['slug'], json={'version_id': '44444444-4444-4444-8444-444444444444'},
            match=[matchers.json_params_matcher({'config': changed})])
    api.get(BASE + '/configs/' + ITEM['slug'], json=dict(READ, config=json.dumps(changed)))
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], config=changed), diff=True)
    assert result['changed'] is True
    assert result.writes == [('PUT', '/configs/' + ITEM['slug'])]
    assert result['config']['config'] == changed
    assert result['diff']['before'] == {'name': 'Routing', 'config': {'cache': {'max_age': 60, 'mode': 'simple'},
                                                                      'retry': {'on_status_codes': [429, 503], 'attempts': 3}}}
    assert result['diff']['after'] == {'name': 'Routing', 'config': changed}


def test_is_default_is_sent_as_the_integer_the_api_takes(api):
    found_by_name(api, read=dict(READ, is_default=1))
    api.put(BASE + '/configs/' + ITEM['slug'], json={'version_id': '44444444-4444-4444-8444-444444444444'},
            match=[matchers.json_params_matcher({'isDefault': 0})])
    api.get(BASE + '/configs/' + ITEM['slug'], json=dict(READ, is_default=0))
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], is_default=False))
    assert result['changed'] is True and result['config']['is_default'] is False


def test_create_posts_camel_case_is_default_and_the_workspace_uuid(api):
    found_by_name(api, read=None, items=())
    api.post(BASE + '/configs', json={'id': ITEM['id'], 'version_id': READ['version_id'], 'slug': ITEM['slug'], 'object': 'config'},
             match=[matchers.json_params_matcher({'name': 'Routing', 'config': BODY, 'isDefault': 1, 'workspace_id': WS['id']})])
    api.get(BASE + '/configs/' + ITEM['slug'], json=dict(READ, is_default=1))
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], config=json.dumps(BODY), is_default=True))
    assert result['changed'] is True
    assert result['config']['slug'] == ITEM['slug'] and result['config']['is_default'] is True
    assert result['config']['config']['retry']['attempts'] == 3


def test_check_mode_predicts_a_create_without_writing(api):
    found_by_name(api, read=None, items=())
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], config=BODY), check_mode=True, diff=True)
    assert result['changed'] is True and result['config']['id'] == 'check-mode-placeholder'
    assert result['diff'] == {'before': {}, 'after': {'name': 'Routing', 'config': BODY}}
    assert result.writes == []


def test_check_mode_in_a_workspace_yet_to_be_created_predicts_a_create(api):
    api.get(BASE + '/admin/workspaces/ws-new', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('config', dict(name='Routing', workspace='ws-new', config=BODY), check_mode=True)
    assert result['changed'] is True and result.writes == []


def test_create_without_config_fails_before_writing(api):
    found_by_name(api, read=None, items=())
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], is_default=True))
    assert result['failed'] is True
    assert 'config is required to create' in result['msg']
    assert result.writes == []


def test_ambiguous_name_fails_listing_the_candidates(api):
    twin = dict(ITEM, id='55555555-5555-4555-8555-555555555555', slug='pc-routin-9f8e7d')
    found_by_name(api, read=None, items=(ITEM, twin))
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], config=BODY))
    assert result['failed'] is True
    assert '2 configs match' in result['msg']
    assert ITEM['slug'] in result['msg'] and twin['slug'] in result['msg']
    assert result.writes == []


def test_found_by_slug_renames_without_the_workspace(api):
    api.get(BASE + '/configs/' + ITEM['slug'], json=READ)
    api.put(BASE + '/configs/' + ITEM['slug'], json={'version_id': '44444444-4444-4444-8444-444444444444'},
            match=[matchers.json_params_matcher({'name': 'Routing v2'})])
    api.get(BASE + '/configs/' + ITEM['slug'], json=dict(READ, name='Routing v2'))
    result = run_module('config', dict(slug=ITEM['slug'], name='Routing v2', config=BODY))
    assert result['changed'] is True and result['config']['name'] == 'Routing v2'


def test_slug_in_another_workspace_fails(api):
    api.get(BASE + '/configs/' + ITEM['slug'], json=dict(READ, workspace_id='99999999-9999-4999-8999-999999999999'))
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    result = run_module('config', dict(slug=ITEM['slug'], workspace=WS['slug'], config=BODY))
    assert result['failed'] is True
    assert 'cannot move between workspaces' in result['msg']
    assert result.writes == []


def test_unknown_slug_fails_for_present_and_is_unchanged_for_absent(api):
    api.get(BASE + '/configs/pc-gone-000000', status=404, json={'errorCode': 'AB08', 'message': 'Config not found'})
    result = run_module('config', dict(slug='pc-gone-000000', config=BODY))
    assert result['failed'] is True and "no config has slug 'pc-gone-000000'" in result['msg']
    api.get(BASE + '/configs/pc-gone-000000', status=404, json={'errorCode': 'AB08', 'message': 'Config not found'})
    result = run_module('config', dict(slug='pc-gone-000000', state='absent'))
    assert result['changed'] is False and result.writes == []


def test_delete_by_name(api):
    found_by_name(api)
    api.delete(BASE + '/configs/' + ITEM['slug'], json={})
    result = run_module('config', dict(name='Routing', workspace=WS['slug'], state='absent'), diff=True)
    assert result['changed'] is True and result['config'] == {}
    assert result['diff']['after'] == {}


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='x', workspace='w', config='{"retry": {"attempts": 3}'), 'config is not valid JSON'),
            (dict(name='x', workspace='w', config='[1, 2]'), 'config must be a dict'),
            (dict(name='x', workspace='w', config=['a']), 'config must be a dict'),
            (dict(name='x', workspace='w', config='plain text'), 'config is not valid JSON'),
            (dict(name=' ', workspace='w', config={}), 'name must not be empty'),
            (dict(name='x', config={}), 'workspace is required'),
            (dict(workspace='w', config={}), 'name is required'),
            (dict(name='x', workspace='w', is_default='maybe'), 'is_default'),
            (dict(name='x', slug='pc-x', state='gone'), 'state')):
        result = run_module('config', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_by_slug_with_versions(api):
    api.get(BASE + '/configs/' + ITEM['slug'], json=READ)
    api.get(BASE + '/configs/' + ITEM['slug'] + '/versions', json=listing(
        dict(READ, version_id='44444444-4444-4444-8444-444444444444', config='{"retry":{"attempts":5}}'), READ))
    result = run_module('config_info', dict(slug=ITEM['slug'], versions=True))
    [cfg] = result['configs']
    assert cfg['config']['retry']['attempts'] == 3 and cfg['is_default'] is False
    assert [v['config'] for v in cfg['versions']] == [{'retry': {'attempts': 5}}, cfg['config']]


def test_info_lists_a_workspace_by_name_with_details(api):
    other = dict(ITEM, id='55555555-5555-4555-8555-555555555555', slug='pc-other-9f8e7d', name='Other')
    found_by_name(api, items=(ITEM, other))
    result = run_module('config_info', dict(workspace=WS['slug'], name='Routing', details=True))
    assert [c['slug'] for c in result['configs']] == [ITEM['slug']]
    assert result['configs'][0]['config']['cache']['mode'] == 'simple'


def test_info_by_unknown_slug_is_empty(api):
    api.get(BASE + '/configs/pc-gone-000000', status=404, json={'errorCode': 'AB08', 'message': 'Config not found'})
    assert run_module('config_info', dict(slug='pc-gone-000000'))['configs'] == []
