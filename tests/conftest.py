# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures shared by every test tier: the emulator, and a runner for real ansible-playbook."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
import subprocess
import sys
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tests.emulator.server import Emulator  # noqa: E402

ADMIN_KEY = 'pk-test-admin-0123456789abcdef'
COLLECTIONS = os.path.join(ROOT, '.build', 'collections')
BIN = os.path.dirname(sys.executable)
WRITE_METHODS = ('POST', 'PUT', 'DELETE', 'PATCH')


@pytest.fixture(scope='session')
def emulator_server():
    server = Emulator(admin_key=ADMIN_KEY, validate_responses=True).start()
    yield server
    server.stop()


@pytest.fixture
def emulator(emulator_server):
    """A fresh emulated organisation for each test; fails the test if a response broke the spec."""
    emulator_server.reset()
    yield EmulatorHandle(emulator_server)
    assert emulator_server.violations == [], 'responses that do not fit the OpenAPI spec: %r' % emulator_server.violations


class EmulatorHandle(object):
    """What tests use of the emulator: its URL, the key, the request log and a raw API caller."""

    def __init__(self, server):
        self.server = server
        self.base_url = server.base_url
        self.api_key = ADMIN_KEY

    @property
    def org(self):
        return self.server.org

    def requests(self, since=0):
        return self.server.log[since:]

    def mark(self):
        """A position in the request log; pass it to writes() to see what happened after it."""
        return len(self.server.log)

    def writes(self, since=0):
        return [e for e in self.server.log[since:] if e['method'] in WRITE_METHODS]

    def call(self, method, path, body=None, params=None):
        """Call the API directly (as someone outside Ansible would): (status, decoded body)."""
        url = self.base_url + path
        if params:
            url += '?' + '&'.join('%s=%s' % kv for kv in params.items())
        data = None if body is None else json.dumps(body).encode('utf-8')
        request = urllib.request.Request(url, data=data, method=method, headers={
            'x-portkey-api-key': self.api_key, 'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read().decode('utf-8')
                return response.status, json.loads(text) if text else {}
        except urllib.error.HTTPError as exc:
            text = exc.read().decode('utf-8')
            return exc.code, json.loads(text) if text else {}

    def set_faults(self, **faults):
        self.server.set_faults(faults)


class PlaybookResult(object):
    def __init__(self, proc):
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.output = proc.stdout + proc.stderr
        self.recap = {}
        for match in re.finditer(r'^(\S+)\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)', proc.stdout, re.M):
            self.recap[match.group(1)] = dict(ok=int(match.group(2)), changed=int(match.group(3)),
                                              unreachable=int(match.group(4)), failed=int(match.group(5)))

    @property
    def changed(self):
        return sum(host['changed'] for host in self.recap.values())

    def __repr__(self):
        return "<PlaybookResult rc=%s recap=%s>\n%s" % (self.rc, self.recap, self.output[-6000:])


def ansible_env(emulator=None, **extra):
    env = dict(os.environ)
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': COLLECTIONS,
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_FORCE_COLOR': '0',
        'ANSIBLE_RETRY_FILES_ENABLED': 'false',
        'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'ANSIBLE_HOME': os.path.join(ROOT, '.build', 'ansible-home'),
        'PATH': BIN + os.pathsep + env.get('PATH', ''),
    })
    if emulator is not None:
        env['PORTKEY_API_KEY'] = emulator.api_key
        env['PORTKEY_BASE_URL'] = emulator.base_url
    env.update(extra)
    return env


@pytest.fixture
def ansible_playbook(emulator):
    """Run the real ansible-playbook binary against the emulator; returns a PlaybookResult."""
    def run(playbook, extra_vars=None, check=False, diff=False, verbosity=0, env=None, args=()):
        path = playbook if os.path.isabs(playbook) else os.path.join(ROOT, 'tests', 'integration', 'playbooks', playbook)
        command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', path]
        if extra_vars:
            command += ['-e', json.dumps(extra_vars)]
        if check:
            command.append('--check')
        if diff:
            command.append('--diff')
        if verbosity:
            command.append('-' + 'v' * verbosity)
        command += list(args)
        proc = subprocess.run(command, capture_output=True, text=True, env=ansible_env(emulator, **(env or {})),
                              cwd=ROOT, timeout=300, check=False)
        return PlaybookResult(proc)
    return run
