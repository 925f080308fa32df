# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The demo playbook: check mode on an empty organisation predicts everything and writes nothing
(later tasks refer to objects earlier ones would create); a real run creates it all; a second
run changes nothing and writes nothing; no secret reaches the output."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

from tests.conftest import ROOT

DEMO = os.path.join(ROOT, 'playbooks', 'demo.yml')
OPENAI_KEY = 'sk-demo-secret-openai-0123456789'


def test_demo_check_then_run_then_rerun(emulator, ansible_playbook):
    env = {'OPENAI_API_KEY': OPENAI_KEY}
    run = ansible_playbook(DEMO, check=True, diff=True, env=env)
    assert run.rc == 0 and run.changed >= 13, run
    assert emulator.writes() == []
    assert 'check-mode-placeholder' in run.stdout

    run = ansible_playbook(DEMO, env=env)
    assert run.rc == 0 and run.changed >= 13, run
    secrets = [k for k in emulator.org.api_keys_by_secret if k != emulator.api_key]
    assert secrets, 'the demo created an API key'

    mark = emulator.mark()
    run = ansible_playbook(DEMO, diff=True, env=env)
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []
    for secret in [OPENAI_KEY, emulator.api_key] + secrets:
        assert secret not in run.output
