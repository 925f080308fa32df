# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The workspace_member and workspace_member_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module

WS = {'id': '11111111-1111-4111-8111-111111111111', 'slug': 'ws-prod-abcdef', 'name': 'Production', 'object': 'workspace'}
USER = {'object': 'user', 'id': '22222222-2222-4222-8222-222222222222', 'email': 'max@example.com', 'role': 'member',
        'first_name': 'Max', 'last_name': 'Member'}
MEMBERS = BASE + '/admin/workspaces/%s/users' % WS['id']
ONE = MEMBERS + '/' + USER['id']


def member(role='ws-manager', **extra):
    item = {'object': 'workspace-user', 'id': USER['id'], 'email': USER['email'], 'first_name': 'Max',
            'last_name': 'Member', 'org_role': 'member', 'role': role, 'status': 'active', 'workspace_id': WS['id']}
    item.update(extra)
    return item


def listing(*items):
    return {'object': 'list', 'total': len(items), 'data': list(items)}


def workspace_found(api, ref=None):
    api.get(BASE + '/admin/workspaces/' + (ref or WS['slug']), json=WS)


def test_ws_prefixed_role_is_the_same_role(api):
    workspace_found(api)
    api.get(MEMBERS, json=listing(member('ws-manager')),
            match=[matchers.query_param_matcher({'email': 'MAX@example.com', 'current_page': '0', 'page_size': '100'})])
    result = run_module('workspace_member', dict(workspace=WS['slug'], user='MAX@example.com', role='manager'))
    assert result['changed'] is False
    assert result['member']['role'] == 'manager', 'the ws- prefix is stripped from the returned role'
    assert result.writes == []


def test_add_posts_the_bulk_body_and_finds_the_member_through_the_list(api):
    workspace_found(api, WS['id'])
    api.get(MEMBERS, json=listing())
    api.get(BASE + '/admin/users/' + USER['id'], json=USER)
    api.post(MEMBERS, json={}, match=[matchers.json_params_matcher({'users': [{'id': USER['id'], 'role': 'member'}]})])
    api.get(MEMBERS, json=listing(member('ws-member')))
    result = run_module('workspace_member', dict(workspace_id=WS['id'], user_id=USER['id']), diff=True)
    assert result['changed'] is True
    assert result['member']['id'] == USER['id'] and result['member']['role'] == 'member'
    assert result['diff']['before'] == {}
    assert result['diff']['after'] == {'workspace': WS['id'], 'user': USER['id'], 'role': 'member'}
    assert ('GET', '/admin/workspaces/%s/users/%s' % (WS['id'], USER['id'])) not in result.calls


def test_role_change_puts_only_the_role(api):
    workspace_found(api)
    api.get(MEMBERS, json=listing(member('ws-member')))
    api.put(ONE, json={}, match=[matchers.json_params_matcher({'role': 'admin'})])
    api.get(MEMBERS, json=listing(member('ws-admin')))
    result = run_module('workspace_member', dict(workspace=WS['slug'], user=USER['id'], role='admin'), diff=True)
    assert result['changed'] is True and result['member']['role'] == 'admin'
    assert result['diff']['before']['role'] == 'member' and result['diff']['after']['role'] == 'admin'


def test_no_role_keeps_the_current_one(api):
    workspace_found(api)
    api.get(MEMBERS, json=listing(member('ws-admin')))
    result = run_module('workspace_member', dict(workspace=WS['slug'], user=USER['email']))
    assert result['changed'] is False and result.writes == []


def test_check_mode_in_a_workspace_that_does_not_exist_yet(api):
    api.get(BASE + '/admin/workspaces/ws-new', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    api.get(BASE + '/admin/users', json=listing(USER),
            match=[matchers.query_param_matcher({'email': USER['email'], 'currentPage': '0', 'pageSize': '100'})])
    result = run_module('workspace_member', dict(workspace='ws-new', user=USER['email'], role='admin'), check_mode=True)
    assert result['changed'] is True and result['member']['id'] == 'check-mode-placeholder'
    assert result.writes == []
    assert 'does not exist' in str(result['warnings'])


def test_unknown_user_fails_pointing_at_invites(api):
    workspace_found(api)
    api.get(MEMBERS, json=listing())
    api.get(BASE + '/admin/users/33333333-3333-4333-8333-333333333333', status=404, json={'errorCode': 'AB08', 'message': 'User not found'})
    result = run_module('workspace_member', dict(workspace=WS['slug'], user='33333333-3333-4333-8333-333333333333'),
                        check_mode=True)
    assert result['failed'] is True
    assert 'no user has id' in result['msg'] and 'portkey.ai.user_invite' in result['msg']
    assert result.writes == []


def test_remove_and_remove_again(api):
    workspace_found(api)
    api.get(MEMBERS, json=listing(member()))
    api.delete(ONE, json={})
    result = run_module('workspace_member', dict(workspace=WS['slug'], user=USER['email'], state='absent'), diff=True)
    assert result['changed'] is True and result['member'] == {}
    assert result['diff']['before']['role'] == 'manager' and result['diff']['after'] == {}

    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    api.get(MEMBERS, json=listing())
    result = run_module('workspace_member', dict(workspace=WS['slug'], user=USER['email'], state='absent'))
    assert result['changed'] is False


def test_absent_in_a_workspace_that_is_gone_is_unchanged(api):
    api.get(BASE + '/admin/workspaces/ws-gone', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('workspace_member', dict(workspace='ws-gone', user=USER['email'], state='absent'))
    assert result['changed'] is False and result.writes == []


def test_missing_workspace_fails(api):
    api.get(BASE + '/admin/workspaces/ws-nope', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('workspace_member', dict(workspace='ws-nope', user=USER['email'], role='admin'))
    assert result['failed'] is True
    assert "workspace 'ws-nope' not found" in result['msg']


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(workspace=' ', user=USER['email']), 'workspace must not be empty'),
            (dict(workspace=WS['slug'], user=' '), 'user must not be empty'),
            (dict(workspace=WS['slug'], user='max @example.com'), 'without spaces'),
            (dict(workspace=WS['slug'], user='max@'), 'not a valid email'),
            (dict(workspace=WS['slug'], user=USER['email'], role='owner'), 'role'),
            (dict(user=USER['email']), 'workspace')):
        result = run_module('workspace_member', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_pages_and_filters_by_role(api):
    workspace_found(api)
    other = member('ws-admin', id='44444444-4444-4444-8444-444444444444', email='ada@example.com')
    api.get(MEMBERS, json={'object': 'list', 'total': 101, 'data': [member()] * 100},
            match=[matchers.query_param_matcher({'current_page': '0', 'page_size': '100'})])
    api.get(MEMBERS, json={'object': 'list', 'total': 101, 'data': [other]},
            match=[matchers.query_param_matcher({'current_page': '1', 'page_size': '100'})])
    result = run_module('workspace_member_info', dict(workspace=WS['slug'], role='admin'))
    assert result['changed'] is False
    assert result['members'] == [dict(other, role='admin')]


def test_info_one_user_and_missing_workspace(api):
    workspace_found(api)
    api.get(MEMBERS, json=listing(member()))
    result = run_module('workspace_member_info', dict(workspace=WS['slug'], user=USER['id']))
    assert [m['role'] for m in result['members']] == ['manager']

    api.get(BASE + '/admin/workspaces/ws-nope', status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/workspaces', json=listing())
    result = run_module('workspace_member_info', dict(workspace='ws-nope'), check_mode=True)
    assert result['failed'] is True and "workspace 'ws-nope' not found" in result['msg']
