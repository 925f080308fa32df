#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: guardrail_info
short_description: List Portkey guardrails, or read one
version_added: 0.1.0
description:
  - Returns the guardrails the API key can see (paging through all of them), those of one
    workspace or of the organisation, or the one named by O(id), O(slug) or O(name).
  - A guardrail named by O(id), O(slug) or O(name) is returned in full, with its checks and
    actions; a list returns summaries unless O(details=true).
author:
  - Portkey collection maintainers (@portkey-ai)
options:
  id:
    description:
      - Return only the guardrail with this UUID.
    type: str
  slug:
    description:
      - Return only the guardrail with this slug.
    type: str
  name:
    description:
      - Return only the guardrails with exactly this name (several guardrails may share a name).
    type: str
  workspace:
    description:
      - Return only the guardrails of this workspace (UUID or slug).
    type: str
    aliases: [workspace_id]
  organisation:
    description:
      - Return only the organisation-wide guardrails (those of no workspace) of the organisation
        with this UUID.
    type: str
    aliases: [organisation_id]
  details:
    description:
      - Read every listed guardrail in full (its checks and actions), one request each.
    type: bool
    default: false
extends_documentation_fragment:
  - portkey.ai.auth
  - portkey.ai.attributes.info_module
seealso:
  - module: portkey.ai.guardrail
'''

EXAMPLES = r'''
- name: All guardrails of the production workspace
  portkey.ai.guardrail_info:
    workspace: ws-produc-1a2b3c
  register: production_guardrails

- name: Print their slugs
  ansible.builtin.debug:
    msg: "{{ production_guardrails.guardrails | map(attribute='slug') | list }}"

- name: One guardrail, with its checks and actions
  portkey.ai.guardrail_info:
    slug: pg-length-1d0224
  register: length_guardrail
'''

RETURN = r'''
guardrails:
  description:
    - The guardrails found; empty when none matches.
    - Summaries (no C(checks), C(actions) or C(version_id)) when listing without O(details=true).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8
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
'''

from ansible_collections.portkey.ai.plugins.module_utils._guardrail import UUID_PATTERN, Guardrail
from ansible_collections.portkey.ai.plugins.module_utils._module import PortkeyModule
from ansible_collections.portkey.ai.plugins.module_utils._resource import ResourceError, run_info


def main():
    module = PortkeyModule(
        argument_spec=dict(
            id=dict(type='str'),
            slug=dict(type='str'),
            name=dict(type='str'),
            workspace=dict(type='str', aliases=['workspace_id']),
            organisation=dict(type='str', aliases=['organisation_id']),
            details=dict(type='bool', default=False),
        ),
        mutually_exclusive=[('id', 'slug', 'name'), ('workspace', 'organisation')],
        supports_check_mode=True,
    )
    resource = Guardrail(module)
    params = module.params
    if params['organisation'] is not None and not UUID_PATTERN.match(params['organisation']):
        module.fail_json(msg="organisation must be the organisation's UUID, got %r" % params['organisation'])

    def read():
        ref = params['id'] or params['slug']
        if ref:
            found = resource.read(ref)
            guardrails = [found] if found is not None else []
        else:
            filters = {}
            workspace = None
            if params['workspace']:
                workspace = resource.workspace(params['workspace'])
                if workspace is None:
                    raise ResourceError('workspace %r not found (give its id or slug)' % params['workspace'])
                filters['workspace_id'] = workspace['id']
            elif params['organisation']:
                filters['organisation_id'] = params['organisation']
            guardrails = []
            for item in resource.list_all(filters):
                if params['name'] is not None and item.get('name') != params['name']:
                    continue
                if workspace is not None and item.get('workspace_id') != workspace['id']:
                    continue
                if params['organisation'] and item.get('workspace_id'):
                    continue
                guardrails.append(item)
            if params['details'] or params['name'] is not None:
                guardrails = [g for g in (resource.read(item['id']) for item in guardrails) if g is not None]
        return guardrails

    run_info(module, 'guardrails', read, action='read guardrails', resource=resource)


if __name__ == '__main__':
    main()
