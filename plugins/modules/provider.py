#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: provider
short_description: Manage Portkey providers (virtual keys)
version_added: 0.1.0
description:
  - Create, update and delete providers, the workspace-level handles onto an integration that
    applications use (the successors of virtual keys), through the Portkey Admin API.
  - A provider is found by O(slug), else by O(name) within O(workspace). A name that several
    providers of the workspace share fails, listing them.
  - Only the options you set are compared and sent; the others are left as they are.
  - The integration must be enabled for the workspace first (M(portkey.ai.integration_workspace_access));
    otherwise the API refuses the create with HTTP 403, and the module says so.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The provider's name. Required to create a provider, and to find one when O(slug) is not given.
    type: str
  slug:
    description:
      - The provider's slug, unique in the workspace. The API generates one from the name when it is not given.
      - When given, the provider is found by it, and created with it when it does not exist.
    type: str
  workspace:
    description:
      - The workspace of the provider, by UUID or slug.
    type: str
    required: true
    aliases: [workspace_id]
  integration:
    description:
      - The integration the provider uses, by slug or id. Required to create a provider.
      - A provider's integration cannot be changed in place; a different one replaces the provider
        (deleted and created again, keeping O(slug) when it is given).
    type: str
    aliases: [integration_id]
  note:
    description:
      - A note about the provider.
    type: str
  state:
    description:
      - V(present) creates or updates the provider, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.provider_info
  - module: portkey.ai.integration
  - module: portkey.ai.integration_workspace_access
'''

EXAMPLES = r'''
- name: Let the workspace use the integration
  portkey.ai.integration_workspace_access:
    integration: openai-prod
    workspace: ws-develop-1a2b3c

- name: A provider for the development workspace
  portkey.ai.provider:
    name: OpenAI (dev)
    slug: openai-dev
    workspace: ws-develop-1a2b3c
    integration: openai-prod
    note: Used by the chat service

- name: Delete it
  portkey.ai.provider:
    slug: openai-dev
    workspace: ws-develop-1a2b3c
    state: absent
'''

RETURN = r'''
provider:
  description:
    - The provider as the API returns it after the change.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    id: 0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b
    slug: openai-dev
    name: OpenAI (dev)
    integration_id: openai-prod
    workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    note: Used by the chat service
    status: active
    object: provider
replaced:
  description: Whether the provider was replaced (deleted and created again) because its integration changed.
  returned: when the provider was replaced
  type: bool
  sample: true
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._provider import Provider


def main():
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            slug=dict(type='str'),
            workspace=dict(type='str', required=True, aliases=['workspace_id']),
            integration=dict(type='str', aliases=['integration_id']),
            note=dict(type='str'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        required_one_of=[('name', 'slug')],
        supports_check_mode=True,
    )
    Provider(module).run()


if __name__ == '__main__':
    main()
