# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Users of the organisation: how the engine finds a user (by UUID or email) and sets their role.

Shared by the user and user_info modules, and by workspace_member (which names users the same way).
The API cannot create users (they come through invites), pages its list with camelCase
parameters, and rejects a PUT that sets the role a user already has: the engine compares first,
so that PUT is never sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._resource import Option, Resource, ResourceError

USERS_PATH = '/admin/users'


def is_email(ref):
    return isinstance(ref, str) and '@' in ref


def same_email(left, right):
    return isinstance(left, str) and isinstance(right, str) and left.strip().lower() == right.strip().lower()


def find_user(client, ref):
    """The user with this UUID or email, or None. A 403 for an id is confirmed through the list."""
    if is_email(ref):
        for user in client.paginate(USERS_PATH, params={'email': ref.strip()}, paging='camel', page_size=100):
            if same_email(user.get('email'), ref):
                return user
        return None
    try:
        return client.get('%s/%s' % (USERS_PATH, ref))
    except PortkeyError as exc:
        if exc.status == 404:
            return None
        if exc.status == 403 and not any(u.get('id') == ref for u in client.paginate(USERS_PATH, paging='camel', page_size=100)):
            return None
        raise


def check_user_ref(ref, option='user'):
    """Fail before any request on a reference that is obviously neither a UUID nor an email."""
    if ref is None:
        return
    text = ref.strip() if isinstance(ref, str) else ref
    if not text:
        raise ValueError('%s must not be empty: give the user\'s id (UUID) or email' % option)
    if is_email(text) and (text.count('@') != 1 or text.startswith('@') or text.endswith('@')):
        raise ValueError('%s %r is not a valid email address' % (option, ref))
    if any(c.isspace() for c in text):
        raise ValueError('%s %r must be a user id (UUID) or an email address, without spaces' % (option, ref))


INVITE_HINT = ('users cannot be created through the Admin API: invite them with portkey.ai.user_invite '
               '(they join once they accept)')


class User(Resource):
    singular = 'user'
    list_path = USERS_PATH
    item_path = USERS_PATH + '/{id}'
    paging = 'camel'
    page_size = 100
    lookups = (('user', 'id', False),)
    natural_key = ()
    options = (
        Option('role'),
    )
    #: The user find() found (for the hint of a refused write).
    found = None

    def validate(self):
        check_user_ref(self.params.get('user'))

    def find(self):
        user = find_user(self.client, self.params['user'].strip())
        if user is None and self.params.get('state', 'present') == 'present':
            raise ResourceError('no user has %s %r in the organisation; %s'
                                % ('email' if is_email(self.params['user']) else 'id', self.params['user'], INVITE_HINT))
        self.found = user
        return user

    def read(self, ident):
        return find_user(self.client, ident)

    def explain(self, error):
        found = self.found
        if error.status == 400 and error.method in ('PUT', 'DELETE') and found and found.get('role') == 'owner':
            error.hint = "%s is the organisation's owner, whose role cannot be changed and who cannot be removed" % (
                found.get('email') or found.get('id'))

    def describe_for_diff(self, obj):
        return dict((k, obj.get(k)) for k in ('id', 'email', 'role') if obj.get(k) is not None)
