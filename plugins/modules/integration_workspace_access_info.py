#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: integration_workspace_access_info
short_description: List the workspaces that may use a Portkey integration
version_added: 0.1.0
description:
  - Returns the workspaces an integration is enabled for, with their usage and rate limits.
  - The API names each workspace by its slug (in C(id)); the module adds the workspace's UUID.
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
      - Return only this workspace's entry (UUID or slug).
    type: str
    aliases: [workspace_id]
  include_disabled:
    description:
      - Also return the workspaces whose access was disabled.
    type: bool
    default: false
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.integration_workspace_access
'''

EXAMPLES = r'''
- name: Which workspaces may use the OpenAI integration
  portkey.ai.integration_workspace_access_info:
    integration: openai-prod
  register: access

- name: Their slugs
  ansible.builtin.debug:
    msg: "{{ access.workspaces | map(attribute='workspace_slug') | list }}"
'''

RETURN = r'''
workspaces:
  description:
    - One entry per workspace, as the API lists it, with C(workspace_id) (UUID) and C(workspace_slug) added.
  returned: always
  type: list
  elements: dict
  sample:
    - id: ws-develop-1a2b3c
      enabled: true
      usage_limits: null
      rate_limits: null
      integration: openai-prod
      workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
      workspace_slug: ws-develop-1a2b3c
'''

from ansible_collections.portkey.ai.plugins.module_utils._integration import IntegrationWorkspaceAccess, resolve_integration
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            integration=dict(type='str', required=True, aliases=['integration_id']),
            workspace=dict(type='str', aliases=['workspace_id']),
            include_disabled=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    resource = IntegrationWorkspaceAccess(module)
    params = module.params
    entries = []

    def read():
        # Not in check mode's "does not exist yet" sense: an info module fails on a missing integration.
        resource.check_mode = False
        integration = resolve_integration(resource, params['integration'])
        wanted = resource.workspace(params['workspace']) if params['workspace'] else None
        workspaces = {}
        for ws in module.client.paginate('/admin/workspaces', page_size=100):
            workspaces[ws.get('id')] = workspaces[ws.get('slug')] = ws
        for item in module.client.paginate(resource.path(integration), paging=None, items_key='workspaces'):
            ws = workspaces.get(item.get('id')) or {'id': None, 'slug': item.get('id')}
            if wanted is not None and item.get('id') not in (wanted['id'], wanted.get('slug')):
                continue
            entry = resource.shape(item, integration, ws)
            if entry['enabled'] or params['include_disabled']:
                entries.append(entry)
        return entries

    run_info(module, 'workspaces', read, action='read the workspace access of the integration', resource=resource)


if __name__ == '__main__':
    main()
