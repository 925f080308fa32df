# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Integrations and their workspace access: how the engine finds, compares and writes them.

Shared by the integration, integration_info, integration_workspace_access and
integration_workspace_access_info modules, and by the provider description (which references
integrations).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    ReferenceOption,
    Resource,
    ResourceError,
    canonical,
    names,
    normalize_bool,
)
from ansible_collections.portkey.ai.plugins.module_utils._limits import limit_options, validate_limits

# Configuration fields that hold secrets. The API also tells: it answers them as masked_<field>.
SECRET_CONFIG_FIELD = re.compile(r'(secret|password|token|service_account_json|private_key|credential|^key$|api_key)', re.I)


def string_leaves(value):
    """Every non-empty string inside a JSON-like value (a secret field may be an object)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in string_leaves(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in string_leaves(v)]
    return [value] if isinstance(value, str) and value else []


def integration_hint(integration, workspace):
    return ('Enable the integration for the workspace first, with portkey.ai.integration_workspace_access '
            '(integration: %s, workspace: %s)' % (integration, workspace))


class ConfigurationsOption(Option):
    """Provider configurations: the non-secret fields the user set are compared, secrets never.

    A field is secret when its name says so (``*secret*``, ``*token*``, ...) or when the API
    answers it as ``masked_<field>``. When the API's answer has no ``configurations`` at all (as
    the live API sometimes does), they cannot be compared and count as unchanged.
    """

    def __init__(self, resource):
        super(ConfigurationsOption, self).__init__('configurations', normalize=self.view)
        self.resource = resource

    def is_secret(self, field, current=None):
        if SECRET_CONFIG_FIELD.search(field):
            return True
        for source in (current, self.resource.last_configurations):
            if isinstance(source, dict) and ('masked_' + field) in source:
                return True
        return False

    def current(self, obj):
        value = obj.get('configurations') if isinstance(obj, dict) else None
        return value if isinstance(value, dict) else None

    def view(self, value):
        """The non-secret fields the user set, as they are in ``value``."""
        desired = self.resource.params.get('configurations')
        if not isinstance(value, dict) or not isinstance(desired, dict):
            return None
        return dict((k, canonical(value[k])) for k in desired if k in value and not self.is_secret(k))

    def equal(self, desired, current):
        if not isinstance(current, dict):
            return True
        for field, value in (desired or {}).items():
            if self.is_secret(field, current):
                continue
            if field not in current or canonical(value) != canonical(current[field]):
                return False
        return True


def resolve_integration(resource, ref):
    """The integration named by slug or id ({slug, id, ...}), cached; None when it does not exist.

    In check mode a missing integration (a task before this one would create it) only warns.
    """
    cache = resource.__dict__.setdefault('_integrations', {})
    if ref in cache:
        return cache[ref]
    obj = resource.client.get('/integrations/%s' % ref, missing_ok=True)
    if obj is None:
        if resource.check_mode:
            resource.warnings.append('integration %r does not exist (yet); in check mode this predicts a create' % ref)
        else:
            raise ResourceError('integration %r not found (give its slug or id)' % ref)
    cache[ref] = obj
    if obj:
        cache[obj.get('slug')] = cache[obj.get('id')] = obj
    return obj


class Integration(Resource):
    """An AI-provider integration, organisation-level or scoped to one workspace."""

    singular = 'integration'
    list_path = '/integrations'
    item_path = '/integrations/{id}'
    ident_field = 'slug'
    # A chosen slug that does not exist yet is created.
    lookups = (('slug', 'slug', True),)
    natural_key = ('name',)
    # slug, ai_provider_id and workspace cannot change. Replacing an integration would delete the
    # providers built on it and need its key again, so a change fails instead.
    on_immutable_change = 'fail'

    def __init__(self, module):
        super(Integration, self).__init__(module)
        self.last_configurations = None
        self.configurations_unknown = False
        self.options = (
            Option('name'),
            Option('slug', compared=False),
            Option('ai_provider_id', immutable=True),
            Option('description'),
            ReferenceOption(self, 'workspace', self.workspace, api='workspace_id', immutable=True),
            ConfigurationsOption(self),
            Option('key', secret=True),
        )

    def validate(self):
        params = self.params
        for field in ('name', 'slug', 'ai_provider_id', 'key'):
            value = params.get(field)
            if value is not None and not value.strip():
                raise ValueError('%s must not be empty' % field)
        slug = params.get('slug')
        if slug and not re.match(r'^[a-zA-Z0-9_-]+$', slug):
            raise ValueError('slug may only hold letters, digits, "-" and "_", got %r' % slug)
        configurations = params.get('configurations') or {}
        masked = sorted(k for k in configurations if k.startswith('masked_'))
        if masked:
            raise ValueError('configurations takes the real field names, not the masked ones the API answers: %s'
                             % ', '.join(masked))
        # Secret configuration values are hidden from every output, like no_log options.
        for field, value in configurations.items():
            if SECRET_CONFIG_FIELD.search(field):
                self.module.no_log_values.update(string_leaves(value))
        if params.get('default_provider_slug') and not params.get('create_default_provider'):
            raise ValueError('default_provider_slug needs create_default_provider: true')

    def scoped_workspace(self):
        ref = self.params.get('workspace')
        return self.workspace(ref) if ref else None

    def placeholder_scope(self):
        return bool(self.params.get('workspace')) and self.scoped_workspace() is None

    def list_params(self):
        workspace = self.scoped_workspace()
        if workspace:
            return {'type': 'workspace', 'workspace_id': workspace['id']}
        return {'type': 'organisation'}

    def matches(self, item):
        if not super(Integration, self).matches(item):
            return False
        workspace = self.scoped_workspace()
        if workspace and item.get('workspace_id') not in (None, workspace['id'], workspace.get('slug')):
            return False
        return True

    def unwrap(self, obj):
        if isinstance(obj, dict):
            configurations = obj.get('configurations')
            self.last_configurations = configurations if isinstance(configurations, dict) else None
            self.configurations_unknown = not isinstance(configurations, dict)
            for field, value in (self.params.get('configurations') or {}).items():
                if self.option('configurations').is_secret(field):
                    self.module.no_log_values.update(string_leaves(value))
        return obj

    def diff_view(self, obj=None):
        view = super(Integration, self).diff_view(obj)
        if self.configurations_unknown:
            # The API did not say what the configurations are: leave them out of the diff.
            view.pop('configurations', None)
        return view

    def secret_options_to_send(self):
        if self.params.get('update_secrets') != 'always':
            return []
        return [o for o in self.options if o.name in ('key', 'configurations') and self.params.get(o.name) is not None]

    def ensure_present(self, existing):
        if existing is not None:
            self.check_whole_configurations(existing)
        return super(Integration, self).ensure_present(existing)

    def check_whole_configurations(self, existing):
        """An update sends configurations as a whole and the API replaces them: refuse, before any
        write, one that would drop fields the integration has (secrets among them)."""
        sent = [o.name for o in self.changed_options(existing) + self.secret_options_to_send()]
        current = self.last_configurations
        if 'configurations' not in sent or not isinstance(current, dict):
            return
        desired = self.params.get('configurations') or {}
        have = set(k[len('masked_'):] if k.startswith('masked_') else k for k in current)
        dropped = sorted(have - set(desired))
        if dropped:
            raise ResourceError('configurations is sent whole and replaces what the integration has, which would drop %s; '
                                'give every field (secret ones too), or leave configurations out' % ', '.join(dropped))

    def do_create(self, diff_before=None):
        missing = [k for k in ('name', 'ai_provider_id') if not self.params.get(k)]
        if missing:
            raise ResourceError('%s %s required to create an integration' % (' and '.join(missing), 'is' if len(missing) == 1 else 'are'))
        self.configurations_unknown = False
        return super(Integration, self).do_create(diff_before)

    def create_body(self):
        body = super(Integration, self).create_body()
        workspace = self.scoped_workspace()
        if workspace:
            body['workspace_id'] = workspace['id']
            # Sent explicitly: the API's default (true) would put a provider in the workspace.
            body['create_default_provider'] = bool(self.params.get('create_default_provider'))
            if self.params.get('default_provider_slug'):
                body['default_provider_slug'] = self.params['default_provider_slug']
        return body


class IntegrationWorkspaceAccess(Resource):
    """Whether one workspace may use an integration, with its limits.

    The API has a list and a bulk PUT only; removing access is a PUT with ``enabled: false``.
    """

    singular = 'integration_workspace_access'
    natural_key = ()

    def __init__(self, module):
        super(IntegrationWorkspaceAccess, self).__init__(module)
        self.options = (
            Option('enabled', normalize=normalize_bool),
        ) + limit_options()
        self.target = None

    def validate(self):
        for field in ('integration', 'workspace'):
            if not (self.params.get(field) or '').strip():
                raise ValueError('%s must not be empty' % field)
        # Workspace access takes at most one usage and one rate limit (API-NOTES 7.2).
        validate_limits(self.params, max_rate_limits=1)

    def path(self, integration):
        return '/integrations/%s/workspaces' % integration['slug']

    def find(self):
        integration = resolve_integration(self, self.params['integration'])
        workspace = self.workspace(self.params['workspace'])
        self.target = (integration, workspace)
        if integration is None or workspace is None:
            return None
        return self.lookup(integration, workspace)

    def lookup(self, integration, workspace):
        """The access entry of the workspace; the API names it by slug, the user maybe by UUID."""
        for item in self.client.paginate(self.path(integration), paging=None, items_key='workspaces'):
            if names(workspace, item.get('id')):
                return self.shape(item, integration, workspace)
        return None

    @staticmethod
    def shape(item, integration, workspace):
        obj = dict(item)
        obj['integration'] = integration['slug']
        obj['workspace_id'] = workspace['id']
        obj['workspace_slug'] = workspace.get('slug')
        obj['enabled'] = normalize_bool(item.get('enabled'))
        return obj

    def write(self, item):
        integration, workspace = self.target
        item = dict(item, id=workspace['id'])
        if item.get('enabled'):
            # Sent explicitly: the API's default (true) would put a provider in the workspace.
            item['create_default_provider'] = bool(self.params.get('create_default_provider'))
            if self.params.get('default_provider_slug'):
                item['default_provider_slug'] = self.params['default_provider_slug']
        self.client.put(self.path(integration), json_body={'workspaces': [item]})
        fresh = self.lookup(integration, workspace)
        if fresh is None:
            raise PortkeyError('the workspace access disappeared right after it was written')
        return fresh

    def ensure_present(self, existing):
        desired = dict(enabled=normalize_bool(self.params.get('enabled')))
        if existing is None:
            diff = dict(before={}, after=self.diff_view())
            if self.check_mode:
                return self.result(True, None, diff=diff)
            for option in self.desired_options():
                if option.name != 'enabled':
                    desired[option.name] = option.api_value(self.params[option.name])
            return self.result(True, self.write(desired), diff=diff)
        changed = self.changed_options(existing)
        if not changed:
            return self.result(False, existing)
        diff = dict(before=self.diff_view(existing), after=self.diff_view())
        if self.check_mode:
            return self.result(True, existing, diff=diff)
        for option in changed:
            if option.name != 'enabled':
                desired[option.name] = option.api_value(self.params[option.name])
        return self.result(True, self.write(desired), diff=diff)

    def ensure_absent(self, existing):
        if existing is None or not existing.get('enabled'):
            return self.result(False, existing)
        diff = dict(before={'enabled': True}, after={'enabled': False})
        if self.check_mode:
            return self.result(True, existing, diff=diff)
        return self.result(True, self.write({'enabled': False}), diff=diff)
