# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The usage_limits and rate_limits options (module_utils/_limits.py)."""

    DOCUMENTATION = r'''
options:
  usage_limits:
    description:
      - A budget. The API allows at most one entry.
      - Compared with what the API returns, ignoring the fields it computes; unset suboptions are left as they are.
      - Set to V([]) to remove the limit.
    type: list
    elements: dict
    suboptions:
      type:
        description: What is counted.
        type: str
        choices: [cost, tokens]
      credit_limit:
        description: The limit, in dollars for V(cost) or in tokens for V(tokens); 1 or more.
        type: int
      alert_threshold:
        description: Usage at which an alert is sent; not above O(usage_limits[].credit_limit).
        type: int
      periodic_reset:
        description: Reset the usage every month or week; unset means the limit never resets.
        type: str
        choices: [monthly, weekly]
  rate_limits:
    description:
      - Request or token rate limits.
      - Set to V([]) to remove them.
    type: list
    elements: dict
    suboptions:
      type:
        description: What is counted.
        type: str
        choices: [requests, tokens]
        required: true
      unit:
        description: Per minute, hour or day.
        type: str
        choices: [rpm, rph, rpd]
        required: true
      value:
        description: How many per unit.
        type: int
        required: true
'''
