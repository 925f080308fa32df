# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The integration_workspace_access(_info) modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-dev-abcdef', 'name': 'Dev', 'object': 'workspace'}
INTEG = {'id': '22222222-2222-4222-8222-222222222222', 'slug': 'openai-prod', 'name': 'OpenAI', 'object': 'integration'}
ENTRY = {'id': WS['slug'], 'enabled': True, 'usage_limits': [{'type': 'cost', 'credit_limit': 100.0, 'alert_threshold': None,
                                                             'periodic_reset': None}], 'rate_limits': None}
PATH = BASE + '/integrations/openai-prod/workspaces'


def known(api, entries):
    api.get(BASE + '/integrations/' + INTEG['id'], json=INTEG)
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    api.get(PATH, json={'total': len(entries), 'workspaces': entries})


def test_workspace_by_uuid_matches_the_slug_the_api_lists(api):
    known(api, [ENTRY])
    result = run_module('integration_workspace_access', dict(integration=INTEG['id'], workspace=WS['id'],
                                                             usage_limits=[{'type': 'cost', 'credit_limit': 100}]))
    assert result['changed'] is False and result.writes == []
    assert result['integration_workspace_access']['workspace_id'] == WS['id']
    assert result['integration_workspace_access']['integration'] == 'openai-prod'


def test_grant_sends_one_item_without_a_default_provider(api):
    known(api, [])
    api.put(PATH, json={}, match=[matchers.json_params_matcher({'workspaces': [
        {'id': WS['id'], 'enabled': True, 'create_default_provider': False,
         'rate_limits': [{'type': 'requests', 'unit': 'rpm', 'value': 10}]}]})])
    api.get(PATH, json={'total': 1, 'workspaces': [dict(ENTRY, rate_limits=[{'type': 'requests', 'unit': 'rpm', 'value': 10}])]})
    result = run_module('integration_workspace_access', dict(integration=INTEG['id'], workspace=WS['id'],
                                                             rate_limits=[{'type': 'requests', 'unit': 'rpm', 'value': 10}]),
                        diff=True)
    assert result['changed'] is True
    assert result['diff']['before'] == {}
    assert result['diff']['after']['enabled'] is True


def test_removing_a_limit_sends_null(api):
    known(api, [ENTRY])
    api.put(PATH, json={}, match=[matchers.json_params_matcher({'workspaces': [
        {'id': WS['id'], 'enabled': True, 'create_default_provider': False, 'usage_limits': None}]})])
    api.get(PATH, json={'total': 1, 'workspaces': [dict(ENTRY, usage_limits=None)]})
    result = run_module('integration_workspace_access', dict(integration=INTEG['id'], workspace=WS['id'], usage_limits=[]))
    assert result['changed'] is True


def test_absent_disables_and_is_idempotent(api):
    known(api, [ENTRY])
    api.put(PATH, json={}, match=[matchers.json_params_matcher({'workspaces': [{'id': WS['id'], 'enabled': False}]})])
    api.get(PATH, json={'total': 1, 'workspaces': [dict(ENTRY, enabled=False)]})
    result = run_module('integration_workspace_access', dict(integration=INTEG['id'], workspace=WS['id'], state='absent'))
    assert result['changed'] is True and result['integration_workspace_access']['enabled'] is False


def test_absent_when_disabled_or_not_listed_writes_nothing(api):
    known(api, [dict(ENTRY, enabled=0)])
    result = run_module('integration_workspace_access', dict(integration=INTEG['id'], workspace=WS['id'], state='absent'))
    assert result['changed'] is False and result.writes == []


def test_check_mode_with_an_integration_that_does_not_exist_yet(api):
    api.get(BASE + '/integrations/future', status=404, json={'errorCode': 'AB08', 'message': 'Integration not found'})
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    result = run_module('integration_workspace_access', dict(integration='future', workspace=WS['id']), check_mode=True)
    assert result['changed'] is True and result.writes == []
    assert 'does not exist (yet)' in str(result.get('warnings'))


def test_missing_integration_fails_clearly(api):
    api.get(BASE + '/integrations/nope', status=404, json={'errorCode': 'AB08', 'message': 'Integration not found'})
    result = run_module('integration_workspace_access', dict(integration='nope', workspace=WS['id']))
    assert result['failed'] is True and "integration 'nope' not found" in result['msg']


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(usage_limits=[{'credit_limit': 1}, {'credit_limit': 2}]), 'at most one'),
            (dict(usage_limits=[{'credit_limit': 10, 'alert_threshold': 20}]), 'alert_threshold'),
            (dict(workspace=' '), 'workspace must not be empty'),
            (dict(rate_limits=[{'type': 'requests', 'unit': 'rps', 'value': 1}]), 'rps')):
        result = run_module('integration_workspace_access', dict(dict(integration='x', workspace='y'), **params))
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_adds_the_workspace_uuid_and_skips_disabled(api):
    api.get(BASE + '/integrations/openai-prod', json=INTEG)
    api.get(BASE + '/admin/workspaces', json={'object': 'list', 'total': 1, 'data': [WS]})
    api.get(PATH, json={'total': 2, 'workspaces': [ENTRY, dict(ENTRY, id='ws-other-123456', enabled=False)]})
    result = run_module('integration_workspace_access_info', dict(integration='openai-prod'))
    assert [(w['workspace_id'], w['workspace_slug']) for w in result['workspaces']] == [(WS['id'], WS['slug'])]
