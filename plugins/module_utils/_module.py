# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""PortkeyModule: an AnsibleModule with the collection's connection options and error handling.

Every module builds one, hands it its own argument spec, and gets the Admin API client from
``module.client``.  Failures of the API become ``fail_json`` with a message a person can act on.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

try:
    from urllib.parse import urlparse
except ImportError:  # pragma: no cover - Python 2 is not supported, this only keeps compile happy
    from urlparse import urlparse  # type: ignore

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.portkey.ai.plugins.module_utils import _client
from ansible_collections.portkey.ai.plugins.module_utils._client import (
    DEFAULT_BASE_URL,
    ENV_API_KEY,
    ENV_BASE_URL,
    PortkeyClient,
)

# The connection options every module has; documented once in doc_fragments/auth.py.
AUTH_ARGUMENT_SPEC = dict(
    api_key=dict(type='str', no_log=True, fallback=(env_fallback, [ENV_API_KEY])),
    base_url=dict(type='str', default=DEFAULT_BASE_URL, fallback=(env_fallback, [ENV_BASE_URL])),
    validate_certs=dict(type='bool', default=True),
    request_timeout=dict(type='float', default=30.0),
    max_retries=dict(type='int', default=3),
)


def validate_connection_options(api_key, base_url, request_timeout, max_retries):
    """Return a list of problems with the connection options (empty when they are fine).

    Shared by the modules and the inventory plugin, so both say the same thing.
    """
    problems = []
    if not api_key or not api_key.strip():
        problems.append('api_key is required: set the api_key option or the %s environment variable' % ENV_API_KEY)
    parsed = urlparse(base_url or '')
    if parsed.scheme not in ('http', 'https') or not parsed.netloc:
        problems.append('base_url must be an http(s) URL such as %s, got %r' % (DEFAULT_BASE_URL, base_url))
    if request_timeout is not None and request_timeout <= 0:
        problems.append('request_timeout must be a positive number of seconds, got %r' % (request_timeout,))
    if max_retries is not None and max_retries < 0:
        problems.append('max_retries must be 0 or more, got %r' % (max_retries,))
    return problems


def client_from_options(options, read_only=False):
    """Build the Admin API client from a dict holding the connection options."""
    return PortkeyClient(
        api_key=options['api_key'],
        base_url=options['base_url'],
        validate_certs=options['validate_certs'],
        request_timeout=options['request_timeout'],
        max_retries=options['max_retries'],
        read_only=read_only,
    )


class PortkeyModule(AnsibleModule):
    """AnsibleModule plus the connection options, their checks and the Admin API client."""

    def __init__(self, argument_spec, **kwargs):
        spec = dict(AUTH_ARGUMENT_SPEC)
        spec.update(argument_spec)
        super(PortkeyModule, self).__init__(argument_spec=spec, **kwargs)
        if not _client.HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib('requests'), exception=str(_client.REQUESTS_IMPORT_ERROR))
        problems = validate_connection_options(self.params['api_key'], self.params['base_url'],
                                               self.params['request_timeout'], self.params['max_retries'])
        if problems:
            self.fail_json(msg='; '.join(problems))
        self._client = None

    @property
    def client(self):
        """The module run's one Admin API client; read-only in check mode."""
        if self._client is None:
            self._client = client_from_options(self.params, read_only=self.check_mode)
        return self._client

    def fail_on_api_error(self, error, action=None, **result):
        """fail_json for a PortkeyError: the operation, method, path, status, code, message, hint."""
        msg = str(error)
        if action:
            msg = 'Failed to %s: %s' % (action, msg)
        self.fail_json(msg=msg, api_error=error.to_dict(), **result)
