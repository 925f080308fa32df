# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The emulator's request log masks secrets, and only secrets."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from tests.emulator.server import MASK, mask


def test_secrets_are_masked_but_policy_condition_keys_are_not():
    body = {'name': 'x', 'key': 'sk-secret', 'configurations': {'aws_secret_access_key': 's3', 'aws_region': 'eu'},
            'conditions': [{'key': 'workspace_id', 'value': 'ws-a'}], 'group_by': [{'key': 'api_key'}],
            'parameters': {'max_tokens': 10}}
    masked = mask(body)
    assert masked['key'] == MASK and masked['configurations']['aws_secret_access_key'] == MASK
    assert masked['configurations']['aws_region'] == 'eu' and masked['parameters'] == {'max_tokens': 10}
    assert masked['conditions'] == [{'key': 'workspace_id', 'value': 'ws-a'}]
    assert masked['group_by'] == [{'key': 'api_key'}]
