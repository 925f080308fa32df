# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Gateway configs (API-NOTES section 10): flat responses, config as a JSON string on GET,
is_default as 0/1, isDefault (camelCase) on create, a new version on every PUT."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import json

from ..core import bad_request, not_found, now, page, route


def config_view(cfg, version=None):
    version = version or cfg['versions'][-1]
    out = dict((k, copy.deepcopy(v)) for k, v in cfg.items() if k != 'versions')
    out['config'] = json.dumps(version['config'], separators=(',', ':'))
    out['version_id'] = version['version_id']
    out['format'] = 'json'
    out['type'] = 'ORG_CONFIG'
    return out


def find_config(org, slug):
    for cfg in org.table('configs').values():
        if slug in (cfg['slug'], cfg['id']):
            return cfg
    raise not_found('Config')


@route('POST', '/configs')
def create_config(req):
    body = req.json()
    org = req.org
    if not isinstance(body.get('name'), str) or not body['name'].strip():
        raise bad_request('name is required')
    if not isinstance(body.get('config'), dict):
        raise bad_request('config must be a JSON object')
    ws = org.require_workspace(body.get('workspace_id')) if body.get('workspace_id') else None
    stamp = now()
    cfg = {
        'id': org.new_id(), 'name': body['name'], 'slug': org.slug('pc-', body['name']),
        'organisation_id': org.ORG_ID, 'workspace_id': ws['id'] if ws else None,
        'is_default': 1 if body.get('isDefault') else 0, 'status': 'active',
        'owner_id': req.caller['id'], 'updated_by': req.caller['id'],
        'created_at': stamp, 'last_updated_at': stamp, 'object': 'config',
        'versions': [{'version_id': org.new_id(), 'config': copy.deepcopy(body['config']), 'created_at': stamp}],
    }
    org.table('configs')[cfg['id']] = cfg
    return {'id': cfg['id'], 'version_id': cfg['versions'][-1]['version_id'], 'slug': cfg['slug'], 'object': 'config'}


@route('GET', '/configs')
def list_configs(req):
    items = list(req.org.table('configs').values())
    if req.query.get('workspace_id'):
        ws = req.org.find_workspace(req.query['workspace_id'])
        items = [c for c in items if ws is not None and c['workspace_id'] == ws['id']]
    listed = []
    for cfg in items:
        view = config_view(cfg)
        for key in ('config', 'version_id', 'format', 'type'):
            view.pop(key, None)
        listed.append(view)
    return page(req, listed, default_size=100, max_size=1000)


@route('GET', '/configs/{slug}')
def get_config(req):
    return config_view(find_config(req.org, req.params['slug']))


@route('DELETE', '/configs/{slug}')
def delete_config(req):
    cfg = find_config(req.org, req.params['slug'])
    del req.org.table('configs')[cfg['id']]
    return {}
