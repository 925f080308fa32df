# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Guardrails (API-NOTES section 14, quirks of sections 1.3 and 24).

Reproduced: a missing guardrail answers 403 AB03 (not 404) on GET, PUT and DELETE; create and
update answer only {id, slug, version_id} (every update is a new version); the list answers
{data, total} of summaries (no checks or actions) and pages with current_page / page_size (at most
1000); DELETE answers 200 with no body; slugs look like pg-<name6>-<hex6>; a check's is_enabled
comes back filled in (true by default); actions is stored as the free-form JSON it was given.
The scope (workspace or organisation) is fixed at creation: an update cannot move a guardrail.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ..core import Org, bad_request, forbidden, now, route

SUMMARY_FIELDS = ('id', 'name', 'slug', 'organisation_id', 'workspace_id', 'status', 'created_at',
                  'last_updated_at', 'owner_id', 'updated_by')


def table(req):
    return req.org.table('guardrails')


def find(req, ref):
    """The guardrail with this UUID or slug; 403 AB03 when there is none (API-NOTES 1.3, 14)."""
    guardrails = table(req)
    if ref in guardrails:
        return guardrails[ref]
    for guardrail in guardrails.values():
        if guardrail['slug'] == ref:
            return guardrail
    raise forbidden()


def owner_id(req):
    """The user the emulator pretends made the call: the organisation's owner."""
    for user in req.org.table('users').values():
        if user['role'] == 'owner':
            return user['id']
    return None


def checks_view(checks):
    """Checks as the API stores them: is_enabled filled in (the spec's default is true)."""
    out = []
    for check in checks:
        check = copy.deepcopy(check)
        if check.get('is_enabled') is None:
            check['is_enabled'] = True
        out.append(check)
    return out


def check_body(body):
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')


def summary(guardrail):
    return dict((k, copy.deepcopy(guardrail.get(k))) for k in SUMMARY_FIELDS)


def details(guardrail):
    out = summary(guardrail)
    out.update(checks=copy.deepcopy(guardrail['checks']), actions=copy.deepcopy(guardrail['actions']),
               version_id=guardrail['version_id'])
    return out


@route('POST', '/guardrails')
def create_guardrail(req):
    body = req.json()
    check_body(body)
    org = req.org
    workspace_ref = body.get('workspace_id')
    organisation = body.get('organisation_id')
    caller_workspace = (req.caller or {}).get('workspace_id')
    if caller_workspace:
        # A workspace key implies its own workspace, whatever the body says (API-NOTES 1.2).
        workspace_ref, organisation = caller_workspace, None
    if workspace_ref and organisation:
        raise bad_request('give either workspace_id or organisation_id, not both')
    if not workspace_ref and not organisation:
        raise bad_request('workspace_id or organisation_id is required')
    workspace = None
    if workspace_ref:
        workspace = org.find_workspace(workspace_ref)
        if workspace is None:
            raise forbidden()
    elif organisation != Org.ORG_ID:
        raise forbidden()
    stamp = now()
    guardrail = {
        'id': org.new_id(),
        'slug': org.slug('pg-', body['name']),
        'name': body['name'],
        'organisation_id': Org.ORG_ID,
        'workspace_id': workspace['id'] if workspace else None,
        'status': 'active',
        'created_at': stamp,
        'last_updated_at': stamp,
        'owner_id': owner_id(req),
        'updated_by': None,
        'checks': checks_view(body['checks']),
        'actions': copy.deepcopy(body['actions']),
        'version_id': org.new_id(),
    }
    table(req)[guardrail['id']] = guardrail
    return {'id': guardrail['id'], 'slug': guardrail['slug'], 'version_id': guardrail['version_id']}


@route('GET', '/guardrails')
def list_guardrails(req):
    items = list(table(req).values())
    caller_workspace = (req.caller or {}).get('workspace_id')
    workspace_ref = caller_workspace or req.query.get('workspace_id')
    if workspace_ref:
        workspace = req.org.find_workspace(workspace_ref)
        items = [g for g in items if workspace is not None and g['workspace_id'] == workspace['id']]
    if req.query.get('organisation_id'):
        # [I] The organisation filter lists every guardrail of the organisation, both levels.
        items = [g for g in items if g['organisation_id'] == req.query['organisation_id']]
    size = req.int_query('page_size', 100)
    number = req.int_query('current_page', 0)
    if size < 1 or size > 1000:
        raise bad_request('page_size must be between 1 and 1000')
    if number < 0:
        raise bad_request('current_page must be 0 or more')
    start = number * size
    # The guardrail list has no "object" key (API-NOTES 1.5).
    return {'total': len(items), 'data': [summary(g) for g in items[start:start + size]]}


@route('GET', '/guardrails/{guardrailId}')
def get_guardrail(req):
    return details(find(req, req.params['guardrailId']))


@route('PUT', '/guardrails/{guardrailId}')
def update_guardrail(req):
    guardrail = find(req, req.params['guardrailId'])
    body = req.json()
    check_body(body)
    for key in ('workspace_id', 'organisation_id'):
        if body.get(key) is not None and body[key] != guardrail[key]:
            raise bad_request('%s cannot be changed' % key)
    if 'name' in body:
        guardrail['name'] = body['name']
    if 'checks' in body:
        guardrail['checks'] = checks_view(body['checks'])
    if 'actions' in body:
        guardrail['actions'] = copy.deepcopy(body['actions'])
    guardrail['version_id'] = req.org.new_id()
    guardrail['last_updated_at'] = now()
    guardrail['updated_by'] = owner_id(req)
    return {'id': guardrail['id'], 'slug': guardrail['slug'], 'version_id': guardrail['version_id']}


@route('DELETE', '/guardrails/{guardrailId}')
def delete_guardrail(req):
    guardrail = find(req, req.params['guardrailId'])
    del table(req)[guardrail['id']]
    return None
