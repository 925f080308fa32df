# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user and user_info modules' mapping onto the API, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module

USER = {'object': 'user', 'id': '22222222-2222-4222-8222-222222222222', 'email': 'max@example.com', 'role': 'member',
        'first_name': 'Max', 'last_name': 'Member', 'workspace_ids': ['ws-prod-abcdef']}
OWNER = dict(USER, id='99999999-9999-4999-8999-999999999999', email='owner@example.com', role='owner')
ONE = BASE + '/admin/users/' + USER['id']
NOT_FOUND = {'errorCode': 'AB08', 'message': 'User not found'}


def listing(*items, **extra):
    body = {'object': 'list', 'total': len(items), 'data': list(items)}
    body.update(extra)
    return body


def test_the_same_role_sends_no_update(api):
    # The API answers 400 AB01 to a PUT of the role the user already has: nothing may be sent.
    api.get(ONE, json=USER)
    result = run_module('user', dict(user=USER['id'], role='member'))
    assert result['changed'] is False and result['user']['email'] == USER['email']
    assert result.writes == []


def test_role_change_by_email(api):
    api.get(BASE + '/admin/users', json=listing(USER),
            match=[matchers.query_param_matcher({'email': 'Max@Example.com', 'currentPage': '0', 'pageSize': '100'})])
    api.put(ONE, json={}, match=[matchers.json_params_matcher({'role': 'admin'})])
    api.get(ONE, json=dict(USER, role='admin'))
    result = run_module('user', dict(email='Max@Example.com', role='admin'), diff=True)
    assert result['changed'] is True and result['user']['role'] == 'admin'
    assert result['diff'] == {'before': {'role': 'member'}, 'after': {'role': 'admin'}}


def test_check_mode_never_writes(api):
    api.get(ONE, json=USER)
    result = run_module('user', dict(user_id=USER['id'], role='admin'), check_mode=True)
    assert result['changed'] is True and result['user']['role'] == 'member'
    assert result.writes == []


def test_a_missing_user_cannot_be_created(api):
    api.get(BASE + '/admin/users', json=listing())
    result = run_module('user', dict(user='new@example.com', role='member'), check_mode=True)
    assert result['failed'] is True
    assert "no user has email 'new@example.com'" in result['msg'] and 'portkey.ai.user_invite' in result['msg']


def test_remove_then_remove_again(api):
    api.get(ONE, json=USER)
    api.delete(ONE, json={})
    result = run_module('user', dict(user=USER['id'], state='absent'), diff=True)
    assert result['changed'] is True and result['user'] == {}
    assert result['diff'] == {'before': {'id': USER['id'], 'email': USER['email'], 'role': 'member'}, 'after': {}}

    api.get(ONE, status=404, json=NOT_FOUND)
    result = run_module('user', dict(user=USER['id'], state='absent'))
    assert result['changed'] is False and result.writes == []


def test_403_for_a_gone_user_is_confirmed_by_the_list(api):
    api.get(ONE, status=403, json={'errorCode': 'AB03', 'message': 'Forbidden'})
    api.get(BASE + '/admin/users', json=listing(OWNER))
    result = run_module('user', dict(user=USER['id'], state='absent'))
    assert result['changed'] is False


def test_the_owner_refusal_explains_itself(api):
    api.get(BASE + '/admin/users/' + OWNER['id'], json=OWNER)
    api.put(BASE + '/admin/users/' + OWNER['id'], status=400, json={'errorCode': 'AB01', 'message': 'Invalid request'})
    result = run_module('user', dict(user=OWNER['id'], role='admin'))
    assert result['failed'] is True
    assert 'HTTP 400' in result['msg'] and 'AB01' in result['msg'] and "organisation's owner" in result['msg']


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(user=''), 'user must not be empty'),
            (dict(user='a b'), 'without spaces'),
            (dict(user='@example.com'), 'not a valid email'),
            (dict(user=USER['id'], role='owner'), 'role'),
            (dict(role='admin'), 'user')):
        result = run_module('user', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0


def test_info_pages_with_camel_case_parameters(api):
    users = [dict(USER, id='%08d-0000-4000-8000-000000000000' % n, email='u%d@example.com' % n) for n in range(150)]
    api.get(BASE + '/admin/users', json=listing(*users[:100], total=150),
            match=[matchers.query_param_matcher({'currentPage': '0', 'pageSize': '100'})])
    api.get(BASE + '/admin/users', json=listing(*users[100:], total=150),
            match=[matchers.query_param_matcher({'currentPage': '1', 'pageSize': '100'})])
    result = run_module('user_info', {})
    assert result['changed'] is False
    assert [u['email'] for u in result['users']] == [u['email'] for u in users]


def test_info_filters_by_role_and_reads_one(api):
    api.get(BASE + '/admin/users', json=listing(OWNER, USER),
            match=[matchers.query_param_matcher({'role': 'owner', 'currentPage': '0', 'pageSize': '100'})])
    result = run_module('user_info', dict(role='owner'))
    assert [u['email'] for u in result['users']] == ['owner@example.com'], 'filtered here too'

    api.get(ONE, status=404, json=NOT_FOUND)
    assert run_module('user_info', dict(id=USER['id']))['users'] == []

    api.get(BASE + '/admin/users', json=listing(USER))
    assert run_module('user_info', dict(user='MAX@example.com', role='admin'))['users'] == []
