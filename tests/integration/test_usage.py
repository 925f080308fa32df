# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How people use the collection: bad input, secrets in verbose output, ad-hoc commands,
module_defaults, workspace_info, and retries against a flaky API."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import subprocess

from tests.conftest import BIN, ROOT, ansible_env


def test_bad_input_fails_before_any_write(emulator, ansible_playbook):
    run = ansible_playbook('bad_input.yml')
    assert run.rc == 0, run
    assert emulator.writes() == []
    assert 'pk-this-is-not-the-key-42' not in run.output


def test_no_secret_in_verbose_output(emulator, ansible_playbook):
    run = ansible_playbook('workspace.yml', {'ws_name': 'Verbose', 'ws_description': 'x'}, verbosity=3, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert 'ANSIBLE_MODULE_ARGS' in run.output or '<localhost>' in run.output, 'really verbose'
    assert emulator.api_key not in run.output
    # an API key given as a task option is masked too
    run = ansible_playbook('workspace.yml', {'ws_name': 'Verbose'}, verbosity=3,
                           env={'PORTKEY_API_KEY': 'unused'}, args=['-e', 'dummy=1'])
    assert emulator.api_key not in run.output


def test_module_defaults_for_the_action_group(emulator, ansible_playbook):
    run = ansible_playbook('module_defaults.yml', {'emulator_key': emulator.api_key, 'emulator_url': emulator.base_url},
                           env={'PORTKEY_API_KEY': '', 'PORTKEY_BASE_URL': ''})
    assert run.rc == 0, run
    assert emulator.api_key not in run.output


def adhoc(emulator, module, args):
    proc = subprocess.run([os.path.join(BIN, 'ansible'), 'localhost', '-i', 'localhost,', '-c', 'local', '-m', module,
                           '-a', args, '-o'], capture_output=True, text=True, cwd=ROOT, check=False,
                          env=ansible_env(emulator))
    return proc


def test_ad_hoc_commands(emulator):
    proc = adhoc(emulator, 'portkey.ai.workspace', 'name=AdHoc description="from the command line"')
    assert proc.returncode == 0 and 'CHANGED' in proc.stdout, proc.stdout + proc.stderr
    proc = adhoc(emulator, 'portkey.ai.workspace_info', 'name=AdHoc')
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout.split('=>', 1)[1])
    assert result['workspaces'][0]['description'] == 'from the command line'


def test_workspace_info_pages_through_everything(emulator):
    for number in range(120):
        emulator.call('POST', '/admin/workspaces', {'name': 'ws %03d' % number})
    mark = emulator.mark()
    proc = adhoc(emulator, 'portkey.ai.workspace_info', '')
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout.split('=>', 1)[1])
    assert len(result['workspaces']) == 120
    pages = [e['query'] for e in emulator.requests(mark)]
    assert pages == [{'current_page': '0', 'page_size': '100'}, {'current_page': '1', 'page_size': '100'}]


def test_a_flaky_api_is_retried(emulator, ansible_playbook):
    emulator.set_faults(rate_limit_rate=0.3, error_rate=0.2, retry_after=0, seed=7)
    run = ansible_playbook('workspace.yml', {'ws_name': 'Flaky', 'ws_description': 'one'})
    assert run.rc == 0, run
    emulator.set_faults()
    assert len(emulator.org.table('workspaces')) == 1, 'no duplicate after retries'
    statuses = [e['status'] for e in emulator.requests()]
    assert 429 in statuses or 503 in statuses, 'the seed must inject at least one fault'
