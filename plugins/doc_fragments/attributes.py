# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The attributes every module of the collection shares."""

    # Resource modules: they change things, predict changes in check mode and show diffs.
    DOCUMENTATION = r'''
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying the target.
    support: full
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check mode), when in diff mode.
    support: full
  action_group:
    description: Use C(group/portkey.ai.portkey) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - portkey.ai.portkey
'''

    # Info modules: they only read.
    INFO_MODULE = r'''
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying the target.
    support: full
    details: The module only reads, so it behaves the same in check mode.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check mode), when in diff mode.
    support: none
  action_group:
    description: Use C(group/portkey.ai.portkey) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - portkey.ai.portkey
'''
