# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Portkey API keys (API-NOTES section 17, quirks of section 24).

Keys live in ``org.table('api_keys')`` with ``workspace_id`` holding the workspace's UUID (so a
workspace's delete sees them), and their secret in ``org.api_keys_by_secret``: a key created here
authenticates against the emulator like the admin key does. The behaviour reproduced:

- create is ``POST /api-keys/{type}/{sub-type}`` and answers ``{id, key, object}``, the only time
  the full secret is shown; ``organisation/user`` is refused (the API knows no such type) [I];
- a create with an empty ``scopes`` array answers 502 (a missing one fails the spec's validation);
- GET masks the key (``Xk*******S4``), combines the type (``workspace-service``), answers
  ``allow_config_override`` at the top level as null (never set) or 0/1, ``defaults.metadata``
  ``{}`` and ``alert_emails`` / ``rate_limits`` ``[]`` when never set, and numbers as floats;
- ``workspace_id`` is echoed as the workspace's slug, as in the spec's examples [I];
- PUT answers ``{}``; ``null`` clears ``rate_limits`` while ``[]`` leaves them (as for workspaces) [I];
  ``defaults`` are merged key by key; ``defaults.config_id: ""`` unpins the config [I];
- rotate answers ``{id, key, key_transition_expires_at}``; the old secret keeps working until then;
- a key created here is held to its scopes on these routes (rotate without
  ``<type>_api_keys.rotate`` or ``.update`` answers 403 AB03); the admin key may do everything.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import datetime
import string

from ..core import ApiError, bad_request, forbidden, not_found, now, page, route

SECRET_ALPHABET = string.ascii_letters + string.digits
DEFAULT_TRANSITION_MS = 1800000  # [I] the spec names only the minimum
FIELDS = ('name', 'description', 'scopes', 'alert_emails', 'expires_at', 'usage_limits')


def new_secret(org):
    return ''.join(org.rng.choice(SECRET_ALPHABET) for dummy in range(32))


def masked(secret):
    return '%s*******%s' % (secret[:2], secret[-2:])


def iso(stamp):
    """A date-time as the API writes it (UTC, milliseconds, Z); 400 when it is not one."""
    if stamp is None:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(str(stamp).replace('Z', '+00:00'))
    except ValueError:
        raise bad_request('expires_at must be an ISO 8601 date-time')
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    parsed = parsed.astimezone(datetime.timezone.utc)
    return parsed.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (parsed.microsecond // 1000)


def floats(value):
    """Numbers as the live API writes them: 10.0 (API-NOTES 24)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dict):
        return dict((k, floats(v)) for k, v in value.items())
    if isinstance(value, list):
        return [floats(v) for v in value]
    return value


def key_view(org, rec):
    out = dict((k, copy.deepcopy(v)) for k, v in rec.items() if not k.startswith('_'))
    out['key'] = masked(rec['_secret'])
    ws = org.table('workspaces').get(rec['workspace_id']) if rec['workspace_id'] else None
    out['workspace_id'] = ws['slug'] if ws else rec['workspace_id']
    out['usage_limits'] = floats(rec['usage_limits'])
    out['rate_limits'] = floats(rec['rate_limits'] or [])
    out['alert_emails'] = list(rec['alert_emails'] or [])
    defaults = {'metadata': copy.deepcopy(rec['_defaults'].get('metadata') or {})}
    if rec['_defaults'].get('config_id'):
        defaults['config_id'] = rec['_defaults']['config_id']
    out['defaults'] = defaults
    aco = rec['_defaults'].get('allow_config_override')
    out['allow_config_override'] = None if aco is None else (1 if aco else 0)
    return out


def purge_transitions(org):
    """Forget the old secrets of rotated keys whose transition is over, and the secrets of keys
    deleted with their workspace (the workspace routes only empty the table)."""
    stamp = now()
    table = org.table('api_keys')
    for secret, rec in list(org.api_keys_by_secret.items()):
        if rec.get('object') == 'api-key' and rec['id'] not in table:
            del org.api_keys_by_secret[secret]
    for rec in org.table('api_keys').values():
        for secret, until in list(rec['_previous']):
            if until <= stamp:
                rec['_previous'].remove((secret, until))
                org.api_keys_by_secret.pop(secret, None)


def allowed(req, key_type, *actions):
    """A key created through the API may only do what its scopes allow; the admin key does all."""
    scopes = req.caller.get('scopes')
    if scopes is None:
        return True
    kind = key_type.replace('-', '_')
    return any('%s_api_keys.%s' % (kind, action) in scopes for action in actions)


def require_scope(req, key_type, *actions):
    if not allowed(req, key_type, *actions):
        raise forbidden()


def visible_to(req, rec):
    """A workspace key sees the keys of its own workspace only."""
    own = req.caller.get('workspace_id')
    return not own or rec['workspace_id'] == own


def key_of(req):
    purge_transitions(req.org)
    rec = req.org.table('api_keys').get(req.params['id'])
    if rec is None or not visible_to(req, rec):
        raise not_found('API Key')
    return rec


def check_body(body):
    usage = body.get('usage_limits')
    if isinstance(usage, dict) and None not in (usage.get('alert_threshold'), usage.get('credit_limit')) \
            and usage['alert_threshold'] > usage['credit_limit']:
        raise bad_request('usage_limits: alert_threshold must not exceed credit_limit')


def apply_defaults(rec, defaults):
    if not isinstance(defaults, dict):
        return
    for key in ('metadata', 'config_id', 'allow_config_override'):
        if key in defaults:
            value = copy.deepcopy(defaults[key])
            rec['_defaults'][key] = None if value == '' else value


# Rotate is registered before create: /api-keys/{id}/rotate also fits /api-keys/{type}/{sub_type}.
@route('POST', '/api-keys/{id}/rotate')
def rotate_key(req):
    org = req.org
    rec = key_of(req)
    require_scope(req, rec['type'], 'rotate', 'update')
    body = req.body if isinstance(req.body, dict) else {}
    period = body.get('key_transition_period_ms') or DEFAULT_TRANSITION_MS
    until = iso(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(milliseconds=period))
    rec['_previous'].append((rec['_secret'], until))
    rec['_secret'] = new_secret(org)
    rec['last_updated_at'] = now()
    org.api_keys_by_secret[rec['_secret']] = rec
    return {'id': rec['id'], 'key': rec['_secret'], 'key_transition_expires_at': until}


# The spec's template is /api-keys/{type}/{sub-type}; the router's placeholders are words only.
@route('POST', '/api-keys/{type}/{sub_type}', spec_template='/api-keys/{type}/{sub-type}')
def create_key(req):
    org = req.org
    body = req.json()
    kind, sub = req.params['type'], req.params['sub_type']
    if (kind, sub) == ('organisation', 'user'):
        raise bad_request('Invalid request. organisation user API keys are not supported')
    key_type = '%s-%s' % (kind, sub)
    require_scope(req, key_type, 'create')
    if not isinstance(body.get('name'), str) or not body['name'].strip():
        raise bad_request('name is required')
    if not body.get('scopes'):
        # The live API fails with a bare 502 here (API-NOTES 24).
        raise ApiError(502, 'AB04', 'Bad Gateway')
    check_body(body)
    ws = None
    if kind == 'workspace':
        ref = req.caller.get('workspace_id') or body.get('workspace_id')
        if not ref:
            raise bad_request('workspace_id is required for workspace API keys')
        ws = org.require_workspace(ref)
    user_id = None
    if sub == 'user':
        if not body.get('user_id'):
            raise bad_request('user_id is required for user API keys')
        if body['user_id'] not in org.table('users'):
            raise not_found('User')
        user_id = body['user_id']
    stamp = now()
    rec = {
        'id': org.new_id(), 'name': body['name'], 'description': body.get('description'), 'type': key_type,
        'organisation_id': org.ORG_ID, 'workspace_id': ws['id'] if ws else None, 'user_id': user_id,
        'status': 'active', 'created_at': stamp, 'last_updated_at': stamp, 'creation_mode': 'api',
        'rate_limits': copy.deepcopy(body.get('rate_limits') or []),
        'usage_limits': copy.deepcopy(body.get('usage_limits')), 'reset_usage': 0,
        'scopes': list(body['scopes']), 'alert_emails': list(body.get('alert_emails') or []),
        'expires_at': iso(body.get('expires_at')), 'object': 'api-key',
        '_defaults': {}, '_secret': new_secret(org), '_previous': [],
    }
    apply_defaults(rec, body.get('defaults'))
    org.table('api_keys')[rec['id']] = rec
    org.api_keys_by_secret[rec['_secret']] = rec
    return {'id': rec['id'], 'key': rec['_secret'], 'object': 'api-key'}


@route('GET', '/api-keys')
def list_keys(req):
    org = req.org
    purge_transitions(org)
    items = [r for r in org.table('api_keys').values() if visible_to(req, r)]
    if req.query.get('workspace_id'):
        ws = org.find_workspace(req.query['workspace_id'])
        items = [r for r in items if ws is not None and r['workspace_id'] == ws['id']]
    items = [r for r in items if allowed(req, r['type'], 'list')]
    return page(req, [key_view(org, r) for r in items], default_size=50, max_size=100)


@route('GET', '/api-keys/{id}')
def get_key(req):
    rec = key_of(req)
    require_scope(req, rec['type'], 'read')
    return key_view(req.org, rec)


@route('PUT', '/api-keys/{id}')
def update_key(req):
    rec = key_of(req)
    require_scope(req, rec['type'], 'update')
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    if 'scopes' in body and not body['scopes']:
        raise bad_request('scopes must not be empty')
    check_body(body)
    for field in FIELDS:
        if field in body:
            rec[field] = iso(body[field]) if field == 'expires_at' else copy.deepcopy(body[field])
    if 'rate_limits' in body:
        if body['rate_limits'] is None:
            rec['rate_limits'] = []
        elif body['rate_limits']:
            rec['rate_limits'] = copy.deepcopy(body['rate_limits'])
    apply_defaults(rec, body.get('defaults'))
    if body.get('reset_usage'):
        rec['status'] = 'active'
    rec['last_updated_at'] = now()
    return {}


@route('DELETE', '/api-keys/{id}')
def delete_key(req):
    org = req.org
    rec = key_of(req)
    require_scope(req, rec['type'], 'delete')
    del org.table('api_keys')[rec['id']]
    org.api_keys_by_secret.pop(rec['_secret'], None)
    for secret, dummy in rec['_previous']:
        org.api_keys_by_secret.pop(secret, None)
    return {}
