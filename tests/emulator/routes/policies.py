# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Usage-limits and rate-limits policies (API-NOTES sections 15 and 16).

Both kinds live in their own table (``usage_limits_policies``, ``rate_limits_policies``). The
behaviour reproduced:

- create answers only ``{id, object}``; PUT answers ``{}``;
- ``workspace_id`` (UUID or slug) is required on create with an organisation key (a workspace key
  implies its own); policies echo the workspace's UUID;
- an empty ``conditions`` or ``group_by`` array is refused with 400;
- PUT changes only name / credit_limit / alert_threshold / periodic_reset (usage) and
  name / unit / value (rate); type, conditions and group_by are silently ignored (the spec's
  update bodies do not forbid extra fields);
- DELETE archives the policy (``status: archived``): list and read answer active policies unless
  asked for ``?status=archived``; an archived policy can be neither updated nor archived again (404).
  The spec says "archive" only for usage policies; rate policies carry the same status field and
  filter, and the emulator archives them too [I].
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ..core import bad_request, merge, not_found, now, page, route

CONDITION_KEY = re.compile(r'^(api_key|organisation_id|workspace_id|metadata\.[^\s]+)$')


class Kind(object):
    def __init__(self, table, obj, what, types, updatable, required):
        self.table = table
        self.object = obj
        self.what = what
        self.types = types
        self.updatable = updatable
        self.required = required


USAGE = Kind('usage_limits_policies', 'policy_usage_limits', 'Usage limits policy', ('cost', 'tokens'),
             ('name', 'credit_limit', 'alert_threshold', 'periodic_reset'),
             ('conditions', 'group_by', 'type', 'credit_limit'))
RATE = Kind('rate_limits_policies', 'policy_rate_limits', 'Rate limits policy', ('requests', 'tokens'),
            ('name', 'unit', 'value'),
            ('conditions', 'group_by', 'type', 'unit', 'value'))


def check_entries(body, field, with_value):
    entries = body.get(field)
    if not isinstance(entries, list) or not entries:
        raise bad_request('%s must be a non-empty array' % field)
    for entry in entries:
        if not isinstance(entry, dict) or not CONDITION_KEY.match(str(entry.get('key') or '')):
            raise bad_request('%s[].key must be api_key, organisation_id, workspace_id or metadata.<field>' % field)
        if with_value and not isinstance(entry.get('value'), str):
            raise bad_request('%s[].value is required' % field)


def check_threshold(policy):
    threshold, limit = policy.get('alert_threshold'), policy.get('credit_limit')
    if None not in (threshold, limit) and threshold > limit:
        raise bad_request('alert_threshold must be less than credit_limit')


def view(kind, policy, single=False):
    out = copy.deepcopy(policy)
    if single:
        out['object'] = kind.object
    return out


def find(req, kind, param, status=None):
    """The policy in the path, with the status asked for (active by default), or 404."""
    policy = req.org.table(kind.table).get(req.params[param])
    wanted = status or req.query.get('status') or 'active'
    if policy is None or policy['status'] != wanted:
        raise not_found(kind.what)
    return policy


def create(req, kind):
    body = req.json()
    org = req.org
    for field in kind.required:
        if body.get(field) is None:
            raise bad_request('%s is required' % field)
    check_entries(body, 'conditions', True)
    check_entries(body, 'group_by', False)
    if body['type'] not in kind.types:
        raise bad_request('type must be one of %s' % ', '.join(kind.types))
    ref = body.get('workspace_id') or req.caller.get('workspace_id')
    if not ref:
        raise bad_request('workspace_id is required when the API key does not belong to a workspace')
    ws = org.require_workspace(ref)
    check_threshold(body)
    stamp = now()
    policy = {
        'id': org.new_id(), 'name': body.get('name'),
        'conditions': copy.deepcopy(body['conditions']), 'group_by': copy.deepcopy(body['group_by']),
        'type': body['type'], 'status': 'active', 'workspace_id': ws['id'], 'organisation_id': org.ORG_ID,
        'created_at': stamp, 'last_updated_at': stamp,
    }
    if kind is USAGE:
        policy.update({
            'credit_limit': body['credit_limit'], 'alert_threshold': body.get('alert_threshold'),
            'periodic_reset': body.get('periodic_reset'), 'periodic_reset_days': None,
            'next_usage_reset_at': None, 'last_reset_at': None,
        })
    else:
        policy.update({'unit': body['unit'], 'value': body['value']})
    org.table(kind.table)[policy['id']] = policy
    return {'id': policy['id'], 'object': kind.object}


def listing(req, kind, filters):
    items = list(req.org.table(kind.table).values())
    if req.query.get('workspace_id'):
        ws = req.org.find_workspace(req.query['workspace_id'])
        items = [p for p in items if ws is not None and p['workspace_id'] == ws['id']]
    status = req.query.get('status') or 'active'
    items = [p for p in items if p['status'] == status]
    for field in filters:
        if req.query.get(field):
            items = [p for p in items if p.get(field) == req.query[field]]
    return page(req, [view(kind, p) for p in items], default_size=50, max_size=1000)


def update(req, kind, param):
    policy = find(req, kind, param, status='active')
    body = req.json()
    if 'name' in body and (not isinstance(body['name'], str) or not body['name'].strip()):
        raise bad_request('name must not be empty')
    merged = dict(policy)
    merged.update(dict((k, v) for k, v in body.items() if k in kind.updatable))
    check_threshold(merged)
    merge(policy, body, kind.updatable)
    return {}


def archive(req, kind, param):
    policy = find(req, kind, param, status='active')
    policy['status'] = 'archived'
    policy['last_updated_at'] = now()
    return {}


# -- usage limits -----------------------------------------------------------------------------

@route('POST', '/policies/usage-limits')
def create_usage_policy(req):
    return create(req, USAGE)


@route('GET', '/policies/usage-limits')
def list_usage_policies(req):
    return listing(req, USAGE, ('type',))


@route('GET', '/policies/usage-limits/{policyUsageLimitsId}')
def get_usage_policy(req):
    policy = view(USAGE, find(req, USAGE, 'policyUsageLimitsId'), single=True)
    if req.query.get('include_usage') == 'true':
        policy['value_key_usage_map'] = {}
    return policy


@route('PUT', '/policies/usage-limits/{policyUsageLimitsId}')
def update_usage_policy(req):
    return update(req, USAGE, 'policyUsageLimitsId')


@route('DELETE', '/policies/usage-limits/{policyUsageLimitsId}')
def delete_usage_policy(req):
    return archive(req, USAGE, 'policyUsageLimitsId')


@route('GET', '/policies/usage-limits/{policyUsageLimitsId}/entities')
def list_usage_policy_entities(req):
    find(req, USAGE, 'policyUsageLimitsId', status='active')
    return page(req, [], default_size=50, max_size=100)


# -- rate limits ------------------------------------------------------------------------------

@route('POST', '/policies/rate-limits')
def create_rate_policy(req):
    return create(req, RATE)


@route('GET', '/policies/rate-limits')
def list_rate_policies(req):
    return listing(req, RATE, ('type', 'unit'))


@route('GET', '/policies/rate-limits/{rateLimitsPolicyId}')
def get_rate_policy(req):
    return view(RATE, find(req, RATE, 'rateLimitsPolicyId'), single=True)


@route('PUT', '/policies/rate-limits/{rateLimitsPolicyId}')
def update_rate_policy(req):
    return update(req, RATE, 'rateLimitsPolicyId')


@route('DELETE', '/policies/rate-limits/{rateLimitsPolicyId}')
def delete_rate_policy(req):
    return archive(req, RATE, 'rateLimitsPolicyId')
