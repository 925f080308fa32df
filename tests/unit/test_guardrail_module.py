# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The guardrail and guardrail_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module

ORG = 'b4d2c5a8-0f6e-4c3a-9d1b-7e2f3a4b5c6d'
WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': 'Production', 'object': 'workspace'}
SUMMARY = {
    'id': '22222222-2222-4222-8222-222222222222', 'slug': 'pg-length-1d0224', 'name': 'Length',
    'organisation_id': ORG, 'workspace_id': WS['id'], 'status': 'active',
    'created_at': '2026-01-01T10:00:00.000Z', 'last_updated_at': '2026-01-01T10:00:00.000Z',
    'owner_id': '33333333-3333-4333-8333-333333333333', 'updated_by': None,
}
DETAILS = dict(SUMMARY, version_id='v1', checks=[
    {'id': 'default.wordCount', 'parameters': {'maxWords': 500.0, 'minWords': 1}, 'is_enabled': True},
    {'id': 'default.isAllLowerCase', 'parameters': {}, 'is_enabled': False, 'name': None},
], actions={'message': 'Too long', 'onFail': 'block', 'feedback': {'weight': 1.0}})
ORG_SUMMARY = dict(SUMMARY, id='44444444-4444-4444-8444-444444444444', slug='pg-length-aaaaaa', workspace_id=None)

CHECKS = [
    {'id': 'default.wordCount', 'parameters': {'minWords': 1, 'maxWords': 500}},
    {'id': 'default.isAllLowerCase', 'is_enabled': False},
]
ACTIONS = {'onFail': 'block', 'feedback': {'weight': 1}, 'message': 'Too long'}
FORBIDDEN = {'error': {'type': 'forbidden', 'message': 'not found or insufficient permissions', 'param': None, 'code': 'AB03'}}


def listing(*items):
    return {'total': len(items), 'data': list(items)}


def workspace_lookup(api):
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)


def test_unchanged_when_only_defaults_order_and_number_formats_differ(api):
    workspace_lookup(api)
    api.get(BASE + '/guardrails', json=listing(SUMMARY),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '1000'})])
    api.get(BASE + '/guardrails/' + SUMMARY['id'], json=DETAILS)
    result = run_module('guardrail', dict(name='Length', workspace=WS['slug'], checks=CHECKS, actions=ACTIONS))
    assert result['changed'] is False, result
    assert result['guardrail']['slug'] == SUMMARY['slug']
    assert result.writes == []


def test_update_sends_only_the_changed_field_and_rereads(api):
    workspace_lookup(api)
    api.get(BASE + '/guardrails', json=listing(SUMMARY))
    api.get(BASE + '/guardrails/' + SUMMARY['id'], json=DETAILS)
    new_checks = [dict(CHECKS[0], parameters={'minWords': 1, 'maxWords': 900}), CHECKS[1]]
    api.put(BASE + '/guardrails/' + SUMMARY['id'], json={'id': SUMMARY['id'], 'slug': SUMMARY['slug'], 'version_id': 'v2'},
            match=[matchers.json_params_matcher({'checks': [
                {'id': 'default.wordCount', 'parameters': {'minWords': 1, 'maxWords': 900}},
                {'id': 'default.isAllLowerCase', 'is_enabled': False}]})])
    updated = dict(DETAILS, version_id='v2', checks=[dict(DETAILS['checks'][0], parameters={'minWords': 1, 'maxWords': 900}),
                                                     DETAILS['checks'][1]])
    api.get(BASE + '/guardrails/' + SUMMARY['id'], json=updated)
    result = run_module('guardrail', dict(name='Length', workspace_id=WS['slug'], checks=new_checks, actions=ACTIONS), diff=True)
    assert result['changed'] is True
    assert result['guardrail']['version_id'] == 'v2'
    before, after = result['diff']['before'], result['diff']['after']
    assert before['checks'][0]['parameters'] == {'minWords': 1, 'maxWords': 500}
    assert after['checks'][0]['parameters'] == {'minWords': 1, 'maxWords': 900}
    assert before['actions'] == after['actions'] == {'onFail': 'block', 'feedback': {'weight': 1}, 'message': 'Too long'}
    assert before['workspace'] == after['workspace'] == WS['id']


def test_create_in_a_workspace_sends_its_uuid_and_reads_back(api):
    workspace_lookup(api)
    api.get(BASE + '/guardrails', json=listing())
    api.post(BASE + '/guardrails', json={'id': SUMMARY['id'], 'slug': SUMMARY['slug'], 'version_id': 'v1'},
             match=[matchers.json_params_matcher({'name': 'Length', 'workspace_id': WS['id'],
                                                  'checks': [{'id': 'default.wordCount', 'parameters': {'minWords': 1, 'maxWords': 500}},
                                                             {'id': 'default.isAllLowerCase', 'is_enabled': False}],
                                                  'actions': ACTIONS})])
    api.get(BASE + '/guardrails/' + SUMMARY['id'], json=DETAILS)
    result = run_module('guardrail', dict(name='Length', workspace=WS['slug'], checks=CHECKS, actions=ACTIONS))
    assert result['changed'] is True and result['guardrail']['id'] == SUMMARY['id']


def test_organisation_scope_ignores_workspace_guardrails_of_the_same_name(api):
    # The organisation filter may list workspace guardrails too: only one without a workspace matches.
    api.get(BASE + '/guardrails', json=listing(SUMMARY),
            match=[matchers.query_param_matcher({'organisation_id': ORG, 'current_page': '0', 'page_size': '1000'})])
    api.post(BASE + '/guardrails', json={'id': ORG_SUMMARY['id'], 'slug': ORG_SUMMARY['slug'], 'version_id': 'v1'},
             match=[matchers.json_params_matcher({'name': 'Length', 'organisation_id': ORG,
                                                  'checks': [{'id': 'default.wordCount'}], 'actions': {'onFail': 'log'}})])
    api.get(BASE + '/guardrails/' + ORG_SUMMARY['id'], json=dict(ORG_SUMMARY, checks=[], actions={}))
    result = run_module('guardrail', dict(name='Length', organisation_id=ORG, checks=[{'id': 'default.wordCount'}],
                                          actions={'onFail': 'log'}))
    assert result['changed'] is True and result['guardrail']['workspace_id'] is None


def test_check_mode_never_writes(api):
    workspace_lookup(api)
    api.get(BASE + '/guardrails', json=listing(SUMMARY))
    api.get(BASE + '/guardrails/' + SUMMARY['id'], json=DETAILS)
    result = run_module('guardrail', dict(name='Length', workspace=WS['slug'], actions={'onFail': 'warn'}), check_mode=True, diff=True)
    assert result['changed'] is True and result.writes == []
    assert result['diff']['after']['actions'] == {'onFail': 'warn'}


def test_check_mode_in_a_workspace_that_does_not_exist_yet_predicts_a_create(api):
    api.get(BASE + '/admin/workspaces/ws-new', status=403, json=FORBIDDEN)
    api.get(BASE + '/admin/workspaces', json={'object': 'list', 'total': 0, 'data': []})
    result = run_module('guardrail', dict(name='Length', workspace='ws-new', checks=CHECKS, actions=ACTIONS), check_mode=True)
    assert result['changed'] is True and result['guardrail']['id'] == 'check-mode-placeholder'
    assert result.writes == []


def test_403_for_a_gone_guardrail_is_confirmed_by_the_list(api):
    api.get(BASE + '/guardrails/' + SUMMARY['slug'], status=403, json=FORBIDDEN)
    api.get(BASE + '/guardrails', json=listing(ORG_SUMMARY),
            match=[matchers.query_param_matcher({'current_page': '0', 'page_size': '1000'})])
    result = run_module('guardrail', dict(slug=SUMMARY['slug'], state='absent'))
    assert result['changed'] is False and result.writes == []


def test_403_for_an_existing_guardrail_stays_an_error(api):
    api.get(BASE + '/guardrails/' + SUMMARY['slug'], status=403, json=FORBIDDEN)
    api.get(BASE + '/guardrails', json=listing(SUMMARY))
    result = run_module('guardrail', dict(slug=SUMMARY['slug'], state='absent'))
    assert result['failed'] is True
    assert 'HTTP 403' in result['msg'] and 'AB03' in result['msg']
    assert result.writes == []


def test_delete_by_slug(api):
    api.get(BASE + '/guardrails/' + SUMMARY['slug'], json=DETAILS)
    api.delete(BASE + '/guardrails/' + SUMMARY['id'], body='')
    result = run_module('guardrail', dict(slug=SUMMARY['slug'], state='absent'), diff=True)
    assert result['changed'] is True and result['guardrail'] == {}
    assert result['diff']['before'] == {'id': SUMMARY['id'], 'slug': SUMMARY['slug'], 'name': 'Length'}


def test_delete_of_a_guardrail_gone_meanwhile_is_fine(api):
    api.get(BASE + '/guardrails/' + SUMMARY['slug'], json=DETAILS)
    api.delete(BASE + '/guardrails/' + SUMMARY['id'], status=403, json=FORBIDDEN)
    api.get(BASE + '/guardrails', json=listing())
    result = run_module('guardrail', dict(slug=SUMMARY['slug'], state='absent'))
    assert result['changed'] is True, result


def test_scope_cannot_change(api):
    api.get(BASE + '/guardrails/' + SUMMARY['id'], json=DETAILS)
    result = run_module('guardrail', dict(id=SUMMARY['id'], organisation=ORG, name='Length'))
    assert result['failed'] is True
    assert 'cannot move' in result['msg'] and 'state=absent' in result['msg']
    assert result.writes == []


def test_ambiguous_name_fails_listing_candidates(api):
    workspace_lookup(api)
    twin = dict(SUMMARY, id='55555555-5555-4555-8555-555555555555', slug='pg-length-bbbbbb')
    api.get(BASE + '/guardrails', json=listing(SUMMARY, twin))
    result = run_module('guardrail', dict(name='Length', workspace=WS['slug'], actions=ACTIONS))
    assert result['failed'] is True
    assert '2 guardrails match' in result['msg']
    assert SUMMARY['slug'] in result['msg'] and twin['slug'] in result['msg']


def test_create_needs_checks_and_actions_before_any_write(api):
    workspace_lookup(api)
    api.get(BASE + '/guardrails', json=listing())
    result = run_module('guardrail', dict(name='Length', workspace=WS['slug'], checks=CHECKS))
    assert result['failed'] is True
    assert 'actions is needed to create' in result['msg']
    assert result.writes == []


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(name='  ', organisation=ORG), 'name must not be empty'),
            (dict(name='x', organisation=ORG, checks=[]), 'at least one check'),
            (dict(name='x', organisation=ORG, checks=[{'id': ' '}]), 'checks[0].id'),
            (dict(name='x', organisation=ORG, checks=[{'parameters': {}}]), 'id'),
            (dict(name='x', organisation=ORG, checks=[{'id': 'default.wordCount', 'parameters': 'x'}]), 'parameters'),
            (dict(name='x', organisation='acme'), "organisation must be the organisation's UUID"),
            (dict(name='x'), 'give workspace'),
            (dict(checks=CHECKS, organisation=ORG), 'name is needed'),
            (dict(name='x', organisation=ORG, workspace=WS['slug']), 'mutually exclusive'),
            (dict(name='x', organisation=ORG, actions='not json'), 'actions')):
        result = run_module('guardrail', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_by_slug_and_by_workspace(api):
    api.get(BASE + '/guardrails/' + SUMMARY['slug'], json=DETAILS)
    result = run_module('guardrail_info', dict(slug=SUMMARY['slug']))
    assert result['guardrails'] == [DETAILS]

    workspace_lookup(api)
    api.get(BASE + '/guardrails', json=listing(SUMMARY, ORG_SUMMARY),
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '1000'})])
    result = run_module('guardrail_info', dict(workspace=WS['slug']))
    assert result['changed'] is False
    assert result['guardrails'] == [SUMMARY], 'summaries, and only those of the workspace'


def test_info_by_name_reads_details_and_missing_is_empty(api):
    api.get(BASE + '/guardrails', json=listing(SUMMARY, ORG_SUMMARY))
    api.get(BASE + '/guardrails/' + ORG_SUMMARY['id'], json=dict(ORG_SUMMARY, checks=[], actions={}))
    result = run_module('guardrail_info', dict(name='Length', organisation=ORG))
    assert [g['id'] for g in result['guardrails']] == [ORG_SUMMARY['id']]
    assert 'checks' in result['guardrails'][0]

    api.get(BASE + '/guardrails/pg-gone-000000', status=403, json=FORBIDDEN)
    api.get(BASE + '/guardrails', json=listing())
    assert run_module('guardrail_info', dict(slug='pg-gone-000000'))['guardrails'] == []
