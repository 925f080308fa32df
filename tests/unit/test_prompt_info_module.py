# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The prompt_info module, with HTTP mocked."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from .conftest import BASE, run_module
from .test_prompt_module import COLL, PID, PROMPT, SUMMARY, WS, listing


def test_lists_a_workspace_with_every_page(api):
    api.get(BASE + '/admin/workspaces/' + WS['slug'], json=WS)
    others = [dict(SUMMARY, id='p%d' % n, name='P%d' % n) for n in range(100)]
    api.get(BASE + '/prompts', json={'total': 101, 'data': others},
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '0', 'page_size': '100'})])
    api.get(BASE + '/prompts', json={'total': 101, 'data': [SUMMARY]},
            match=[matchers.query_param_matcher({'workspace_id': WS['id'], 'current_page': '1', 'page_size': '100'})])
    result = run_module('prompt_info', dict(workspace=WS['slug']))
    assert result['changed'] is False and len(result['prompts']) == 101


def test_reads_one_by_slug_at_a_version(api):
    api.get(BASE + '/prompts/' + PROMPT['slug'], json=PROMPT, match=[matchers.query_param_matcher({'version': '3'})])
    result = run_module('prompt_info', dict(slug=PROMPT['slug'], version='3'))
    assert result['prompts'] == [PROMPT]


def test_a_missing_prompt_is_an_empty_list(api):
    api.get(BASE + '/prompts/pp-gone', status=404, json={'errorCode': 'AB08', 'message': 'Prompt not found'})
    assert run_module('prompt_info', dict(id='pp-gone'))['prompts'] == []


def test_by_name_in_a_collection_reads_the_matches_in_full(api):
    api.get(BASE + '/collections/' + COLL['slug'], json=COLL)
    api.get(BASE + '/prompts', json=listing(SUMMARY, dict(SUMMARY, id='other', name='Other')),
            match=[matchers.query_param_matcher({'collection_id': COLL['id'], 'workspace_id': WS['id'],
                                                 'current_page': '0', 'page_size': '100'})])
    api.get(BASE + '/prompts/' + PID, json=PROMPT, match=[matchers.query_param_matcher({'version': 'latest'})])
    result = run_module('prompt_info', dict(collection_id=COLL['slug'], name='Refunds', version='latest'))
    assert result['prompts'] == [PROMPT]


def test_bad_input_fails_before_any_request(api):
    for params, message in (
            (dict(slug='pp-x', version='newest'), 'version must be default, latest or a version number'),
            (dict(workspace='ws', version='2'), 'version needs id, slug or name'),
            (dict(), 'give workspace or collection'),
            (dict(id='a', slug='b'), 'mutually exclusive')):
        result = run_module('prompt_info', params)
        assert result['failed'] is True, params
        assert message in result['msg'], (params, result['msg'])
    assert len(api.calls) == 0
