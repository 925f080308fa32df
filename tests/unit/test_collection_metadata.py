# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Facts about the collection that nothing else checks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import yaml

from ansible_collections.portkey.ai.plugins.module_utils._client import user_agent
from ansible_collections.portkey.ai.plugins.module_utils._version import COLLECTION_VERSION

from .conftest import ROOT


def load(path):
    with open(os.path.join(ROOT, path)) as handle:
        return yaml.safe_load(handle)


def test_every_module_is_in_the_action_group():
    modules = sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, 'plugins', 'modules')) if f.endswith('.py'))
    group = load('meta/runtime.yml')['action_groups']['portkey']
    assert sorted(group) == modules


def test_user_agent_names_the_collection_version_from_galaxy_yml():
    assert COLLECTION_VERSION == load('galaxy.yml')['version']
    assert 'portkey.ai-ansible-collection/%s' % COLLECTION_VERSION in user_agent()
