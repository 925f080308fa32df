# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Portkey Admin API client shared by every module and plugin of the collection.

One :class:`PortkeyClient` wraps one ``requests.Session``.  It adds the API key header and a
User-Agent, retries what is safe to retry (with exponential backoff, jitter, ``Retry-After`` and a
deadline), hides the API's several list envelopes behind :meth:`PortkeyClient.paginate`, and turns
every failure into one exception type, :class:`PortkeyError`.

This file is private to the collection (its name starts with an underscore): its interface may
change between releases.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import json
import random
import sys
import time

try:
    import requests
    from requests import exceptions as requests_exceptions
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError as _exc:  # pragma: no cover - exercised by the sanity import test
    requests = None
    requests_exceptions = None
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = _exc

from ansible_collections.portkey.ai.plugins.module_utils._version import COLLECTION_VERSION

DEFAULT_BASE_URL = 'https://api.portkey.ai/v1'
API_KEY_HEADER = 'x-portkey-api-key'
ENV_API_KEY = 'PORTKEY_API_KEY'
ENV_BASE_URL = 'PORTKEY_BASE_URL'

# Methods the client may retry after a 5xx or a broken connection: the API applies them
# idempotently (a GET reads, a PUT sets fields to values, a DELETE of a gone object is a no-op).
IDEMPOTENT_METHODS = frozenset(['GET', 'PUT', 'DELETE', 'HEAD'])
RETRY_STATUSES = frozenset([429, 500, 502, 503, 504])

# The keys under which the Admin API's list endpoints put their items (API-NOTES 1.5).
LIST_ENVELOPE_KEYS = ('data', 'workspaces', 'models', 'mappings', 'records')

# Paging parameter names: most lists use snake_case, users and invites use camelCase.
PAGING_STYLES = {
    'snake': ('current_page', 'page_size'),
    'camel': ('currentPage', 'pageSize'),
}

MAX_PAGES = 10000


def user_agent():
    """The User-Agent that names the collection, its version, Python and ansible-core."""
    try:
        from ansible.module_utils.ansible_release import __version__ as ansible_version
    except ImportError:  # pragma: no cover - ansible-core is always there when modules run
        ansible_version = 'unknown'
    return 'portkey.ai-ansible-collection/%s (ansible-core %s; python %d.%d)' % (
        COLLECTION_VERSION, ansible_version, sys.version_info[0], sys.version_info[1])


class PortkeyError(Exception):
    """Any failure of an Admin API call.

    Carries what a person needs to act: the HTTP method and path, the status (``None`` when no
    answer came), Portkey's error code (``AB01`` ...) and message, and an optional hint.
    ``ambiguous`` is true when the request may have reached the server although no answer came.
    """

    def __init__(self, message, method=None, path=None, status=None, code=None, hint=None,
                 ambiguous=False, body=None):
        super(PortkeyError, self).__init__(message)
        self.message = message
        self.method = method
        self.path = path
        self.status = status
        self.code = code
        self.hint = hint
        self.ambiguous = ambiguous
        self.body = body

    def __str__(self):
        where = ' '.join(p for p in (self.method, self.path) if p)
        parts = []
        if where:
            parts.append(where)
        if self.status is not None:
            parts.append('HTTP %s' % self.status)
        if self.code:
            parts.append(self.code)
        text = ': '.join([', '.join(parts), self.message]) if parts else self.message
        if self.hint:
            text = '%s. %s' % (text.rstrip('.'), self.hint)
        return text

    def to_dict(self):
        """The error's facts, for a module's failure result."""
        return dict(method=self.method, path=self.path, status=self.status, code=self.code,
                    message=self.message)


def _error_details(body, text):
    """Find Portkey's error code and message in any of the shapes the API uses (API-NOTES 1.3)."""
    code = message = None
    if isinstance(body, dict):
        code = body.get('errorCode') or body.get('code')
        message = body.get('message')
        err = body.get('error')
        if isinstance(err, dict):
            code = code or err.get('code') or err.get('type')
            message = message or err.get('message')
        elif isinstance(err, str):
            message = message or err
        data = body.get('data')
        if isinstance(data, dict):
            message = message or data.get('message')
    if not message and text:
        message = text.strip()[:300]
    if code is not None and not isinstance(code, str):
        code = str(code)
    return code, message


def _retry_after_seconds(value, now=None):
    """Parse a Retry-After header: seconds, or an HTTP date. ``None`` when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _not_sent(exc):
    """True when a connection error certainly happened before the request reached the server."""
    if requests_exceptions is not None and isinstance(exc, requests_exceptions.ConnectTimeout):
        return True
    seen = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        name = type(current).__name__
        if name in ('NewConnectionError', 'NameResolutionError', 'ConnectionRefusedError', 'ConnectTimeoutError'):
            return True
        stack.extend([getattr(current, '__cause__', None), getattr(current, '__context__', None),
                      getattr(current, 'reason', None)])
        stack.extend(a for a in getattr(current, 'args', ()) if isinstance(a, BaseException))
    return False


class PortkeyClient(object):
    """A client of the Portkey Admin API.

    ``read_only`` makes every write raise before anything is sent: modules set it in check mode,
    so check mode cannot write even if a resource hook forgets to look at it.
    """

    def __init__(self, api_key, base_url=DEFAULT_BASE_URL, validate_certs=True, request_timeout=30.0,
                 max_retries=3, backoff_base=0.5, backoff_max=30.0, deadline=300.0, read_only=False,
                 session=None, sleep=time.sleep, clock=time.monotonic, rng=None):
        if not HAS_REQUESTS:
            raise RuntimeError('The Portkey client needs the Python library requests')
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip('/')
        self.validate_certs = validate_certs
        self.request_timeout = request_timeout
        self.max_retries = max(0, int(max_retries))
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.deadline = deadline
        self.read_only = read_only
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self.session = session or requests.Session()
        self.session.headers.update({
            API_KEY_HEADER: api_key or '',
            'User-Agent': user_agent(),
            'Accept': 'application/json',
        })
        # Every request the client sent: (method, path, status). Handy in tests and for debugging.
        self.calls = []

    # -- the one request path --------------------------------------------------------------

    def request(self, method, path, params=None, json_body=None, missing_ok=False):
        """Send one API call with retries; return the decoded JSON body (``{}`` when empty).

        With ``missing_ok`` a 404 answers ``None`` instead of raising.
        """
        method = method.upper()
        if self.read_only and method not in ('GET', 'HEAD'):
            raise PortkeyError('refusing to write in check mode (this is a bug in the collection)',
                               method=method, path=path)
        url = self.base_url + path
        params = dict((k, v) for k, v in (params or {}).items() if v is not None)
        started = self._clock()
        attempt = 0
        while True:
            response = None
            try:
                response = self.session.request(
                    method, url, params=params or None,
                    data=None if json_body is None else json.dumps(json_body),
                    headers={'Content-Type': 'application/json'} if json_body is not None else None,
                    timeout=self.request_timeout, verify=self.validate_certs)
            except requests_exceptions.RequestException as exc:
                sent = not _not_sent(exc)
                retryable = method in IDEMPOTENT_METHODS or not sent
                self.calls.append((method, path, None))
                error = PortkeyError(
                    'no answer from %s: %s' % (self.base_url, _describe_connection_error(exc)),
                    method=method, path=path, ambiguous=sent and method not in IDEMPOTENT_METHODS,
                    hint='Check base_url and the network; raise request_timeout if the API is slow.'
                    if not isinstance(exc, requests_exceptions.SSLError) else
                    'The TLS certificate could not be verified; fix the CA bundle or set validate_certs=false.')
                if isinstance(exc, requests_exceptions.SSLError) or isinstance(exc, requests_exceptions.InvalidURL):
                    raise error
                if retryable and self._may_retry(attempt, started, None):
                    self._sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise error

            status = response.status_code
            self.calls.append((method, path, status))
            if status < 400:
                return _decode(response, method, path)
            if status == 404 and missing_ok:
                return None
            retryable = status == 429 or (status in RETRY_STATUSES and method in IDEMPOTENT_METHODS)
            wait = _retry_after_seconds(response.headers.get('Retry-After'))
            if retryable and self._may_retry(attempt, started, wait):
                self._sleep(self._backoff(attempt, wait))
                attempt += 1
                continue
            raise self._http_error(method, path, response)

    def get(self, path, params=None, missing_ok=False):
        return self.request('GET', path, params=params, missing_ok=missing_ok)

    def post(self, path, json_body=None, params=None):
        return self.request('POST', path, params=params, json_body={} if json_body is None else json_body)

    def put(self, path, json_body=None, params=None):
        return self.request('PUT', path, params=params, json_body={} if json_body is None else json_body)

    def delete(self, path, json_body=None, params=None, missing_ok=False):
        return self.request('DELETE', path, params=params, json_body=json_body, missing_ok=missing_ok)

    # -- lists -----------------------------------------------------------------------------

    def paginate(self, path, params=None, paging='snake', page_size=100, items_key=None):
        """Yield every item of a list endpoint, page after page.

        ``paging`` names the paging parameters (``snake``: current_page/page_size, ``camel``:
        currentPage/pageSize, ``None``: the endpoint returns everything at once).  The envelope is
        found on its own: a bare array, or the first list under ``data``, ``workspaces``,
        ``models``, ``mappings`` or ``records`` (or ``items_key`` when given).
        """
        params = dict(params or {})
        if paging is None:
            yield from _items(self.get(path, params=params), items_key)
            return
        page_param, size_param = PAGING_STYLES[paging]
        seen = 0
        for page in range(MAX_PAGES):
            params[page_param] = page
            params[size_param] = page_size
            body = self.get(path, params=params)
            items = _items(body, items_key)
            yield from items
            seen += len(items)
            total = body.get('total', body.get('total_count')) if isinstance(body, dict) else None
            if not items:
                return
            if isinstance(total, int) and not isinstance(total, bool):
                # Trust the total when there is one: a server may cap the page size below ours.
                if seen >= total:
                    return
            elif len(items) < page_size:
                return

    def list(self, path, params=None, paging='snake', page_size=100, items_key=None):
        """Every item of a list endpoint, as a list."""
        return list(self.paginate(path, params=params, paging=paging, page_size=page_size, items_key=items_key))

    def pause(self, attempt):
        """Wait as before retry number ``attempt`` (for callers that retry on their own)."""
        self._sleep(self._backoff(max(0, attempt - 1), None))

    # -- helpers ---------------------------------------------------------------------------

    def _may_retry(self, attempt, started, wait):
        if attempt >= self.max_retries:
            return False
        if self.deadline is None:
            return True
        expected = self._backoff_cap(attempt) if wait is None else wait
        return (self._clock() - started) + expected <= self.deadline

    def _backoff_cap(self, attempt):
        return min(self.backoff_max, self.backoff_base * (2 ** attempt))

    def _backoff(self, attempt, retry_after):
        """How long to wait before the next attempt.

        The server's Retry-After wins (plus up to 10% jitter, so many clients do not come back in
        the same instant); otherwise exponential backoff with "equal jitter".
        """
        if retry_after is not None:
            return min(retry_after, self.deadline or retry_after) + self._rng.uniform(0, 0.1 * retry_after)
        cap = self._backoff_cap(attempt)
        return cap / 2.0 + self._rng.uniform(0, cap / 2.0)

    def _http_error(self, method, path, response):
        text = response.text or ''
        try:
            body = response.json()
        except ValueError:
            body = None
        code, message = _error_details(body, text)
        status = response.status_code
        hint = None
        if status == 401:
            hint = 'Check api_key (or the PORTKEY_API_KEY environment variable).'
        elif status == 429:
            hint = 'The API kept rate-limiting the requests; raise max_retries or try again later.'
        elif status == 404 and not self.base_url.endswith('/v1'):
            hint = 'base_url is %s: the Admin API is usually under /v1 (e.g. https://api.portkey.ai/v1).' % self.base_url
        # A POST answered 5xx may or may not have been carried out: the engine looks before retrying.
        ambiguous = method not in IDEMPOTENT_METHODS and status >= 500
        return PortkeyError(message or response.reason or 'HTTP error', method=method, path=path,
                            status=status, code=code, hint=hint, body=body, ambiguous=ambiguous)


def _describe_connection_error(exc):
    if requests_exceptions is not None and isinstance(exc, requests_exceptions.Timeout):
        return 'timed out'
    text = str(exc)
    # urllib3 messages repeat the whole URL and object reprs; keep them short.
    return text if len(text) < 300 else text[:300] + '...'


def _decode(response, method, path):
    if not response.content or not response.content.strip():
        return {}
    try:
        return response.json()
    except ValueError:
        raise PortkeyError('the API answered with something that is not JSON: %r' % response.text[:200],
                           method=method, path=path, status=response.status_code)


def _items(body, items_key=None):
    if isinstance(body, list):
        return body
    if not isinstance(body, dict):
        return []
    keys = (items_key,) if items_key else LIST_ENVELOPE_KEYS
    for key in keys:
        value = body.get(key)
        if isinstance(value, list):
            return value
    return []
