# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The usage and rate limits several resources carry (API-NOTES 2.1): one argument spec, one
mapping onto the API and one validation, documented once in doc_fragments/limits.py."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.portkey.ai.plugins.module_utils._resource import Option, drop_none

USAGE_LIMIT_SPEC = dict(
    type=dict(type='str', choices=['cost', 'tokens']),
    credit_limit=dict(type='int'),
    alert_threshold=dict(type='int'),
    periodic_reset=dict(type='str', choices=['monthly', 'weekly']),
)

RATE_LIMIT_SPEC = dict(
    type=dict(type='str', choices=['requests', 'tokens'], required=True),
    unit=dict(type='str', choices=['rpm', 'rph', 'rpd'], required=True),
    value=dict(type='int', required=True),
)

# The usage_limits and rate_limits options, as lists of at most one entry (doc fragment
# portkey.ai.limits).
LIMITS_ARGUMENT_SPEC = dict(
    usage_limits=dict(type='list', elements='dict', options=USAGE_LIMIT_SPEC),
    rate_limits=dict(type='list', elements='dict', options=RATE_LIMIT_SPEC),
)


def limits_to_api(value):
    """[] means "remove the limits": the API clears a limit field only when it is null."""
    return drop_none(value) if value else None


def limit_options():
    """The engine's Options for usage_limits and rate_limits (compared as subsets: the server adds
    computed fields such as next_usage_reset_at)."""
    return (
        Option('usage_limits', compare='subset', to_api=limits_to_api),
        Option('rate_limits', compare='subset', to_api=limits_to_api),
    )


def validate_limits(params, max_rate_limits=None):
    """Check the limits before any request: at most one usage limit (and at most
    ``max_rate_limits`` rate limits), a credit limit of 1 or more, an alert not above it."""
    if len(params.get('usage_limits') or []) > 1:
        raise ValueError('usage_limits takes at most one entry (the API allows one usage limit)')
    if max_rate_limits is not None and len(params.get('rate_limits') or []) > max_rate_limits:
        raise ValueError('rate_limits takes at most %d entry (the API allows %d rate limit)' % (max_rate_limits, max_rate_limits))
    for limit in params.get('usage_limits') or []:
        if limit.get('credit_limit') is not None and limit['credit_limit'] < 1:
            raise ValueError('usage_limits[].credit_limit must be 1 or more')
        if None not in (limit.get('credit_limit'), limit.get('alert_threshold')) \
                and limit['alert_threshold'] > limit['credit_limit']:
            raise ValueError('usage_limits[].alert_threshold must not exceed credit_limit')
