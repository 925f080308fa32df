# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user invite resource: how the engine finds, compares and writes an invite to the organisation.

Shared by the user_invite and user_invite_info modules.

The Admin API cannot update an invite, so any change replaces it (delete, then create: a new
email goes out). Only a *pending* invite counts as the invite of an address; an accepted one means
the person joined (the module then leaves things alone); an expired or cancelled one is history,
and ``state=present`` sends a new invite.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    Resource,
    ResourceError,
    dotted_get,
)
from ansible_collections.portkey.ai.plugins.module_utils._user import find_user

EMAIL_PATTERN = re.compile(r'^[^@\s]+@[^@\s]+$')


def normalize_email(value):
    return value.strip().lower() if isinstance(value, str) else value


def normalize_scopes(value):
    """Scopes are a set; no scopes and an empty list are the same."""
    return sorted(set(str(v) for v in value or []))


def workspace_role(value):
    """The workspace role without the ``ws-`` prefix the API sometimes adds (API-NOTES 3)."""
    if isinstance(value, str) and value.startswith('ws-'):
        return value[3:]
    return value


def item_ref(item):
    """The workspace named by a desired item (``workspace``) or by an invite's (``workspace_id``)."""
    if not isinstance(item, dict):
        return item
    for key in ('workspace', 'workspace_id', 'id'):
        if item.get(key):
            return item[key]
    return None


class Invite(Resource):
    singular = 'invite'
    list_path = '/admin/users/invites'
    item_path = '/admin/users/invites/{id}'
    lookups = ()
    natural_key = ('email',)
    paging = 'camel'
    page_size = 100
    # There is no update endpoint: every change replaces the invite. Delete first, since the API
    # may keep one pending invite per address.
    on_immutable_change = 'replace'
    replace_order = 'delete_first'

    def __init__(self, module):
        super(Invite, self).__init__(module)
        self.options = (
            Option('email', normalize=normalize_email),
            Option('role', immutable=True),
            Option('workspaces', normalize=self.normalize_workspaces, immutable=True),
            Option('scopes', api='workspace_api_key_details.scopes', normalize=normalize_scopes, immutable=True),
        )
        self.pending = []
        self.accepted = None
        self.replacing = None
        self.invite_link = None
        self.resent = False

    # -- input ---------------------------------------------------------------------------

    def validate(self):
        email = self.params.get('email')
        if not isinstance(email, str) or not EMAIL_PATTERN.match(email.strip()):
            raise ValueError('email must be an email address such as someone@example.com, got %r' % (email,))
        seen = set()
        for item in self.params.get('workspaces') or []:
            ref = item_ref(item)
            if not ref or not ref.strip():
                raise ValueError('workspaces[].workspace must be a workspace id or slug')
            if ref in seen:
                raise ValueError('workspace %r is listed twice in workspaces; give each workspace once, with one role' % ref)
            seen.add(ref)
        for scope in self.params.get('scopes') or []:
            if not isinstance(scope, str) or not scope.strip() or ' ' in scope.strip():
                raise ValueError('scopes must be scope names such as logs.view, got %r' % (scope,))

    # -- workspaces: one workspace by UUID or by slug is the same workspace -----------------

    def workspace_key(self, ref):
        """How a workspace reference is compared and shown: its slug once it is known."""
        known = self._workspaces.get(ref)
        if not known:
            return ref
        return known.get('slug') or known.get('id')

    def normalize_workspaces(self, value):
        if value is None:
            return None
        items = [{'workspace': self.workspace_key(item_ref(item)), 'role': workspace_role(item.get('role'))}
                 for item in value if isinstance(item, dict)]
        return sorted(items, key=lambda i: (str(i['workspace']), str(i['role'])))

    def resolve_workspaces(self, invite=None, required=True):
        """Look up the desired workspaces, skipping those the invite already names literally."""
        known = set(item_ref(w) for w in (invite or {}).get('workspaces') or [])
        for item in self.params.get('workspaces') or []:
            ref = item_ref(item)
            if ref not in known:
                self.workspace(ref, required=required)

    # -- finding: the pending invite of the address ---------------------------------------

    def invites_of_address(self):
        """Every invite sent to the address, whatever its status (one filtered list call)."""
        email = normalize_email(self.params['email'])
        return [i for i in self.list_all({'email': self.params['email'].strip()}) if normalize_email(i.get('email')) == email]

    def find_by_natural_key(self):
        """The newest pending invite of the address (used after a create that got no answer)."""
        pending = [i for i in self.invites_of_address() if i.get('status') == 'pending']
        return self.read(pending[-1]['id']) if pending else None

    def find(self):
        invites = self.invites_of_address()
        self.pending = [i for i in invites if i.get('status') == 'pending']
        accepted = sorted((i for i in invites if i.get('status') == 'accepted'), key=lambda i: i.get('created_at') or '')
        self.accepted = accepted[-1] if accepted else None
        if not self.pending:
            return None
        if len(self.pending) > 1 and self.params.get('state') != 'absent':
            raise ResourceError('%d pending invites exist for %s (%s); run the task with state=absent to delete them, '
                                'then with state=present' % (len(self.pending), self.params['email'],
                                                             ', '.join(i.get('id') for i in self.pending)))
        found = self.pending[0]
        # The list items are whole invites; an API that leaves out the workspaces is read in full.
        if 'workspaces' in found:
            return found
        return self.read(found['id'])

    # -- writing --------------------------------------------------------------------------

    def create_body(self):
        base = self.replacing or {}
        role = self.params.get('role') or base.get('role')
        if self.params.get('workspaces') is not None:
            items = [(item_ref(i), i.get('role')) for i in self.params['workspaces']]
        else:
            items = [(item_ref(w), workspace_role(w.get('role'))) for w in base.get('workspaces') or []
                     if self._workspaces.get(item_ref(w)) is not None]
        body = {
            'email': self.params['email'].strip(),
            'role': role,
            'workspaces': [{'id': self.workspace_key(ref), 'role': ws_role} for ref, ws_role in items],
        }
        scopes = self.params.get('scopes')
        if scopes is None:
            scopes = dotted_get(base, 'workspace_api_key_details.scopes')
        if scopes is not None:
            body['workspace_api_key_details'] = {'scopes': list(scopes)}
        return body

    def create(self, body):
        response = self.client.post(self.list_path, json_body=body)
        if isinstance(response, dict):
            self.invite_link = response.get('invite_link') or response.get('inviteLink')
        return response

    def update(self, existing, body):
        raise ResourceError('the Admin API cannot update an invite (this is a bug in the collection)')

    def do_replace(self, existing, immutable):
        self.replacing = existing
        if not self.check_mode:
            # Everything the new invite needs is checked before the old one is deleted.
            self.resolve_workspaces(None)
            if self.params.get('workspaces') is None:
                for item in existing.get('workspaces') or []:
                    if self.workspace(item_ref(item), required=False) is None:
                        self.warnings.append('workspace %r of the old invite no longer exists; the new invite leaves it out'
                                             % item_ref(item))
        return super(Invite, self).do_replace(existing, immutable)

    def ensure_present(self, existing):
        if existing is None and self.accepted is not None:
            return self.already_accepted()
        if existing is None and not self.params.get('role'):
            raise ResourceError('role is required to invite %s: give role (admin or member)' % self.params['email'])
        if existing is None:
            self.warn_if_member()
        self.resolve_workspaces(existing)
        if existing is not None and self.changed_options(existing):
            self.resolve_workspaces(None)
        result = super(Invite, self).ensure_present(existing)
        if existing is not None and not result.get('replaced') and self.params.get('resend'):
            result = self.resend(existing)
        return result

    def warn_if_member(self):
        """Inviting someone who already belongs to the organisation is most likely a mistake."""
        try:
            user = find_user(self.client, self.params['email'])
        except PortkeyError:
            return  # best effort: the invite itself is what the task asks for
        if user:
            self.warnings.append('%s is already a member of the organisation (role %s); manage them with '
                                 'portkey.ai.user and portkey.ai.workspace_member rather than an invite'
                                 % (self.params['email'], user.get('role')))

    def already_accepted(self):
        """The person accepted an invite: the invite did its job and is left alone."""
        accepted = self.accepted
        self.resolve_workspaces(accepted, required=False)
        differing = [o.name for o in self.changed_options(accepted)]
        if differing:
            self.warnings.append('%s accepted an invite already, so %s of the invite no longer apply: change the '
                                 "user's role and workspace memberships instead" % (self.params['email'], ', '.join(differing)))
        if self.params.get('resend'):
            self.warnings.append('the invite of %s was accepted; there is nothing to resend' % self.params['email'])
        return self.result(False, accepted)

    def resend(self, existing):
        """Send the pending invite's email again (changed: it sends an email)."""
        self.resent = True
        if self.check_mode:
            return self.result(True, existing)
        response = self.client.post(self.path_for(existing['id']) + '/resend')
        if isinstance(response, dict):
            self.invite_link = response.get('inviteLink') or response.get('invite_link')
        return self.result(True, self.reread(existing))

    def ensure_absent(self, existing):
        """Absent means "no pending invite for the address": every one of them goes."""
        if not self.pending:
            return self.result(False, None)
        diff = dict(before=self.whole_view(self.pending[0]), after={})
        if len(self.pending) > 1:
            diff['before'] = dict(email=self.params['email'], pending_invites=[i.get('id') for i in self.pending])
        if not self.check_mode:
            for invite in self.pending:
                self.delete(invite)
        return self.result(True, None, diff=diff)

    def whole_view(self, invite):
        """Every managed field of an invite, for the diff of a delete."""
        return dict((o.name, o.normalize(o.current(invite))) for o in self.options)

    def result(self, changed, obj, diff=None, **extra):
        result = super(Invite, self).result(changed, obj, diff=diff, **extra)
        result['resent'] = self.resent
        if self.invite_link:
            result['invite_link'] = self.invite_link
        return result
