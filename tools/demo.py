# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""``make demo``: start the emulator, run the demo playbook twice, show the inventory, stop.

Fails (exit 1) if a run fails or the second run reports any change.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
API_KEY = 'pk-demo-admin-key'


def start_emulator():
    url_file = tempfile.NamedTemporaryFile(prefix='portkey-emulator-', suffix='.url', delete=False).name
    os.unlink(url_file)
    proc = subprocess.Popen([sys.executable, '-m', 'tests.emulator', '--port', '0', '--admin-key', API_KEY,
                             '--url-file', url_file], cwd=ROOT, stdout=subprocess.DEVNULL)
    for dummy in range(300):
        if os.path.exists(url_file) and os.path.getsize(url_file):
            with open(url_file) as handle:
                url = handle.read().strip()
            os.unlink(url_file)
            return proc, url
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise SystemExit('the emulator did not start')


def run(command, env):
    print('\n$ ' + ' '.join(command), flush=True)
    proc = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    sys.stdout.write(proc.stdout)
    sys.stdout.flush()
    if proc.returncode != 0:
        raise SystemExit('failed: %s' % ' '.join(command))
    return proc.stdout


def main():
    emulator, url = start_emulator()
    print('Emulator of the Portkey Admin API running at %s' % url)
    settings = dict(PORTKEY_API_KEY=API_KEY, PORTKEY_BASE_URL=url, ANSIBLE_PYTHON_INTERPRETER=sys.executable,
                    ANSIBLE_COLLECTIONS_PATH=os.environ.get('ANSIBLE_COLLECTIONS_PATH', ''))
    print('The commands below run with:')
    for name, value in sorted(settings.items()):
        print('  export %s=%s' % (name, value))
    env = dict(os.environ, ANSIBLE_NOCOLOR='1', ANSIBLE_LOCALHOST_WARNING='false',
               ANSIBLE_INVENTORY_UNPARSED_WARNING='false', **settings)
    playbook = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', 'playbooks/demo.yml']
    try:
        print('\n=== First run: creates everything ===')
        run(playbook, env)
        print('\n=== Second run: nothing to change ===')
        second = run(playbook, env)
        changed = [int(n) for n in re.findall(r'changed=(\d+)', second)]
        if not changed or any(changed):
            raise SystemExit('the second run changed something: it should report changed=0')
        print('\n=== Workspaces as an inventory ===')
        run([os.path.join(BIN, 'ansible-inventory'), '-i', 'playbooks/inventory/demo.portkey.yml', '--graph'], env)
        print('\nDemo finished: the second run reported changed=0.')
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
    return 0


if __name__ == '__main__':
    sys.exit(main())
