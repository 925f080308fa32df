# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Validation of the emulator's traffic against Portkey's official OpenAPI spec.

Requests are always validated: an invalid one gets the API's 400 AB01 answer, as the live API
would give.  Responses are validated when the emulator runs under the tests; a response that does
not fit the spec is recorded as a violation (the tests fail on any), except at the places listed in
``KNOWN_SPEC_DEVIATIONS``, where the live API is known to differ from its spec.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import PathNotFound, OperationNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC_CANDIDATES = (
    os.environ.get('PORTKEY_OPENAPI_SPEC') or '',
    os.path.join(HERE, '..', '..', '..', 'shared', 'portkey-openapi', 'openapi.yaml'),
)
SPEC_HOST = 'https://api.portkey.ai'

# (method, spec path) -> why the live API answers differently from the spec. Responses at these
# places are not validated. Requests are validated everywhere except where REQUEST_DEVIATIONS says.
KNOWN_SPEC_DEVIATIONS = {
    # The live GET shows periodic_reset as "" when unset (API-NOTES 24), outside the spec's enum.
    ('GET', '/admin/workspaces/{workspaceId}'): 'usage_limits[].periodic_reset is "" when unset',
    ('GET', '/admin/workspaces'): 'usage_limits[].periodic_reset is "" when unset',
    ('POST', '/admin/workspaces'): 'usage_limits[].periodic_reset is "" when unset',
    # The master spec wraps config responses in {success, data}; the live API answers flat
    # objects with config as a JSON string (API-NOTES 10, unmerged fix/config-response-schema).
    ('POST', '/configs'): 'flat {id, version_id, slug, object} instead of {success, data}',
    ('GET', '/configs'): 'flat list envelope {object, total, data}',
    ('GET', '/configs/{slug}'): 'flat object, config as a JSON string, is_default as 0/1',
    ('PUT', '/configs/{slug}'): '{version_id} at top level',
    ('GET', '/configs/{slug}/versions'): 'versions carry config as a JSON string',
}

# (method, spec path) -> (why a request the live API takes does not fit the spec, what to do):
# ``None`` skips the request's validation; a tuple of field names is validated without those
# fields when they are null (the live API takes null there to clear a value).
REQUEST_DEVIATIONS = {
    # The live DELETE needs a body {name, force_delete} that the master spec does not document.
    ('DELETE', '/admin/workspaces/{workspaceId}'): ('body {name, force_delete} (API-NOTES 2, 24)', None),
    # null clears a workspace's limits on PUT (API-NOTES 24); the spec's arrays are not nullable.
    ('PUT', '/admin/workspaces/{workspaceId}'): ('null clears usage_limits / rate_limits',
                                                 ('usage_limits', 'rate_limits')),
}


def find_spec():
    for candidate in SPEC_CANDIDATES:
        if candidate and os.path.exists(candidate):
            return os.path.abspath(candidate)
    raise RuntimeError('Portkey OpenAPI spec not found; set PORTKEY_OPENAPI_SPEC to shared/portkey-openapi/openapi.yaml')


_CACHE = {}


def load(path=None):
    """The OpenAPI object for the spec (parsed once per process)."""
    path = path or find_spec()
    if path not in _CACHE:
        loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
        with open(path) as handle:
            document = yaml.load(handle, Loader=loader)
        _CACHE[path] = OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))
    return _CACHE[path]


class _Request(object):
    """The request protocol openapi-core validates."""

    def __init__(self, method, path, query, body, path_params=None):
        self.host_url = SPEC_HOST
        self.path = '/v1' + path
        self.full_url_pattern = SPEC_HOST + self.path
        self.method = method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(query.items())),
            header=Headers({'x-portkey-api-key': 'x', 'Content-Type': 'application/json'}),
            cookie=ImmutableMultiDict(),
            path=path_params or {},
        )
        self.content_type = 'application/json'
        self.body = None if body is None else json.dumps(body).encode('utf-8')


class _Response(object):
    def __init__(self, status, body):
        self.status_code = status
        self.content_type = 'application/json'
        self.data = json.dumps(body).encode('utf-8')
        self.headers = Headers({'Content-Type': 'application/json'})


def _summary(exc):
    """A short, readable reason from openapi-core's nested exceptions."""
    parts = [str(exc)]
    cause = exc.__cause__
    while cause is not None:
        errors = getattr(cause, 'schema_errors', None)
        if errors:
            parts = ['%s: %s' % ('/'.join(str(p) for p in e.absolute_path) or '(body)', e.message) for e in errors]
            break
        parts.append(str(cause))
        cause = cause.__cause__
    text = '; '.join(parts)
    return text if len(text) < 600 else text[:600] + '...'


class SpecValidator(object):
    def __init__(self, path=None):
        self.api = load(path)

    def validate_request(self, method, path, query, body, spec_template):
        """None when the request fits the spec, else a message for the 400 answer."""
        deviation = REQUEST_DEVIATIONS.get((method, spec_template))
        if deviation is not None:
            if deviation[1] is None:
                return None
            if isinstance(body, dict):
                body = dict((k, v) for k, v in body.items() if not (k in deviation[1] and v is None))
        try:
            self.api.validate_request(_Request(method, path, query, body))
        except (PathNotFound, OperationNotFound):
            return None  # an endpoint the spec does not know (documented elsewhere): not checked
        except Exception as exc:  # pylint: disable=broad-except
            return _summary(exc)
        return None

    def validate_response(self, method, path, query, request_body, status, body, spec_template):
        """None when the response fits the spec (or a known deviation applies), else why not."""
        if (method, spec_template) in KNOWN_SPEC_DEVIATIONS or status >= 400:
            return None
        try:
            self.api.validate_response(_Request(method, path, query, request_body), _Response(status, body))
        except (PathNotFound, OperationNotFound):
            return None
        except Exception as exc:  # pylint: disable=broad-except
            return _summary(exc)
        return None
