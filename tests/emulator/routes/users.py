# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Users of the organisation (API-NOTES section 5, quirks of section 24).

Users are seeded by ``Org.seed_data`` (there is no create: they come through invites or SCIM).
The quirks reproduced here:

- the list pages with camelCase ``pageSize`` / ``currentPage`` (snake_case paging is ignored);
- a PUT that sets the role the user already has is rejected with 400 AB01.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ..core import bad_request, merge, not_found, page, route


def user_view(org, user):
    """The user as the API shows it, with the slugs of the workspaces they belong to."""
    out = copy.deepcopy(user)
    workspaces = org.table('workspaces')
    out['workspace_ids'] = sorted(workspaces[ws_id]['slug'] for ws_id, user_id in org.table('workspace_members')
                                  if user_id == user['id'] and ws_id in workspaces)
    return out


def user_of(req):
    user = req.org.table('users').get(req.params['userId'])
    if user is None:
        raise not_found('User')
    return user


@route('GET', '/admin/users')
def list_users(req):
    items = sorted(req.org.table('users').values(), key=lambda u: (u['created_at'], u['email']))
    if req.query.get('role'):
        items = [u for u in items if u['role'] == req.query['role']]
    if req.query.get('email'):
        items = [u for u in items if u['email'].lower() == req.query['email'].lower()]
    return page(req, [user_view(req.org, u) for u in items], page_param='currentPage', size_param='pageSize',
                default_size=20, max_size=100)


@route('GET', '/admin/users/{userId}')
def get_user(req):
    return user_view(req.org, user_of(req))


@route('PUT', '/admin/users/{userId}')
def update_user(req):
    user = user_of(req)
    body = req.json()
    role = body.get('role')
    if role is not None:
        if user['role'] == 'owner':
            raise bad_request("the organisation owner's role cannot be changed")
        if role == user['role']:
            # The live API refuses to "change" a role to the one the user has (API-NOTES 5, 24).
            raise bad_request('Invalid request. Please check and try again.')
    merge(user, body, ('role',))
    return {}


@route('DELETE', '/admin/users/{userId}')
def delete_user(req):
    org = req.org
    user = user_of(req)
    if user['role'] == 'owner':
        raise bad_request('the organisation owner cannot be removed')
    for key in [k for k in org.table('workspace_members') if k[1] == user['id']]:
        del org.table('workspace_members')[key]
    del org.table('users')[user['id']]
    return {}
