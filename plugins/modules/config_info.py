#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: config_info
short_description: List Portkey gateway configs, or read one
version_added: 0.1.0
description:
  - Returns every gateway config of the organisation, the configs of one workspace, the ones with
    a given name, or the one named by O(slug); optionally with the list of its versions.
  - A config read by O(slug) (or with O(details=true)) includes its C(config) body, parsed into a dict.
    The list endpoint leaves the body out.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  slug:
    description:
      - Return only the config with this slug, read in full.
    type: str
  workspace:
    description:
      - Return only the configs of this workspace (its UUID or slug).
    type: str
    aliases: [workspace_id]
  name:
    description:
      - Return only the configs with exactly this name (several configs may share a name).
    type: str
  details:
    description:
      - Read every config found in full (its C(config) body and C(version_id)), one more request per config.
      - Configs found by O(slug) are always read in full.
    type: bool
    default: false
  versions:
    description:
      - Add to each config the list of its versions under C(versions), newest first, one more request per config.
    type: bool
    default: false
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.config
'''

EXAMPLES = r'''
- name: All configs of the organisation
  portkey.ai.config_info:
  register: all_configs

- name: Their slugs
  ansible.builtin.debug:
    msg: "{{ all_configs.configs | map(attribute='slug') | list }}"

- name: The configs of one workspace, with their bodies
  portkey.ai.config_info:
    workspace: ws-produc-1a2b3c
    details: true
  register: production_configs

- name: One config and its history
  portkey.ai.config_info:
    slug: pc-produc-4f5e6d
    versions: true
  register: routing
'''

RETURN = r'''
configs:
  description:
    - The configs found; empty when none matches.
    - C(is_default) is a boolean (the API sends 0 or 1); C(config), when present, is a dict (the API sends a JSON string).
  returned: always
  type: list
  elements: dict
  contains:
    slug:
      description: The slug, used to refer to the config.
      type: str
      sample: pc-produc-4f5e6d
    config:
      description: The gateway config. Only for a config read by O(slug) or with O(details=true).
      type: dict
      returned: when read in full
    versions:
      description:
        - The versions of the config, newest first, each with its C(version_id), C(config) (a dict) and C(last_updated_at).
      type: list
      elements: dict
      returned: when O(versions=true)
  sample:
    - id: 0b7c5a3e-58a1-4c2f-9d47-3f0e6b2a1c9d
      slug: pc-produc-4f5e6d
      name: Production routing
      workspace_id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
      is_default: false
      status: active
      object: config
'''

from ansible_collections.portkey.ai.plugins.module_utils._config import Config
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import run_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            slug=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            name=dict(type='str'),
            details=dict(type='bool', default=False),
            versions=dict(type='bool', default=False),
        ),
        mutually_exclusive=[('slug', 'name')],
        supports_check_mode=True,
    )

    def read():
        return Config(module).info()

    run_info(module, 'configs', read, action='read configs')


if __name__ == '__main__':
    main()
