#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: workspace_info
short_description: List Portkey workspaces, or read one
version_added: 0.1.0
description:
  - Returns every workspace of the organisation (paging through all of them), or the one named by
    O(id), O(slug) or O(name).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  id:
    description:
      - Return only the workspace with this UUID.
    type: str
  slug:
    description:
      - Return only the workspace with this slug.
    type: str
  name:
    description:
      - Return only the workspaces with exactly this name (several workspaces may share a name).
    type: str
  status:
    description:
      - Return only workspaces with this status. By default the API lists active ones.
    type: str
    choices: [active, archived]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: All workspaces
  portkey.ai.workspace_info:
  register: all_workspaces

- name: Print their slugs
  ansible.builtin.debug:
    msg: "{{ all_workspaces.workspaces | map(attribute='slug') | list }}"

- name: One workspace, with its members, by slug
  portkey.ai.workspace_info:
    slug: ws-produc-1a2b3c
  register: production
'''

RETURN = r'''
workspaces:
  description:
    - The workspaces found; empty when none matches.
    - A workspace read by O(id) or O(slug) also lists its C(users).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
      slug: ws-produc-1a2b3c
      name: Production
      description: Production environment
      object: workspace
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info
from ansible_collections.portkey.ai.plugins.module_utils._workspace import Workspace


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            slug=dict(type='str'),
            name=dict(type='str'),
            status=dict(type='str', choices=['active', 'archived']),
        ),
        mutually_exclusive=[('id', 'slug', 'name')],
        supports_check_mode=True,
    )
    resource = Workspace(module)
    params = module.params

    def read():
        ref = params['id'] or params['slug']
        if ref:
            found = resource.read(ref)
            workspaces = [found] if found is not None else []
        else:
            filters = {'exact_name': params['name'], 'status': params['status']}
            workspaces = list(resource.list_all(filters))
            if params['name'] is not None:
                workspaces = [w for w in workspaces if w.get('name') == params['name']]
        return workspaces

    run_info(module, 'workspaces', read, action='read workspaces', resource=resource)


if __name__ == '__main__':
    main()
