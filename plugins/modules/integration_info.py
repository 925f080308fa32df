#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: integration_info
short_description: List Portkey integrations, or read one
version_added: 0.1.0
description:
  - Returns the integrations of the organisation (paging through all of them), or the one named by O(slug).
  - The API never returns an integration's key; an integration read by O(slug) shows it masked (C(masked_key)).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  slug:
    description:
      - Return only the integration with this slug (or id), with its details.
    type: str
    aliases: [id]
  name:
    description:
      - Return only the integrations with exactly this name.
    type: str
  workspace:
    description:
      - Return only the integrations this workspace (UUID or slug) can use, that is its own and
        the organisation's integrations enabled for it.
    type: str
    aliases: [workspace_id]
  type:
    description:
      - V(organisation) returns only organisation-level integrations, V(workspace) only workspace-scoped ones.
    type: str
    choices: [all, organisation, workspace]
    default: all
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.integration
'''

EXAMPLES = r'''
- name: All integrations
  portkey.ai.integration_info:
  register: all_integrations

- name: Their slugs
  ansible.builtin.debug:
    msg: "{{ all_integrations.integrations | map(attribute='slug') | list }}"

- name: One integration, with its masked key and configurations
  portkey.ai.integration_info:
    slug: openai-prod
  register: openai

- name: What the production workspace can use
  portkey.ai.integration_info:
    workspace: ws-produc-1a2b3c
'''

RETURN = r'''
integrations:
  description:
    - The integrations found; empty when none matches.
    - One read by O(slug) also has C(masked_key), C(configurations) (secret fields masked) and
      C(global_workspace_access_settings).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5f0c7a1e-8a4b-4d2e-9f3c-1b2a3c4d5e6f
      slug: openai-prod
      name: OpenAI production
      ai_provider_id: openai
      status: active
      type: organisation
      object: integration
'''

from ansible_collections.portkey.ai.plugins.module_utils._integration import Integration
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            slug=dict(type='str', aliases=['id']),
            name=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            type=dict(type='str', choices=['all', 'organisation', 'workspace'], default='all'),
        ),
        mutually_exclusive=[('slug', 'name')],
        supports_check_mode=True,
    )
    resource = Integration(module)
    params = module.params

    def read():
        if params['slug']:
            found = resource.read(params['slug'])
            integrations = [found] if found is not None else []
        else:
            filters = {'type': params['type']}
            if params['workspace']:
                filters['workspace_id'] = resource.workspace(params['workspace'])['id']
            integrations = [i for i in resource.list_all(filters)
                            if params['name'] is None or i.get('name') == params['name']]
        return integrations

    run_info(module, 'integrations', read, action='read integrations', resource=resource)


if __name__ == '__main__':
    main()
