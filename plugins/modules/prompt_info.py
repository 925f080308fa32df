#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: prompt_info
short_description: List Portkey prompts, or read one at a given version
version_added: 0.1.0
description:
  - Lists the prompts of a workspace or of a prompt collection (paging through all of them), or
    reads the prompt named by O(id) or O(slug), or the prompts with exactly the name O(name).
  - A listed prompt is a summary (id, slug, name, collection, model). A prompt read by O(id),
    O(slug) or O(name) is complete (template, parameters, provider, version), at its default
    version unless O(version) says otherwise.
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  id:
    description:
      - Return only the prompt with this UUID (or slug).
    type: str
  slug:
    description:
      - Return only the prompt with this slug.
    type: str
  name:
    description:
      - Return only the prompts with exactly this name, read in full. Needs O(collection) or O(workspace)
        unless O(id) or O(slug) is given.
    type: str
  collection:
    description:
      - List the prompts of this prompt collection (UUID or slug).
    type: str
    aliases: [collection_id]
  workspace:
    description:
      - List the prompts of this workspace (UUID or slug), in all its collections.
    type: str
    aliases: [workspace_id]
  version:
    description:
      - Which version of a prompt read in full to return, V(default) (the published one), V(latest),
        or a version number such as V(3). Only with O(id), O(slug) or O(name).
    type: str
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.prompt
'''

EXAMPLES = r'''
- name: The prompts of a workspace
  portkey.ai.prompt_info:
    workspace: ws-support-1a2b3c
  register: support_prompts

- name: Their slugs
  ansible.builtin.debug:
    msg: "{{ support_prompts.prompts | map(attribute='slug') | list }}"

- name: The latest (maybe unpublished) version of one prompt
  portkey.ai.prompt_info:
    slug: pp-suppor-5e1f2a
    version: latest
  register: latest

- name: Version 2 of a prompt found by name in a collection
  portkey.ai.prompt_info:
    name: Support answer
    collection: support-9f8e7d
    version: "2"
'''

RETURN = r'''
prompts:
  description:
    - The prompts found; empty when none matches.
    - Summaries when listing; complete prompts (with C(string), C(parameters), C(virtual_key),
      C(prompt_version)) when O(id), O(slug) or O(name) is given.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0b7c3a52-8d0e-4a3f-9a7d-3c2b1e0f9a88
      slug: pp-suppor-5e1f2a
      name: Support answer
      collection_id: 7e3f1c2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b
      model: gpt-4o
      status: active
      object: prompt
'''

from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._prompt import PromptInfo


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            slug=dict(type='str'),
            name=dict(type='str'),
            collection=dict(type='str', aliases=['collection_id']),
            workspace=dict(type='str', aliases=['workspace_id']),
            version=dict(type='str'),
        ),
        mutually_exclusive=[('id', 'slug')],
        supports_check_mode=True,
    )
    PromptInfo(module).run_info()


if __name__ == '__main__':
    main()
