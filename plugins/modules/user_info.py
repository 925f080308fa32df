#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: user_info
short_description: List the users of the Portkey organisation, or read one
version_added: 0.1.0
description:
  - Returns every user of the organisation (paging through all of them), or the one named by
    O(user), optionally only those with a given organisation O(role).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  user:
    description:
      - Return only this user, named by id (UUID) or email address (compared without regard to case).
    type: str
    aliases: [user_id, id, email]
  role:
    description:
      - Return only the users with this organisation role.
    type: str
    choices: [owner, admin, member]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.user
'''

EXAMPLES = r'''
- name: All users of the organisation
  portkey.ai.user_info:
  register: everyone

- name: Print their emails
  ansible.builtin.debug:
    msg: "{{ everyone.users | map(attribute='email') | list }}"

- name: The organisation's admins
  portkey.ai.user_info:
    role: admin
  register: admins

- name: One user, by email
  portkey.ai.user_info:
    user: max@example.com
  register: max
'''

RETURN = r'''
users:
  description:
    - The users found; empty when none matches.
  returned: always
  type: list
  elements: dict
  sample:
    - object: user
      id: 61e08f60-4822-465e-ba23-39f85cd741cb
      email: max@example.com
      first_name: Max
      last_name: Member
      role: member
      workspace_ids:
        - ws-produc-1a2b3c
      created_at: '2026-03-09T07:55:25.000Z'
      last_updated_at: '2026-03-09T07:55:25.000Z'
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info
from ansible_collections.portkey.ai.plugins.module_utils._user import USERS_PATH, check_user_ref, find_user


def main():
    module = PortkeyModule(
        argument_spec=dict(
            user=dict(type='str', aliases=['user_id', 'id', 'email']),
            role=dict(type='str', choices=['owner', 'admin', 'member']),
        ),
        supports_check_mode=True,
    )
    params = module.params

    def read():
        check_user_ref(params['user'])
        if params['user']:
            found = find_user(module.client, params['user'].strip())
            users = [found] if found is not None else []
        else:
            users = list(module.client.paginate(USERS_PATH, params={'role': params['role']}, paging='camel', page_size=100))
        if params['role']:
            users = [u for u in users if u.get('role') == params['role']]
        return users

    run_info(module, 'users', read, action='read users')


if __name__ == '__main__':
    main()
