#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: guardrail
short_description: Manage Portkey guardrails
version_added: 0.1.0
description:
  - Create, update and delete guardrails through the Portkey Admin API. A guardrail is a list of
    checks (word count, PII, regex, webhook, partner checks, ...) and the actions to take on their
    result; gateway configs and workspace defaults refer to it by its slug.
  - A guardrail belongs either to a workspace (O(workspace)) or to the whole organisation
    (O(organisation)). That scope is set when the guardrail is created and cannot change.
  - A guardrail is found by O(id), else by O(slug), else by O(name) within its workspace or
    organisation. A name that several guardrails share there fails, listing them, rather than
    picking one.
  - Only the options you set are compared and sent. O(checks) and O(actions) are compared as
    data, so key order and formatting never cause a change.
  - Every update makes the API store a new version of the guardrail (a new C(version_id)); the
    module only updates when something differs.
  - The API answers "403 Forbidden" for a guardrail that does not exist. The module treats a 403
    as "absent" only when the list of guardrails confirms it is gone; otherwise it is reported as
    the permission error it is.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The guardrail's name. Required to create a guardrail, and to find one when neither O(id)
        nor O(slug) is given.
    type: str
  id:
    description:
      - The guardrail's UUID, to manage an existing guardrail (also to rename it).
    type: str
  slug:
    description:
      - The guardrail's slug (C(pg-...)), to manage an existing guardrail. The API generates
        slugs; they cannot be chosen.
    type: str
  workspace:
    description:
      - The workspace (UUID or slug) of a workspace-level guardrail.
      - With O(name), the guardrail is looked for in this workspace only.
      - Cannot change once the guardrail exists. Naming a guardrail by O(id) or O(slug) together
        with another workspace (or with O(organisation)) fails without changing anything; delete
        the guardrail and create it again instead.
      - Mutually exclusive with O(organisation).
    type: str
    aliases: [workspace_id]
  organisation:
    description:
      - The UUID of the organisation, for an organisation-wide guardrail (one that belongs to no
        workspace).
      - With O(name), only organisation-wide guardrails are looked at.
      - Cannot change once the guardrail exists, like O(workspace).
      - Mutually exclusive with O(workspace).
    type: str
    aliases: [organisation_id]
  checks:
    description:
      - The checks the guardrail runs, in order. Required to create a guardrail; at least one.
      - Replaces the guardrail's checks as a whole when it differs.
      - Check parameters are returned by the API and shown in diffs. Set C(no_log) on the task
        when they hold credentials (for example headers of a C(default.webhook) check).
    type: list
    elements: dict
    suboptions:
      id:
        description:
          - The type of check, such as C(default.wordCount), C(default.regexMatch),
            C(portkey.pii) or C(default.webhook). See the Portkey guardrails documentation for the
            list.
        type: str
        required: true
      parameters:
        description:
          - The check's parameters; which keys a check takes depends on its type (for example
            C(minWords) and C(maxWords) for C(default.wordCount)).
          - Unset and V({}) mean the same.
        type: dict
      name:
        description:
          - A label for this check.
        type: str
      is_enabled:
        description:
          - Whether the check runs. When not set, the API enables it, and the module compares it as
            V(true).
        type: bool
  actions:
    description:
      - What the gateway does with the result of the checks, as free-form data passed to the API
        as it is (for example C(onFail), C(message), C(deny), C(async), C(on_success) and
        C(on_fail) with C(feedback)). Required to create a guardrail.
      - Compared as a whole, so keys you remove are removed.
    type: dict
  state:
    description:
      - V(present) creates or updates the guardrail, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.guardrail_info
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: Block requests that are too short or too long, in the production workspace
  portkey.ai.guardrail:
    name: Length limits
    workspace: ws-produc-1a2b3c
    checks:
      - id: default.wordCount
        parameters:
          minWords: 1
          maxWords: 5000
    actions:
      onFail: block
      message: Content length out of bounds
  register: length_guardrail

- name: An organisation-wide PII guardrail that only logs, with feedback scores
  portkey.ai.guardrail:
    name: PII detection
    organisation: 550e8400-e29b-41d4-a716-446655440001
    checks:
      - id: portkey.pii
        name: Redact PII
        parameters:
          redact: true
          categories: [EMAIL_ADDRESS, PHONE_NUMBER]
    actions:
      deny: false
      async: true
      on_success:
        feedback: {value: 5, weight: 1, metadata: ""}
      on_fail:
        feedback: {value: -5, weight: 1, metadata: ""}

- name: Switch a check off and rename the guardrail, found by its slug
  portkey.ai.guardrail:
    slug: pg-length-1d0224
    name: Length limits (paused)
    checks:
      - id: default.wordCount
        parameters:
          minWords: 1
          maxWords: 5000
        is_enabled: false

- name: Delete a guardrail
  portkey.ai.guardrail:
    name: Length limits
    workspace: ws-produc-1a2b3c
    state: absent
'''

RETURN = r'''
guardrail:
  description:
    - The guardrail as the API returns it after the change, with its checks and actions.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    id: 6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8
    slug: pg-length-1d0224
    name: Length limits
    organisation_id: 550e8400-e29b-41d4-a716-446655440001
    workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    status: active
    checks:
      - id: default.wordCount
        parameters:
          minWords: 1
          maxWords: 5000
        is_enabled: true
    actions:
      onFail: block
      message: Content length out of bounds
    version_id: 0b7e6c1a-9d2f-4e3b-8a5c-1f2e3d4c5b6a
    created_at: "2026-01-01T10:00:00.000Z"
    last_updated_at: "2026-01-01T10:00:00.000Z"
    owner_id: 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
    updated_by: null
'''

from ansible_collections.portkey.ai.plugins.module_utils._guardrail import Guardrail
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    check_spec = dict(
        id=dict(type='str', required=True),
        parameters=dict(type='dict'),
        name=dict(type='str'),
        is_enabled=dict(type='bool'),
    )
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            id=dict(type='str'),
            slug=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            organisation=dict(type='str', aliases=['organisation_id']),
            checks=dict(type='list', elements='dict', options=check_spec),
            actions=dict(type='dict'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        mutually_exclusive=[('workspace', 'organisation')],
        supports_check_mode=True,
    )
    Guardrail(module).run()


if __name__ == '__main__':
    main()
