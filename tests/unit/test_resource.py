# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The idempotent engine, on a small made-up resource, with HTTP mocked by responses."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import random

import pytest
import requests
from responses import matchers

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyClient
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    Resource,
    canonical,
    is_subset,
    normalize_bool,
    normalize_json,
    normalize_set,
)

from .conftest import API_KEY, BASE


class Exit(Exception):
    def __init__(self, result):
        super(Exit, self).__init__(result)
        self.result = result


class FakeModule(object):
    """Just what the engine uses of a PortkeyModule."""

    def __init__(self, params, check_mode=False, diff=True):
        self.params = dict(state='present', update_secrets='on_create')
        self.params.update(params)
        self.check_mode = check_mode
        self._diff = diff
        self.client = PortkeyClient(api_key=API_KEY, base_url=BASE, max_retries=1, read_only=check_mode,
                                    sleep=lambda s: None, rng=random.Random(0))
        self.warnings = []

    def exit_json(self, **result):
        raise Exit(result)

    def fail_json(self, **result):
        result['failed'] = True
        raise Exit(result)

    def fail_on_api_error(self, error, action=None, **result):
        self.fail_json(msg='Failed to %s: %s' % (action, error))

    def warn(self, message):
        self.warnings.append(message)


class Widget(Resource):
    singular = 'widget'
    list_path = '/widgets'
    item_path = '/widgets/{id}'
    ident_field = 'slug'
    lookups = (('slug', 'slug', True),)
    options = (
        Option('name'),
        Option('slug'),
        Option('size', normalize=canonical),
        Option('enabled', normalize=normalize_bool),
        Option('spec', normalize=normalize_json),
        Option('tags', normalize=normalize_set),
        Option('kind', immutable=True),
        Option('token', secret=True),
        Option('limits', compare='subset'),
    )


def run(params, check_mode=False, cls=Widget):
    module = FakeModule(params, check_mode=check_mode)
    with pytest.raises(Exit) as info:
        cls(module).run()
    result = info.value.result
    result['warnings'] = module.warnings
    return result


EXISTING = {'slug': 'w-1', 'name': 'One', 'size': 10.0, 'enabled': 1, 'spec': '{"b": [1, 2], "a": {"x": 1}}',
            'tags': ['b', 'a'], 'kind': 'round', 'masked_token': 'ab****yz'}


def listing(*items):
    return {'total': len(items), 'data': list(items)}


# -- normalisers ------------------------------------------------------------------------------

def test_normalisers():
    assert normalize_bool(1) is True and normalize_bool('false') is False and normalize_bool(None) is None
    assert normalize_json('{"a": 1.0, "b": [2.0]}') == {'a': 1, 'b': [2]}
    assert normalize_set(['b', 'a', 'a']) == normalize_set(['a', 'b'])
    assert canonical({'x': (1.0, 2.5)}) == {'x': [1, 2.5]}


def test_subset_compare_ignores_what_the_server_adds_and_unset_keys():
    assert is_subset([{'type': 'cost', 'credit_limit': 5, 'periodic_reset': None}],
                     [{'type': 'cost', 'credit_limit': 5.0, 'periodic_reset': '', 'next_usage_reset_at': 'x'}])
    assert not is_subset([{'credit_limit': 5}], [{'credit_limit': 6}])
    assert not is_subset([{'a': 1}], [{'a': 1}, {'a': 2}])
    assert is_subset([], None)


# -- find, compare, write ---------------------------------------------------------------------

def test_semantically_equal_values_are_unchanged_and_nothing_is_written(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    result = run(dict(slug='w-1', name='One', size=10, enabled=True, spec={'a': {'x': 1}, 'b': [1, 2]},
                      tags=['a', 'b'], kind='round', token='s3cret'))
    assert result['changed'] is False
    assert result['widget']['slug'] == 'w-1'


def test_update_sends_only_changed_options_and_keeps_secrets_out_of_the_diff(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    api.put(BASE + '/widgets/w-1', json={}, match=[matchers.json_params_matcher({'size': 11})])
    api.get(BASE + '/widgets/w-1', json=dict(EXISTING, size=11))
    result = run(dict(slug='w-1', size=11, token='s3cret'))
    assert result['changed'] is True and result['widget']['size'] == 11
    assert result['diff'] == {'before': {'slug': 'w-1', 'size': 10}, 'after': {'slug': 'w-1', 'size': 11}}
    assert 's3cret' not in repr(result)


def test_secrets_are_sent_on_update_only_when_asked(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    api.put(BASE + '/widgets/w-1', json={}, match=[matchers.json_params_matcher({'token': 'n3w'})])
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    result = run(dict(slug='w-1', token='n3w', update_secrets='always'))
    assert result['changed'] is True
    assert 'n3w' not in repr(result['diff'])


def test_create_sends_every_option_set_including_secrets(api):
    api.get(BASE + '/widgets/w-2', status=404, json={})
    api.post(BASE + '/widgets', json={'slug': 'w-2'},
             match=[matchers.json_params_matcher({'slug': 'w-2', 'name': 'Two', 'token': 't0k'})])
    api.get(BASE + '/widgets/w-2', json={'slug': 'w-2', 'name': 'Two'})
    result = run(dict(slug='w-2', name='Two', token='t0k'))
    assert result['changed'] is True and result['widget'] == {'slug': 'w-2', 'name': 'Two'}
    assert result['diff']['before'] == {} and 'token' not in result['diff']['after']


def test_check_mode_predicts_a_create_without_writing(api):
    api.get(BASE + '/widgets/w-2', status=404, json={})
    result = run(dict(slug='w-2', name='Two'), check_mode=True)
    assert result['changed'] is True and result['widget']['id'] == 'check-mode-placeholder'
    assert [c.request.method for c in api.calls] == ['GET']


def test_an_immutable_change_replaces(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    api.delete(BASE + '/widgets/w-1', json={})
    api.post(BASE + '/widgets', json={'slug': 'w-1'}, match=[matchers.json_params_matcher({'slug': 'w-1', 'kind': 'square'})])
    api.get(BASE + '/widgets/w-1', json=dict(EXISTING, kind='square'))
    result = run(dict(slug='w-1', kind='square'))
    assert result['changed'] is True and result['replaced'] is True
    assert result['diff'] == {'before': {'slug': 'w-1', 'kind': 'round'}, 'after': {'slug': 'w-1', 'kind': 'square'}}
    assert any('replaced' in w for w in result['warnings'])


class CreateFirstWidget(Widget):
    replace_order = 'create_first'
    lookups = ()
    ident_field = 'id'


def test_replace_can_create_before_it_deletes(api):
    existing = {'id': 'old', 'name': 'One', 'kind': 'round'}
    api.get(BASE + '/widgets', json=listing(existing))
    api.get(BASE + '/widgets/old', json=existing)
    api.post(BASE + '/widgets', json={'id': 'new'})
    api.get(BASE + '/widgets/new', json={'id': 'new', 'name': 'One', 'kind': 'square'})
    api.delete(BASE + '/widgets/old', json={})
    result = run(dict(name='One', kind='square'), cls=CreateFirstWidget)
    assert [c.request.method for c in api.calls] == ['GET', 'GET', 'POST', 'GET', 'DELETE']
    assert result['widget']['id'] == 'new'


class FailingWidget(Widget):
    on_immutable_change = 'fail'


def test_an_immutable_change_can_fail_instead(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    result = run(dict(slug='w-1', kind='square'), cls=FailingWidget)
    assert result['failed'] is True and "kind cannot be changed" in result['msg'] and "'round'" in result['msg']


class NamedWidget(Widget):
    lookups = ()
    ident_field = 'id'


def test_an_ambiguous_name_fails_and_lists_the_candidates(api):
    api.get(BASE + '/widgets', json=listing({'id': 'a', 'name': 'Dup'}, {'id': 'b', 'name': 'Dup'}, {'id': 'c', 'name': 'Other'}))
    result = run(dict(name='Dup', size=1), cls=NamedWidget)
    assert result['failed'] is True
    assert '2 widgets match' in result['msg'] and 'id=a' in result['msg'] and 'id=b' in result['msg']


def test_an_ambiguous_post_is_looked_up_before_trying_again(api):
    api.get(BASE + '/widgets', json=listing())
    api.post(BASE + '/widgets', body=requests.exceptions.ConnectionError('Connection aborted.'))
    api.get(BASE + '/widgets', json=listing({'id': 'made', 'name': 'Once'}))
    api.get(BASE + '/widgets/made', json={'id': 'made', 'name': 'Once'})
    result = run(dict(name='Once'), cls=NamedWidget)
    assert result['changed'] is True and result['widget']['id'] == 'made'
    assert [c.request.method for c in api.calls].count('POST') == 1, 'never a duplicate'


def test_an_ambiguous_post_that_did_not_land_is_sent_once_more(api):
    api.get(BASE + '/widgets', json=listing())
    api.post(BASE + '/widgets', body=requests.exceptions.ConnectionError('Connection aborted.'))
    api.get(BASE + '/widgets', json=listing())
    api.post(BASE + '/widgets', json={'id': 'made'})
    api.get(BASE + '/widgets/made', json={'id': 'made', 'name': 'Once'})
    result = run(dict(name='Once'), cls=NamedWidget)
    assert result['changed'] is True


def test_absent_deletes_and_then_is_unchanged(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    api.delete(BASE + '/widgets/w-1', json={})
    assert run(dict(slug='w-1', state='absent'))['changed'] is True
    api.get(BASE + '/widgets/w-1', status=404, json={})
    assert run(dict(slug='w-1', state='absent'))['changed'] is False


def test_absent_in_check_mode_does_not_delete(api):
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    result = run(dict(slug='w-1', state='absent'), check_mode=True)
    assert result['changed'] is True and result['diff']['after'] == {}
    assert [c.request.method for c in api.calls] == ['GET']


def test_invalid_json_fails_before_any_request(api):
    result = run(dict(slug='w-1', spec='{not json'))
    assert result['failed'] is True and 'spec is not valid JSON' in result['msg']
    assert len(api.calls) == 0


def test_nothing_to_find_by_is_a_clear_error(api):
    result = run(dict(size=1), cls=NamedWidget)
    assert result['failed'] is True and 'name' in result['msg'] and 'needed to find the widget' in result['msg']


def test_a_post_answered_503_is_looked_up_then_retried_once(api):
    api.get(BASE + '/widgets', json=listing())
    api.post(BASE + '/widgets', status=503, json={'message': 'unavailable'})
    api.get(BASE + '/widgets', json=listing())
    api.post(BASE + '/widgets', json={'id': 'made'})
    api.get(BASE + '/widgets/made', json={'id': 'made', 'name': 'Once'})
    result = run(dict(name='Once'), cls=NamedWidget)
    assert result['changed'] is True and result['widget']['id'] == 'made'
    assert [c.request.method for c in api.calls] == ['GET', 'POST', 'GET', 'POST', 'GET']


def test_unset_suboptions_are_not_shown_as_changes_in_the_diff(api):
    api.get(BASE + '/widgets/w-1', json=dict(EXISTING, limits=[{'credit_limit': 5, 'alert_threshold': 4}]))
    api.put(BASE + '/widgets/w-1', json={}, match=[matchers.json_params_matcher({'limits': [{'credit_limit': 6}]})])
    api.get(BASE + '/widgets/w-1', json=EXISTING)
    result = run(dict(slug='w-1', limits=[{'credit_limit': 6, 'alert_threshold': None}]))
    assert result['diff']['after']['limits'] == [{'credit_limit': 6}]
