# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Admin API client: retries, Retry-After, pagination, errors, no duplicate POST."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import random

import pytest
import requests
from responses import matchers

from ansible_collections.portkey.ai.plugins.module_utils import _client
from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyClient, PortkeyError

from .conftest import API_KEY, BASE


class FakeClock(object):
    """time.monotonic and time.sleep for the client, without waiting."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


def make_client(clock, **kwargs):
    options = dict(api_key=API_KEY, base_url=BASE, max_retries=3, sleep=clock.sleep, clock=clock.monotonic,
                   rng=random.Random(1))
    options.update(kwargs)
    return PortkeyClient(**options)


def test_sends_the_api_key_and_a_user_agent(api, clock):
    api.get(BASE + '/admin/workspaces/ws-a', json={'id': 'a'},
            match=[matchers.header_matcher({'x-portkey-api-key': API_KEY})])
    assert make_client(clock).get('/admin/workspaces/ws-a') == {'id': 'a'}
    agent = api.calls[0].request.headers['User-Agent']
    assert agent.startswith('portkey.ai-ansible-collection/') and 'ansible-core' in agent


def test_429_is_retried_after_the_servers_retry_after(api, clock):
    api.get(BASE + '/configs', status=429, headers={'Retry-After': '7'}, json={'errorCode': 'AB06'})
    api.get(BASE + '/configs', json={'data': []})
    assert make_client(clock).get('/configs') == {'data': []}
    assert len(clock.sleeps) == 1
    assert 7 <= clock.sleeps[0] <= 7.7, 'Retry-After wins, with at most 10% jitter'


def test_retry_after_as_an_http_date():
    assert _client._retry_after_seconds('Thu, 01 Jan 2026 00:00:10 GMT', now=1767225600.0) == pytest.approx(10)
    assert _client._retry_after_seconds('soon') is None
    assert _client._retry_after_seconds(None) is None


def test_503_is_retried_with_growing_jittered_backoff(api, clock):
    for dummy in range(3):
        api.get(BASE + '/configs', status=503, json={})
    api.get(BASE + '/configs', json={'data': [1]})
    assert make_client(clock).get('/configs') == {'data': [1]}
    assert len(clock.sleeps) == 3
    caps = [0.5, 1.0, 2.0]
    for slept, cap in zip(clock.sleeps, caps):
        assert cap / 2 <= slept <= cap


def test_gives_up_after_max_retries_with_the_last_error(api, clock):
    for dummy in range(3):
        api.put(BASE + '/configs/pc-a', status=502, json={'errorCode': 'AB04', 'message': 'upstream broke'})
    with pytest.raises(PortkeyError) as info:
        make_client(clock, max_retries=2).put('/configs/pc-a', {'name': 'x'})
    assert info.value.status == 502 and info.value.code == 'AB04'
    assert len(api.calls) == 3


def test_the_deadline_bounds_the_retries(api, clock):
    api.get(BASE + '/configs', status=429, headers={'Retry-After': '100'}, json={})
    with pytest.raises(PortkeyError) as info:
        make_client(clock, deadline=30).get('/configs')
    assert info.value.status == 429 and 'max_retries' in str(info.value)
    assert clock.sleeps == []


def test_a_post_answered_503_is_not_retried(api, clock):
    api.post(BASE + '/admin/workspaces', status=503, json={'message': 'unavailable'})
    with pytest.raises(PortkeyError) as info:
        make_client(clock).post('/admin/workspaces', {'name': 'x'})
    assert info.value.status == 503
    assert len(api.calls) == 1, 'the server may have created it: no blind second POST'
    assert info.value.ambiguous is True


def test_a_post_answered_429_is_retried(api, clock):
    api.post(BASE + '/admin/workspaces', status=429, headers={'Retry-After': '1'}, json={})
    api.post(BASE + '/admin/workspaces', json={'id': 'new'})
    assert make_client(clock).post('/admin/workspaces', {'name': 'x'}) == {'id': 'new'}
    assert len(api.calls) == 2


def test_a_post_whose_connection_broke_after_sending_is_ambiguous(api, clock):
    api.post(BASE + '/admin/workspaces', body=requests.exceptions.ConnectionError('Connection aborted.'))
    with pytest.raises(PortkeyError) as info:
        make_client(clock).post('/admin/workspaces', {'name': 'x'})
    assert info.value.ambiguous is True and info.value.status is None
    assert len(api.calls) == 1


def test_a_post_that_never_connected_is_retried(api, clock):
    api.post(BASE + '/admin/workspaces', body=requests.exceptions.ConnectTimeout('connect timed out'))
    api.post(BASE + '/admin/workspaces', json={'id': 'new'})
    assert make_client(clock).post('/admin/workspaces', {'name': 'x'}) == {'id': 'new'}


def test_a_get_is_retried_after_a_broken_connection(api, clock):
    api.get(BASE + '/configs', body=requests.exceptions.ConnectionError('reset by peer'))
    api.get(BASE + '/configs', json={'data': []})
    assert make_client(clock).get('/configs') == {'data': []}


def test_pagination_walks_every_page_with_the_largest_size(api, clock):
    pages = [[{'id': i} for i in range(0, 100)], [{'id': i} for i in range(100, 150)]]
    for number, items in enumerate(pages):
        api.get(BASE + '/admin/workspaces', json={'object': 'list', 'total': 150, 'data': items},
                match=[matchers.query_param_matcher({'current_page': str(number), 'page_size': '100', 'status': 'active'})])
    items = make_client(clock).list('/admin/workspaces', params={'status': 'active'}, page_size=100)
    assert [i['id'] for i in items] == list(range(150))


def test_pagination_trusts_the_total_when_the_server_caps_the_page(api, clock):
    for number in range(3):
        api.get(BASE + '/admin/users', json={'total': 25, 'data': [{'id': number * 10 + i} for i in range(10 if number < 2 else 5)]},
                match=[matchers.query_param_matcher({'currentPage': str(number), 'pageSize': '100'})])
    items = make_client(clock).list('/admin/users', paging='camel', page_size=100)
    assert len(items) == 25


def test_pagination_without_total_stops_on_a_short_page(api, clock):
    api.get(BASE + '/prompts', json={'data': [{'id': 1}, {'id': 2}]})
    assert len(make_client(clock).list('/prompts', page_size=2 + 1)) == 2


@pytest.mark.parametrize('body, key', [
    ([{'id': 1}], None),
    ({'workspaces': [{'id': 1}], 'total': 1}, None),
    ({'models': [{'id': 1}], 'total': 1}, None),
    ({'mappings': [{'id': 1}], 'total_count': 1}, None),
    ({'records': [{'id': 1}], 'total': 1}, None),
    ({'other': [{'id': 1}]}, 'other'),
])
def test_every_list_envelope(api, clock, body, key):
    api.get(BASE + '/x', json=body)
    assert make_client(clock).list('/x', paging=None, items_key=key) == [{'id': 1}]


@pytest.mark.parametrize('body, code, message', [
    ({'errorCode': 'AB07', 'message': 'already exists'}, 'AB07', 'already exists'),
    ({'error': {'code': 'AB03', 'message': 'not allowed'}}, 'AB03', 'not allowed'),
    ({'success': False, 'data': {'message': 'Unauthorised Request'}}, None, 'Unauthorised Request'),
])
def test_errors_carry_method_path_status_code_and_message(api, clock, body, code, message):
    api.delete(BASE + '/admin/workspaces/ws-a', status=409, json=body)
    with pytest.raises(PortkeyError) as info:
        make_client(clock).delete('/admin/workspaces/ws-a', {'name': 'a'})
    error = info.value
    assert (error.method, error.path, error.status, error.code, error.message) == (
        'DELETE', '/admin/workspaces/ws-a', 409, code, message)
    text = str(error)
    assert text.startswith('DELETE /admin/workspaces/ws-a, HTTP 409') and message in text


def test_a_401_hints_at_the_api_key_and_never_shows_it(api, clock):
    api.get(BASE + '/configs', status=401, json={'success': False, 'data': {'message': 'Unauthorised Request'}})
    with pytest.raises(PortkeyError) as info:
        make_client(clock).get('/configs')
    assert 'PORTKEY_API_KEY' in str(info.value) and API_KEY not in str(info.value)


def test_a_non_json_answer_is_an_error(api, clock):
    api.get(BASE + '/configs', body='<html>proxy</html>', status=200)
    with pytest.raises(PortkeyError) as info:
        make_client(clock).get('/configs')
    assert 'not JSON' in str(info.value) and info.value.path == '/configs'


def test_missing_ok_turns_404_into_none(api, clock):
    api.get(BASE + '/configs/pc-x', status=404, json={'errorCode': 'AB08'})
    assert make_client(clock).get('/configs/pc-x', missing_ok=True) is None


def test_read_only_refuses_writes_before_sending(api, clock):
    with pytest.raises(PortkeyError) as info:
        make_client(clock, read_only=True).post('/admin/workspaces', {'name': 'x'})
    assert 'check mode' in str(info.value)
    assert len(api.calls) == 0


def test_empty_bodies_decode_to_an_empty_dict(api, clock):
    api.delete(BASE + '/guardrails/pg-a', body='', status=200)
    assert make_client(clock).delete('/guardrails/pg-a') == {}


def test_a_404_without_v1_in_base_url_hints_at_it(api, clock):
    api.get('https://portkey.example.com/admin/workspaces', status=404, json={'errorCode': 'AB02', 'message': 'Not found'})
    with pytest.raises(PortkeyError) as info:
        make_client(clock, base_url='https://portkey.example.com').get('/admin/workspaces')
    assert 'under /v1' in str(info.value)
