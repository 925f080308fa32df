#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: user_invite
short_description: Invite people to a Portkey organisation
version_added: 0.1.0
description:
  - Invite a person, by email address, to the Portkey organisation, with an organisation role,
    workspace memberships and the scopes of the workspace API key they get; withdraw a pending invite.
  - The invite of an address is its B(pending) invite. An expired or cancelled invite does not count,
    so O(state=present) then sends a new invite.
  - Once the person has B(accepted) an invite, the invite has done its job. O(state=present) then
    reports no change and returns the accepted invite (with a warning when O(role), O(workspaces) or
    O(scopes) differ from it); change the person's role and workspace memberships on the user and
    the workspaces instead. O(state=absent) leaves an accepted invite alone.
  - The Admin API cannot change an invite. When the pending invite differs from the options you
    set, the module B(replaces) it, deleting it and inviting again (the person gets a new email
    and the old invite link stops working). The result then has RV(replaced=true), a warning says
    so, and check mode and diff mode show the replacement.
  - Only the options you set are compared. Options you leave out are carried over from the old
    invite when it is replaced.
  - Inviting an address that already belongs to the organisation warns (the invite is still sent);
    manage existing users with M(portkey.ai.user) and M(portkey.ai.workspace_member).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  email:
    description:
      - The email address of the person to invite. Compared without regard to case.
    type: str
    required: true
  role:
    description:
      - The person's role in the organisation.
      - Required to send a new invite.
    type: str
    choices: [admin, member]
  workspaces:
    description:
      - The workspaces the person joins on accepting, each with a role in it.
      - Compared as a set; a workspace named by its id or by its slug is the same workspace.
      - Set to V([]) for an invite to the organisation only.
    type: list
    elements: dict
    suboptions:
      workspace:
        description:
          - The workspace, by id (UUID) or slug.
        type: str
        required: true
        aliases: [workspace_id, id]
      role:
        description:
          - The person's role in the workspace.
        type: str
        choices: [admin, member, manager]
        default: member
  scopes:
    description:
      - The scopes of the workspace API key the person gets in those workspaces, such as V(logs.view).
      - Compared as a set.
    type: list
    elements: str
  resend:
    description:
      - Send the email of the pending invite again (this also renews its expiry).
      - Reports a change on every run, since it sends an email. Check mode sends nothing.
      - Nothing is resent when the run creates or replaces the invite, since that sends an email already.
    type: bool
    default: false
  state:
    description:
      - V(present) makes sure the address has a pending invite with these options (or has accepted one).
      - V(absent) deletes the address's pending invite (all of them, should there be several).
    type: str
    choices: [present, absent]
    default: present
notes:
  - The API answers an invite link when it creates or resends an invite. The module returns it as
    RV(invite_link). Whoever has the link can join the organisation, so treat it as a secret and set
    C(no_log) to V(true) on a task that registers it.
  - Anyone invited before and since removed from the organisation still has an accepted invite, which
    satisfies O(state=present). To invite such a person again, delete the accepted invite
    through the Admin API first.
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.user_invite_info
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: Invite a data scientist to two workspaces
  portkey.ai.user_invite:
    email: scientist@example.com
    role: member
    workspaces:
      - workspace: ws-produc-1a2b3c
        role: admin
      - workspace: ws-stagin-4d5e6f
    scopes:
      - logs.view
      - logs.list
      - configs.read

- name: Send the invite email again
  portkey.ai.user_invite:
    email: scientist@example.com
    resend: true

- name: Invite someone and keep the link to pass on by hand
  portkey.ai.user_invite:
    email: contractor@example.com
    role: member
    workspaces: []
  register: invite
  no_log: true

- name: Withdraw the pending invite
  portkey.ai.user_invite:
    email: contractor@example.com
    state: absent
'''

RETURN = r'''
invite:
  description:
    - The pending invite as the API returns it after the change, or the accepted invite when the person has joined.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    object: invite
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
    workspace_api_key_details:
      scopes: [logs.view, logs.list, configs.read]
invite_link:
  description:
    - The link that accepts the invite, as the API answered it on creating or resending the invite.
    - Anyone holding it can join the organisation; register it only on a task with C(no_log) set.
  returned: when the invite was created, replaced or resent (not in check mode)
  type: str
  sample: https://app.portkey.ai/invite/0f3c2b1a
replaced:
  description: Whether the pending invite was (or, in check mode, would be) deleted and sent again because it differed.
  returned: when the invite is replaced
  type: bool
  sample: true
resent:
  description: Whether the invite email was (or, in check mode, would be) sent again because of O(resend).
  returned: always
  type: bool
  sample: false
'''

from ansible_collections.portkey.ai.plugins.module_utils._invite import Invite
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    workspace_spec = dict(
        workspace=dict(type='str', required=True, aliases=['workspace_id', 'id']),
        role=dict(type='str', choices=['admin', 'member', 'manager'], default='member'),
    )
    module = PortkeyModule(
        argument_spec=dict(
            email=dict(type='str', required=True),
            role=dict(type='str', choices=['admin', 'member']),
            workspaces=dict(type='list', elements='dict', options=workspace_spec),
            scopes=dict(type='list', elements='str'),
            resend=dict(type='bool', default=False),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        supports_check_mode=True,
    )
    Invite(module).run()


if __name__ == '__main__':
    main()
