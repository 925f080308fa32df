# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The emulator's building blocks: errors, routing, the in-memory organisation, helpers.

Resource families live in ``tests/emulator/routes/<family>.py``; each registers its handlers on
``ROUTER`` with the ``@route`` decorator and keeps its objects in ``Org.table(name)``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import datetime
import random
import re
import uuid


class ApiError(Exception):
    """An Admin API error answer: HTTP status, Portkey's AB code and a message."""

    def __init__(self, status, code, message):
        super(ApiError, self).__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self):
        return {'success': False, 'errorCode': self.code, 'message': self.message}


def bad_request(message):
    return ApiError(400, 'AB01', message)


def not_found(what='Resource'):
    return ApiError(404, 'AB08', '%s not found' % what)


def forbidden(message='You do not have enough permissions to perform this action, or the resource does not exist'):
    return ApiError(403, 'AB03', message)


def conflict(message):
    return ApiError(409, 'AB07', message)


class Route(object):
    def __init__(self, method, template, handler, spec_template=None):
        self.method = method
        self.template = template
        self.spec_template = spec_template or template
        self.handler = handler
        pattern = re.sub(r'\{(\w+)\}', r'(?P<\1>[^/]+)', template)
        self.regex = re.compile('^' + pattern + '$')


class Router(object):
    def __init__(self):
        self.routes = []

    def add(self, method, template, handler, spec_template=None):
        self.routes.append(Route(method, template, handler, spec_template))

    def match(self, method, path):
        """(route, path params) for a request, or (None, None); 405 is not distinguished."""
        for route in self.routes:
            if route.method != method:
                continue
            found = route.regex.match(path)
            if found:
                return route, found.groupdict()
        return None, None


ROUTER = Router()


def route(method, template, spec_template=None):
    """Register a handler: ``handler(request) -> body`` or ``(status, body)``; may raise ApiError."""
    def decorate(func):
        ROUTER.add(method, template, func, spec_template)
        return func
    return decorate


class Request(object):
    """What a handler sees of one API call."""

    def __init__(self, org, method, path, query, body, params, caller):
        self.org = org
        self.method = method
        self.path = path
        self.query = query            # dict of str -> str (last value wins)
        self.body = body              # decoded JSON or None
        self.params = params          # path parameters
        self.caller = caller          # the API key record that authenticated

    def json(self):
        if not isinstance(self.body, dict):
            raise bad_request('a JSON object body is required')
        return self.body

    def int_query(self, name, default):
        value = self.query.get(name)
        if value in (None, ''):
            return default
        try:
            return int(value)
        except ValueError:
            raise bad_request('%s must be an integer' % name)


def now():
    stamp = datetime.datetime.now(datetime.timezone.utc)
    return stamp.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (stamp.microsecond // 1000)


def kebab(name, size=6):
    text = re.sub(r'[^a-z0-9]+', '-', (name or '').lower()).strip('-')
    return text[:size].strip('-') or 'x'


class Org(object):
    """The organisation held in memory. All access happens under the server's lock."""

    ORG_ID = 'b4d2c5a8-0f6e-4c3a-9d1b-7e2f3a4b5c6d'

    def __init__(self, seed=0, admin_key='pk-emulator-admin-key'):
        self.rng = random.Random(seed)
        self.tables = {}
        self.admin_key = admin_key
        self.api_keys_by_secret = {}
        self.seed_data()

    def table(self, name):
        """The dict (id -> object) holding one kind of object."""
        return self.tables.setdefault(name, {})

    def new_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def hex6(self):
        return '%06x' % self.rng.getrandbits(24)

    def slug(self, prefix, name):
        return '%s%s-%s' % (prefix, kebab(name), self.hex6())

    def seed_data(self):
        """Users exist from the start: the API cannot create them (they come through invites)."""
        users = self.table('users')
        for first, last, email, role in (
                ('Olivia', 'Owner', 'owner@example.com', 'owner'),
                ('Ada', 'Admin', 'admin@example.com', 'admin'),
                ('Max', 'Member', 'max@example.com', 'member'),
                ('Mia', 'Member', 'mia@example.com', 'member'),
                ('Sam', 'Scientist', 'sam@example.com', 'member')):
            uid = self.new_id()
            stamp = now()
            users[uid] = {
                'object': 'user', 'id': uid, 'first_name': first, 'last_name': last, 'role': role,
                'email': email, 'created_at': stamp, 'last_updated_at': stamp,
            }
        self.api_keys_by_secret[self.admin_key] = {
            'id': self.new_id(), 'type': 'organisation-service', 'workspace_id': None, 'name': 'emulator admin key',
        }

    # -- workspaces are referenced by almost everything ---------------------------------------

    def find_workspace(self, ref):
        """The workspace with this UUID or slug, or None."""
        if not ref:
            return None
        workspaces = self.table('workspaces')
        if ref in workspaces:
            return workspaces[ref]
        for ws in workspaces.values():
            if ws['slug'] == ref:
                return ws
        return None

    def require_workspace(self, ref, missing=None):
        ws = self.find_workspace(ref)
        if ws is None:
            raise missing or not_found('Workspace')
        return ws

    def find_user(self, ref):
        users = self.table('users')
        if ref in users:
            return users[ref]
        for user in users.values():
            if user['email'] == ref:
                return user
        return None


def page(req, items, page_param='current_page', size_param='page_size', default_size=50, max_size=1000):
    """Slice a list as the API pages it, answering the usual envelope."""
    size = req.int_query(size_param, default_size)
    number = req.int_query(page_param, 0)
    if size < 1 or size > max_size:
        raise bad_request('%s must be between 1 and %d' % (size_param, max_size))
    if number < 0:
        raise bad_request('%s must be 0 or more' % page_param)
    start = number * size
    return {'object': 'list', 'total': len(items), 'data': items[start:start + size]}


def merge(target, changes, fields):
    """Partial update: copy the given fields present in ``changes`` onto ``target``."""
    for field in fields:
        if field in changes:
            target[field] = copy.deepcopy(changes[field])
    target['last_updated_at'] = now()
    return target
