# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The workspace resource: how the engine finds, compares and writes a Portkey workspace.

Shared by the workspace and workspace_info modules and the workspaces inventory plugin.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._limits import limit_options, validate_limits
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    Resource,
    normalize_empty,
)


def strip_icon(name, *icons):
    """The name without the '<icon> ' the API puts in front of it."""
    if not isinstance(name, str):
        return name
    for icon in icons:
        if icon and name.startswith(icon + ' '):
            return name[len(icon) + 1:]
    return name


def string_map(value):
    """Metadata is a map of strings: 1 and "1" are the same value; a list or a dict is an error."""
    if not isinstance(value, dict):
        return value
    nested = sorted(k for k, v in value.items() if isinstance(v, (dict, list)))
    if nested:
        raise ValueError('metadata values must be strings (or numbers), not lists or dicts: %s' % ', '.join(nested))
    return dict((k, v if isinstance(v, str) else str(v)) for k, v in value.items() if v is not None)


class Workspace(Resource):
    singular = 'workspace'
    list_path = '/admin/workspaces'
    item_path = '/admin/workspaces/{id}'
    lookups = (('id', 'id', False), ('slug', 'slug', False))
    natural_key = ('name',)
    # A missing workspace answers 403 AB03: confirmed through the list before it counts as gone.
    confirm_missing_statuses = (403,)
    # The list answers whole workspace objects: a find by name costs one call.
    list_items_complete = True
    options = (
        Option('name'),
        Option('description'),
        Option('icon'),
        Option('metadata', api='defaults.metadata', normalize=string_map, to_api=string_map),
    ) + limit_options()

    def validate(self):
        name = self.params.get('name')
        if name is not None and not name.strip():
            raise ValueError('name must not be empty')
        if self.params.get('state') == 'present' and not any(self.params.get(k) for k in ('id', 'slug', 'name')):
            raise ValueError('name is required to create a workspace (or give id or slug to manage an existing one)')
        validate_limits(self.params)
        string_map(self.params.get('metadata'))

    def list_params(self):
        return {'exact_name': self.params['name']}

    def unwrap(self, obj):
        return self.clean(obj)

    def list_all(self, params=None):
        for item in super(Workspace, self).list_all(params):
            yield self.clean(item)

    def clean(self, obj):
        """Strip the icon from the name, and read the API's "" as "no periodic reset"."""
        if not isinstance(obj, dict):
            return obj
        obj = dict(obj)
        icon = obj.get('icon') or self.params.get('icon')
        stripped = strip_icon(obj.get('name'), icon)
        if stripped != obj.get('name') and not obj.get('icon'):
            obj['icon'] = icon
        obj['name'] = stripped
        for key in ('usage_limits', 'rate_limits'):
            if isinstance(obj.get(key), list):
                obj[key] = [dict((k, normalize_empty(v)) for k, v in item.items()) if isinstance(item, dict) else item
                            for item in obj[key]]
        return obj

    def create_body(self):
        body = super(Workspace, self).create_body()
        for key in ('usage_limits', 'rate_limits'):
            if not body.get(key):
                body.pop(key, None)
        return body

    #: The workspace a delete was sent for (its dependants are named when the API refuses).
    deleting = None

    def delete(self, existing):
        self.deleting = existing
        body = {'name': existing.get('name')}
        if self.params.get('force'):
            body['force_delete'] = True
        self.client.delete(self.path_for(existing['id']), json_body=body)

    def explain(self, error):
        if error.method == 'DELETE' and error.status == 409 and self.deleting:
            dependants = self.dependants(self.deleting)
            error.hint = ('The workspace still holds %s. Delete them first, or set force: true to delete '
                          'them with the workspace' % (', '.join(dependants) if dependants else 'providers, configs or API keys'))

    def dependants(self, ws):
        """Name what a workspace still holds, for the message of a refused delete (best effort)."""
        found = []
        for label, path in (('provider', '/providers'), ('config', '/configs'), ('API key', '/api-keys')):
            try:
                for item in self.client.paginate(path, params={'workspace_id': ws['id']}, page_size=50):
                    if item.get('workspace_id') in (None, ws['id'], ws.get('slug')):
                        found.append('%s %r' % (label, item.get('slug') or item.get('name') or item.get('id')))
            except PortkeyError:
                continue
        return found
