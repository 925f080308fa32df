#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: workspace_member
short_description: Manage the members of a Portkey workspace and their roles
version_added: 0.1.0
description:
  - Add a user of the organisation to a workspace, change their role in it, or remove them from it.
  - The user must already belong to the organisation. Users join an organisation by accepting an
    invitation (see C(portkey.ai.user_invite)); this module cannot create them.
  - Members are looked up through the workspace's member list. The API may show roles with a
    C(ws-) prefix (C(ws-admin)); the module compares and returns them without it.
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
      - The user, by their id (UUID) or their email address.
    type: str
    required: true
    aliases: [user_id, email]
  role:
    description:
      - The user's role in the workspace.
      - When the user is not a member yet and O(role) is not set, they are added as V(member).
        When they are a member and O(role) is not set, their role is left as it is.
    type: str
    choices: [admin, manager, member]
  state:
    description:
      - V(present) adds the user to the workspace (or changes their role), V(absent) removes them from it.
      - Removing a user from a workspace keeps them in the organisation; see C(portkey.ai.user) to remove them from it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.workspace_member_info
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: Make Ada a manager of the production workspace
  portkey.ai.workspace_member:
    workspace: ws-produc-1a2b3c
    user: ada@example.com
    role: manager

- name: The same with the Terraform-style names
  portkey.ai.workspace_member:
    workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    user_id: 61e08f60-4822-465e-ba23-39f85cd741cb
    role: member

- name: Remove a user from a workspace
  portkey.ai.workspace_member:
    workspace: ws-produc-1a2b3c
    user: former.colleague@example.com
    state: absent
'''

RETURN = r'''
member:
  description:
    - The member as the workspace's member list shows it after the change, with the role without its C(ws-) prefix.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    object: workspace-user
    id: 61e08f60-4822-465e-ba23-39f85cd741cb
    email: ada@example.com
    first_name: Ada
    last_name: Admin
    org_role: admin
    role: manager
    status: active
    workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    created_at: '2026-03-09T07:55:25.000Z'
    last_updated_at: '2026-03-09T07:55:25.000Z'
'''

from ansible_collections.portkey.ai.plugins.module_utils._member import WorkspaceMember
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    module = PortkeyModule(
        argument_spec=dict(
            workspace=dict(type='str', required=True, aliases=['workspace_id']),
            user=dict(type='str', required=True, aliases=['user_id', 'email']),
            role=dict(type='str', choices=['admin', 'manager', 'member']),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        supports_check_mode=True,
    )
    WorkspaceMember(module).run()


if __name__ == '__main__':
    main()
