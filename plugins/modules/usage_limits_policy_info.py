#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: usage_limits_policy_info
short_description: List Portkey usage-limits policies, or read one
version_added: 0.1.0
description:
  - Returns the usage-limits policies of the organisation or of one workspace (paging through all
    of them), or the one named by O(id).
  - Active policies by default; archived (deleted) ones with O(status=archived).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  id:
    description:
      - Return only the policy with this UUID.
    type: str
  workspace:
    description:
      - Return only the policies of this workspace (UUID or slug).
    type: str
    aliases: [workspace_id]
  name:
    description:
      - Return only the policies with exactly this name.
    type: str
  type:
    description:
      - Return only the policies of this type.
    type: str
    choices: [cost, tokens]
  status:
    description:
      - Return only policies with this status. The API returns active ones by default.
    type: str
    choices: [active, archived]
  include_usage:
    description:
      - Add each policy's C(value_key_usage_map), the usage counted so far per value key (one more request per policy when listing).
    type: bool
    default: false
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.usage_limits_policy
'''

EXAMPLES = r'''
- name: The usage-limits policies of the production workspace
  portkey.ai.usage_limits_policy_info:
    workspace: ws-produc-1a2b3c
  register: budgets

- name: Print their names and limits
  ansible.builtin.debug:
    msg: "{{ budgets.usage_limits_policies | items2dict(key_name='name', value_name='credit_limit') }}"

- name: One policy, with the usage counted per API key
  portkey.ai.usage_limits_policy_info:
    id: 5b0e0f44-8c2d-4f6e-9a1b-2c3d4e5f6a7b
    include_usage: true
  register: budget
'''

RETURN = r'''
usage_limits_policies:
  description:
    - The policies found; empty when none matches.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5b0e0f44-8c2d-4f6e-9a1b-2c3d4e5f6a7b
      name: Monthly cost per API key
      type: cost
      credit_limit: 1000
      alert_threshold: 800
      periodic_reset: monthly
      conditions:
        - key: workspace_id
          value: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
      group_by:
        - key: api_key
      status: active
      workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._policy import UsageLimitsPolicy, run_policy_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            name=dict(type='str'),
            type=dict(type='str', choices=['cost', 'tokens']),
            status=dict(type='str', choices=['active', 'archived']),
            include_usage=dict(type='bool', default=False),
        ),
        mutually_exclusive=[('id', 'name'), ('id', 'workspace'), ('id', 'type')],
        supports_check_mode=True,
    )
    run_policy_info(module, UsageLimitsPolicy, filters=('type',))


if __name__ == '__main__':
    main()
