#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: workspace_member_info
short_description: List the members of a Portkey workspace
version_added: 0.1.0
description:
  - Returns every member of a workspace (paging through all of them), or only the one named by
    O(user), or only those with a given O(role).
  - Roles are returned without the C(ws-) prefix the API sometimes adds.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  workspace:
    description:
      - The workspace, by its id (UUID) or its slug.
    type: str
    required: true
    aliases: [workspace_id]
  user:
    description:
      - Return only this user's membership, the user named by id (UUID) or email address.
    type: str
    aliases: [user_id, email]
  role:
    description:
      - Return only the members with this role in the workspace.
    type: str
    choices: [admin, manager, member]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.workspace_member
'''

EXAMPLES = r'''
- name: Every member of the production workspace
  portkey.ai.workspace_member_info:
    workspace: ws-produc-1a2b3c
  register: production_members

- name: Print their emails and roles
  ansible.builtin.debug:
    msg: "{{ production_members.members | items2dict(key_name='email', value_name='role') }}"

- name: The workspace's admins
  portkey.ai.workspace_member_info:
    workspace: ws-produc-1a2b3c
    role: admin
  register: production_admins
'''

RETURN = r'''
members:
  description:
    - The members found; empty when none matches.
  returned: always
  type: list
  elements: dict
  sample:
    - object: workspace-user
      id: 61e08f60-4822-465e-ba23-39f85cd741cb
      email: ada@example.com
      first_name: Ada
      last_name: Admin
      org_role: admin
      role: manager
      status: active
      workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
'''

from ansible_collections.portkey.ai.plugins.module_utils._member import WorkspaceMember
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info
from ansible_collections.portkey.ai.plugins.module_utils._user import check_user_ref


def main():
    module = PortkeyModule(
        argument_spec=dict(
            workspace=dict(type='str', required=True, aliases=['workspace_id']),
            user=dict(type='str', aliases=['user_id', 'email']),
            role=dict(type='str', choices=['admin', 'manager', 'member']),
        ),
        supports_check_mode=True,
    )
    params = module.params
    resource = WorkspaceMember(module)
    # Only reads: a missing workspace is an error in check mode too, not a predicted create.
    resource.check_mode = False

    def read():
        if not params['workspace'].strip():
            raise ValueError("workspace must not be empty: give the workspace's id or slug")
        check_user_ref(params['user'])
        if params['user']:
            found = resource.find_by_natural_key()
            members = [found] if found is not None else []
        else:
            members = list(resource.list_all())
        if params['role']:
            members = [m for m in members if m.get('role') == params['role']]
        return members

    run_info(module, 'members', read, action='read the workspace members', resource=resource)


if __name__ == '__main__':
    main()
