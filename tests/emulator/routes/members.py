# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Workspace members (API-NOTES section 3, quirks of section 24).

Members live in ``org.table('workspace_members')``, keyed by (workspace UUID, user UUID), holding
``{role, created_at, last_updated_at}`` with the plain role (``GET /admin/workspaces/{id}`` lists
them through ``workspaces.members_of``). The quirks reproduced here:

- adding is a bulk ``POST {users: [{id, role}]}`` that answers ``{}``;
- the list and the single read echo the role with a ``ws-`` prefix (``ws-admin``);
- the single read has no ``id`` (so clients find members through the list).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ..core import bad_request, conflict, merge, not_found, now, page, route
from .workspaces import members_of, missing_workspace

ROLES = ('admin', 'manager', 'member')


def echoed(member):
    """A member as the list and the single read show it: the role with the ``ws-`` prefix."""
    member = dict(member)
    member['role'] = 'ws-' + member['role']
    return member


def workspace_of(req):
    return req.org.require_workspace(req.params['workspaceId'], missing_workspace())


def membership(req, ws):
    """(key, stored member) of the user in the path; 404 AB08 when the user is not a member."""
    user = req.org.table('users').get(req.params['userId'])
    key = (ws['id'], user['id']) if user else None
    if key is None or key not in req.org.table('workspace_members'):
        raise not_found('Workspace member')
    return key, req.org.table('workspace_members')[key]


@route('POST', '/admin/workspaces/{workspaceId}/users')
def add_members(req):
    ws = workspace_of(req)
    body = req.json()
    users = body.get('users')
    if not isinstance(users, list) or not users:
        raise bad_request('users must be a non-empty list of {id, role}')
    org = req.org
    members = org.table('workspace_members')
    seen = set()
    for entry in users:
        if not isinstance(entry, dict) or not entry.get('id'):
            raise bad_request('users[].id is required')
        if entry.get('role') not in ROLES:
            raise bad_request('users[].role must be one of %s' % ', '.join(ROLES))
        if entry['id'] not in org.table('users'):
            raise bad_request('user %s is not a member of the organisation' % entry['id'])
        if (ws['id'], entry['id']) in members or entry['id'] in seen:
            raise conflict('user %s is already a member of the workspace' % entry['id'])
        seen.add(entry['id'])
    stamp = now()
    for entry in users:
        members[(ws['id'], entry['id'])] = {'role': entry['role'], 'created_at': stamp, 'last_updated_at': stamp}
    return {}


@route('GET', '/admin/workspaces/{workspaceId}/users')
def list_members(req):
    ws = workspace_of(req)
    items = members_of(req.org, ws)
    if req.query.get('role'):
        items = [m for m in items if m['role'] == req.query['role']]
    if req.query.get('email'):
        items = [m for m in items if m['email'].lower() == req.query['email'].lower()]
    # The spec's defaults are swapped (current_page 50, page_size 0); the server's are sane.
    return page(req, [echoed(m) for m in items], default_size=50, max_size=100)


@route('GET', '/admin/workspaces/{workspaceId}/users/{userId}')
def get_member(req):
    ws = workspace_of(req)
    membership(req, ws)
    member = echoed(next(m for m in members_of(req.org, ws) if m['id'] == req.params['userId']))
    del member['id']  # the live single read has been seen without it (API-NOTES 24)
    return member


@route('PUT', '/admin/workspaces/{workspaceId}/users/{userId}')
def update_member(req):
    ws = workspace_of(req)
    dummy, member = membership(req, ws)
    body = req.json()
    if body.get('role') not in ROLES:
        raise bad_request('role must be one of %s' % ', '.join(ROLES))
    merge(member, body, ('role',))
    return {}


@route('DELETE', '/admin/workspaces/{workspaceId}/users/{userId}')
def remove_member(req):
    ws = workspace_of(req)
    key, dummy = membership(req, ws)
    del req.org.table('workspace_members')[key]
    return {}
