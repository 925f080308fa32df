# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run ``ansible-test sanity`` on the collection, offline-friendly.

ansible-test wants the collection at ``ansible_collections/portkey/ai``: this copies the files git
knows (tracked, or new and not ignored) to ``.build/sanity/ansible_collections/portkey/ai`` (or $PORTKEY_SANITY_DIR/...) and runs
there (in a git repository of its own), with HOME pointed into .build so the pip bootstrap stand-in is found in ansible-test's cache.
Extra arguments go to ansible-test (e.g. ``--test pylint``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# PORTKEY_SANITY_DIR lets several runs happen at once in different places.
SANITY_ROOT = os.environ.get('PORTKEY_SANITY_DIR') or os.path.join(ROOT, '.build', 'sanity')
DEST = os.path.join(SANITY_ROOT, 'ansible_collections', 'portkey', 'ai')
HOME = os.path.join(SANITY_ROOT, 'home')


def tracked_files():
    out = subprocess.check_output(['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], cwd=ROOT)
    return [f for f in out.decode('utf-8').split('\0') if f and os.path.isfile(os.path.join(ROOT, f))]


def copy_collection():
    if os.path.exists(DEST):
        shutil.rmtree(DEST)
    for rel in tracked_files():
        target = os.path.join(DEST, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, rel), target)
    # The copy lives inside this repository's ignored .build/: give it a git repository of its
    # own, or ansible-test asks the outer one which files exist and finds none.
    subprocess.check_call(['git', 'init', '--quiet'], cwd=DEST)
    subprocess.check_call(['git', 'add', '--all'], cwd=DEST)


def install_pip_standin():
    import ansible_test
    source = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
    with open(source) as handle:
        versions = set(re.findall(r"pip='([0-9.]+)'", handle.read()))
    cache = os.path.join(HOME, '.ansible', 'test', 'cache')
    os.makedirs(cache, exist_ok=True)
    for version in versions:
        shutil.copy2(os.path.join(ROOT, 'tools', 'pip_bootstrap_standin.py'),
                     os.path.join(cache, 'get_pip_%s.py' % version.replace('.', '_')))


def main():
    copy_collection()
    install_pip_standin()
    env = dict(os.environ, HOME=HOME)
    python = '%d.%d' % sys.version_info[:2]
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible-test'), 'sanity', '--venv',
               '--python', python, '--color', 'no'] + sys.argv[1:]
    print('+ ' + ' '.join(command), flush=True)
    return subprocess.call(command, cwd=DEST, env=env)


if __name__ == '__main__':
    sys.exit(main())
