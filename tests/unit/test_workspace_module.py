# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The workspace module's mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module

WS = {
    'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': '🚀 Production',
    'description': 'Prod', 'defaults': {'metadata': {'team': '1'}},
    'usage_limits': [{'type': 'cost', 'credit_limit': 100.0, 'alert_threshold': None, 'periodic_reset': ''}],
    'rate_limits': [], 'object': 'workspace',
}


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def test_unchanged_when_the_icon_prefix_and_formats_differ(api):
    api.get(BASE + '/admin/workspaces', json=listing(WS),
            match=[matchers.query_param_matcher({'exact_name': 'Production', 'current_page': '0', 'page_size': '100'})])
    result = run_module('workspace', dict(name='Production', icon='🚀', description='Prod', metadata={'team': 1},
                                          usage_limits=[{'type': 'cost', 'credit_limit': 100}]))
    assert result['changed'] is False
    assert result['workspace']['name'] == 'Production'
    assert result.writes == []


def test_update_sends_only_changed_fields_and_rereads(api):
    api.get(BASE + '/admin/workspaces', json=listing(WS))
    api.put(BASE + '/admin/workspaces/' + WS['id'], json={},
            match=[matchers.json_params_matcher({'description': 'New'})])
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=dict(WS, description='New'))
    result = run_module('workspace', dict(name='Production', icon='🚀', description='New'), diff=True)
    assert result['changed'] is True
    assert result['workspace']['description'] == 'New'
    assert result['diff'] == {'before': {'name': 'Production', 'icon': '🚀', 'description': 'Prod'},
                              'after': {'name': 'Production', 'icon': '🚀', 'description': 'New'}}


def test_check_mode_never_writes(api):
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('workspace', dict(name='New one'), check_mode=True)
    assert result['changed'] is True and result['workspace']['id'] == 'check-mode-placeholder'
    assert result.writes == []


def test_create_posts_then_reads_back(api):
    api.get(BASE + '/admin/workspaces', json=listing())
    api.post(BASE + '/admin/workspaces', json=dict(WS, name='Production', description=None),
             match=[matchers.json_params_matcher({'name': 'Production', 'defaults': {'metadata': {'a': 'b'}}})])
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=dict(WS, name='Production', description=None))
    result = run_module('workspace', dict(name='Production', metadata={'a': 'b'}))
    assert result['changed'] is True and result['workspace']['id'] == WS['id']


def test_403_for_a_gone_workspace_is_confirmed_by_the_list(api):
    api.get(BASE + '/admin/workspaces/' + WS['id'], status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('workspace', dict(id=WS['id'], state='absent'))
    assert result['changed'] is False


def test_403_for_an_existing_workspace_stays_an_error(api):
    api.get(BASE + '/admin/workspaces/' + WS['id'], status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing(WS))
    result = run_module('workspace', dict(id=WS['id'], state='absent'))
    assert result['failed'] is True
    assert 'HTTP 403' in result['msg'] and 'AB03' in result['msg']


def test_delete_sends_the_name_and_force(api):
    api.get(BASE + '/admin/workspaces', json=listing(WS))
    api.delete(BASE + '/admin/workspaces/' + WS['id'], json={},
               match=[matchers.json_params_matcher({'name': 'Production', 'force_delete': True})])
    result = run_module('workspace', dict(name='Production', icon='🚀', state='absent', force=True))
    assert result['changed'] is True


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='  '), 'name must not be empty'),
            (dict(name='x', base_url='not a url'), 'base_url must be an http(s) URL'),
            (dict(name='x', usage_limits=[{'credit_limit': 10, 'alert_threshold': 20}]), 'alert_threshold'),
            (dict(name='x', usage_limits=[{'credit_limit': 1}, {'credit_limit': 2}]), 'at most one'),
            (dict(name='x', rate_limits=[{'type': 'requests', 'unit': 'rps', 'value': 1}]), 'rps'),
            (dict(description='x'), 'name is required'),
            (dict(name='x', api_key=''), 'PORTKEY_API_KEY'),
            (dict(name='x', metadata={'tags': ['a', 'b']}), 'metadata values must be strings')):
        result = run_module('workspace', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0
