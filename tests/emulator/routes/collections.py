# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Prompt collections (API-NOTES section 13).

Every workspace has a default collection. The workspace routes do not know about collections, so
the default one is made lazily, the first time anything looks at a workspace's collections; the
collections (and prompts) of a workspace that no longer exists are dropped at the same moment.
``is_default`` is 0/1 (as the live API answers it, API-NOTES 1.4), the default collection cannot be
deleted (404, as the spec says), and a collection that still holds prompts or child collections is
deleted only with ``?cascade=true`` (409 AB07 otherwise; inferred, API-NOTES marks it [S-br]).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ..core import bad_request, conflict, merge, not_found, now, page, route

DEFAULT_COLLECTION_NAME = 'Default'


def sync_collections(org):
    """Give every workspace its default collection; drop what belongs to a deleted workspace."""
    collections = org.table('collections')
    workspaces = org.table('workspaces')
    for key in [k for k, c in collections.items() if c['workspace_id'] not in workspaces]:
        del collections[key]
    prompts = org.table('prompts')
    for key in [k for k, p in prompts.items() if p['collection_id'] not in collections]:
        del prompts[key]
    with_default = set(c['workspace_id'] for c in collections.values() if c['is_default'])
    for ws in list(workspaces.values()):
        if ws['id'] not in with_default:
            new_collection(org, ws, DEFAULT_COLLECTION_NAME, None, is_default=1)
    return collections


def new_collection(org, ws, name, parent, is_default=0):
    stamp = now()
    collection = {
        'id': org.new_id(), 'name': name, 'workspace_id': ws['id'], 'slug': org.slug('', name),
        'parent_collection_id': parent['id'] if parent else None, 'is_default': is_default,
        'status': 'active', 'created_at': stamp, 'last_updated_at': stamp,
    }
    org.table('collections')[collection['id']] = collection
    return collection


def find_collection(org, ref):
    """The collection with this UUID or slug, or None."""
    if not ref:
        return None
    collections = sync_collections(org)
    if ref in collections:
        return collections[ref]
    for collection in collections.values():
        if collection['slug'] == ref:
            return collection
    return None


def require_collection(org, ref, what='Collection'):
    collection = find_collection(org, ref)
    if collection is None:
        raise not_found(what)
    return collection


def children_of(org, collection):
    return [c for c in org.table('collections').values() if c['parent_collection_id'] == collection['id']]


def prompts_of(org, collection):
    return [p for p in org.table('prompts').values() if p['collection_id'] == collection['id']]


def details(org, collection):
    children = children_of(org, collection)
    prompts = prompts_of(org, collection)
    return {
        'child_collections_count': len(children),
        'prompts_count': len(prompts),
        'child_collections_last_updated_at': max([c['last_updated_at'] for c in children] or [None], key=lambda v: v or ''),
        'prompts_last_updated_at': max([p['last_updated_at'] for p in prompts] or [None], key=lambda v: v or ''),
    }


@route('POST', '/collections')
def create_collection(req):
    body = req.json()
    org = req.org
    name = body.get('name')
    if not isinstance(name, str) or not name.strip():
        raise bad_request('name is required')
    if not body.get('workspace_id'):
        # An admin key has to say which workspace (API-NOTES 1.2).
        raise bad_request('workspace_id is required')
    ws = org.require_workspace(body['workspace_id'])
    parent = None
    if body.get('parent_collection_id'):
        parent = require_collection(org, body['parent_collection_id'], 'Parent collection')
        if parent['workspace_id'] != ws['id']:
            raise bad_request('the parent collection belongs to another workspace')
    sync_collections(org)
    collection = new_collection(org, ws, name, parent)
    return {'id': collection['id'], 'slug': collection['slug']}


@route('GET', '/collections')
def list_collections(req):
    org = req.org
    ws = org.require_workspace(req.query.get('workspace_id'))
    items = [c for c in sync_collections(org).values() if c['workspace_id'] == ws['id']]
    if req.query.get('search'):
        items = [c for c in items if req.query['search'].lower() in c['name'].lower()]
    items.sort(key=lambda c: (not c['is_default'], c['created_at'], c['id']))
    listed = [dict(c, collection_details=details(org, c)) for c in items]
    answer = page(req, listed, default_size=50, max_size=1000)
    answer.pop('object', None)  # {total, data} without "object" (API-NOTES 1.5)
    return answer


@route('GET', '/collections/{collectionId}')
def get_collection(req):
    org = req.org
    collection = require_collection(org, req.params['collectionId'])
    children = [{'id': c['id'], 'name': c['name'], 'last_updated_at': c['last_updated_at'],
                 'collection_details': details(org, c)} for c in children_of(org, collection)]
    return dict(collection, child_collections=children)


@route('PUT', '/collections/{collectionId}')
def update_collection(req):
    org = req.org
    collection = require_collection(org, req.params['collectionId'])
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    if body.get('parent_collection_id'):
        parent = require_collection(org, body['parent_collection_id'], 'Parent collection')
        if parent['id'] == collection['id'] or parent['workspace_id'] != collection['workspace_id']:
            raise bad_request('invalid parent_collection_id')
        body = dict(body, parent_collection_id=parent['id'])
    merge(collection, body, ('name', 'parent_collection_id'))
    return {}


@route('DELETE', '/collections/{collectionId}')
def delete_collection(req):
    org = req.org
    collection = require_collection(org, req.params['collectionId'])
    if collection['is_default']:
        raise not_found('Collection')  # the default collection cannot be deleted: 404 [S]
    cascade = str(req.query.get('cascade', '')).lower() in ('1', 'true')
    doomed = [collection]
    index = 0
    while index < len(doomed):
        doomed.extend(children_of(org, doomed[index]))
        index += 1
    if not cascade and (len(doomed) > 1 or prompts_of(org, collection)):
        raise conflict('Unable to delete. The collection still holds prompts or collections')
    for item in doomed:
        for prompt in prompts_of(org, item):
            del org.table('prompts')[prompt['id']]
        del org.table('collections')[item['id']]
    return {}
