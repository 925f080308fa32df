# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Integrations and their workspace access (API-NOTES sections 7 and 7.2, quirks of section 24).

- The key is write-only: GET answers ``masked_key``; sensitive configuration fields come back
  renamed ``masked_<field>`` with a masked value, the others unchanged.
- ``GET /integrations/{slug}/workspaces`` names workspaces by **slug** in ``id``, whatever form
  access was granted with; writes go through the bulk ``PUT``.
- ``create_default_provider`` defaults to true, on a workspace-scoped create and on each newly
  enabled workspace of the bulk PUT: a provider appears in the workspace.
- Deleting an integration removes the providers built on it (an inference: the live API's
  behaviour is not documented).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ..core import ApiError, bad_request, conflict, merge, not_found, now, page, route

# Configuration fields the API treats as secrets: answered as masked_<field>.
SENSITIVE_FIELD = re.compile(r'(secret|password|token|service_account_json|private_key|^key$|api_key)', re.I)


def mask_value(value):
    """``sk-abcdef123`` -> ``sk*******23``: the shape of the live API's masked values."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= 4:
        return '*' * 7
    return text[:2] + '*' * 7 + text[-2:]


def masked_configurations(configurations):
    out = {}
    for key, value in (configurations or {}).items():
        if SENSITIVE_FIELD.search(key):
            out['masked_' + key] = mask_value(value if isinstance(value, str) else repr(value))
        else:
            out[key] = copy.deepcopy(value)
    return out


def find_integration(org, ref):
    for integ in org.table('integrations').values():
        if ref in (integ['slug'], integ['id']):
            return integ
    raise not_found('Integration')


def list_view(integ):
    # Unset fields are left out: the spec's description and settings are not nullable.
    return dict((k, copy.deepcopy(v)) for k, v in integ.items()
                if not k.startswith('_') and not (k == 'description' and v is None))


def detail_view(org, integ):
    out = list_view(integ)
    if integ.get('_key'):
        out['masked_key'] = mask_value(integ['_key'])
    out['configurations'] = masked_configurations(integ.get('_configurations'))
    if integ.get('_global') is not None:
        out['global_workspace_access_settings'] = copy.deepcopy(integ['_global'])
    out['allow_all_models'] = True
    out['workspace_count'] = sum(1 for a in integ['_access'].values() if a['enabled'])
    out['secret_mappings'] = copy.deepcopy(integ.get('_secret_mappings') or [])
    return out


def enabled_for(integ, ws):
    """Whether providers of this integration may be created in the workspace."""
    if integ.get('workspace_id'):
        return integ['workspace_id'] == ws['id']
    access = integ['_access'].get(ws['id'])
    return bool(access and access['enabled'])


def create_default_provider(org, integ, ws, slug, caller):
    """The provider the API creates when create_default_provider is left at its default (true)."""
    providers = org.table('providers')
    slug = slug or org.slug('', integ['name'])
    if any(p['slug'] == slug and p['workspace_id'] == ws['id'] for p in providers.values()):
        raise bad_request('default_provider_slug: a provider with slug %s already exists in the workspace' % slug)
    stamp = now()
    pid = org.new_id()
    providers[pid] = {
        'id': pid, 'name': integ['name'], 'slug': slug, 'integration_id': integ['slug'], 'note': None,
        'status': 'active', 'usage_limits': None, 'rate_limits': None, 'reset_usage': None, 'expires_at': None,
        'workspace_id': ws['id'], 'ai_provider_name': integ['ai_provider_id'], 'created_at': stamp,
        'last_updated_at': stamp, 'created_by': caller['id'], 'object': 'provider',
    }


@route('POST', '/integrations')
def create_integration(req):
    body = req.json()
    org = req.org
    for field in ('name', 'ai_provider_id'):
        if not isinstance(body.get(field), str) or not body[field].strip():
            raise bad_request('%s is required' % field)
    integrations = org.table('integrations')
    slug = body.get('slug') or org.slug('', body['name'])
    if any(i['slug'] == slug for i in integrations.values()):
        raise conflict('An integration with slug %s already exists' % slug)
    ws = None
    if body.get('workspace_id'):
        ws = org.require_workspace(body['workspace_id'], bad_request('workspace_id: no such workspace'))
    stamp = now()
    integ = {
        'id': org.new_id(), 'organisation_id': org.ORG_ID, 'ai_provider_id': body['ai_provider_id'],
        'name': body['name'], 'slug': slug, 'description': body.get('description'), 'status': 'active',
        'type': 'workspace' if ws else 'organisation', 'workspace_id': ws['id'] if ws else None,
        'created_at': stamp, 'last_updated_at': stamp, 'object': 'integration',
        '_key': body.get('key'), '_configurations': copy.deepcopy(body.get('configurations') or {}),
        '_secret_mappings': copy.deepcopy(body.get('secret_mappings') or []),
        '_access': {}, '_global': None,
    }
    if ws is not None:
        integ['_access'][ws['id']] = {'enabled': True, 'usage_limits': None, 'rate_limits': None}
        if body.get('create_default_provider', True):
            create_default_provider(org, integ, ws, body.get('default_provider_slug'), req.caller)
    integrations[integ['id']] = integ
    return {'id': integ['id'], 'slug': slug}


@route('GET', '/integrations')
def list_integrations(req):
    org = req.org
    items = list(org.table('integrations').values())
    kind = req.query.get('type') or 'all'
    if kind != 'all':
        items = [i for i in items if i['type'] == kind]
    if req.query.get('workspace_id'):
        ws = org.find_workspace(req.query['workspace_id'])
        items = [i for i in items if ws is not None and enabled_for(i, ws)]
    return page(req, [list_view(i) for i in items], default_size=100, max_size=1000)


@route('GET', '/integrations/{slug}')
def get_integration(req):
    return detail_view(req.org, find_integration(req.org, req.params['slug']))


@route('PUT', '/integrations/{slug}')
def update_integration(req):
    integ = find_integration(req.org, req.params['slug'])
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    merge(integ, body, ('name', 'description'))
    if 'key' in body:
        integ['_key'] = body['key']
    if 'configurations' in body:
        # The configurations are replaced as a whole [I].
        integ['_configurations'] = copy.deepcopy(body['configurations'] or {})
    if 'secret_mappings' in body:
        integ['_secret_mappings'] = copy.deepcopy(body['secret_mappings'] or [])
    return {}


@route('DELETE', '/integrations/{slug}')
def delete_integration(req):
    org = req.org
    integ = find_integration(org, req.params['slug'])
    providers = org.table('providers')
    for key in [k for k, p in providers.items() if p.get('integration_id') == integ['slug']]:
        del providers[key]
    del org.table('integrations')[integ['id']]
    return {}


# -- workspace access ------------------------------------------------------------------------

def access_view(org, ws_id, access):
    ws = org.table('workspaces').get(ws_id)
    return {
        # The live API names the workspace by its slug here (API-NOTES 7.2, 24).
        'id': ws['slug'] if ws else ws_id,
        'enabled': access['enabled'],
        'usage_limits': copy.deepcopy(access['usage_limits']),
        'rate_limits': copy.deepcopy(access['rate_limits']),
    }


@route('GET', '/integrations/{slug}/workspaces')
def list_integration_workspaces(req):
    org = req.org
    integ = find_integration(org, req.params['slug'])
    items = [access_view(org, ws_id, access) for ws_id, access in integ['_access'].items()
             if ws_id in org.table('workspaces')]
    return {'total': len(items), 'workspaces': items}


def set_limit(access, item, key):
    # null clears a limit; [] or leaving the field out keeps it (API-NOTES 24).
    if key in item:
        if item[key] is None:
            access[key] = None
        elif item[key]:
            access[key] = copy.deepcopy(item[key])


@route('PUT', '/integrations/{slug}/workspaces')
def update_integration_workspaces(req):
    org = req.org
    integ = find_integration(org, req.params['slug'])
    body = req.json()
    top_default = body.get('create_default_provider', True)
    planned = []
    for item in body.get('workspaces') or []:
        ws = org.find_workspace(item.get('id'))
        if ws is None:
            raise bad_request('workspaces: no workspace %s' % item.get('id'))
        if integ.get('workspace_id') and ws['id'] != integ['workspace_id']:
            raise bad_request('workspaces: a workspace-scoped integration can only be used in its own workspace')
        planned.append((ws, item))
    for ws, item in planned:
        access = integ['_access'].get(ws['id'])
        newly_enabled = bool(item.get('enabled')) and not (access and access['enabled'])
        if newly_enabled and item.get('create_default_provider', top_default):
            create_default_provider(org, integ, ws, item.get('default_provider_slug') or body.get('default_provider_slug'),
                                    req.caller)
        if access is None:
            access = integ['_access'][ws['id']] = {'enabled': False, 'usage_limits': None, 'rate_limits': None}
        access['enabled'] = bool(item.get('enabled'))
        set_limit(access, item, 'usage_limits')
        set_limit(access, item, 'rate_limits')
    if body.get('global_workspace_access') is not None:
        integ['_global'] = copy.deepcopy(body['global_workspace_access'])
    integ['last_updated_at'] = now()
    return {}


def require_enabled(org, integ_slug, ws):
    """403 unless the integration may be used in the workspace (API-NOTES 7.2, 24)."""
    try:
        integ = find_integration(org, integ_slug)
    except ApiError:
        raise bad_request('integration_id: no integration %s' % integ_slug)
    if not enabled_for(integ, ws):
        raise ApiError(403, 'AB03', 'Integration %s is not enabled for this workspace' % integ['slug'])
    return integ
