# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Workspace members: a user of the organisation with a role in one workspace.

Shared by the workspace_member and workspace_member_info modules. What differs from the engine's
defaults (API-NOTES sections 3 and 24):

* there is no membership id: a member is the user's UUID under the workspace's path;
* adding is a bulk ``POST {users: [{id, role}]}`` answering ``{}``;
* roles may come back with a ``ws-`` prefix (``ws-admin``), which is stripped before comparing;
* the single-member read is unreliable (seen without ``id``), so members are always found, and
  re-read after a write, through the workspace's member list.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.portkey.ai.plugins.module_utils._resource import Option, Resource, ResourceError
from ansible_collections.portkey.ai.plugins.module_utils._user import (
    INVITE_HINT,
    check_user_ref,
    find_user,
    is_email,
    same_email,
)

ROLE_PREFIX = 'ws-'
DEFAULT_ROLE = 'member'


def plain_role(role):
    """A workspace role without the ``ws-`` prefix the API sometimes adds."""
    if isinstance(role, str) and role.startswith(ROLE_PREFIX):
        return role[len(ROLE_PREFIX):]
    return role


def clean_member(item):
    """A member list item with its role made plain."""
    if not isinstance(item, dict):
        return item
    item = dict(item)
    if 'role' in item:
        item['role'] = plain_role(item['role'])
    return item


class WorkspaceMember(Resource):
    singular = 'member'
    natural_key = ('workspace', 'user')
    lookups = ()
    page_size = 100
    list_items_complete = True
    options = (
        Option('role', normalize=plain_role),
    )

    #: The user to add (resolved from the ``user`` option only when a member is to be created).
    target_user = None

    # -- the workspace the member belongs to -----------------------------------------------

    def scope(self):
        """The workspace, or None: in check mode when it does not exist yet, or when it is gone
        and the member is to be absent anyway."""
        return self.workspace(self.params['workspace'].strip(), required=self.params.get('state', 'present') == 'present')

    def members_path(self):
        return '/admin/workspaces/%s/users' % self.scope()['id']

    def path_for(self, ident):
        return '%s/%s' % (self.members_path(), ident)

    # -- finding ---------------------------------------------------------------------------

    def validate(self):
        if not (self.params.get('workspace') or '').strip():
            raise ValueError("workspace must not be empty: give the workspace's id or slug")
        check_user_ref(self.params.get('user'))
        if not (self.params.get('user') or '').strip():
            raise ValueError("user is required: give the user's id (UUID) or email")

    def list_all(self, params=None):
        if self.scope() is None:
            return
        for item in self.client.paginate(self.members_path(), params=params or {}, paging=self.paging,
                                         page_size=self.page_size):
            yield clean_member(item)

    def matches(self, item):
        ref = self.params['user'].strip()
        if is_email(ref):
            return same_email(item.get('email'), ref)
        return item.get('id') == ref

    def find(self):
        return self.find_by_natural_key()

    def find_by_natural_key(self):
        if self.scope() is None:
            return None
        ref = self.params['user'].strip()
        # The list filters by email server-side; the match is checked here as well.
        for item in self.list_all({'email': ref} if is_email(ref) else {}):
            if self.matches(item):
                return item
        return None

    def read(self, ident):
        """The member whose user id is ``ident``, through the list (the single read is unreliable)."""
        for item in self.list_all():
            if item.get('id') == ident:
                return item
        return None

    # -- writing ---------------------------------------------------------------------------

    def ensure_present(self, existing):
        if existing is None:
            # Resolve the user before predicting or making the add, so a wrong user fails clearly.
            ref = self.params['user'].strip()
            self.target_user = find_user(self.client, ref)
            if self.target_user is None:
                raise ResourceError('no user has %s %r in the organisation; %s'
                                    % ('email' if is_email(ref) else 'id', ref, INVITE_HINT))
        return super(WorkspaceMember, self).ensure_present(existing)

    def create_body(self):
        return {'users': [{'id': self.target_user['id'], 'role': self.params.get('role') or DEFAULT_ROLE}]}

    def create(self, body):
        self.client.post(self.members_path(), json_body=body)
        # The add answers {}: the member is the user, under their id.
        return {'id': self.target_user['id']}

    # -- diff and messages -----------------------------------------------------------------

    def diff_view(self, obj=None):
        view = {'workspace': self.params['workspace'], 'user': self.params['user']}
        if obj is not None:
            view['role'] = plain_role(obj.get('role'))
        else:
            view['role'] = self.params.get('role') or DEFAULT_ROLE
        return view

    def describe(self, obj):
        return '{id=%s, email=%s}' % (obj.get('id'), obj.get('email'))

    def explain(self, error):
        if error.method == 'POST' and error.status == 409:
            error.hint = 'The user was added to the workspace meanwhile; run the task again to converge the role'
