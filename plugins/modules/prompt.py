#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: prompt
short_description: Manage versioned Portkey prompt templates
version_added: 0.1.0
description:
  - Create, update and delete prompts of a Portkey prompt collection through the Admin API.
  - A prompt is found by O(id), else by O(slug), else by O(name) within its collection (O(collection),
    or the default collection of O(workspace)). A name that several prompts of the collection share
    fails, listing them, rather than picking one.
  - Portkey keeps the versions of a prompt. A change of O(template), O(model) or O(parameters)
    makes a new version; with O(make_default=true) (the default) that version becomes the default
    (published) one. The version number is looked up, never assumed.
  - A change of O(name), O(collection), O(provider) or O(version_description) alone changes the
    prompt (or its current version) in place, without a new version.
  - The options you set are compared with the default version (with O(make_default=false), with
    the latest version), so a version published in the Portkey UI shows as a change and is
    converged. Options you leave out are not compared.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  name:
    description:
      - The prompt's name. Required to create a prompt, and to find one when neither O(id) nor O(slug) is given.
    type: str
  id:
    description:
      - The prompt's UUID (or its slug), to manage an existing prompt (also to rename it).
    type: str
  slug:
    description:
      - The prompt's slug (C(pp-...)), to manage an existing prompt. The API generates slugs; they cannot be chosen.
    type: str
  collection:
    description:
      - The prompt collection (UUID or slug) that holds the prompt.
      - Set on an existing prompt found by O(id) or O(slug), a different collection moves the prompt.
      - One of O(collection) and O(workspace) is required to find a prompt by O(name).
    type: str
    aliases: [collection_id]
  workspace:
    description:
      - A workspace (UUID or slug) whose default prompt collection holds the prompt, when O(collection) is not given.
    type: str
    aliases: [workspace_id]
  template:
    description:
      - The prompt template (Mustache; partials are included with C({{>partial-slug}})). The API calls it C(string).
      - Mustache's C({{ }}) is also Jinja's syntax, so mark the value C(!unsafe) in a playbook (see the examples), or Ansible tries to template it.
      - Required to create a prompt. A change makes a new version.
    type: str
  model:
    description:
      - The model the prompt runs on, for example V(gpt-4o). A change makes a new version.
      - Required to make a new version when the current version has no model.
    type: str
  parameters:
    description:
      - Model parameters (temperature, max_tokens, ...), as a dict or a JSON string. Compared as a whole; a change makes a new version.
      - The API copies O(model) into the parameters; that copy is not seen as a difference.
      - V({}) when creating a prompt without it.
    type: dict
  provider:
    description:
      - The slug of the provider (virtual key) the prompt uses. Required to create a prompt.
    type: str
    aliases: [virtual_key]
  version_description:
    description:
      - A description of the version, given to a new version and compared with the current one.
    type: str
  make_default:
    description:
      - Make a new version the default (published) one, and compare with the default version.
      - With V(false), a new version is made but not published, and the options are compared with the latest version.
      - When the latest version already holds the O(template), O(model) and O(parameters), it is published
        rather than copied into another version.
    type: bool
    default: true
  state:
    description:
      - V(present) creates or updates the prompt, V(absent) deletes it (with all its versions).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes
seealso:
  - module: portkey.ai.prompt_info
'''

EXAMPLES = r'''
# Mustache templates use {{ }} like Jinja: mark them !unsafe so Ansible leaves them alone.
- name: A support prompt in the default collection of a workspace
  portkey.ai.prompt:
    name: Support answer
    workspace: ws-support-1a2b3c
    template: !unsafe |
      {{#system}}You answer customers of {{company}} politely.{{/system}}
      {{#user}}{{question}}{{/user}}
    model: gpt-4o
    provider: openai-prod-4f2a1c
    parameters:
      temperature: 0.2
      max_tokens: 500
    version_description: Polite tone
  register: support_prompt

- name: Show the published version
  ansible.builtin.debug:
    msg: "{{ support_prompt.prompt.slug }} is at version {{ support_prompt.prompt.prompt_version }}"

- name: Try a new template as a draft version, without publishing it
  portkey.ai.prompt:
    name: Support answer
    collection: support-9f8e7d
    template: !unsafe "{{#user}}Answer briefly: {{question}}{{/user}}"
    make_default: false

- name: Rename a prompt found by its slug (no new version)
  portkey.ai.prompt:
    slug: pp-support-1b2c3d
    name: Customer support answer

- name: Delete a prompt
  portkey.ai.prompt:
    name: Customer support answer
    collection: support-9f8e7d
    state: absent
'''

RETURN = r'''
prompt:
  description:
    - The prompt as the API returns it after the change, at its default version (with O(make_default=false),
      at its latest version); C(prompt_version) is the version number, C(string) the template.
    - Empty when O(state=absent). When check mode predicts a create, the options as given, with C(id) and
      C(slug) set to C(check-mode-placeholder) so later tasks of the run can refer to it.
  returned: always
  type: dict
  sample:
    id: 0b7c3a52-8d0e-4a3f-9a7d-3c2b1e0f9a88
    slug: pp-suppor-5e1f2a
    name: Support answer
    collection_id: 7e3f1c2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b
    string: "{{#user}}{{question}}{{/user}}"
    model: gpt-4o
    parameters:
      temperature: 0.2
      model: gpt-4o
    virtual_key: openai-prod-4f2a1c
    prompt_version: 3
    prompt_version_id: 9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
    prompt_version_description: Polite tone
    prompt_version_status: active
    is_raw_template: 0
    status: active
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._prompt import Prompt


def main():
    module = PortkeyModule(
        argument_spec=dict(
            name=dict(type='str'),
            id=dict(type='str'),
            slug=dict(type='str'),
            collection=dict(type='str', aliases=['collection_id']),
            workspace=dict(type='str', aliases=['workspace_id']),
            template=dict(type='str'),
            model=dict(type='str'),
            parameters=dict(type='dict'),
            provider=dict(type='str', aliases=['virtual_key'], no_log=False),
            version_description=dict(type='str'),
            make_default=dict(type='bool', default=True),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        supports_check_mode=True,
    )
    Prompt(module).run()


if __name__ == '__main__':
    main()
