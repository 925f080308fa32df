# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The guardrail resource: how the engine finds, compares and writes a Portkey guardrail.

Shared by the guardrail and guardrail_info modules.

A guardrail lives either in a workspace (``workspace_id``) or in the organisation
(``organisation_id``, no workspace); that scope is set on creation and cannot change.  The API
answers 403 for a guardrail that does not exist, so a 403 counts as "absent" only once the list
confirms it (a real permission error stays an error).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    ResourceError,
    WorkspaceScopedResource,
    canonical,
    drop_none,
    normalize_bool,
    normalize_json,
    parse_json,
)

UUID_PATTERN = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')


def normalize_check(check):
    """One check in canonical form: no null keys, is_enabled a boolean (true when unset), and
    empty parameters the same as none."""
    check = parse_json(check, what='checks[]')
    if not isinstance(check, dict):
        return canonical(check)
    out = drop_none(dict(check))
    enabled = normalize_bool(out.get('is_enabled'))
    out['is_enabled'] = True if enabled is None else enabled
    if 'parameters' in out:
        out['parameters'] = parse_json(out['parameters'], what='checks[].parameters')
        if out['parameters'] in (None, {}):
            del out['parameters']
    return canonical(out)


def normalize_checks(value):
    """The checks as a list of canonical checks; their order is kept (the API keeps it too)."""
    value = parse_json(value, what='checks')
    if value is None:
        return None
    if not isinstance(value, list):
        return canonical(value)
    return [normalize_check(check) for check in value]


def checks_to_api(value):
    """Checks as the API takes them: the keys the user left unset are not sent."""
    return [drop_none(dict(check)) for check in value or []]


class Guardrail(WorkspaceScopedResource):
    singular = 'guardrail'
    list_path = '/guardrails'
    item_path = '/guardrails/{id}'
    lookups = (('id', 'id', False), ('slug', 'slug', False))
    natural_key = ('name',)
    # A missing guardrail answers 403 AB03: confirmed through the list before it counts as gone.
    confirm_missing_statuses = (403,)
    # The list answers summaries without checks and actions: a find by name reads the match.
    list_items_complete = False
    page_size = 1000
    options = (
        Option('name'),
        Option('checks', normalize=normalize_checks, to_api=checks_to_api),
        Option('actions', normalize=normalize_json, to_api=normalize_json),
    )

    # -- parameters ----------------------------------------------------------------------

    def validate(self):
        params = self.params
        name = params.get('name')
        if name is not None and not name.strip():
            raise ValueError('name must not be empty')
        checks = params.get('checks')
        if checks is not None:
            if not checks:
                raise ValueError('checks must hold at least one check (the API needs one); '
                                 'to remove the guardrail, use state=absent')
            for index, check in enumerate(checks):
                if not (check.get('id') or '').strip():
                    raise ValueError('checks[%d].id must name the check type, such as default.wordCount' % index)
        organisation = params.get('organisation')
        if organisation is not None and not UUID_PATTERN.match(organisation):
            raise ValueError("organisation must be the organisation's UUID (Admin settings in the Portkey app), got %r" % organisation)
        if not (params.get('id') or params.get('slug')):
            if not name:
                raise ValueError('name is needed to find or create a guardrail (or give id or slug to manage an existing one)')
            if not (params.get('workspace') or organisation):
                raise ValueError('say where the guardrail named %r lives: give workspace (a workspace guardrail) or '
                                 'organisation (an organisation-wide one), or give its id or slug' % name)

    # -- scope ---------------------------------------------------------------------------

    def scope_params(self):
        """Calls on one guardrail take only its id or slug (and the 403 check lists them all)."""
        return {}

    def list_params(self):
        workspace = self.scoped_workspace()
        if workspace:
            return {'workspace_id': workspace['id']}
        return {'organisation_id': self.params['organisation']}

    def matches(self, item):
        if not super(Guardrail, self).matches(item):
            return False
        workspace = self.scoped_workspace()
        if workspace:
            return item.get('workspace_id') == workspace['id']
        return not item.get('workspace_id') and item.get('organisation_id') in (None, self.params['organisation'])

    def scope_of(self, obj):
        """How a guardrail's scope is named in messages and diffs."""
        if obj.get('workspace_id'):
            return 'workspace', obj['workspace_id']
        return 'organisation', obj.get('organisation_id')

    def desired_scope(self):
        if self.params.get('workspace'):
            workspace = self.scoped_workspace()
            return 'workspace', workspace['id'] if workspace else self.params['workspace']
        if self.params.get('organisation'):
            return 'organisation', self.params['organisation']
        return None

    def check_scope(self, existing):
        """The scope cannot change: fail (rather than replace) when the user asks for another one.

        Replacing would give the guardrail a new id and slug, and break the configs and workspace
        defaults that refer to it by slug.
        """
        desired = self.desired_scope()
        current = self.scope_of(existing)
        if desired is None or desired == current:
            return
        raise ResourceError(
            'the guardrail %s belongs to %s %s, not to %s %s: a guardrail cannot move between workspaces or '
            'between a workspace and the organisation. Delete it (state=absent) and create it again in the new '
            'scope, or leave workspace and organisation out to manage it where it is'
            % (existing.get('slug') or existing.get('id'), current[0], current[1], desired[0], desired[1]))

    # -- writes --------------------------------------------------------------------------

    def ensure_present(self, existing):
        if existing is not None:
            self.check_scope(existing)
        return super(Guardrail, self).ensure_present(existing)

    def do_create(self, diff_before=None):
        missing = [key for key in ('checks', 'actions') if self.params.get(key) is None]
        if missing:
            raise ResourceError('%s %s needed to create the guardrail %r (the API requires them)'
                                % (' and '.join(missing), 'are' if len(missing) > 1 else 'is', self.params.get('name')))
        return super(Guardrail, self).do_create(diff_before)

    def create_body(self):
        body = super(Guardrail, self).create_body()
        scope, value = self.desired_scope()
        body['workspace_id' if scope == 'workspace' else 'organisation_id'] = value
        return body

    def delete(self, existing):
        try:
            self.client.delete(self.path_for(self.ident_of(existing)), missing_ok=True)
        except PortkeyError as exc:
            # Gone since it was found (403 is the API's "not found" here), unless the list still has it.
            if exc.status != 403 or self.exists_in_list(self.ident_of(existing)):
                raise

    def diff_view(self, obj=None):
        view = super(Guardrail, self).diff_view(obj)
        scope = self.desired_scope() if obj is None else self.scope_of(obj)
        if scope and (self.params.get('workspace') or self.params.get('organisation')):
            view[scope[0]] = scope[1]
        return view
