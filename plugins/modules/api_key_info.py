#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: api_key_info
short_description: List Portkey API keys, or read one
version_added: 0.1.0
description:
  - Returns the API keys of the organisation (paging through all of them), of one workspace, or
    the one named by O(id); filtered by O(name), O(type) and O(sub_type) when given.
  - Secrets are never returned, only their masked form (RV(api_keys[].masked_key)).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  id:
    description:
      - Return only the key with this UUID.
    type: str
  name:
    description:
      - Return only the keys with exactly this name.
    type: str
  workspace:
    description:
      - Return only the keys of this workspace (UUID or slug).
    type: str
    aliases: [workspace_id]
  type:
    description:
      - Return only organisation keys or only workspace keys.
    type: str
    choices: [organisation, workspace]
  sub_type:
    description:
      - Return only service keys or only user keys.
    type: str
    choices: [service, user]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.api_key
'''

EXAMPLES = r'''
- name: Every API key of the organisation
  portkey.ai.api_key_info:
  register: all_keys

- name: Names and types
  ansible.builtin.debug:
    msg: "{{ all_keys.api_keys | map(attribute='name') | zip(all_keys.api_keys | map(attribute='type')) | list }}"

- name: The user keys of one workspace
  portkey.ai.api_key_info:
    workspace: ws-produc-1a2b3c
    sub_type: user
  register: user_keys
'''

RETURN = r'''
api_keys:
  description:
    - The keys found; empty when none matches.
  returned: always
  type: list
  elements: dict
  contains:
    masked_key:
      description: The secret, masked (the first and last two characters). The full secret is never returned.
      type: str
  sample:
    - id: 7b0c3a52-9f2e-4d5c-8a61-2e4f0b9d1c33
      masked_key: Xk*******S4
      name: Backend service
      type: workspace-service
      workspace_id: ws-produc-1a2b3c
      scopes:
        - completions.write
      status: active
      object: api-key
'''

from ansible_collections.portkey.ai.plugins.module_utils._api_key import UUID_RE, ApiKey, split_type
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            name=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            type=dict(type='str', choices=['organisation', 'workspace']),
            sub_type=dict(type='str', choices=['service', 'user']),
        ),
        mutually_exclusive=[('id', 'name')],
        supports_check_mode=True,
    )
    params = module.params
    if params['id'] is not None and not UUID_RE.match(params['id'].strip()):
        module.fail_json(msg='id must be the API key\'s UUID, got %r' % params['id'])
    resource = ApiKey(module)

    def read():
        if params['id']:
            found = resource.read(params['id'].strip())
            keys = [found] if found is not None else []
        else:
            query = {}
            in_workspace = resource.workspace(params['workspace']) if params['workspace'] else None
            if in_workspace:
                query['workspace_id'] = in_workspace['id']
            # A workspace that does not exist (only possible in check mode here) holds no keys.
            keys = list(resource.list_all(query)) if in_workspace or not params['workspace'] else []
        workspace = resource.workspace_uuid(params['workspace']) if params['workspace'] else None
        keys = [k for k in keys
                if (params['name'] is None or k.get('name') == params['name'])
                and (params['type'] is None or split_type(k.get('type'))[0] == params['type'])
                and (params['sub_type'] is None or split_type(k.get('type'))[1] == params['sub_type'])
                and (workspace is None or resource.workspace_uuid(k.get('workspace_id')) == workspace)]
        return [resource.present(k) for k in keys]

    run_info(module, 'api_keys', read, action='read API keys', resource=resource)


if __name__ == '__main__':
    main()
