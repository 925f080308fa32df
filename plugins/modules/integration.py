#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: integration
short_description: Manage Portkey AI-provider integrations
version_added: 0.1.0
description:
  - Create, update and delete integrations, which hold the credentials of an AI provider
    (OpenAI, Anthropic, Azure OpenAI, Bedrock, ...), through the Portkey Admin API.
  - An integration belongs to the organisation, or to one workspace when O(workspace) is set.
    Workspaces use an organisation integration once it is enabled for them
    (M(portkey.ai.integration_workspace_access)), through providers (M(portkey.ai.provider)).
  - An integration is found by O(slug), else by O(name) within its scope (the organisation, or
    O(workspace)). A name that several integrations share fails, listing them.
  - Only the options you set are compared and sent; the others are left as they are.
  - The API never returns O(key) or secret configuration fields, so they are write-only, see
    O(update_secrets).
  - O(slug), O(ai_provider_id) and O(workspace) cannot be changed on an existing integration. A
    different value fails (replacing the integration would delete the providers built on it);
    delete the integration and create it again to change them.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The integration's name. Required to create an integration, and to find one when O(slug) is not given.
    type: str
  slug:
    description:
      - The integration's slug (letters, digits, V(-) and V(_)). The API generates one from the name when it is not given.
      - When given, the integration is found by it, and created with it when it does not exist.
    type: str
  ai_provider_id:
    description:
      - The AI provider, for example V(openai), V(anthropic), V(azure-openai), V(bedrock), V(vertex-ai).
      - Required to create an integration; cannot be changed afterwards.
    type: str
  description:
    description:
      - A description of the integration.
    type: str
  workspace:
    description:
      - The workspace (UUID or slug) of a workspace-scoped integration. Leave it out for an
        organisation-level integration.
      - Cannot be changed afterwards.
    type: str
    aliases: [workspace_id]
  key:
    description:
      - The provider's API key. Write-only, see O(update_secrets).
    type: str
  configurations:
    description:
      - Provider-specific settings, for example V(aws_region) and V(aws_auth_type) for Bedrock, or
        V(azure_resource_name) and V(azure_deployment_config) for Azure OpenAI.
      - Fields whose name marks them as secret (containing V(secret), V(password), V(token),
        V(credential), V(private_key), V(api_key) or V(service_account_json), or answered by the API
        as C(masked_<field>)) are write-only like O(key), never compared and never shown in a diff
        or a result.
      - The other fields you set are compared with what the API returns. When the API returns no
        configurations at all, nothing can be compared and they count as unchanged.
      - When a field changes, the whole dictionary is sent, secrets included (the API replaces the
        configurations with it), so always give every field. An update that would drop a field the
        integration has (the API names its secret fields C(masked_<field>)) fails before any write.
    type: dict
  update_secrets:
    description:
      - V(on_create) sends O(key) and O(configurations) when creating the integration and then only
        when a non-secret configuration field changes, so a second run reports no change.
      - V(always) sends them on every run (use it to rotate a key); the task then always reports a change.
    type: str
    choices: [always, on_create]
    default: on_create
  create_default_provider:
    description:
      - For a workspace-scoped integration, whether the API also creates a provider in the workspace.
      - The API's own default is V(true); the module sends V(false) unless you set it, so no
        provider appears that no task manages (a workspace holding providers can only be deleted
        with O(portkey.ai.workspace#module:force=true)).
      - Only used when the integration is created.
    type: bool
    default: false
  default_provider_slug:
    description:
      - The slug of the provider created with O(create_default_provider=true).
    type: str
  state:
    description:
      - V(present) creates or updates the integration, V(absent) deletes it (and the API deletes
        the providers built on it).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.integration_info
  - module: portkey.ai.integration_workspace_access
  - module: portkey.ai.provider
'''

EXAMPLES = r'''
- name: An OpenAI integration for the whole organisation
  portkey.ai.integration:
    name: OpenAI production
    slug: openai-prod
    ai_provider_id: openai
    key: "{{ vault_openai_key }}"
    description: Production OpenAI account
    configurations:
      openai_organization: org-123

- name: Rotate the key (reports a change on every run)
  portkey.ai.integration:
    slug: openai-prod
    key: "{{ vault_new_openai_key }}"
    update_secrets: always

- name: A Bedrock integration that only the data-science workspace uses
  portkey.ai.integration:
    name: Bedrock
    ai_provider_id: bedrock
    workspace: ws-data-s-1a2b3c
    configurations:
      aws_auth_type: accessKey
      aws_region: us-east-1
      aws_access_key_id: AKIAEXAMPLE
      aws_secret_access_key: "{{ vault_aws_secret }}"

- name: Remove an integration
  portkey.ai.integration:
    slug: openai-prod
    state: absent
'''

RETURN = r'''
integration:
  description:
    - The integration as the API returns it after the change. The API masks the key (C(masked_key))
      and secret configuration fields (C(masked_<field>)), and may leave the configurations out.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    id: 5f0c7a1e-8a4b-4d2e-9f3c-1b2a3c4d5e6f
    slug: openai-prod
    name: OpenAI production
    ai_provider_id: openai
    description: Production OpenAI account
    status: active
    type: organisation
    workspace_id: null
    masked_key: sk*******9f
    configurations:
      openai_organization: org-123
    object: integration
'''

from ansible_collections.portkey.ai.plugins.module_utils._integration import Integration
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            slug=dict(type='str'),
            ai_provider_id=dict(type='str'),
            description=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            key=dict(type='str', no_log=True),
            configurations=dict(type='dict'),
            update_secrets=dict(type='str', choices=['always', 'on_create'], default='on_create', no_log=False),
            create_default_provider=dict(type='bool', default=False),
            default_provider_slug=dict(type='str'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        required_one_of=[('name', 'slug')],
        supports_check_mode=True,
    )
    Integration(module).run()


if __name__ == '__main__':
    main()
