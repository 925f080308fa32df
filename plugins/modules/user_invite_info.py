#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: user_invite_info
short_description: List the invites of a Portkey organisation, or read one
version_added: 0.1.0
description:
  - Returns every invite of the organisation (paging through all of them), those matching the
    filters, or the one named by O(id).
  - Invites of every status are listed unless O(status) says otherwise.
  - Invite links are not returned; the API shows them only when it creates or resends an invite.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  id:
    description:
      - Return only the invite with this UUID.
    type: str
  email:
    description:
      - Return only the invites sent to this email address (compared without regard to case).
    type: str
  role:
    description:
      - Return only invites for this organisation role.
    type: str
    choices: [admin, member]
  status:
    description:
      - Return only invites with this status.
    type: str
    choices: [pending, accepted, expired, cancelled]
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.user_invite
'''

EXAMPLES = r'''
- name: Pending invites
  portkey.ai.user_invite_info:
    status: pending
  register: pending

- name: Print who has not answered yet
  ansible.builtin.debug:
    msg: "{{ pending.invites | map(attribute='email') | list }}"

- name: The invites of one address
  portkey.ai.user_invite_info:
    email: scientist@example.com
  register: invites
'''

RETURN = r'''
invites:
  description:
    - The invites found; empty when none matches.
  returned: always
  type: list
  elements: dict
  sample:
    - object: invite
      id: 419641fb-1458-47d6-94d0-e308159b3ec2
      email: scientist@example.com
      role: member
      status: pending
      created_at: '2026-07-01T09:30:00.000Z'
      expires_at: '2026-07-08T09:30:00.000Z'
      invited_by: 8dcfa174-c5ed-42c7-8a63-be755cc6e312
      workspaces:
        - workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
          role: admin
'''

from ansible_collections.portkey.ai.plugins.module_utils._invite import Invite
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info


def wanted(invite, params):
    """Whether an invite fits the filters (the API filters too; this keeps the answer exact)."""
    if params['email'] and str(invite.get('email') or '').lower() != params['email'].strip().lower():
        return False
    return all(params[key] is None or invite.get(key) == params[key] for key in ('role', 'status'))


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            email=dict(type='str'),
            role=dict(type='str', choices=['admin', 'member']),
            status=dict(type='str', choices=['pending', 'accepted', 'expired', 'cancelled']),
        ),
        supports_check_mode=True,
    )
    resource = Invite(module)
    params = module.params

    def read():
        if params['id']:
            found = resource.read(params['id'])
            invites = [found] if found is not None else []
        else:
            filters = dict((key, params[key]) for key in ('role', 'status') if params[key] is not None)
            if params['email']:
                filters['email'] = params['email'].strip()
            invites = list(resource.list_all(filters))
        return [i for i in invites if wanted(i, params)]

    run_info(module, 'invites', read, action='read invites', resource=resource)


if __name__ == '__main__':
    main()
