#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: api_key
short_description: Manage Portkey API keys
version_added: 0.1.0
description:
  - Create, update, rotate and delete the API keys of a Portkey organisation through the Admin API,
    organisation keys (admin keys) as well as workspace keys, service keys as well as user keys.
  - An API key is found by O(id), else by O(name) among the keys of the same O(type) (and, for
    workspace keys, in the same O(workspace)). A name that several such keys share fails, listing
    them, rather than picking one.
  - Only the options you set are compared and sent; the others are left as they are.
  - The secret of a key is returned only when the module creates the key or rotates it, as
    RV(api_key.key). B(Set the task keyword no_log to true on such tasks), so the secret does not show in the
    output or the logs, and store it right away (for example in a vault); it cannot be read again.
    The secret never appears in a diff, and M(portkey.ai.api_key_info) only returns masked keys.
  - A key is looked up by name among the keys of its O(type) (and O(workspace)), so a task with
    another type or workspace manages another key. O(sub_type) and O(user) cannot change once the
    key exists (nor O(type) or O(workspace) of a key named by O(id)); a change fails with a
    message instead of replacing the key, because a new key would silently invalidate the secret
    wherever it is in use. Delete the key and create it again to change them.
  - When a new secret is returned by a task without C(no_log), the module warns.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The key's name. Required to create a key, and to find one when O(id) is not given.
      - Names are matched within the key's type and workspace, so the same name may exist in several workspaces.
    type: str
  id:
    description:
      - The key's UUID, to manage an existing key (also to rename it).
    type: str
  type:
    description:
      - V(organisation) for an organisation-wide key (an admin key), V(workspace) for a key limited to O(workspace).
      - Defaults to V(workspace) when O(workspace) is set, else to V(organisation).
      - Cannot be changed once the key exists.
    type: str
    choices: [organisation, workspace]
  sub_type:
    description:
      - V(service) for a key used by a service, V(user) for a key tied to O(user) (workspace keys only).
      - Defaults to V(user) when O(user) is set, else to V(service).
      - Cannot be changed once the key exists.
    type: str
    choices: [service, user]
  workspace:
    description:
      - The workspace of a V(workspace) key, by UUID or slug. Required for workspace keys.
      - Cannot be changed once the key exists.
    type: str
    aliases: [workspace_id]
  user:
    description:
      - The user a V(user) key belongs to, by UUID or email. Required for user keys.
      - Cannot be changed once the key exists.
    type: str
    aliases: [user_id]
  scopes:
    description:
      - What the key may do, for example V(completions.write), V(logs.view), V(workspaces.list).
      - Required, with at least one scope, to create a key (the API cannot create a key without one).
        When managing an existing key by O(id), leave it out to keep the scopes as they are.
      - Compared as a set, so the order does not matter.
    type: list
    elements: str
  description:
    description:
      - A description of the key.
    type: str
  metadata:
    description:
      - Default metadata (string keys and values) added to every request made with the key.
      - Compared as a whole, so keys you remove are removed.
    type: dict
  alert_emails:
    description:
      - Addresses that get the usage alerts of the key. Compared as a set.
    type: list
    elements: str
  expires_at:
    description:
      - When the key stops working, as an ISO 8601 date-time such as V(2026-12-31T23:59:59Z) (UTC when no zone is given).
      - Compared as an instant, so V(2026-12-31T23:59:59Z) and V(2026-12-31T23:59:59.000+00:00) are the same.
      - May not be later than the maximum lifetime the organisation or workspace allows.
    type: str
  usage_limits:
    description:
      - Budget for the key. Only the suboptions you set are compared.
    type: dict
    suboptions:
      type:
        description: What is counted.
        type: str
        choices: [cost, tokens]
      credit_limit:
        description: The limit, in dollars for V(cost) or in tokens for V(tokens).
        type: int
      alert_threshold:
        description: Usage at which an alert is sent; not above O(usage_limits.credit_limit).
        type: int
      periodic_reset:
        description: Reset the usage every month or week; unset means the limit never resets.
        type: str
        choices: [monthly, weekly]
  rate_limits:
    description:
      - Request or token rate limits for the key.
      - Set to V([]) to remove them.
    type: list
    elements: dict
    suboptions:
      type:
        description: What is counted.
        type: str
        choices: [requests, tokens]
        required: true
      unit:
        description: Per second, minute, hour, day or week.
        type: str
        choices: [rps, rpm, rph, rpd, rpw]
        required: true
      value:
        description: How many per unit.
        type: int
        required: true
  config:
    description:
      - The slug of a gateway config (C(pc-...)) that requests made with the key use by default.
      - Set to an empty string to unpin the config.
    type: str
    aliases: [config_id]
  allow_config_override:
    description:
      - Whether requests may use another config than O(config). V(false) pins the config.
      - The API's default is V(true).
    type: bool
  rotate:
    description:
      - Rotate the key, that is replace its secret with a new one, returned as RV(api_key.key).
      - B(Rotates on every run) and so always reports a change. Set it only when you mean to rotate,
        for example from a variable. Check mode reports the rotation without doing it.
      - The old secret keeps working until RV(api_key.key_transition_expires_at).
      - Ignored when the key is created (a new key has a new secret anyway) and with O(state=absent).
    type: bool
    default: false
  key_transition_period_ms:
    description:
      - With O(rotate=true), how long the old secret keeps working, in milliseconds (at least V(1800000), 30 minutes).
      - The API's default applies when it is not set.
    type: int
  state:
    description:
      - V(present) creates or updates the key, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
notes:
  - Deleting a key, like rotating it past the transition period, makes its secret stop working at once.
seealso:
  - module: portkey.ai.api_key_info
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: A service key for the backend, in the production workspace
  portkey.ai.api_key:
    name: Backend service
    workspace: ws-produc-1a2b3c
    scopes:
      - completions.write
      - logs.view
    metadata:
      team: backend
    rate_limits:
      - type: requests
        unit: rpm
        value: 600
  no_log: true
  register: backend_key

- name: Store the secret (only set when the key was just created)
  ansible.builtin.copy:
    content: "{{ backend_key.api_key.key }}"
    dest: /etc/backend/portkey.key
    mode: "0600"
  when: backend_key.api_key.key is defined
  no_log: true

- name: An organisation key for automation, expiring at the end of the year
  portkey.ai.api_key:
    name: Terraform and Ansible
    type: organisation
    sub_type: service
    scopes:
      - workspaces.create
      - workspaces.read
      - workspaces.update
      - workspaces.list
    expires_at: "2026-12-31T23:59:59Z"
    alert_emails:
      - platform@example.com
  no_log: true

- name: A user key, with a pinned config
  portkey.ai.api_key:
    name: Ada's key
    workspace: ws-produc-1a2b3c
    user: ada@example.com
    scopes:
      - completions.write
    config: pc-routing-1a2b3c
    allow_config_override: false
  no_log: true

- name: Rotate a key when asked to (every run with rotate=true rotates)
  portkey.ai.api_key:
    name: Backend service
    workspace: ws-produc-1a2b3c
    scopes:
      - completions.write
      - logs.view
    rotate: "{{ rotate_backend_key | default(false) }}"
    key_transition_period_ms: 3600000
  no_log: true
  register: rotated

- name: Delete a key
  portkey.ai.api_key:
    name: Backend service
    workspace: ws-produc-1a2b3c
    state: absent
'''

RETURN = r'''
api_key:
  description:
    - The API key as the API returns it after the change.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  contains:
    id:
      description: The key's UUID.
      type: str
      returned: when the key exists
    key:
      description:
        - The full secret. Only returned when the module created the key or rotated it; the API never shows it again.
      type: str
      returned: when the key was created or rotated
    masked_key:
      description: The secret, masked (the first and last two characters).
      type: str
      returned: when the key exists
    key_transition_expires_at:
      description: When the old secret of a rotated key stops working.
      type: str
      returned: when the key was rotated
    type:
      description: The type and sub-type together, V(organisation-service), V(workspace-service) or V(workspace-user).
      type: str
      returned: when the key exists
  sample:
    id: 7b0c3a52-9f2e-4d5c-8a61-2e4f0b9d1c33
    key: Xk3vQ0aZp7yB2nR8tL5wC9dF1gH4jK6S4
    masked_key: Xk*******S4
    name: Backend service
    type: workspace-service
    workspace_id: ws-produc-1a2b3c
    user_id: null
    scopes:
      - completions.write
      - logs.view
    defaults:
      metadata:
        team: backend
    allow_config_override: null
    rate_limits:
      - type: requests
        unit: rpm
        value: 600.0
    usage_limits: null
    alert_emails: []
    expires_at: null
    status: active
    object: api-key
rotated:
  description: True when the key was rotated (or, in check mode, would be).
  returned: when the key was rotated
  type: bool
  sample: true
'''

from ansible_collections.portkey.ai.plugins.module_utils._api_key import ApiKey
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    usage_spec = dict(
        type=dict(type='str', choices=['cost', 'tokens']),
        credit_limit=dict(type='int'),
        alert_threshold=dict(type='int'),
        periodic_reset=dict(type='str', choices=['monthly', 'weekly']),
    )
    rate_spec = dict(
        type=dict(type='str', choices=['requests', 'tokens'], required=True),
        unit=dict(type='str', choices=['rps', 'rpm', 'rph', 'rpd', 'rpw'], required=True),
        value=dict(type='int', required=True),
    )
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            id=dict(type='str'),
            type=dict(type='str', choices=['organisation', 'workspace']),
            sub_type=dict(type='str', choices=['service', 'user']),
            workspace=dict(type='str', aliases=['workspace_id']),
            user=dict(type='str', aliases=['user_id']),
            scopes=dict(type='list', elements='str'),
            description=dict(type='str'),
            metadata=dict(type='dict'),
            alert_emails=dict(type='list', elements='str'),
            expires_at=dict(type='str'),
            usage_limits=dict(type='dict', options=usage_spec),
            rate_limits=dict(type='list', elements='dict', options=rate_spec),
            config=dict(type='str', aliases=['config_id']),
            allow_config_override=dict(type='bool'),
            rotate=dict(type='bool', default=False),
            key_transition_period_ms=dict(type='int', no_log=False),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        supports_check_mode=True,
    )
    ApiKey(module).run()


if __name__ == '__main__':
    main()
