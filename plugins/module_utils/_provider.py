# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Providers (the virtual keys built on integrations): how the engine finds, compares and writes them.

Shared by the provider and provider_info modules.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._integration import integration_hint, resolve_integration
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    ReferenceOption,
    ResourceError,
    WorkspaceScopedResource,
    names,
    normalize_empty,
)


class Provider(WorkspaceScopedResource):
    """A provider in one workspace; every call carries the workspace's UUID (API-NOTES 8)."""

    singular = 'provider'
    list_path = '/providers'
    item_path = '/providers/{id}'
    ident_field = 'slug'
    # A chosen slug that does not exist yet is created.
    lookups = (('slug', 'slug', True),)
    natural_key = ('name',)
    # The list answers whole provider objects: a find by name costs one call.
    list_items_complete = True
    # The integration of a provider cannot change: the provider is replaced (its slug is kept
    # when it was given).
    on_immutable_change = 'replace'
    # A provider moved to another integration keeps its name and note unless the task sets them.
    carried_over_on_replace = ('name', 'note')

    def __init__(self, module):
        super(Provider, self).__init__(module)
        self.options = (
            Option('name'),
            Option('slug', compared=False),
            Option('note', normalize=normalize_empty),
            ReferenceOption(self, 'integration', lambda ref: resolve_integration(self, ref), api='integration_id',
                            immutable=True),
        )

    def validate(self):
        for field in ('name', 'slug', 'workspace', 'integration'):
            value = self.params.get(field)
            if value is not None and not value.strip():
                raise ValueError('%s must not be empty' % field)
        if self.params.get('state') == 'present' and not self.params.get('slug') and not self.params.get('name'):
            raise ValueError('name is required (or slug, to manage an existing provider)')

    def do_create(self, diff_before=None):
        missing = [k for k in ('name', 'integration') if not self.params.get(k)]
        if missing:
            raise ValueError('%s %s required to create a provider' % (' and '.join(missing), 'is' if len(missing) == 1 else 'are'))
        return super(Provider, self).do_create(diff_before)

    def check_replace(self, existing):
        """Delete the old provider only when the new integration can be used in the workspace."""
        integration = self.params.get('integration')
        workspace = self.params.get('workspace')
        if self.not_enabled(integration, workspace):
            raise ResourceError('cannot move provider %r to integration %r: the integration is not enabled for the '
                                'workspace %r, so the new provider could not be created (nothing was changed). %s'
                                % (existing.get('slug'), integration, workspace, integration_hint(integration, workspace)))

    def create_body(self):
        body = super(Provider, self).create_body()
        body['integration_id'] = resolve_integration(self, self.params['integration'])['slug']
        body['workspace_id'] = self.scoped_workspace()['id']
        return body

    def explain(self, error):
        if error.method == 'POST' and error.path == self.list_path and error.status == 403:
            integration = self.params.get('integration')
            workspace = self.params.get('workspace')
            if self.not_enabled(integration, workspace):
                error.hint = 'The integration %r is not enabled for the workspace %r. %s' % (
                    integration, workspace, integration_hint(integration, workspace))
            else:
                error.hint = ('A 403 here usually means the integration is not enabled for the workspace; '
                              'check with portkey.ai.integration_workspace_access_info, and the API key\'s scopes')

    def not_enabled(self, integration, workspace):
        """Confirm that the integration's workspace list does not enable the workspace (best effort)."""
        try:
            found = resolve_integration(self, integration)
            ws = self.workspace(workspace)
            if not found or not ws:
                return False
            if found.get('workspace_id'):
                return not names(ws, found['workspace_id'])
            for item in self.client.paginate('/integrations/%s/workspaces' % found['slug'], paging=None,
                                             items_key='workspaces'):
                if names(ws, item.get('id')):
                    return not item.get('enabled')
            return True
        except (PortkeyError, ResourceError):
            return False
