# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""An in-memory emulator of the Portkey Admin API, for tests and for trying playbooks offline.

Run it on its own with ``python -m tests.emulator --port 8787`` (from the repository root); it
prints its base URL.  Tests start it with the ``emulator`` pytest fixture (tests/conftest.py).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type
