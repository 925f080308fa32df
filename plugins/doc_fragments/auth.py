# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """How every module and plugin of the collection reaches the Portkey Admin API."""

    # For modules. Ansible's module docs have no env keyword, so the descriptions name the
    # environment variables; the module code reads them (see module_utils/_module.py).
    DOCUMENTATION = r'''
options:
  api_key:
    description:
      - A Portkey Admin API key (an organisation service key), sent as the C(x-portkey-api-key) header.
      - If not set, the value of the E(PORTKEY_API_KEY) environment variable is used.
      - Never shown in output or logs.
    type: str
  base_url:
    description:
      - The base URL of the Portkey Admin API, with the C(/v1) at its end.
      - Point it at your own control plane for a self-hosted Portkey, or at the emulator in this
        collection's C(tests/emulator) to try playbooks offline.
      - If not set, the value of the E(PORTKEY_BASE_URL) environment variable is used, and then
        V(https://api.portkey.ai/v1).
    type: str
    default: https://api.portkey.ai/v1
  validate_certs:
    description:
      - Whether to verify the API's TLS certificate.
      - Only set this to V(false) for a self-hosted Portkey with a certificate you trust by other means.
    type: bool
    default: true
  request_timeout:
    description:
      - Seconds to wait for each HTTP answer before giving up on that attempt.
    type: float
    default: 30
  max_retries:
    description:
      - How many times a request is retried after a rate limit (HTTP 429), a server error (5xx)
        or a broken connection, waiting longer each time (exponential backoff with jitter,
        honouring the API's C(Retry-After)).
      - GET, PUT and DELETE are retried; a POST only when the API certainly did not act on it.
      - V(0) disables retries.
    type: int
    default: 3
notes:
  - All modules of the collection belong to the action group C(portkey.ai.portkey), so
    C(module_defaults) can set these options once for a whole play.
requirements:
  - requests >= 2.25 (Python library, on the host that runs the module)
'''

    # For plugins that run on the controller (the inventory plugin): the same options, with the
    # environment variables declared so Ansible's config system reads them.
    PLUGINS = r'''
options:
  api_key:
    description:
      - A Portkey Admin API key (an organisation service key), sent as the C(x-portkey-api-key) header.
    type: str
    env:
      - name: PORTKEY_API_KEY
  base_url:
    description:
      - The base URL of the Portkey Admin API, with the C(/v1) at its end.
    type: str
    default: https://api.portkey.ai/v1
    env:
      - name: PORTKEY_BASE_URL
  validate_certs:
    description:
      - Whether to verify the API's TLS certificate.
    type: bool
    default: true
  request_timeout:
    description:
      - Seconds to wait for each HTTP answer before giving up on that attempt.
    type: float
    default: 30
  max_retries:
    description:
      - How many times a request is retried after a rate limit, a server error or a broken connection.
    type: int
    default: 3
requirements:
  - requests >= 2.25 (Python library, on the controller)
'''
