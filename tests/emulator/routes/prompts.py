# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Prompts and their versions (API-NOTES section 11, quirks of section 24).

- Create needs ``virtual_key`` and ``parameters``; it makes version 1, the default.
- A PUT that carries version fields (``string``, ``model``, ``parameters``, ...) makes a new version
  that is *not* the default. Without ``patch: true`` it needs ``string``, ``model``,
  ``parameters``, ``virtual_key`` and ``is_raw_template``; it answers ``{id, slug,
  prompt_version_id}``. Any other PUT (name, collection, virtual_key, version_description) changes
  the prompt, or its default version, in place and answers ``{}``.
- Version numbers have gaps: every other version-creating PUT of a prompt skips a number, as
  versions made and thrown away in the UI do on the live API. Clients must look the number up.
- ``/versions`` is listed newest first, under ``data`` (API-NOTES 1.5, as the TF provider reads it).
- ``makeDefault`` takes a version *number*. ``GET ?version=latest|default|<n>``.
- When a version is made, ``model`` is copied into ``parameters`` (API-NOTES 11).
- ``is_raw_template`` is answered as 0/1.
- ``virtual_key`` must name a provider (or legacy virtual key) by slug when the emulator holds any;
  with none at all, any non-empty slug is taken.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ..core import bad_request, not_found, now, page, route
from .collections import find_collection, require_collection, sync_collections

VERSION_FIELDS = ('string', 'parameters', 'model', 'functions', 'tools', 'tool_choice', 'is_raw_template',
                  'prompt_metadata', 'template_metadata')
STRICT_VERSION_FIELDS = ('string', 'model', 'parameters', 'virtual_key', 'is_raw_template')


def find_prompt(org, ref):
    sync_collections(org)
    prompts = org.table('prompts')
    if ref in prompts:
        return prompts[ref]
    for prompt in prompts.values():
        if prompt['slug'] == ref:
            return prompt
    raise not_found('Prompt')


def check_virtual_key(org, value):
    if not isinstance(value, str) or not value.strip():
        raise bad_request('virtual_key is required')
    known = [obj for table in ('providers', 'virtual_keys') for obj in org.table(table).values()]
    if known and not any(value in (obj.get('slug'), obj.get('id')) for obj in known):
        raise bad_request('Invalid virtual_key: no provider has the slug %s' % value)


def new_version(org, prompt, number, fields, description):
    parameters = copy.deepcopy(fields.get('parameters') or {})
    if fields.get('model') and 'model' not in parameters:
        parameters['model'] = fields['model']  # the live API copies the model into the parameters
    version = {
        'id': org.new_id(), 'number': number, 'string': fields.get('string'), 'parameters': parameters,
        'model': fields.get('model'), 'virtual_key': fields.get('virtual_key'), 'description': description,
        'functions': copy.deepcopy(fields.get('functions') or []), 'tools': copy.deepcopy(fields.get('tools') or []),
        'tool_choice': copy.deepcopy(fields.get('tool_choice')),
        'is_raw_template': 1 if fields.get('is_raw_template') else 0,
        'template_metadata': copy.deepcopy(fields.get('template_metadata') or {}),
        'prompt_metadata': copy.deepcopy(fields.get('prompt_metadata') or {}),
        'label_id': None, 'status': 'active', 'created_at': now(),
    }
    prompt['versions'].append(version)
    return version


def version_by_number(prompt, number):
    for version in prompt['versions']:
        if version['number'] == number:
            return version
    return None


def latest_version(prompt):
    return max(prompt['versions'], key=lambda v: v['number'])


def select_version(prompt, which):
    """The version a GET asks for: ``default`` (no parameter), ``latest`` or a number."""
    if which in (None, '', 'default'):
        return version_by_number(prompt, prompt['default_version'])
    if which == 'latest':
        return latest_version(prompt)
    try:
        number = int(which)
    except ValueError:
        raise bad_request('version must be latest, default or a version number')
    version = version_by_number(prompt, number)
    if version is None:
        raise not_found('Prompt version')
    return version


def prompt_view(prompt, version):
    return {
        'id': prompt['id'], 'slug': prompt['slug'], 'name': prompt['name'], 'collection_id': prompt['collection_id'],
        'string': version['string'], 'parameters': copy.deepcopy(version['parameters']),
        'prompt_version': version['number'], 'prompt_version_id': version['id'],
        'prompt_version_status': version['status'], 'prompt_version_description': version['description'],
        'prompt_version_label_id': version['label_id'], 'virtual_key': version['virtual_key'],
        'model': version['model'], 'functions': copy.deepcopy(version['functions']),
        'tools': copy.deepcopy(version['tools']), 'tool_choice': copy.deepcopy(version['tool_choice']),
        'template_metadata': copy.deepcopy(version['template_metadata']),
        'is_raw_template': version['is_raw_template'], 'status': prompt['status'],
        'created_at': prompt['created_at'], 'last_updated_at': prompt['last_updated_at'],
    }


def summary_view(prompt):
    version = version_by_number(prompt, prompt['default_version'])
    return {
        'id': prompt['id'], 'slug': prompt['slug'], 'name': prompt['name'], 'collection_id': prompt['collection_id'],
        'model': version['model'], 'status': prompt['status'], 'created_at': prompt['created_at'],
        'last_updated_at': prompt['last_updated_at'], 'object': 'prompt',
    }


def version_summary(prompt, version):
    return {
        'id': version['id'], 'prompt_id': prompt['id'],
        'prompt_template': {'string': version['string'], 'parameters': copy.deepcopy(version['parameters']),
                            'model': version['model'], 'virtual_key': version['virtual_key']},
        'prompt_version': version['number'], 'prompt_description': version['description'],
        'label_id': version['label_id'], 'created_at': version['created_at'], 'status': version['status'],
        'object': 'prompt',
    }


@route('POST', '/prompts')
def create_prompt(req):
    body = req.json()
    org = req.org
    if not isinstance(body.get('name'), str) or not body['name'].strip():
        raise bad_request('name is required')
    if not isinstance(body.get('string'), str):
        raise bad_request('string is required')
    if not isinstance(body.get('parameters'), dict):
        raise bad_request('parameters is required')
    check_virtual_key(org, body.get('virtual_key'))
    collection = require_collection(org, body.get('collection_id'))
    stamp = now()
    prompt = {
        'id': org.new_id(), 'slug': org.slug('pp-', body['name']), 'name': body['name'],
        'collection_id': collection['id'], 'workspace_id': collection['workspace_id'], 'status': 'active',
        'created_at': stamp, 'last_updated_at': stamp, 'default_version': 1, 'version_writes': 0, 'versions': [],
    }
    version = new_version(org, prompt, 1, body, body.get('version_description'))
    org.table('prompts')[prompt['id']] = prompt
    return {'id': prompt['id'], 'slug': prompt['slug'], 'version_id': version['id'], 'object': 'prompt'}


@route('GET', '/prompts')
def list_prompts(req):
    org = req.org
    sync_collections(org)
    items = list(org.table('prompts').values())
    if not req.query.get('collection_id') and not req.query.get('workspace_id'):
        raise bad_request('workspace_id or collection_id is required')
    if req.query.get('collection_id'):
        collection = find_collection(org, req.query['collection_id'])
        items = [p for p in items if collection is not None and p['collection_id'] == collection['id']]
    if req.query.get('workspace_id'):
        ws = org.find_workspace(req.query['workspace_id'])
        items = [p for p in items if ws is not None and p['workspace_id'] == ws['id']]
    if req.query.get('search'):
        items = [p for p in items if req.query['search'].lower() in p['name'].lower()]
    items.sort(key=lambda p: (p['created_at'], p['id']))
    answer = page(req, [summary_view(p) for p in items], default_size=50, max_size=1000)
    answer.pop('object', None)  # {data, total} (API-NOTES 1.5)
    return answer


@route('GET', '/prompts/{promptId}')
def get_prompt(req):
    prompt = find_prompt(req.org, req.params['promptId'])
    return prompt_view(prompt, select_version(prompt, req.query.get('version')))


@route('PUT', '/prompts/{promptId}')
def update_prompt(req):
    org = req.org
    prompt = find_prompt(org, req.params['promptId'])
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    collection = None
    if body.get('collection_id'):
        collection = require_collection(org, body['collection_id'])
        if collection['workspace_id'] != prompt['workspace_id']:
            raise bad_request('the collection belongs to another workspace')
    if 'virtual_key' in body:
        check_virtual_key(org, body['virtual_key'])
    answer = {}
    if any(field in body for field in VERSION_FIELDS):
        fields = dict(body)
        if body.get('patch'):
            latest = latest_version(prompt)
            for field in STRICT_VERSION_FIELDS + ('functions', 'tools', 'tool_choice'):
                if field not in fields:
                    fields[field] = copy.deepcopy(latest[field])
        else:
            missing = [f for f in STRICT_VERSION_FIELDS if fields.get(f) is None]
            if missing:
                raise bad_request('%s required to create a new version (or send patch: true)' % ', '.join(missing))
        prompt['version_writes'] += 1
        skip = 1 if prompt['version_writes'] % 2 else 0
        number = latest_version(prompt)['number'] + 1 + skip
        version = new_version(org, prompt, number, fields, body.get('version_description'))
        answer = {'id': prompt['id'], 'slug': prompt['slug'], 'prompt_version_id': version['id']}
    else:
        default = version_by_number(prompt, prompt['default_version'])
        for field, key in (('virtual_key', 'virtual_key'), ('version_description', 'description')):
            if field in body:
                default[key] = body[field]
    if 'name' in body:
        prompt['name'] = body['name']
    if collection is not None:
        prompt['collection_id'] = collection['id']
    prompt['last_updated_at'] = now()
    return answer


@route('DELETE', '/prompts/{promptId}')
def delete_prompt(req):
    prompt = find_prompt(req.org, req.params['promptId'])
    del req.org.table('prompts')[prompt['id']]
    return {}


@route('GET', '/prompts/{promptId}/versions')
def list_versions(req):
    prompt = find_prompt(req.org, req.params['promptId'])
    versions = sorted(prompt['versions'], key=lambda v: -v['number'])
    return {'data': [version_summary(prompt, v) for v in versions]}


def find_version(prompt, version_id):
    for version in prompt['versions']:
        if version['id'] == version_id:
            return version
    raise not_found('Prompt version')


@route('GET', '/prompts/{promptId}/versions/{versionId}')
def get_version(req):
    prompt = find_prompt(req.org, req.params['promptId'])
    return prompt_view(prompt, find_version(prompt, req.params['versionId']))


@route('PUT', '/prompts/{promptId}/versions/{versionId}')
def update_version(req):
    prompt = find_prompt(req.org, req.params['promptId'])
    version = find_version(prompt, req.params['versionId'])
    body = req.json()
    if set(body) - set(['label_id']):
        raise bad_request('only label_id can be changed on a prompt version')
    if 'label_id' in body:
        version['label_id'] = body['label_id']
    return {}


@route('PUT', '/prompts/{promptId}/makeDefault')
def make_default(req):
    prompt = find_prompt(req.org, req.params['promptId'])
    number = req.json().get('version')
    if isinstance(number, bool) or not isinstance(number, (int, float)) or version_by_number(prompt, int(number)) is None:
        raise not_found('Prompt version')
    prompt['default_version'] = int(number)
    prompt['last_updated_at'] = now()
    return {}
