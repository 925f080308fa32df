# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""User invites (API-NOTES section 4, quirks of section 24).

- there is no update: a PUT on an invite answers 404 (no route is registered for it);
- the list pages with camelCase ``pageSize`` / ``currentPage`` and filters by email, role, status;
- create answers only ``{id, invite_link}``; resend answers ``{inviteLink}`` (camelCase);
- the create body names workspaces by slug (``{id, role}``; a UUID is taken too), the invite
  object shows them as ``[{workspace_id: <UUID>, role}]``;
- ``workspace_api_key_details.scopes`` is echoed on the invite.

Tests "accept" or "cancel" an invite by setting its ``status`` in the ``invites`` table (a person
accepts an invite in the app, not through the Admin API).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import datetime

from ..core import bad_request, conflict, not_found, now, page, route

INVITE_DAYS = 7


def expiry(days=INVITE_DAYS):
    stamp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return stamp.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (stamp.microsecond // 1000)


def invite_view(invite):
    """The invite as the API shows it: no link; a pending invite past its expiry is expired."""
    out = dict((k, copy.deepcopy(v)) for k, v in invite.items() if k != 'link')
    if out['status'] == 'pending' and out['expires_at'] < now():
        out['status'] = 'expired'
    if out.get('accepted_at') is None:
        # The spec's accepted_at is a non-nullable date-time: leave it out until it is accepted.
        out.pop('accepted_at', None)
    return out


def find_invite(org, invite_id):
    invite = org.table('invites').get(invite_id)
    if invite is None:
        raise not_found('Invite')
    return invite


def inviter(req):
    """invited_by is a user's UUID: the organisation's owner stands in for the admin API key."""
    for user in req.org.table('users').values():
        if user['role'] == 'owner':
            return user['id']
    return req.caller['id']


@route('POST', '/admin/users/invites')
def create_invite(req):
    body = req.json()
    org = req.org
    email = body.get('email')
    if not isinstance(email, str) or '@' not in email:
        raise bad_request('email must be an email address')
    workspaces = []
    for item in body.get('workspaces') or []:
        ws = org.find_workspace(item.get('id'))
        if ws is None:
            raise bad_request('workspace %s not found' % item.get('id'))
        workspaces.append({'workspace_id': ws['id'], 'role': item.get('role')})
    # Not documented [I]: the emulator refuses a second pending invite for the same address.
    for other in org.table('invites').values():
        if invite_view(other)['status'] == 'pending' and other['email'].lower() == email.lower():
            raise conflict('A pending invite already exists for %s' % email)
    stamp = now()
    invite = {
        'object': 'invite', 'id': org.new_id(), 'email': email, 'role': body.get('role'),
        'created_at': stamp, 'expires_at': expiry(), 'accepted_at': None, 'status': 'pending',
        'invited_by': inviter(req), 'workspaces': workspaces,
    }
    details = body.get('workspace_api_key_details')
    if isinstance(details, dict):
        invite['workspace_api_key_details'] = {'scopes': list(details.get('scopes') or [])}
    invite['link'] = 'https://app.portkey.ai/invite/%032x' % org.rng.getrandbits(128)
    org.table('invites')[invite['id']] = invite
    return {'id': invite['id'], 'invite_link': invite['link']}


@route('GET', '/admin/users/invites')
def list_invites(req):
    items = [invite_view(i) for i in req.org.table('invites').values()]
    email = req.query.get('email')
    if email:
        items = [i for i in items if i['email'].lower() == email.lower()]
    for key in ('role', 'status'):
        if req.query.get(key):
            items = [i for i in items if i[key] == req.query[key]]
    return page(req, items, page_param='currentPage', size_param='pageSize', default_size=20, max_size=100)


@route('GET', '/admin/users/invites/{inviteId}')
def get_invite(req):
    return invite_view(find_invite(req.org, req.params['inviteId']))


@route('DELETE', '/admin/users/invites/{inviteId}')
def delete_invite(req):
    find_invite(req.org, req.params['inviteId'])
    del req.org.table('invites')[req.params['inviteId']]
    return {}


@route('POST', '/admin/users/invites/{inviteId}/resend')
def resend_invite(req):
    invite = find_invite(req.org, req.params['inviteId'])
    if invite_view(invite)['status'] not in ('pending', 'expired'):
        # Not documented [I]: an accepted or cancelled invite cannot be sent again.
        raise bad_request('Only a pending invite can be resent')
    invite['status'] = 'pending'
    invite['expires_at'] = expiry()
    return {'inviteLink': invite['link']}
