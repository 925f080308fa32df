#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: usage_limits_policy
short_description: Manage Portkey usage-limits policies (budgets of cost or tokens)
version_added: 0.1.0
description:
  - Create, update and delete usage-limits policies of a Portkey workspace through the Admin API.
    A policy caps the total cost or tokens of the requests its O(conditions) select, counted
    separately per value of its O(group_by) keys (for example per API key), optionally reset every
    week or month.
  - A policy has no slug. It is found by O(id), else by O(name) within O(workspace). A name that
    several policies share fails, listing them, rather than picking one.
  - Only the options you set are compared and sent; the others are left as they are.
  - The API cannot change O(type), O(conditions) or O(group_by) of an existing policy. A change
    there replaces the policy, with C(replaced=true) in the result and a warning, also in check
    mode. The new policy is created first and the old one archived after it, so a failure never
    leaves you without a policy; the options you did not set are copied from the old policy. The
    usage counted so far stays with the old policy, and the new one has a new O(id).
  - The API does not delete a policy, it archives it. An archived policy counts as absent, so
    O(state=absent) archives it and a later run with O(state=present) creates a new one.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The policy's name. Needed to find the policy when O(id) is not given, so required to create one.
    type: str
  id:
    description:
      - The policy's UUID, to manage an existing policy (also to rename it).
    type: str
  workspace:
    description:
      - The workspace of the policy, by UUID or slug.
      - Required with an organisation (admin) API key to create a policy, and to find it by name
        within its workspace. A workspace API key implies its own workspace.
    type: str
    aliases: [workspace_id]
  type:
    description:
      - What is counted, in dollars (V(cost)) or in tokens (V(tokens)).
      - Required to create a policy. Changing it replaces the policy.
    type: str
    choices: [cost, tokens]
  credit_limit:
    description:
      - The limit, in dollars for V(cost) or in tokens for V(tokens). Required to create a policy.
    type: float
  alert_threshold:
    description:
      - Usage at which an alert is sent; not above O(credit_limit).
      - The API can remove a threshold, but the module cannot tell "remove" from "leave as it is",
        so once set it can only be changed.
    type: float
  periodic_reset:
    description:
      - Reset the usage every month or week. V(never) means the limit is cumulative (no reset).
    type: str
    choices: [monthly, weekly, never]
  state:
    description:
      - V(present) creates, updates or replaces the policy, V(absent) archives it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
  - portkey.ai.policy
seealso:
  - module: portkey.ai.usage_limits_policy_info
  - module: portkey.ai.rate_limits_policy
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: A monthly budget of 1000 dollars per API key in the production workspace
  portkey.ai.usage_limits_policy:
    name: Monthly cost per API key
    workspace: ws-produc-1a2b3c
    type: cost
    credit_limit: 1000
    alert_threshold: 800
    periodic_reset: monthly
    conditions:
      - key: workspace_id
        value: ws-produc-1a2b3c
    group_by:
      - key: api_key

- name: One million tokens per user and week, for the requests of one team
  portkey.ai.usage_limits_policy:
    name: Weekly tokens per user
    workspace: ws-produc-1a2b3c
    type: tokens
    credit_limit: 1000000
    periodic_reset: weekly
    conditions:
      - key: metadata.team
        value: research
    group_by:
      - key: metadata._user

- name: Raise the budget (an update in place)
  portkey.ai.usage_limits_policy:
    name: Monthly cost per API key
    workspace: ws-produc-1a2b3c
    credit_limit: 2000

- name: Archive the policy
  portkey.ai.usage_limits_policy:
    name: Monthly cost per API key
    workspace: ws-produc-1a2b3c
    state: absent
'''

RETURN = r'''
usage_limits_policy:
  description:
    - The policy as the API returns it after the change.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it. In check mode, a
      replacement returns the old policy.
  returned: always
  type: dict
  sample:
    id: 5b0e0f44-8c2d-4f6e-9a1b-2c3d4e5f6a7b
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
    organisation_id: b4d2c5a8-0f6e-4c3a-9d1b-7e2f3a4b5c6d
    object: policy_usage_limits
replaced:
  description: True when the policy was (or, in check mode, would be) replaced by a new one.
  returned: when the policy is replaced
  type: bool
  sample: true
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._policy import POLICY_SELECTOR_SPEC, UsageLimitsPolicy


def main():
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            id=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            type=dict(type='str', choices=['cost', 'tokens']),
            credit_limit=dict(type='float'),
            alert_threshold=dict(type='float'),
            periodic_reset=dict(type='str', choices=['monthly', 'weekly', 'never']),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            **POLICY_SELECTOR_SPEC
        ),
        supports_check_mode=True,
    )
    UsageLimitsPolicy(module).run()


if __name__ == '__main__':
    main()
