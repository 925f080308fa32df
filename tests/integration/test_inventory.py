# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The portkey.ai.workspaces inventory plugin through the real ansible-inventory."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import subprocess

from tests.conftest import BIN, ROOT, ansible_env

CONFIG = '''
plugin: portkey.ai.workspaces
keyed_groups:
  - key: portkey_metadata.env | default('none')
    prefix: env
groups:
  budgeted: portkey_usage_limits | length > 0
compose:
  display_name: portkey_name | upper
'''


def plain(value):
    """ansible-inventory marks values from an API as unsafe ({"__ansible_unsafe": x}): unwrap them."""
    if isinstance(value, dict):
        if set(value) == {'__ansible_unsafe'}:
            return value['__ansible_unsafe']
        return dict((k, plain(v)) for k, v in value.items())
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def inventory(emulator, path, *args, **env):
    proc = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', str(path)] + list(args),
                          capture_output=True, text=True, env=ansible_env(emulator, **env), cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def plain_json(text):
    return plain(json.loads(text))


def seed(emulator):
    made = []
    for body in ({'name': 'Production', 'icon': '🚀', 'defaults': {'metadata': {'env': 'prod'}},
                  'usage_limits': [{'type': 'cost', 'credit_limit': 100}]},
                 {'name': 'Staging', 'defaults': {'metadata': {'env': 'staging'}}},
                 {'name': 'Sandbox'}):
        status, ws = emulator.call('POST', '/admin/workspaces', body)
        assert status == 200
        made.append(ws)
    return made


def test_list_hosts_vars_and_groups(emulator, tmp_path):
    prod, staging, sandbox = seed(emulator)
    config = tmp_path / 'org.portkey.yml'
    config.write_text(CONFIG)
    data = plain_json(inventory(emulator, config, '--list'))
    hostvars = data['_meta']['hostvars']
    assert sorted(hostvars) == sorted([prod['slug'], staging['slug'], sandbox['slug']])
    prod_vars = hostvars[prod['slug']]
    assert prod_vars['portkey_id'] == prod['id'] and prod_vars['portkey_name'] == 'Production'
    assert prod_vars['portkey_metadata'] == {'env': 'prod'} and prod_vars['display_name'] == 'PRODUCTION'
    assert prod_vars['ansible_connection'] == 'local'
    assert prod_vars['ansible_python_interpreter'] == '{{ ansible_playbook_python }}'
    assert sorted(data['portkey_workspaces']['hosts']) == sorted(hostvars)
    assert data['env_prod']['hosts'] == [prod['slug']]
    assert data['env_none']['hosts'] == [sandbox['slug']]
    assert data['budgeted']['hosts'] == [prod['slug']]
    graph = inventory(emulator, config, '--graph')
    assert '@env_staging:' in graph and staging['slug'] in graph


def test_cache_avoids_the_api_until_flushed(emulator, tmp_path):
    seed(emulator)
    config = tmp_path / 'cached.portkey.yaml'
    config.write_text(CONFIG + 'cache: true\ncache_plugin: ansible.builtin.jsonfile\ncache_connection: %s\n'
                      % (tmp_path / 'cache'))
    first = plain_json(inventory(emulator, config, '--list'))
    assert len(first['_meta']['hostvars']) == 3
    emulator.call('POST', '/admin/workspaces', {'name': 'Late'})
    mark = emulator.mark()
    second = plain_json(inventory(emulator, config, '--list'))
    assert emulator.requests(mark) == [], 'served from the cache'
    assert len(second['_meta']['hostvars']) == 3
    fresh = plain_json(inventory(emulator, config, '--list', '--flush-cache'))
    assert len(fresh['_meta']['hostvars']) == 4


def test_bad_key_fails_clearly_without_showing_it(emulator, tmp_path):
    config = tmp_path / 'bad.portkey.yml'
    config.write_text('plugin: portkey.ai.workspaces\n')
    proc = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', str(config), '--list'],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env=ansible_env(emulator, PORTKEY_API_KEY='pk-wrong-secret-value',
                                          ANSIBLE_INVENTORY_UNPARSED_FAILED='true'))
    assert proc.returncode != 0
    assert 'HTTP 401' in proc.stderr and 'PORTKEY_API_KEY' in proc.stderr
    assert 'pk-wrong-secret-value' not in proc.stdout + proc.stderr


def test_files_with_other_names_are_not_taken(emulator, tmp_path):
    config = tmp_path / 'org.yml'
    config.write_text('plugin: portkey.ai.workspaces\n')
    proc = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', str(config), '--list'],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env=ansible_env(emulator, ANSIBLE_INVENTORY_ENABLED='portkey.ai.workspaces',
                                          ANSIBLE_INVENTORY_UNPARSED_FAILED='true'))
    assert proc.returncode != 0
    assert emulator.requests() == []
