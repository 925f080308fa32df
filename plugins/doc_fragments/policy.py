# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """What a usage- or rate-limits policy applies to (module_utils/_policy.py)."""

    DOCUMENTATION = r'''
options:
  conditions:
    description:
      - Which requests the policy applies to. At least one entry; all must match.
      - Compared as a set (order and duplicates do not matter). A C(workspace_id) condition may name
        O(workspace) by UUID or slug.
      - Required to create a policy. Changing it replaces the policy.
    type: list
    elements: dict
    suboptions:
      key:
        description:
          - V(api_key), V(organisation_id), V(workspace_id), or C(metadata.<field>) for a metadata field of the request.
        type: str
        required: true
      value:
        description:
          - The value the key must have, for example the workspace's UUID or an API key's id.
        type: str
        required: true
  group_by:
    description:
      - How the limit is counted, separately per value of these keys (for example per API key). At least one entry.
      - Compared as a set. Required to create a policy. Changing it replaces the policy.
    type: list
    elements: dict
    suboptions:
      key:
        description:
          - V(api_key), V(organisation_id), V(workspace_id), or C(metadata.<field>).
        type: str
        required: true
'''
