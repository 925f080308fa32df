# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Workspaces (API-NOTES section 2, quirks of section 24)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ..core import bad_request, conflict, forbidden, merge, now, page, route

# Tables whose objects belong to a workspace and block its deletion without force_delete.
DEPENDANT_TABLES = (('providers', 'Virtual Keys'), ('configs', 'Configs'), ('api_keys', 'API Keys'))


def missing_workspace():
    # The live API answers 403 AB03 for a workspace that does not exist (API-NOTES 24).
    return forbidden()


def workspace_view(org, ws, with_users=False):
    """The workspace as the API shows it: the icon in front of the name, periodic_reset ""."""
    out = copy.deepcopy(ws)
    if ws.get('icon'):
        out['name'] = '%s %s' % (ws['icon'], ws['name'])
    for limit in out.get('usage_limits') or []:
        if limit.get('periodic_reset') is None:
            limit['periodic_reset'] = ''
    if with_users:
        out['users'] = members_of(org, ws)
    return out


def members_of(org, ws):
    users = org.table('users')
    members = []
    for (ws_id, user_id), member in sorted(org.table('workspace_members').items()):
        if ws_id != ws['id'] or user_id not in users:
            continue
        user = users[user_id]
        members.append({
            'object': 'workspace-user', 'id': user_id, 'first_name': user['first_name'],
            'last_name': user['last_name'], 'org_role': user['role'], 'role': member['role'],
            'created_at': member['created_at'], 'last_updated_at': member['last_updated_at'],
            'status': 'active', 'workspace_id': ws['id'], 'email': user['email'], 'scopes': [], 'settings': None,
        })
    return members


def check_limits(body):
    usage = body.get('usage_limits')
    if usage is not None and len(usage) > 1:
        raise bad_request('usage_limits: at most one usage limit is allowed')
    for limit in usage or []:
        if None not in (limit.get('alert_threshold'), limit.get('credit_limit')) and \
                limit['alert_threshold'] > limit['credit_limit']:
            raise bad_request('usage_limits: alert_threshold must not exceed credit_limit')


@route('POST', '/admin/workspaces')
def create_workspace(req):
    body = req.json()
    name = body.get('name')
    if not isinstance(name, str) or not name.strip():
        raise bad_request('name is required')
    check_limits(body)
    org = req.org
    stamp = now()
    ws = {
        'id': org.new_id(),
        'slug': org.slug('ws-', name),
        'name': name,
        'description': body.get('description'),
        'icon': body.get('icon'),
        'created_at': stamp,
        'last_updated_at': stamp,
        'defaults': {'metadata': copy.deepcopy((body.get('defaults') or {}).get('metadata') or {}),
                     'is_default': 0, 'input_guardrails': [], 'output_guardrails': [], 'user_api_key_config': None},
        'usage_limits': copy.deepcopy(body.get('usage_limits') or []),
        'rate_limits': copy.deepcopy(body.get('rate_limits') or []),
        'status': 'active',
        'object': 'workspace',
    }
    org.table('workspaces')[ws['id']] = ws
    return workspace_view(org, ws)


@route('GET', '/admin/workspaces')
def list_workspaces(req):
    items = list(req.org.table('workspaces').values())
    if 'exact_name' in req.query:
        items = [w for w in items if w['name'] == req.query['exact_name']]
    if req.query.get('name'):
        items = [w for w in items if req.query['name'] in w['name']]
    statuses = (req.query.get('status') or 'active').split(',')
    items = [w for w in items if w['status'] in statuses]
    return page(req, [workspace_view(req.org, w) for w in items], default_size=50, max_size=100)


@route('GET', '/admin/workspaces/{workspaceId}')
def get_workspace(req):
    ws = req.org.require_workspace(req.params['workspaceId'], missing_workspace())
    return workspace_view(req.org, ws, with_users=True)


@route('PUT', '/admin/workspaces/{workspaceId}')
def update_workspace(req):
    ws = req.org.require_workspace(req.params['workspaceId'], missing_workspace())
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    check_limits(body)
    merge(ws, body, ('name', 'description', 'icon'))
    for key in ('usage_limits', 'rate_limits'):
        # null clears a limit; [] or leaving the field out keeps it (API-NOTES 24).
        if key in body:
            if body[key] is None:
                ws[key] = []
            elif body[key]:
                ws[key] = copy.deepcopy(body[key])
    defaults = body.get('defaults')
    if isinstance(defaults, dict):
        for key, value in defaults.items():
            ws['defaults'][key] = copy.deepcopy(value)
    return {}


@route('DELETE', '/admin/workspaces/{workspaceId}')
def delete_workspace(req):
    org = req.org
    ws = org.require_workspace(req.params['workspaceId'], missing_workspace())
    body = req.body if isinstance(req.body, dict) else {}
    if body.get('name') != ws['name']:
        raise bad_request('Invalid value: name must be the name of the workspace')
    dependants = [(table, label, key) for table, label in DEPENDANT_TABLES
                  for key, obj in org.table(table).items() if obj.get('workspace_id') in (ws['id'], ws['slug'])]
    if dependants and not body.get('force_delete'):
        labels = sorted(set(label for _t, label, _k in dependants))
        raise conflict('Unable to delete. Please ensure that all %s are deleted' % ', '.join(labels))
    for table, _label, key in dependants:
        org.table(table).pop(key, None)
    for member_key in [k for k in org.table('workspace_members') if k[0] == ws['id']]:
        del org.table('workspace_members')[member_key]
    del org.table('workspaces')[ws['id']]
    return {}
