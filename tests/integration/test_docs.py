# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every module's documentation renders with ansible-doc, and its EXAMPLES are valid tasks:
they pass ansible-playbook's syntax check and ansible-lint's check of module arguments."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os
import subprocess

import yaml

from tests.conftest import BIN, ROOT, ansible_env

MODULES = sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, 'plugins', 'modules')) if f.endswith('.py'))


class ExampleLoader(yaml.SafeLoader):
    """PyYAML plus Ansible's !unsafe tag (examples use it for Mustache templates)."""


ExampleLoader.add_constructor('!unsafe', lambda loader, node: loader.construct_scalar(node))


def examples_of(module):
    """The EXAMPLES text of a module, and its tasks parsed."""
    with open(os.path.join(ROOT, 'plugins', 'modules', module + '.py')) as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) == 'EXAMPLES':
            return node.value.value, yaml.load(node.value.value, Loader=ExampleLoader)
    raise AssertionError('%s has no EXAMPLES' % module)


def test_ansible_doc_renders_every_module_and_the_inventory_plugin():
    env = ansible_env()
    proc = subprocess.run([os.path.join(BIN, 'ansible-doc')] + ['portkey.ai.%s' % m for m in MODULES],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    for module in MODULES:
        assert 'portkey.ai.%s' % module in proc.stdout
    assert proc.stdout.count('EXAMPLES:') == len(MODULES)
    assert proc.stdout.count('RETURN VALUES:') == len(MODULES)
    proc = subprocess.run([os.path.join(BIN, 'ansible-doc'), '-t', 'inventory', 'portkey.ai.workspaces'],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert proc.returncode == 0 and 'keyed_groups' in proc.stdout, proc.stderr


def test_examples_are_valid_playbooks(tmp_path):
    for module in MODULES:
        text, tasks = examples_of(module)
        for task in tasks:
            assert 'hosts' not in task, '%s: EXAMPLES are tasks, not plays' % module
            assert any(key.startswith(('portkey.ai.', 'ansible.builtin.')) for key in task), \
                '%s: every example task uses a fully qualified module name: %r' % (module, task)
        # The text as written (tags such as !unsafe kept), as the tasks of one play.
        play = '- name: Examples of %s\n  hosts: localhost\n  gather_facts: false\n  tasks:\n' % module
        play += ''.join('    ' + line if line.strip() else '\n' for line in text.strip('\n').splitlines(True))
        (tmp_path / ('%s.yml' % module)).write_text(play + '\n')
    playbooks = sorted(str(p) for p in tmp_path.glob('*.yml'))
    proc = subprocess.run([os.path.join(BIN, 'ansible-playbook'), '--syntax-check', '-i', 'localhost,'] + playbooks,
                          capture_output=True, text=True, env=ansible_env(), cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # ansible-lint's args rule checks every task's options against the module's argument spec.
    # (jinja[invalid] is skipped: it parses Mustache marked !unsafe, which Ansible never templates.)
    proc = subprocess.run([os.path.join(BIN, 'ansible-lint'), '--offline', '-q', '--strict', '--skip-list', 'yaml,name[play],jinja[invalid]']
                          + playbooks,
                          capture_output=True, text=True, env=ansible_env(), cwd=str(tmp_path), check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
