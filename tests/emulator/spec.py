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
    # Configs need no entry: the live API answers flat objects (config as a JSON string, is_default
    # 0/1) where the master spec shows {success, data} (API-NOTES 10), but the spec's config
    # schemas require no field and allow extra ones, so the flat answers still validate, and
    # validating them checks their field types (uuid ids, integer is_default, string config).
    # Workspace members' roles come back as ws-admin / ws-manager / ws-member (API-NOTES 3, 24).
    ('GET', '/admin/workspaces/{workspaceId}/users'): 'role with a ws- prefix, outside the enum',
    ('GET', '/admin/workspaces/{workspaceId}/users/{userId}'): 'role with a ws- prefix; no id (API-NOTES 24)',
    # The live version list is {data: [...]} (as the TF provider reads it), not a bare array (API-NOTES 1.5, 11).
    ('GET', '/prompts/{promptId}/versions'): '{data: [PromptVersionSummary]} instead of a bare array',
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

# Component schemas of the spec that no real traffic can fit, replaced before validating (requests
# and responses), so the rest of each body is still checked: 'Schema' or 'Schema.property' ->
# (why, the schema used instead).
SCHEMA_DEVIATIONS = {
    # The spec requires deny/async/on_success/on_fail, while its own examples (and the live API)
    # take free-form actions such as {onFail, message} (API-NOTES 14).
    'GuardrailActions': ('actions is free-form JSON', {'type': 'object'}),
    # The oneOf of ~30 *Parameters schemas can never pass: BasicParameters takes any object, so
    # every value matches several branches. Parameters are specific to the check (API-NOTES 14).
    'GuardrailCheck.parameters': ('parameters is an object specific to the check', {'type': 'object'}),
    # Usage-limits policies: null means "no periodic reset" (the spec says so, and "set to null to
    # remove" on update), but its enum leaves null out, which the validator enforces (API-NOTES 15).
    'UsageLimitsPolicy.periodic_reset': ('null when unset', {'type': 'string', 'nullable': True, 'enum': ['monthly', 'weekly', None]}),
    'UpdateUsageLimitsPolicyRequest.periodic_reset': ('null removes it', {'type': 'string', 'nullable': True, 'enum': ['monthly', 'weekly', None]}),
    # API keys: unset fields come back null, and numbers as float literals (10.0) (API-NOTES 17, 24).
    'ApiKeyObject.description': ('null when unset', {'type': 'string', 'nullable': True}),
    'ApiKeyObject.workspace_id': ('null for organisation keys', {'type': 'string', 'nullable': True}),
    'ApiKeyObject.user_id': ('null for service keys', {'type': 'string', 'format': 'uuid', 'nullable': True}),
    'ApiKeyObject.expires_at': ('null when the key never expires', {'type': 'string', 'format': 'date-time', 'nullable': True}),
    'ApiKeyObject.usage_limits': ('null when unset; numbers as floats', {
        'type': 'object', 'nullable': True, 'properties': {
            'type': {'type': 'string', 'enum': ['cost', 'tokens']}, 'credit_limit': {'type': 'number'},
            'alert_threshold': {'type': 'number', 'nullable': True},
            'periodic_reset': {'type': 'string', 'enum': ['monthly', 'weekly'], 'nullable': True}}}),
    'ApiKeyObject.rate_limits': ('values as floats', {'type': 'array', 'items': {'type': 'object', 'properties': {
        'type': {'type': 'string', 'enum': ['requests', 'tokens']},
        'unit': {'type': 'string', 'enum': ['rpd', 'rph', 'rpm', 'rps', 'rpw']}, 'value': {'type': 'number'}}}}),
    # Integration configurations: the oneOf of provider variants can never pass, as most variants
    # require nothing, so any object matches several; reads also rename secrets masked_<field> (API-NOTES 7).
    'CreateIntegrationRequest.configurations': ('configurations is provider-specific', {'type': 'object'}),
    'UpdateIntegrationRequest.configurations': ('configurations is provider-specific', {'type': 'object'}),
    'IntegrationDetailResponse': ('the same oneOf inside an allOf', {'allOf': [
        {'$ref': '#/components/schemas/IntegrationList'},
        {'type': 'object', 'properties': {
            'masked_key': {'type': 'string'}, 'configurations': {'type': 'object'},
            'global_workspace_access_settings': {'$ref': '#/components/schemas/GlobalWorkspaceAccess'},
            'allow_all_models': {'type': 'boolean'}, 'workspace_count': {'type': 'integer'},
            'secret_mappings': {'type': 'array', 'items': {'$ref': '#/components/schemas/SecretMapping'}}}}]}),
    # Prompts: is_raw_template is 0/1 (API-NOTES 1.4, 11); unset version fields are null.
    'Prompt.is_raw_template': ('0/1, not a boolean', {'type': 'integer', 'enum': [0, 1]}),
    'Prompt.prompt_version_description': ('null when unset', {'type': 'string', 'nullable': True}),
    'Prompt.prompt_version_label_id': ('null when unset', {'type': 'string', 'format': 'uuid', 'nullable': True}),
    'Prompt.tool_choice': ('null when unset', {'type': 'object', 'nullable': True}),
    'PromptVersionSummary.prompt_description': ('null when unset', {'type': 'string', 'nullable': True}),
    'PromptVersionSummary.label_id': ('null when unset', {'type': 'string', 'format': 'uuid', 'nullable': True}),
    # Collections: is_default is 0/1 (API-NOTES 1.4, 13).
    'Collection.is_default': ('0/1, not a boolean', {'type': 'integer', 'enum': [0, 1]}),
}


def relax_schemas(document):
    """Apply SCHEMA_DEVIATIONS to the parsed spec document (in place)."""
    schemas = document.get('components', {}).get('schemas', {})
    for target, (dummy, replacement) in SCHEMA_DEVIATIONS.items():
        name, dummy_dot, prop = target.partition('.')
        if name not in schemas:
            continue
        if prop:
            schemas[name].setdefault('properties', {})[prop] = dict(replacement)
        else:
            schemas[name] = dict(replacement)
    return document


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
        relax_schemas(document)
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
