# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A local stand-in for the get-pip.py script ansible-test downloads to bootstrap its venvs.

ansible-test fetches get-pip.py from a host this network cannot reach; tools/sanity.py puts this
file where ansible-test caches that script.  It bootstraps pip with the standard library's
ensurepip, then installs the packages ansible-test asked for from the package index.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import subprocess
import sys

GET_PIP_ONLY_OPTIONS = ('--no-setuptools', '--no-wheel')


def main():
    args = [a for a in sys.argv[1:] if a not in GET_PIP_ONLY_OPTIONS]
    subprocess.check_call([sys.executable, '-m', 'ensurepip', '--upgrade', '--default-pip'])
    subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--quiet'] + args)


if __name__ == '__main__':
    main()
