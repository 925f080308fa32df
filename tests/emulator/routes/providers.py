# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Providers, the virtual keys built on integrations (API-NOTES section 8, quirks of section 24).

- An admin key must name the workspace: ``workspace_id`` in the query of GET/PUT/DELETE and in
  the body of POST, as the workspace's UUID (the slug did not work for the Terraform provider);
  without it: 400 AB01.
- Creating a provider answers 403 AB03 unless its integration is enabled for the workspace.
- Objects live in ``org.table('providers')`` with ``workspace_id`` = the workspace UUID, so the
  workspace routes refuse to delete a workspace that still holds providers.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ..core import bad_request, conflict, merge, not_found, now, page, route
from .integrations import require_enabled


def scope(req, value):
    """The workspace a provider call is about: the caller's own, or the UUID an admin key gave."""
    org = req.org
    if req.caller.get('workspace_id'):
        return org.require_workspace(req.caller['workspace_id'])
    if not value:
        raise bad_request('workspace_id is required when using an organisation admin API key')
    ws = org.table('workspaces').get(value)
    if ws is None:
        raise bad_request('Invalid value: workspace_id must be the UUID of a workspace')
    return ws


def provider_view(provider):
    out = dict((k, copy.deepcopy(v)) for k, v in provider.items())
    # The spec types usage_limits and expires_at as non-nullable: the API leaves them out when unset.
    for key in ('usage_limits', 'expires_at'):
        if out.get(key) is None:
            out.pop(key, None)
    return out


def find_provider(req, ws):
    ref = req.params['slug']
    for provider in req.org.table('providers').values():
        if provider['workspace_id'] == ws['id'] and ref in (provider['slug'], provider['id']):
            return provider
    raise not_found('Provider')


def as_list(value):
    """rate_limits: a single object in the spec, an array from the Terraform client; both are taken."""
    if value is None:
        return None
    return copy.deepcopy(value if isinstance(value, list) else [value])


@route('POST', '/providers')
def create_provider(req):
    body = req.json()
    org = req.org
    if not isinstance(body.get('name'), str) or not body['name'].strip():
        raise bad_request('name is required')
    ws = scope(req, body.get('workspace_id'))
    integ = require_enabled(org, body.get('integration_id'), ws)
    providers = org.table('providers')
    slug = body.get('slug') or org.slug('', body['name'])
    if any(p['slug'] == slug and p['workspace_id'] == ws['id'] for p in providers.values()):
        raise conflict('A provider with slug %s already exists in this workspace' % slug)
    stamp = now()
    pid = org.new_id()
    providers[pid] = {
        'id': pid, 'name': body['name'], 'slug': slug, 'integration_id': integ['slug'], 'note': body.get('note'),
        'status': 'active', 'usage_limits': copy.deepcopy(body.get('usage_limits')),
        'rate_limits': as_list(body.get('rate_limits')), 'reset_usage': None, 'expires_at': body.get('expires_at'),
        'workspace_id': ws['id'], 'ai_provider_name': integ['ai_provider_id'], 'created_at': stamp,
        'last_updated_at': stamp, 'created_by': req.caller['id'], 'object': 'provider',
    }
    return {'id': pid, 'slug': slug}


@route('GET', '/providers')
def list_providers(req):
    ws = scope(req, req.query.get('workspace_id'))
    items = [provider_view(p) for p in req.org.table('providers').values() if p['workspace_id'] == ws['id']]
    return page(req, items, default_size=50, max_size=100)


@route('GET', '/providers/{slug}')
def get_provider(req):
    ws = scope(req, req.query.get('workspace_id'))
    return provider_view(find_provider(req, ws))


@route('PUT', '/providers/{slug}')
def update_provider(req):
    ws = scope(req, req.query.get('workspace_id') or (req.body or {}).get('workspace_id'))
    provider = find_provider(req, ws)
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    merge(provider, body, ('name', 'note', 'usage_limits', 'expires_at'))
    if 'rate_limits' in body:
        provider['rate_limits'] = as_list(body['rate_limits'])
    if body.get('reset_usage'):
        provider['status'] = 'active'
    return {'id': provider['id'], 'slug': provider['slug']}


@route('DELETE', '/providers/{slug}')
def delete_provider(req):
    ws = scope(req, req.query.get('workspace_id'))
    provider = find_provider(req, ws)
    del req.org.table('providers')[provider['id']]
    return {}
