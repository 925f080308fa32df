#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: user
short_description: Manage the organisation role of an existing Portkey user, or remove the user
version_added: 0.1.0
description:
  - Sets the organisation role of a user who already belongs to the organisation, or removes the user from it.
  - The Admin API cannot create users; they join by accepting an invitation (see C(portkey.ai.user_invite)).
    With O(state=present), a user who does not exist makes the module fail with a message saying so.
  - The API rejects an update that sets the role a user already has; the module compares first and
    sends nothing then, so running a task again is safe.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  user:
    description:
      - The user, by their id (UUID) or their email address (compared without regard to case).
    type: str
    required: true
    aliases: [user_id, id, email]
  role:
    description:
      - The user's role in the organisation. Not set means the role is left as it is.
      - The organisation's owner keeps the role V(owner); the API does not change it.
    type: str
    choices: [admin, member]
  state:
    description:
      - V(present) keeps the user, with O(role) when it is set.
      - V(absent) removes the user from the organisation (and so from all its workspaces).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.user_info
  - module: portkey.ai.workspace_member
'''

EXAMPLES = r'''
- name: Make Max an organisation admin
  portkey.ai.user:
    user: max@example.com
    role: admin

- name: Remove a user from the organisation
  portkey.ai.user:
    user_id: 61e08f60-4822-465e-ba23-39f85cd741cb
    state: absent
'''

RETURN = r'''
user:
  description:
    - The user as the API returns them after the change.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    object: user
    id: 61e08f60-4822-465e-ba23-39f85cd741cb
    email: max@example.com
    first_name: Max
    last_name: Member
    role: admin
    workspace_ids:
      - ws-produc-1a2b3c
    created_at: '2026-03-09T07:55:25.000Z'
    last_updated_at: '2026-03-09T07:55:25.000Z'
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._user import User


def main():
    module = PortkeyModule(
        argument_spec=dict(
            user=dict(type='str', required=True, aliases=['user_id', 'id', 'email']),
            role=dict(type='str', choices=['admin', 'member']),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        supports_check_mode=True,
    )
    User(module).run()


if __name__ == '__main__':
    main()
