#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: workspace
short_description: Manage Portkey workspaces
version_added: 0.1.0
description:
  - Create, update and delete workspaces of a Portkey organisation through the Admin API.
  - A workspace is found by O(id), else by O(slug), else by O(name). A name that several
    workspaces share fails, listing them, rather than picking one.
  - Only the options you set are compared and sent; the others are left as they are.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The workspace's name. Required to create a workspace, and to find one when neither O(id) nor O(slug) is given.
      - When O(icon) is set, the API shows the icon in front of the name; the module compares the name without it.
    type: str
  id:
    description:
      - The workspace's UUID, to manage an existing workspace (also to rename it).
    type: str
  slug:
    description:
      - The workspace's slug (C(ws-...)), to manage an existing workspace. The API generates slugs; they cannot be chosen.
    type: str
  description:
    description:
      - A description of the workspace.
    type: str
  icon:
    description:
      - An emoji shown in front of the workspace's name.
    type: str
  metadata:
    description:
      - Default metadata (string keys and values) added to every request made in the workspace.
      - Compared as a whole, so keys you remove are removed.
    type: dict
  force:
    description:
      - With O(state=absent), also delete what the workspace still holds (providers, configs,
        workspace API keys). Without it, deleting a workspace that has dependants fails and names them.
    type: bool
    default: false
  state:
    description:
      - V(present) creates or updates the workspace, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
  - portkey.ai.limits
seealso:
  - module: portkey.ai.workspace_info
  - plugin: portkey.ai.workspaces
    plugin_type: inventory
'''

EXAMPLES = r'''
- name: Create or update the production workspace
  portkey.ai.workspace:
    name: Production
    description: Production environment
    icon: "🚀"
    metadata:
      team: platform
    usage_limits:
      - type: cost
        credit_limit: 1000
        alert_threshold: 800
        periodic_reset: monthly
    rate_limits:
      - type: requests
        unit: rpm
        value: 600

- name: Rename a workspace, found by its slug
  portkey.ai.workspace:
    slug: ws-product-1a2b3c
    name: Production (EU)

- name: Delete a workspace and everything it still holds
  portkey.ai.workspace:
    name: Sandbox
    state: absent
    force: true

'''

RETURN = r'''
workspace:
  description:
    - The workspace as the API returns it after the change (the name without its icon).
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    id: 4d1f0a5c-2f0b-4c1e-9a37-6a4c3b1d2e10
    slug: ws-produc-1a2b3c
    name: Production
    description: Production environment
    defaults:
      metadata:
        team: platform
    usage_limits:
      - type: cost
        credit_limit: 1000
        alert_threshold: 800
        periodic_reset: monthly
    rate_limits:
      - type: requests
        unit: rpm
        value: 600
    object: workspace
'''

from ansible_collections.portkey.ai.plugins.module_utils._limits import LIMITS_ARGUMENT_SPEC
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._workspace import Workspace


def main():
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            id=dict(type='str'),
            slug=dict(type='str'),
            description=dict(type='str'),
            icon=dict(type='str'),
            metadata=dict(type='dict'),
            force=dict(type='bool', default=False),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            **LIMITS_ARGUMENT_SPEC
        ),
        supports_check_mode=True,
    )
    Workspace(module).run()


if __name__ == '__main__':
    main()
