#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: integration_workspace_access
short_description: Enable a Portkey integration for a workspace, with limits
version_added: 0.1.0
description:
  - Lets one workspace use an organisation integration (or stops it), with the workspace's own
    usage and rate limits for it, through the Admin API's workspace provisioning of integrations.
  - Providers (M(portkey.ai.provider)) can only be created in a workspace the integration is enabled for.
  - The workspace may be named by UUID or by slug; the API lists access by slug, and either form
    names the same workspace (no change is reported because of the form).
  - Only the options you set are compared and sent; the others are left as they are.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  integration:
    description:
      - The integration, by slug or id.
    type: str
    required: true
    aliases: [integration_id]
  workspace:
    description:
      - The workspace, by UUID or slug.
    type: str
    required: true
    aliases: [workspace_id]
  enabled:
    description:
      - Whether the workspace may use the integration.
    type: bool
    default: true
  create_default_provider:
    description:
      - Whether the API also creates a provider in the workspace when it gets access.
      - The API's own default is V(true); the module sends V(false) unless you set it, so no
        provider appears that no task manages (a workspace holding providers can only be deleted
        with O(portkey.ai.workspace#module:force=true)).
    type: bool
    default: false
  default_provider_slug:
    description:
      - The slug of the provider created with O(create_default_provider=true).
    type: str
  state:
    description:
      - V(present) enables the integration for the workspace with the given limits.
      - V(absent) disables it (the API has no other way to remove access); a workspace that is not
        listed or already disabled is left alone.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Workspace access takes at most one O(usage_limits) entry and one O(rate_limits) entry.
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
  - portkey.ai.limits
seealso:
  - module: portkey.ai.integration_workspace_access_info
  - module: portkey.ai.integration
  - module: portkey.ai.provider
'''

EXAMPLES = r'''
- name: Let the development workspace use the OpenAI integration, within a budget
  portkey.ai.integration_workspace_access:
    integration: openai-prod
    workspace: ws-develop-1a2b3c
    usage_limits:
      - type: cost
        credit_limit: 100
        alert_threshold: 80
        periodic_reset: monthly
    rate_limits:
      - type: requests
        unit: rpm
        value: 1000

- name: Remove the budget, keep the access
  portkey.ai.integration_workspace_access:
    integration: openai-prod
    workspace: ws-develop-1a2b3c
    usage_limits: []

- name: Stop the workspace using the integration
  portkey.ai.integration_workspace_access:
    integration: openai-prod
    workspace: ws-develop-1a2b3c
    state: absent
'''

RETURN = r'''
integration_workspace_access:
  description:
    - The workspace's access as the API lists it after the change (C(id) is the workspace's slug),
      with the integration's slug and the workspace's UUID and slug added.
    - Empty when the workspace is not listed, and when check mode predicts a grant.
  returned: always
  type: dict
  sample:
    id: ws-develop-1a2b3c
    enabled: true
    usage_limits:
      - type: cost
        credit_limit: 100
        alert_threshold: 80
        periodic_reset: monthly
    rate_limits:
      - type: requests
        unit: rpm
        value: 1000
    integration: openai-prod
    workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    workspace_slug: ws-develop-1a2b3c
'''

from ansible_collections.portkey.ai.plugins.module_utils._integration import IntegrationWorkspaceAccess
from ansible_collections.portkey.ai.plugins.module_utils._limits import LIMITS_ARGUMENT_SPEC
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    module = PortkeyModule(
        argument_spec=dict(
            integration=dict(type='str', required=True, aliases=['integration_id']),
            workspace=dict(type='str', required=True, aliases=['workspace_id']),
            enabled=dict(type='bool', default=True),
            create_default_provider=dict(type='bool', default=False),
            default_provider_slug=dict(type='str'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            **LIMITS_ARGUMENT_SPEC
        ),
        supports_check_mode=True,
    )
    IntegrationWorkspaceAccess(module).run()


if __name__ == '__main__':
    main()
