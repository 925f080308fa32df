# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every module in this package registers the handlers of one resource family on import."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import pkgutil

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
    importlib.import_module('%s.%s' % (__name__, _info.name))
