# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The emulator's HTTP server: authentication, spec validation, the request log, fault
injection, stale reads, and the control endpoints under ``/_emulator`` that tests use.

Control endpoints (no API key needed; the server listens on loopback):

- ``GET /_emulator/requests``: the request log (secrets masked); ``DELETE`` clears it.
- ``GET /_emulator/violations``: responses that did not fit the spec (response validation on).
- ``PUT /_emulator/faults``: fault injection, e.g. ``{"error_rate": 0.2, "seed": 1}``.
- ``POST /_emulator/reset``: a fresh organisation (same seed), empty log, no faults.
- ``GET /_emulator/health``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import json
import random
import re
import sys
import threading
import time

try:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qsl, urlsplit
except ImportError:  # pragma: no cover
    raise

# Importing the package registers every resource family's routes.
from . import routes  # noqa: F401  pylint: disable=unused-import
from .core import ROUTER, ApiError, Org, Request

API_PREFIX = '/v1'
SECRET_KEY_PATTERN = re.compile(r'(^key$|secret|password|token$|^api_key$|service_account_json|^x-portkey-api-key$)', re.I)
# Keys whose name matches the pattern but whose values are not secret.
NOT_SECRET_KEYS = frozenset(['max_tokens', 'masked_key'])
MASK = '********'

FAULT_DEFAULTS = {
    'seed': 0,
    'error_rate': 0.0,        # share of API requests answered 503 before the handler runs
    'rate_limit_rate': 0.0,   # share answered 429 with Retry-After
    'retry_after': 1,         # seconds, in the Retry-After header
    'latency': 0.0,           # seconds added to every API request
    'drop_rate': 0.0,         # share of requests whose connection is closed after the handler ran
    'stale_reads': False,     # the first GET after a PUT answers the object as it was before
    'fail_paths': [],         # [{"method": "POST", "path": "/admin/workspaces", "status": 503, "times": 1}]
}


# Lists whose items' "key" field names a field (policy conditions and group_by), not a secret.
FIELD_NAME_LISTS = frozenset(['conditions', 'group_by'])


def mask(value, parent=None):
    """A copy of a JSON value with every secret-looking field masked."""
    if isinstance(value, dict):
        return dict((k, MASK if (SECRET_KEY_PATTERN.search(k) and k not in NOT_SECRET_KEYS and v not in (None, '')
                                 and not (k == 'key' and parent in FIELD_NAME_LISTS))
                     else mask(v, k)) for k, v in value.items())
    if isinstance(value, list):
        return [mask(v, parent) for v in value]
    return value


class Emulator(object):
    """The emulated Admin API. ``start()`` serves it on a thread; ``base_url`` is where."""

    def __init__(self, host='127.0.0.1', port=0, admin_key='pk-emulator-admin-key', seed=0,
                 validate_responses=False, spec_path=None, quiet=True, require_spec=True):
        from .spec import SpecValidator  # loaded here: parsing the spec takes a moment
        self.admin_key = admin_key
        self.seed = seed
        try:
            self.validator = SpecValidator(spec_path)
        except RuntimeError as exc:
            # Tests always validate; someone trying playbooks without ../shared may go on unchecked.
            if require_spec:
                raise
            sys.stderr.write('warning: %s; requests are not validated against the spec\n' % exc)
            self.validator = None
        self.validate_responses = validate_responses
        self.quiet = quiet
        self.lock = threading.RLock()
        self.reset()
        emulator = self

        class Handler(_Handler):
            pass
        Handler.emulator = emulator
        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.thread = None

    # -- life cycle --------------------------------------------------------------------

    @property
    def port(self):
        return self.httpd.server_address[1]

    @property
    def base_url(self):
        return 'http://%s:%d%s' % (self.httpd.server_address[0], self.port, API_PREFIX)

    def start(self):
        self.thread = threading.Thread(target=self.httpd.serve_forever, name='portkey-emulator', daemon=True)
        self.thread.start()
        return self

    def serve_forever(self):
        self.httpd.serve_forever()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def reset(self):
        with self.lock:
            self.org = Org(seed=self.seed, admin_key=self.admin_key)
            self.log = []
            self.violations = []
            self.faults = dict(FAULT_DEFAULTS)
            self.fault_rng = random.Random(0)
            self.stale = {}

    def set_faults(self, faults):
        with self.lock:
            unknown = set(faults) - set(FAULT_DEFAULTS)
            if unknown:
                raise ValueError('unknown fault settings: %s' % ', '.join(sorted(unknown)))
            self.faults = dict(FAULT_DEFAULTS)
            self.faults.update(faults)
            self.fault_rng = random.Random(self.faults['seed'])

    # -- one API call ------------------------------------------------------------------

    def handle(self, method, raw_path, headers, raw_body):
        """Answer one request: (status, headers, body or None, drop_connection)."""
        parts = urlsplit(raw_path)
        path = parts.path
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        if path.startswith('/_emulator/'):
            return self.control(method, path, raw_body)
        with self.lock:
            faults = self.faults
            latency = faults['latency']
        if latency:
            time.sleep(latency)
        with self.lock:
            status, extra_headers, body, drop, spec_template, request_body = self._api(method, path, query, headers, raw_body)
            entry = {
                'method': method, 'path': path, 'query': query, 'status': status,
                'body': mask(request_body), 'route': spec_template,
                'time': time.time(),
            }
            self.log.append(entry)
            if self.validator and self.validate_responses and spec_template and body is not None and status < 400:
                problem = self.validator.validate_response(method, path[len(API_PREFIX):], query, request_body,
                                                           status, body, spec_template)
                if problem:
                    self.violations.append({'method': method, 'route': spec_template, 'problem': problem})
            if not self.quiet:
                sys.stderr.write('%s %s%s -> %s\n' % (method, path, '?' + parts.query if parts.query else '', status))
        return status, extra_headers, body, drop

    def _api(self, method, path, query, headers, raw_body):
        request_body = None
        if not path.startswith(API_PREFIX + '/'):
            return 404, {}, ApiError(404, 'AB02', 'Not found').body(), False, None, None
        api_path = path[len(API_PREFIX):]
        route, params = ROUTER.match(method, api_path)
        spec_template = route.spec_template if route else None
        if raw_body:
            try:
                request_body = json.loads(raw_body.decode('utf-8'))
            except ValueError:
                return 400, {}, ApiError(400, 'AB01', 'Invalid JSON body').body(), False, spec_template, None
        caller = self.org.api_keys_by_secret.get(headers.get('x-portkey-api-key') or '')
        if caller is None:
            return 401, {}, {'success': False, 'errorCode': 'AB05', 'message': 'Unauthorised Request',
                             'data': {'message': 'Unauthorised Request'}}, False, spec_template, request_body
        fault = self._fault(method, api_path)
        if fault is not None:
            status, fault_headers = fault
            return status, fault_headers, ApiError(status, 'AB06' if status == 429 else 'AB04',
                                                   'Injected fault').body(), False, spec_template, request_body
        if route is None:
            return 404, {}, ApiError(404, 'AB02', 'No route for %s %s' % (method, api_path)).body(), False, None, request_body
        problem = self.validator and self.validator.validate_request(method, api_path, query, request_body, spec_template)
        if problem:
            return 400, {}, ApiError(400, 'AB01', 'Invalid request: %s' % problem).body(), False, spec_template, request_body
        drop = self.faults['drop_rate'] and self.fault_rng.random() < self.faults['drop_rate']
        if method == 'GET' and self.faults['stale_reads'] and api_path in self.stale:
            return 200, {}, self.stale.pop(api_path), drop, spec_template, request_body
        if method in ('PUT', 'DELETE') and self.faults['stale_reads']:
            self._remember_for_stale(api_path, caller, query)
        req = Request(self.org, method, api_path, query, request_body, params, caller)
        try:
            answer = route.handler(req)
        except ApiError as exc:
            return exc.status, {}, exc.body(), False, spec_template, request_body
        status, body = answer if isinstance(answer, tuple) else (200, answer)
        return status, {}, copy.deepcopy(body), drop, spec_template, request_body

    def _remember_for_stale(self, api_path, caller, query):
        route, params = ROUTER.match('GET', api_path)
        if route is None:
            return
        try:
            self.stale[api_path] = copy.deepcopy(route.handler(Request(self.org, 'GET', api_path, query, None, params, caller)))
        except ApiError:
            pass

    def _fault(self, method, api_path):
        faults = self.faults
        for rule in faults['fail_paths']:
            if rule.get('times', 1) > 0 and rule.get('method', method) == method and re.match(rule['path'] + '$', api_path):
                rule['times'] = rule.get('times', 1) - 1
                status = rule.get('status', 503)
                return status, ({'Retry-After': str(faults['retry_after'])} if status == 429 else {})
        if faults['rate_limit_rate'] and self.fault_rng.random() < faults['rate_limit_rate']:
            return 429, {'Retry-After': str(faults['retry_after'])}
        if faults['error_rate'] and self.fault_rng.random() < faults['error_rate']:
            return 503, {}
        return None

    # -- control endpoints --------------------------------------------------------------

    def control(self, method, path, raw_body):
        with self.lock:
            if path == '/_emulator/health':
                return 200, {}, {'ok': True}, False
            if path == '/_emulator/requests' and method == 'GET':
                return 200, {}, {'requests': copy.deepcopy(self.log)}, False
            if path == '/_emulator/requests' and method == 'DELETE':
                self.log = []
                return 200, {}, {}, False
            if path == '/_emulator/violations':
                return 200, {}, {'violations': list(self.violations)}, False
            if path == '/_emulator/reset' and method == 'POST':
                self.reset()
                return 200, {}, {}, False
            if path == '/_emulator/faults' and method == 'PUT':
                try:
                    self.set_faults(json.loads(raw_body.decode('utf-8') or '{}') if raw_body else {})
                except ValueError as exc:
                    return 400, {}, {'message': str(exc)}, False
                return 200, {}, dict(self.faults), False
        return 404, {}, {'message': 'unknown control endpoint'}, False


class _Handler(BaseHTTPRequestHandler):
    emulator = None
    protocol_version = 'HTTP/1.1'
    server_version = 'PortkeyEmulator/1'

    def log_message(self, fmt, *args):  # the emulator keeps its own log
        pass

    def _serve(self):
        length = int(self.headers.get('Content-Length') or 0)
        raw_body = self.rfile.read(length) if length else b''
        status, headers, body, drop = self.emulator.handle(self.command, self.path, self.headers, raw_body)
        if drop:
            self.close_connection = True
            self.connection.close()
            return
        payload = b'' if body is None else json.dumps(body).encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(payload)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve
