#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: provider_info
short_description: List a workspace's Portkey providers, or read one
version_added: 0.1.0
description:
  - Returns every provider (virtual key) of a workspace, paging through all of them, or the one named by O(slug).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  workspace:
    description:
      - The workspace, by UUID or slug.
    type: str
    required: true
    aliases: [workspace_id]
  slug:
    description:
      - Return only the provider with this slug.
    type: str
  name:
    description:
      - Return only the providers with exactly this name.
    type: str
  integration:
    description:
      - Return only the providers that use this integration (slug or id).
    type: str
    aliases: [integration_id]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.provider
'''

EXAMPLES = r'''
- name: Every provider of the development workspace
  portkey.ai.provider_info:
    workspace: ws-develop-1a2b3c
  register: dev_providers

- name: Their slugs
  ansible.builtin.debug:
    msg: "{{ dev_providers.providers | map(attribute='slug') | list }}"

- name: One provider
  portkey.ai.provider_info:
    workspace: ws-develop-1a2b3c
    slug: openai-dev
'''

RETURN = r'''
providers:
  description:
    - The providers found; empty when none matches.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b
      slug: openai-dev
      name: OpenAI (dev)
      integration_id: openai-prod
      workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
      status: active
      object: provider
'''

from ansible_collections.portkey.ai.plugins.module_utils._integration import resolve_integration
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._provider import Provider
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            workspace=dict(type='str', required=True, aliases=['workspace_id']),
            slug=dict(type='str'),
            name=dict(type='str'),
            integration=dict(type='str', aliases=['integration_id']),
        ),
        mutually_exclusive=[('slug', 'name')],
        supports_check_mode=True,
    )
    resource = Provider(module)
    # An info module reads what exists: a missing workspace or integration is an error, also in check mode.
    resource.check_mode = False
    params = module.params

    def read():
        if params['slug']:
            found = resource.read(params['slug'])
            providers = [found] if found is not None else []
        else:
            providers = list(resource.list_all())
            if params['name'] is not None:
                providers = [p for p in providers if p.get('name') == params['name']]
        if params['integration']:
            integration = resolve_integration(resource, params['integration'])
            providers = [p for p in providers if p.get('integration_id') in (integration['slug'], integration['id'])]
        return providers

    run_info(module, 'providers', read, action='read providers', resource=resource)


if __name__ == '__main__':
    main()
