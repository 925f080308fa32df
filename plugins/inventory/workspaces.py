# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
name: workspaces
short_description: Portkey workspaces as inventory hosts
version_added: 0.1.0
description:
  - Lists the workspaces of a Portkey organisation through the Admin API, one host per workspace,
    named by the workspace's slug.
  - Each host gets the workspace's fields as variables prefixed C(portkey_) (C(portkey_id),
    C(portkey_slug), C(portkey_name), C(portkey_description), C(portkey_metadata),
    C(portkey_usage_limits), C(portkey_rate_limits), C(portkey_status), C(portkey_created_at),
    C(portkey_last_updated_at), C(portkey_icon)).
  - Every host is in the group O(group); C(compose), C(groups) and C(keyed_groups) add more.
  - Uses Ansible's inventory cache when O(cache) is enabled.
  - The configuration file's name must end in C(.portkey.yml) or C(.portkey.yaml).
author:
  - Portkey collection maintainers (@portkey-ai)
extends_documentation_fragment:
  - portkey.ai.auth.plugins
  - constructed
  - inventory_cache
options:
  plugin:
    description: The name of this plugin; it makes Ansible use this plugin for the file.
    type: str
    required: true
    choices: [portkey.ai.workspaces]
  status:
    description:
      - Which workspaces to list, by status.
    type: list
    elements: str
    choices: [active, archived]
    default: [active]
  group:
    description:
      - The group every workspace host belongs to. An empty string adds none.
    type: str
    default: portkey_workspaces
  connection_local:
    description:
      - Set C(ansible_connection=local) on every host, so playbooks can target workspaces and run
        Portkey modules for each of them without trying to reach a machine.
      - It also sets C(ansible_python_interpreter) to the Python that runs Ansible, which has the
        C(requests) library the modules need.
    type: bool
    default: true
'''

EXAMPLES = r'''
# inventory/production.portkey.yml
plugin: portkey.ai.workspaces
# api_key and base_url default to $PORTKEY_API_KEY and $PORTKEY_BASE_URL
keyed_groups:
  # a group per value of the workspace's "env" metadata: env_prod, env_staging, ...
  - key: portkey_metadata.env | default('none')
    prefix: env
groups:
  # workspaces with a monthly budget
  budgeted: portkey_usage_limits | length > 0
compose:
  display_name: portkey_name
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/portkey-inventory
cache_timeout: 300
'''

from ansible.errors import AnsibleError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable

from ansible_collections.portkey.ai.plugins.module_utils import _client
from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._module import client_from_options, validate_connection_options
from ansible_collections.portkey.ai.plugins.module_utils._workspace import strip_icon

HOST_FIELDS = ('id', 'slug', 'name', 'description', 'icon', 'status', 'created_at', 'last_updated_at',
               'usage_limits', 'rate_limits')


def host_vars(workspace):
    """The variables of one workspace host, every one prefixed portkey_."""
    variables = dict(('portkey_%s' % field, workspace.get(field)) for field in HOST_FIELDS)
    variables['portkey_name'] = strip_icon(workspace.get('name'), workspace.get('icon'))
    variables['portkey_metadata'] = (workspace.get('defaults') or {}).get('metadata') or {}
    variables['portkey_usage_limits'] = variables['portkey_usage_limits'] or []
    variables['portkey_rate_limits'] = variables['portkey_rate_limits'] or []
    return variables


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    NAME = 'portkey.ai.workspaces'

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(('.portkey.yml', '.portkey.yaml'))

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._read_config_data(path)

        cache_key = self.get_cache_key(path)
        use_cache = self.get_option('cache') and cache
        update_cache = self.get_option('cache') and not cache
        workspaces = None
        if use_cache:
            try:
                workspaces = self._cache[cache_key]
            except KeyError:
                update_cache = True
        if workspaces is None:
            workspaces = self.fetch()
        if update_cache:
            self._cache[cache_key] = workspaces
        self.populate(workspaces)

    def fetch(self):
        if not _client.HAS_REQUESTS:
            raise AnsibleError('The portkey.ai.workspaces inventory plugin needs the Python library requests on the controller')
        options = dict((name, self.get_option(name)) for name in
                       ('api_key', 'base_url', 'validate_certs', 'request_timeout', 'max_retries'))
        problems = validate_connection_options(options['api_key'], options['base_url'], options['request_timeout'],
                                               options['max_retries'])
        if problems:
            raise AnsibleError('portkey.ai.workspaces: %s' % '; '.join(problems))
        client = client_from_options(options, read_only=True)
        try:
            return client.list('/admin/workspaces', params={'status': ','.join(self.get_option('status'))}, page_size=100)
        except PortkeyError as exc:
            raise AnsibleError('portkey.ai.workspaces: failed to list workspaces: %s' % exc)

    def populate(self, workspaces):
        strict = self.get_option('strict')
        group = self.get_option('group')
        if group:
            self.inventory.add_group(group)
        for workspace in workspaces:
            host = workspace.get('slug') or workspace.get('id')
            if not host:
                continue
            self.inventory.add_host(host, group=group or None)
            variables = host_vars(workspace)
            if self.get_option('connection_local'):
                variables['ansible_connection'] = 'local'
                # The Python running Ansible has requests (the modules need it); another one may not.
                variables['ansible_python_interpreter'] = '{{ ansible_playbook_python }}'
            for name, value in variables.items():
                self.inventory.set_variable(host, name, value)
            self._set_composite_vars(self.get_option('compose'), variables, host, strict=strict)
            self._add_host_to_composed_groups(self.get_option('groups'), variables, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option('keyed_groups'), variables, host, strict=strict)
