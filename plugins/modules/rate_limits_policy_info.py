#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: rate_limits_policy_info
short_description: List Portkey rate-limits policies, or read one
version_added: 0.1.0
description:
  - Returns the rate-limits policies of the organisation or of one workspace (paging through all
    of them), or the one named by O(id).
  - Active policies by default; archived ones with O(status=archived).
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
    choices: [requests, tokens]
  unit:
    description:
      - Return only the policies with this unit.
    type: str
    choices: [rpm, rph, rpd]
  status:
    description:
      - Return only policies with this status. The API returns active ones by default.
    type: str
    choices: [active, archived]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.rate_limits_policy
'''

EXAMPLES = r'''
- name: The rate-limits policies of the production workspace
  portkey.ai.rate_limits_policy_info:
    workspace: ws-produc-1a2b3c
  register: rate_policies

- name: Print their names
  ansible.builtin.debug:
    msg: "{{ rate_policies.rate_limits_policies | map(attribute='name') | list }}"

- name: The per-minute request limits only
  portkey.ai.rate_limits_policy_info:
    workspace: ws-produc-1a2b3c
    type: requests
    unit: rpm
'''

RETURN = r'''
rate_limits_policies:
  description:
    - The policies found; empty when none matches.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f
      name: 100 rpm per API key
      type: requests
      unit: rpm
      value: 100
      conditions:
        - key: workspace_id
          value: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
      group_by:
        - key: api_key
      status: active
      workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._policy import RateLimitsPolicy, run_policy_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            name=dict(type='str'),
            type=dict(type='str', choices=['requests', 'tokens']),
            unit=dict(type='str', choices=['rpm', 'rph', 'rpd']),
            status=dict(type='str', choices=['active', 'archived']),
        ),
        mutually_exclusive=[('id', 'name'), ('id', 'workspace'), ('id', 'type'), ('id', 'unit')],
        supports_check_mode=True,
    )
    run_policy_info(module, RateLimitsPolicy, filters=('type', 'unit'))


if __name__ == '__main__':
    main()
