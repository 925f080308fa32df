# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Gateway configs (API-NOTES section 10, quirks of section 24).

What the emulator reproduces of the live API:

- responses are flat (not the spec's ``{success, data}``);
- a read answers ``config`` as a compact JSON **string** and ``is_default`` as 0/1;
- create takes ``isDefault`` (camelCase) and answers ``{id, version_id, slug, object}``;
- the slug is generated (``pc-<6 chars of the name>-<6 hex>``) and cannot be chosen;
- every PUT makes a new version (even one that changes nothing) and answers ``{version_id}``;
- ``GET /configs/{slug}/versions`` lists the versions, newest first, each with its config string;
- an organisation key must name the workspace (``workspace_id``) on create; a workspace key
  always works in its own workspace.

Inferred, not documented [I]: PUT also takes ``isDefault``; a workspace has at most one default
config, so making one the default clears the flag on the others of its workspace.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import json

from ..core import bad_request, not_found, now, page, route

LIST_FIELDS = ('id', 'name', 'slug', 'organisation_id', 'workspace_id', 'is_default', 'status', 'owner_id',
               'updated_by', 'created_at', 'last_updated_at', 'object')


def config_string(value):
    """The config as the API stores and shows it: a compact JSON string."""
    return json.dumps(value, separators=(',', ':'))


def config_view(cfg, version=None):
    """A read of the config (or of one of its versions): flat, config as a JSON string."""
    version = version or cfg['versions'][-1]
    out = dict((k, copy.deepcopy(cfg[k])) for k in LIST_FIELDS)
    out['config'] = config_string(version['config'])
    out['version_id'] = version['version_id']
    out['format'] = 'json'
    out['type'] = 'ORG_CONFIG'
    if version is not cfg['versions'][-1]:
        out['last_updated_at'] = version['created_at']
    return out


def list_view(cfg):
    return dict((k, copy.deepcopy(cfg[k])) for k in LIST_FIELDS)


def find_config(org, ref):
    """The config with this slug (or id), or 404 AB08."""
    for cfg in org.table('configs').values():
        if ref in (cfg['slug'], cfg['id']):
            return cfg
    raise not_found('Config')


def flag(body, key):
    """0/1 from a body field the spec types as an integer."""
    value = body.get(key)
    if value not in (0, 1) or isinstance(value, bool):
        raise bad_request('%s must be 0 or 1' % key)
    return value


def make_default(org, cfg):
    """One default config per workspace: the others of the workspace lose the flag."""
    for other in org.table('configs').values():
        if other is not cfg and other['workspace_id'] == cfg['workspace_id']:
            other['is_default'] = 0
    cfg['is_default'] = 1


def new_version(org, cfg, config, stamp):
    version = {'version_id': org.new_id(), 'config': copy.deepcopy(config), 'created_at': stamp}
    cfg['versions'].append(version)
    return version


@route('POST', '/configs')
def create_config(req):
    body = req.json()
    org = req.org
    if not isinstance(body.get('name'), str) or not body['name'].strip():
        raise bad_request('name is required')
    if not isinstance(body.get('config'), dict):
        raise bad_request('config must be a JSON object')
    ws_ref = req.caller.get('workspace_id') or body.get('workspace_id')
    if not ws_ref:
        raise bad_request('workspace_id is required when using an organisation API key')
    ws = org.require_workspace(ws_ref)
    is_default = flag(body, 'isDefault') if 'isDefault' in body else 0
    stamp = now()
    cfg = {
        'id': org.new_id(), 'name': body['name'], 'slug': org.slug('pc-', body['name']),
        'organisation_id': org.ORG_ID, 'workspace_id': ws['id'], 'is_default': 0, 'status': 'active',
        'owner_id': req.caller['id'], 'updated_by': req.caller['id'],
        'created_at': stamp, 'last_updated_at': stamp, 'object': 'config', 'versions': [],
    }
    version = new_version(org, cfg, body['config'], stamp)
    org.table('configs')[cfg['id']] = cfg
    if is_default:
        make_default(org, cfg)
    return {'id': cfg['id'], 'version_id': version['version_id'], 'slug': cfg['slug'], 'object': 'config'}


def visible(req):
    """The configs the caller may see, after the list's filters."""
    items = list(req.org.table('configs').values())
    ws_ref = req.caller.get('workspace_id') or req.query.get('workspace_id')
    if ws_ref:
        ws = req.org.find_workspace(ws_ref)
        items = [c for c in items if ws is not None and c['workspace_id'] == ws['id']]
    return items


@route('GET', '/configs')
def list_configs(req):
    return page(req, [list_view(c) for c in visible(req)], default_size=100, max_size=1000)


@route('GET', '/configs/{slug}')
def get_config(req):
    return config_view(find_config(req.org, req.params['slug']))


@route('PUT', '/configs/{slug}')
def update_config(req):
    org = req.org
    cfg = find_config(org, req.params['slug'])
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    if 'config' in body and not isinstance(body['config'], dict):
        raise bad_request('config must be a JSON object')
    if 'status' in body and body['status'] not in ('active', 'archived'):
        raise bad_request('status must be active or archived')
    is_default = flag(body, 'isDefault') if 'isDefault' in body else None
    stamp = now()
    for key in ('name', 'status'):
        if key in body:
            cfg[key] = body[key]
    if is_default == 1:
        make_default(org, cfg)
    elif is_default == 0:
        cfg['is_default'] = 0
    # Every PUT is a new version, whether or not the config changed (API-NOTES 10).
    version = new_version(org, cfg, body['config'] if 'config' in body else cfg['versions'][-1]['config'], stamp)
    cfg['updated_by'] = req.caller['id']
    cfg['last_updated_at'] = stamp
    return {'version_id': version['version_id']}


@route('DELETE', '/configs/{slug}')
def delete_config(req):
    cfg = find_config(req.org, req.params['slug'])
    del req.org.table('configs')[cfg['id']]
    return {}


@route('GET', '/configs/{slug}/versions')
def list_config_versions(req):
    cfg = find_config(req.org, req.params['slug'])
    versions = [config_view(cfg, v) for v in reversed(cfg['versions'])]
    return page(req, versions, default_size=100, max_size=1000)
