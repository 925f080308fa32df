# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Usage-limits and rate-limits policies: how the engine finds, compares and writes them.

Both kinds share one description (:class:`Policy`): they live in a workspace, have no slug (found
by id, else by name within the workspace), and their ``type``, ``conditions`` and ``group_by``
cannot be changed by the API, so a change there replaces the policy. The replacement creates the
new policy before it deletes the old one: if the create fails, nothing is lost. The API archives a
deleted policy (``status: archived``); an archived policy counts as absent.

Shared by the usage_limits_policy, rate_limits_policy modules and their ``_info`` modules.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import re

from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    ResourceError,
    WorkspaceScopedResource,
    canonical,
    run_info,
)


# The conditions and group_by options of both kinds of policy (doc fragment portkey.ai.policy).
POLICY_SELECTOR_SPEC = dict(
    conditions=dict(type='list', elements='dict', options=dict(
        key=dict(type='str', required=True, no_log=False),
        value=dict(type='str', required=True),
    )),
    group_by=dict(type='list', elements='dict', options=dict(
        key=dict(type='str', required=True, no_log=False),
    )),
)

UUID_RE = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
# The keys a condition or a group_by entry may use (API-NOTES 15).
ENTRY_KEY_RE = re.compile(r'^(api_key|organisation_id|workspace_id|metadata\.\S+)$')
ENTRY_KEYS_TEXT = 'api_key, organisation_id, workspace_id or metadata.<field>'


def number_to_api(value):
    """Whole numbers are sent as integers (1000, not 1000.0)."""
    return canonical(value)


def normalize_reset(value):
    """No periodic reset: the module's ``never``, the API's null (or "")."""
    return 'never' if value in (None, '', 'never') else value


def reset_to_api(value):
    return None if value == 'never' else value


class Policy(WorkspaceScopedResource):
    """What both kinds of policy share. Subclasses set the paths, the names and the options."""

    lookups = (('id', 'id', False),)
    natural_key = ('name',)
    # The list answers whole policy objects: a find by name costs one call.
    list_items_complete = True
    on_immutable_change = 'replace'
    replace_order = 'create_first'
    #: The module's return key (the engine's ``singular`` is the readable name used in messages).
    result_key = None
    #: Options a create cannot do without.
    required_to_create = ()
    #: What the API does to a deleted policy, in messages.
    removed_as = 'deleted'

    def __init__(self, module):
        super(Policy, self).__init__(module)
        # Per instance: comparing conditions needs this run's workspace look-ups.
        self.options = self.build_options()
        # The policy being replaced: its values fill in what the user left unset.
        self.replacing = None
        self.recovering = False

    def build_options(self):
        return (
            Option('name'),
            Option('type', immutable=True),
            Option('conditions', normalize=self.normalize_conditions, immutable=True),
            Option('group_by', normalize=normalize_entries, immutable=True),
        ) + self.kind_options()

    def kind_options(self):
        return ()

    # -- validation ----------------------------------------------------------------------

    def validate(self):
        super(Policy, self).validate()
        params = self.params
        if params.get('name') is not None and not params['name'].strip():
            raise ValueError('name must not be empty')
        if params.get('id') is not None and not UUID_RE.match(params['id']):
            raise ValueError('id must be the UUID of the %s, got %r (find a policy by name with name and workspace)'
                             % (self.singular, params['id']))
        for field, with_value in (('conditions', True), ('group_by', False)):
            entries = params.get(field)
            if entries is None:
                continue
            if not entries:
                raise ValueError('%s must not be empty: give at least one entry (the API requires one)' % field)
            for index, entry in enumerate(entries):
                if not ENTRY_KEY_RE.match(entry.get('key') or ''):
                    raise ValueError('%s[%d].key must be %s, got %r' % (field, index, ENTRY_KEYS_TEXT, entry.get('key')))
                if with_value and not (entry.get('value') or '').strip():
                    raise ValueError('%s[%d].value must not be empty' % (field, index))

    def check_create(self):
        """Before a create (also in check mode): the options the API requires must be set."""
        missing = [name for name in self.required_to_create
                   if self.params.get(name) is None and self.carried_over(self.option(name)) is None]
        if missing:
            where = ' in workspace %r' % self.params['workspace'] if self.params.get('workspace') else ''
            raise ResourceError('%s %s required to create a %s (no active one named %r was found%s)'
                                % (', '.join(missing), 'is' if len(missing) == 1 else 'are', self.singular,
                                   self.params.get('name'), where))

    # -- scope: workspace_id goes on the list and the create only -------------------------

    def scope_params(self):
        return {}

    def list_params(self):
        workspace = self.scoped_workspace()
        return {'workspace_id': workspace['id']} if workspace else {}

    def find(self):
        found = super(Policy, self).find()
        workspace = self.scoped_workspace() if found is not None else None
        if workspace and found.get('workspace_id') not in (workspace['id'], workspace.get('slug')):
            raise ResourceError('the %s %s belongs to workspace %s, not to %r (leave workspace out, or fix it)'
                                % (self.singular, found.get('id'), found.get('workspace_id'), self.params.get('workspace')))
        return found

    # -- comparing ---------------------------------------------------------------------

    def normalize_conditions(self, value):
        """Conditions as a set; a workspace_id condition naming this run's workspace by slug or by
        UUID is the same condition."""
        if value is None:
            return None
        entries = []
        for entry in value:
            entry = dict(entry)
            if entry.get('key') == 'workspace_id':
                known = self._workspaces.get(entry.get('value'))
                if known:
                    entry['value'] = known['id']
            entries.append(entry)
        return normalize_entries(entries)

    # -- writing -----------------------------------------------------------------------

    def do_create(self, diff_before=None):
        self.check_create()
        return super(Policy, self).do_create(diff_before)

    def carried_over(self, option):
        """During a replacement, the old policy's value of an option the user left unset."""
        if self.replacing is None or self.params.get(option.name) is not None:
            return None
        value = option.current(self.replacing)
        return None if value == '' else value

    def create_body(self):
        body = super(Policy, self).create_body()
        for option in self.options:
            value = self.carried_over(option)
            if value is not None:
                body[option.api] = value
        for key in [k for k, v in body.items() if v is None]:
            del body[key]
        workspace = self.scoped_workspace()
        if workspace:
            body['workspace_id'] = workspace['id']
        elif self.replacing is not None and self.replacing.get('workspace_id'):
            body['workspace_id'] = self.replacing['workspace_id']
        return body

    def do_replace(self, existing, immutable):
        self.replacing = existing
        return super(Policy, self).do_replace(existing, immutable)

    def create_with_recovery(self, body):
        """The engine's recovery of an ambiguous create, where only a policy that has every value
        asked for counts as the one just created (see matches)."""
        self.recovering = True
        try:
            return super(Policy, self).create_with_recovery(body)
        finally:
            self.recovering = False

    def matches(self, item):
        """The natural key; while a create is recovered, also every value asked for.

        A policy with the same name but other values is not the new one: during a replacement it
        is the old policy, about to be deleted.
        """
        if not super(Policy, self).matches(item):
            return False
        return not self.recovering or not self.changed_options(item)

    def replace_description(self):
        return 'the new one is created first, then the old one %s' % self.removed_as

    def explain(self, error):
        if error.method == 'POST' and error.status == 400 and not self.params.get('workspace') \
                and 'workspace' in (error.message or ''):
            error.hint = 'Set workspace (its id or slug): an organisation API key must name the workspace of the policy'

    def result(self, changed, obj, diff=None, **extra):
        result = super(Policy, self).result(changed, obj, diff=diff, **extra)
        result[self.result_key] = result.pop(self.singular)
        return result


def normalize_entries(value):
    """A list of condition / group_by entries compared as a set: order and duplicates do not
    matter; keys the user left unset (None) are ignored."""
    if value is None:
        return None
    seen = {}
    for entry in value:
        if isinstance(entry, dict):
            entry = dict((k, v) for k, v in entry.items() if v is not None)
        entry = canonical(entry)
        seen[json.dumps(entry, sort_keys=True)] = entry
    return [seen[key] for key in sorted(seen)]


class UsageLimitsPolicy(Policy):
    singular = 'usage limits policy'
    plural = 'usage limits policies'
    result_key = 'usage_limits_policy'
    removed_as = 'archived'
    list_path = '/policies/usage-limits'
    item_path = '/policies/usage-limits/{id}'
    required_to_create = ('type', 'credit_limit', 'conditions', 'group_by')

    def kind_options(self):
        return (
            Option('credit_limit', to_api=number_to_api),
            Option('alert_threshold', to_api=number_to_api),
            Option('periodic_reset', normalize=normalize_reset, to_api=reset_to_api),
        )

    def validate(self):
        super(UsageLimitsPolicy, self).validate()
        limit, threshold = self.params.get('credit_limit'), self.params.get('alert_threshold')
        for name, value in (('credit_limit', limit), ('alert_threshold', threshold)):
            if value is not None and value < 0:
                raise ValueError('%s must be 0 or more, got %r' % (name, value))
        if None not in (limit, threshold) and threshold > limit:
            raise ValueError('alert_threshold (%r) must not exceed credit_limit (%r)' % (threshold, limit))


class RateLimitsPolicy(Policy):
    singular = 'rate limits policy'
    plural = 'rate limits policies'
    result_key = 'rate_limits_policy'
    list_path = '/policies/rate-limits'
    item_path = '/policies/rate-limits/{id}'
    required_to_create = ('type', 'unit', 'value', 'conditions', 'group_by')

    def kind_options(self):
        return (
            Option('unit'),
            Option('value', to_api=number_to_api),
        )

    def validate(self):
        super(RateLimitsPolicy, self).validate()
        if self.params.get('value') is not None and self.params['value'] < 0:
            raise ValueError('value must be 0 or more, got %r' % (self.params['value'],))


# -- the info modules ------------------------------------------------------------------------

def run_policy_info(module, resource_class, filters=()):
    """List the policies (or read one) for an ``_info`` module; exit_json with the list.

    ``filters`` are the module options passed on as list filters (``type``, ``unit``).
    """
    resource = resource_class(module)
    params = module.params

    def read():
        if params.get('id'):
            if not UUID_RE.match(params['id']):
                raise ValueError('id must be the UUID of the %s, got %r' % (resource.singular, params['id']))
            query = {'status': params.get('status')}
            if params.get('include_usage'):
                query['include_usage'] = 'true'
            found = resource.client.get(resource.path_for(params['id']), params=query, missing_ok=True)
            policies = [found] if found else []
        else:
            query = dict(resource.list_params(), status=params.get('status'))
            if params.get('workspace') and 'workspace_id' not in query:
                policies = []  # the workspace does not exist: it holds no policy
            else:
                for name in filters:
                    query[name] = params.get(name)
                policies = list(resource.list_all(query))
                if params.get('name') is not None:
                    policies = [p for p in policies if p.get('name') == params['name']]
                if params.get('include_usage'):
                    policies = [resource.client.get(resource.path_for(p['id']),
                                                    params={'status': params.get('status'), 'include_usage': 'true'})
                                for p in policies]
        return policies

    run_info(module, resource.plural.replace(' ', '_'), read, action='read %s' % resource.plural, resource=resource)
