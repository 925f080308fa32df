# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user_invite and user_invite_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import requests
from responses import matchers

from .conftest import BASE, run_module

INVITES = BASE + '/admin/users/invites'
WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-alpha-abcdef', 'name': 'Alpha', 'object': 'workspace'}
WS2 = {'id': '22222222-2222-4222-8222-222222222222', 'slug': 'ws-beta-123456', 'name': 'Beta', 'object': 'workspace'}
INVITE = {
    'object': 'invite', 'id': 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'email': 'Sci@Example.com', 'role': 'member',
    'status': 'pending', 'created_at': '2026-07-01T09:30:00.000Z', 'expires_at': '2026-07-08T09:30:00.000Z',
    'workspaces': [{'workspace_id': WS['id'], 'role': 'admin'}],
    'workspace_api_key_details': {'scopes': ['logs.view', 'configs.read']},
}
NEW_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
LINK = 'https://app.portkey.ai/invite/secret-token'
PARAMS = dict(email='sci@example.com', role='member', workspaces=[{'workspace': WS['id'], 'role': 'admin'}],
              scopes=['configs.read', 'logs.view'])


def warnings_of(result):
    """The warning texts of a result (ansible-core 2.19 wraps each one in an event)."""
    return [w['event']['msg'] if isinstance(w, dict) else w for w in result.get('warnings', [])]


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def list_call(api, *items):
    api.get(INVITES, json=listing(*items),
            match=[matchers.query_param_matcher({'email': 'sci@example.com', 'currentPage': '0', 'pageSize': '100'})])


def body_of(api, method, url):
    [call] = [c for c in api.calls if c.request.method == method and c.request.url.split('?')[0] == url]
    return json.loads(call.request.body)


def test_unchanged_costs_one_list_call(api):
    list_call(api, INVITE)
    result = run_module('user_invite', PARAMS)
    assert result['changed'] is False and result['invite']['id'] == INVITE['id']
    assert result['resent'] is False and 'invite_link' not in result
    assert result.calls == [('GET', '/admin/users/invites')]


def test_a_workspace_by_slug_is_the_workspace_the_invite_names_by_uuid(api):
    list_call(api, dict(INVITE, workspaces=[{'workspace_id': WS['id'], 'role': 'ws-admin'}]))
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    result = run_module('user_invite', dict(PARAMS, workspaces=[{'workspace_id': WS['slug'], 'role': 'admin'}]))
    assert result['changed'] is False, result
    assert result.writes == []


def test_create_sends_slugs_and_returns_the_link(api):
    list_call(api)
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    api.post(INVITES, json={'id': NEW_ID, 'invite_link': LINK}, match=[matchers.json_params_matcher({
        'email': 'sci@example.com', 'role': 'member', 'workspaces': [{'id': WS['slug'], 'role': 'admin'}],
        'workspace_api_key_details': {'scopes': ['configs.read', 'logs.view']}})])
    api.get(INVITES + '/' + NEW_ID, json=dict(INVITE, id=NEW_ID))
    result = run_module('user_invite', PARAMS, diff=True)
    assert result['changed'] is True and result['invite']['id'] == NEW_ID
    assert result['invite_link'] == LINK
    assert result['diff'] == {'before': {}, 'after': {
        'email': 'sci@example.com', 'role': 'member', 'scopes': ['configs.read', 'logs.view'],
        'workspaces': [{'workspace': WS['slug'], 'role': 'admin'}]}}


def test_expired_and_cancelled_invites_do_not_count(api):
    list_call(api, dict(INVITE, status='expired'), dict(INVITE, id=NEW_ID, status='cancelled'))
    result = run_module('user_invite', dict(email='sci@example.com', role='admin', workspaces=[]), check_mode=True)
    assert result['changed'] is True and result['invite']['id'] == 'check-mode-placeholder'
    assert result.writes == []


def test_a_new_invite_needs_a_role(api):
    list_call(api)
    result = run_module('user_invite', dict(email='sci@example.com', workspaces=[]))
    assert result['failed'] is True and 'role is required' in result['msg']
    assert result.writes == []


def test_a_change_replaces_the_invite_keeping_what_was_not_set(api):
    list_call(api, INVITE)
    api.get(BASE + '/admin/workspaces/' + WS2['slug'], json=WS2)
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    api.delete(INVITES + '/' + INVITE['id'], json={})
    api.post(INVITES, json={'id': NEW_ID, 'invite_link': LINK})
    api.get(INVITES + '/' + NEW_ID, json=dict(INVITE, id=NEW_ID))
    result = run_module('user_invite', dict(email='sci@example.com', workspaces=[
        {'workspace': WS['id'], 'role': 'admin'}, {'workspace': WS2['slug']}]), diff=True)
    assert result['changed'] is True and result['replaced'] is True
    assert [m for m, dummy in result.writes] == ['DELETE', 'POST'], 'deleted before it is created again'
    assert body_of(api, 'POST', INVITES) == {
        'email': 'sci@example.com', 'role': 'member',
        'workspaces': [{'id': WS['slug'], 'role': 'admin'}, {'id': WS2['slug'], 'role': 'member'}],
        'workspace_api_key_details': {'scopes': ['logs.view', 'configs.read']}}
    assert result['diff']['before'] == {'email': 'sci@example.com', 'workspaces': [{'workspace': WS['slug'], 'role': 'admin'}]}
    assert len(result['diff']['after']['workspaces']) == 2
    assert any('replaced' in w for w in warnings_of(result))
    assert result['invite_link'] == LINK


def test_check_mode_shows_the_replacement_and_writes_nothing(api):
    list_call(api, INVITE)
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    result = run_module('user_invite', dict(PARAMS, role='admin'), check_mode=True, diff=True)
    assert result['changed'] is True and result['replaced'] is True
    assert result['diff']['before']['role'] == 'member' and result['diff']['after']['role'] == 'admin'
    assert result['diff']['before']['workspaces'] == result['diff']['after']['workspaces'] == [
        {'workspace': WS['slug'], 'role': 'admin'}]
    assert result['invite']['id'] == INVITE['id']
    assert result.writes == []


def test_scopes_are_a_set(api):
    list_call(api, INVITE)
    result = run_module('user_invite', dict(email='sci@example.com', scopes=['logs.view', 'configs.read', 'logs.view']))
    assert result['changed'] is False


def test_resend(api):
    list_call(api, INVITE)
    api.post(INVITES + '/' + INVITE['id'] + '/resend', json={'inviteLink': LINK})
    api.get(INVITES + '/' + INVITE['id'], json=INVITE)
    result = run_module('user_invite', dict(email='sci@example.com', resend=True))
    assert result['changed'] is True and result['resent'] is True and result['invite_link'] == LINK


def test_resend_in_check_mode_sends_nothing(api):
    list_call(api, INVITE)
    result = run_module('user_invite', dict(email='sci@example.com', resend=True), check_mode=True)
    assert result['changed'] is True and result['resent'] is True and 'invite_link' not in result
    assert result.writes == []


def test_an_accepted_invite_is_left_alone(api):
    accepted = dict(INVITE, status='accepted')
    list_call(api, accepted, dict(INVITE, id=NEW_ID, status='expired'))
    result = run_module('user_invite', dict(PARAMS, role='admin', resend=True))
    assert result['changed'] is False and result['invite']['status'] == 'accepted'
    assert result.writes == []
    assert any('accepted an invite already, so role' in w for w in warnings_of(result))
    assert any('nothing to resend' in w for w in warnings_of(result))


def test_list_items_without_workspaces_are_read_in_full(api):
    list_call(api, dict((k, v) for k, v in INVITE.items() if k not in ('workspaces', 'workspace_api_key_details')))
    api.get(INVITES + '/' + INVITE['id'], json=INVITE)
    assert run_module('user_invite', PARAMS)['changed'] is False


def test_several_pending_invites(api):
    other = dict(INVITE, id=NEW_ID)
    list_call(api, INVITE, other)
    result = run_module('user_invite', PARAMS)
    assert result['failed'] is True and '2 pending invites' in result['msg'] and NEW_ID in result['msg']
    list_call(api, INVITE, other)
    api.delete(INVITES + '/' + INVITE['id'], json={})
    api.delete(INVITES + '/' + NEW_ID, json={})
    result = run_module('user_invite', dict(email='sci@example.com', state='absent'))
    assert result['changed'] is True


def test_delete_and_delete_again(api):
    list_call(api, INVITE)
    api.delete(INVITES + '/' + INVITE['id'], json={})
    result = run_module('user_invite', dict(email='sci@example.com', state='absent'), diff=True)
    assert result['changed'] is True and result['invite'] == {}
    assert result['diff']['before']['role'] == 'member'
    list_call(api, dict(INVITE, status='accepted'))
    result = run_module('user_invite', dict(email='sci@example.com', state='absent'))
    assert result['changed'] is False and result.writes == []


def test_an_unknown_workspace_fails_before_any_write(api):
    list_call(api, INVITE)
    api.get(BASE + '/admin/workspaces/ws-nope', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json={'object': 'list', 'total': 1, 'data': [WS]})
    result = run_module('user_invite', dict(PARAMS, workspaces=[{'workspace': 'ws-nope'}]))
    assert result['failed'] is True and "workspace 'ws-nope' not found" in result['msg']
    assert result.writes == []


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(email='not-an-address'), 'email must be an email address'),
            (dict(email='a@b.c', workspaces=[{'workspace': 'ws-a'}, {'id': 'ws-a', 'role': 'admin'}]), 'listed twice'),
            (dict(email='a@b.c', scopes=['logs view']), 'scopes must be scope names'),
            (dict(email='a@b.c', role='owner'), 'owner'),
            (dict(email='a@b.c', workspaces=[{'workspace': 'ws-a', 'role': 'viewer'}]), 'viewer'),
            (dict(role='member'), 'email')):
        result = run_module('user_invite', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_filters(api):
    api.get(INVITES, json=listing(INVITE, dict(INVITE, id=NEW_ID, email='other@example.com')),
            match=[matchers.query_param_matcher({'email': 'SCI@example.com', 'status': 'pending',
                                                 'currentPage': '0', 'pageSize': '100'})])
    result = run_module('user_invite_info', dict(email='SCI@example.com', status='pending'))
    assert result['changed'] is False and [i['id'] for i in result['invites']] == [INVITE['id']]


def test_info_by_id(api):
    api.get(INVITES + '/' + INVITE['id'], json=INVITE)
    assert run_module('user_invite_info', dict(id=INVITE['id']))['invites'] == [INVITE]
    api.get(INVITES + '/' + NEW_ID, status=404, json={'errorCode': 'AB08', 'message': 'Invite not found'})
    assert run_module('user_invite_info', dict(id=NEW_ID))['invites'] == []


def test_check_mode_predicts_an_invite_to_a_workspace_made_earlier_in_the_play(api):
    list_call(api)
    api.get(BASE + '/admin/workspaces/ws-new', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('user_invite', dict(PARAMS, workspaces=[{'workspace': 'ws-new'}]), check_mode=True)
    assert result['changed'] is True and result['invite']['id'] == 'check-mode-placeholder'
    assert any("workspace 'ws-new' does not exist (yet)" in w for w in warnings_of(result))


def test_a_create_without_answer_is_looked_up_before_trying_again(api):
    list_call(api, dict(INVITE, status='expired', id=NEW_ID))
    api.get(BASE + '/admin/workspaces/' + WS['id'], json=WS)
    api.post(INVITES, body=requests.exceptions.ConnectionError('connection reset'))
    list_call(api, dict(INVITE, status='expired', id=NEW_ID), INVITE)
    api.get(INVITES + '/' + INVITE['id'], json=INVITE)
    result = run_module('user_invite', dict(PARAMS, max_retries=1))
    assert result['changed'] is True and result['invite']['id'] == INVITE['id']
    assert [m for m, dummy in result.writes] == ['POST'], 'the invite the lost POST made is found, not sent twice'


def test_inviting_someone_already_in_the_organisation_warns(api):
    list_call(api)
    api.get(BASE + '/admin/users', json=listing({'id': 'u-1', 'email': 'sci@example.com', 'role': 'member'}),
            match=[matchers.query_param_matcher({'email': 'sci@example.com', 'currentPage': '0', 'pageSize': '100'})])
    result = run_module('user_invite', dict(email='sci@example.com', role='admin', workspaces=[]), check_mode=True)
    assert result['changed'] is True
    assert any('already a member of the organisation' in w for w in warnings_of(result))
