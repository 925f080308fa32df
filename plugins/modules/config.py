#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: config
short_description: Manage Portkey gateway configs
version_added: 0.1.0
description:
  - Create, update and delete gateway configs (routing, retries, fallbacks, caching, guardrails)
    of a Portkey workspace through the Admin API.
  - A config is found by O(slug), else by O(name) within O(workspace). A name that several configs
    of the workspace share fails, listing them, rather than picking one.
  - The API keeps every change of a config as a new version. The module compares O(config)
    semantically (key order, formatting, YAML or JSON make no difference) and sends an update only
    when something really differs, so a rerun creates no version.
  - Only the options you set are compared and sent; the others are left as they are.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The config's name. Required to create a config, and to find one when O(slug) is not given.
      - With O(slug), a different name renames the config.
    type: str
  slug:
    description:
      - The config's slug (C(pc-...)), to manage an existing config. The API generates slugs; they cannot be chosen.
    type: str
  workspace:
    description:
      - The workspace the config belongs to, by UUID or slug.
      - Required unless O(slug) is given. A config cannot move to another workspace.
    type: str
    aliases: [workspace_id]
  config:
    description:
      - The gateway config itself, as a dict (written in YAML), or as a string holding a JSON object.
      - Required to create a config. It replaces the whole config; it is not merged into the current one.
      - Invalid JSON, or JSON that is not an object, fails before any request.
    type: raw
  is_default:
    description:
      - Whether the config is the default config of its workspace.
      - Presumably a workspace has one default config, so making a config the default may clear the flag
        on another one; do not set O(is_default=true) on two configs of one workspace.
      - The API documents the flag on create only; changing it on an existing config sends it with the update (as C(isDefault)).
    type: bool
  state:
    description:
      - V(present) creates or updates the config, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.config_info
  - module: portkey.ai.workspace
'''

EXAMPLES = r'''
- name: A config with retries, caching and a fallback between two providers
  portkey.ai.config:
    name: Production routing
    workspace: ws-produc-1a2b3c
    config:
      retry:
        attempts: 3
        on_status_codes: [429, 500, 502, 503]
      cache:
        mode: simple
      strategy:
        mode: fallback
      targets:
        - provider: "@openai-prod"
        - provider: "@azure-prod"
  register: routing

- name: Use its slug elsewhere
  ansible.builtin.debug:
    msg: "{{ routing.config.slug }}"

- name: The same config given as a JSON string (no change, no new version)
  portkey.ai.config:
    name: Production routing
    workspace_id: ws-produc-1a2b3c
    config: '{"cache": {"mode": "simple"}, "retry": {"attempts": 3, "on_status_codes": [429, 500, 502, 503]},
      "strategy": {"mode": "fallback"}, "targets": [{"provider": "@openai-prod"}, {"provider": "@azure-prod"}]}'

- name: Rename a config found by its slug, and make it the workspace's default
  portkey.ai.config:
    slug: pc-produc-4f5e6d
    name: Production routing v2
    is_default: true

- name: Delete a config
  portkey.ai.config:
    name: Old routing
    workspace: ws-produc-1a2b3c
    state: absent
'''

RETURN = r'''
config:
  description:
    - The config as the API returns it after the change, with C(config) parsed into a dict (the API
      sends it as a JSON string) and C(is_default) as a boolean (the API sends 0 or 1).
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    id: 0b7c5a3e-58a1-4c2f-9d47-3f0e6b2a1c9d
    slug: pc-produc-4f5e6d
    name: Production routing
    workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    organisation_id: b4d2c5a8-0f6e-4c3a-9d1b-7e2f3a4b5c6d
    is_default: false
    status: active
    version_id: 6f3e2d1c-0b9a-4f8e-8d7c-6b5a4f3e2d1c
    format: json
    type: ORG_CONFIG
    config:
      retry:
        attempts: 3
      cache:
        mode: simple
    created_at: '2026-05-12T21:37:06.000Z'
    last_updated_at: '2026-05-23T23:36:06.000Z'
    object: config
'''

from ansible_collections.portkey.ai.plugins.module_utils._config import Config
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule


def main():
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            slug=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            config=dict(type='raw'),
            is_default=dict(type='bool'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        supports_check_mode=True,
    )
    Config(module).run()


if __name__ == '__main__':
    main()
