# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Unit-test helpers: run a module's main() in-process with mocked HTTP (responses)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import io
import json
import os
import sys
from contextlib import redirect_stdout

import pytest
import responses

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS = os.path.join(ROOT, '.build', 'collections')
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

from ansible.module_utils import basic  # noqa: E402
from ansible.module_utils.common import warnings as ansible_warnings  # noqa: E402

BASE = 'https://api.portkey.ai/v1'
API_KEY = 'pk-unit-test-key-0123456789'


# The RequestsMock of the running test (the ``api`` fixture); ``responses.calls`` is the default
# mock's log, which stays empty while the fixture's own mock is active.
_ACTIVE_MOCKS = []


def _mock_calls():
    return list(_ACTIVE_MOCKS[-1].calls) if _ACTIVE_MOCKS else list(responses.calls)


class ModuleResult(dict):
    """The JSON a module printed, plus ``failed`` and the HTTP calls this run made."""

    _calls = ()

    @property
    def calls(self):
        return [(c.request.method, c.request.url.split('?')[0][len(BASE):]) for c in self._calls]

    @property
    def writes(self):
        return [c for c in self.calls if c[0] != 'GET']


def run_module(name, params, check_mode=False, diff=False):
    """Run plugins/modules/<name>.py's main() with these parameters; return its result dict."""
    args = dict(api_key=API_KEY, base_url=BASE, max_retries=0)
    args.update(params)
    if check_mode:
        args['_ansible_check_mode'] = True
    if diff:
        args['_ansible_diff'] = True
    basic._ANSIBLE_ARGS = json.dumps({'ANSIBLE_MODULE_ARGS': args}).encode('utf-8')
    basic._ANSIBLE_PROFILE = 'legacy'
    # Module runs share this process: each starts without the warnings of the ones before.
    # (ansible-core keeps them in a private store; clearing it is for test isolation only.)
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
    ansible_warnings._global_deprecations.clear()  # pylint: disable=protected-access
    module = importlib.import_module('ansible_collections.portkey.ai.plugins.modules.%s' % name)
    out = io.StringIO()
    before = len(_mock_calls())
    with redirect_stdout(out):
        with pytest.raises(SystemExit):
            module.main()
    basic._ANSIBLE_ARGS = None
    result = ModuleResult(json.loads(out.getvalue()))
    result._calls = _mock_calls()[before:]
    return result


@pytest.fixture
def api():
    """responses' mock of the Admin API; every registered call must be made (assert_all_requests_are_fired)."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        _ACTIVE_MOCKS.append(mock)
        try:
            yield mock
        finally:
            _ACTIVE_MOCKS.remove(mock)
