# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.integration through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

SECRETS = ('sk-first-secret-0001', 'sk-second-secret-0002', 'aws-secret-value-0001')

BASE = {
    'integration_name': 'OpenAI production',
    'integration_slug': 'openai-prod',
    'integration_provider': 'openai',
    'integration_key': 'sk-first-secret-0001',
    'integration_description': 'Production account',
    'integration_configurations': {'openai_organization': 'org-1'},
}


def integrations(emulator):
    return list(emulator.org.table('integrations').values())


def test_lifecycle(emulator, ansible_playbook):
    run = ansible_playbook('integration_lifecycle.yml', verbosity=1)
    assert run.rc == 0, run
    for secret in SECRETS:
        assert secret not in run.output, 'a secret leaked into the output: %s' % secret

    writes = [(w['method'], w['path'].replace('/v1', '', 1)) for w in emulator.writes()]
    # create; the reruns (by slug, by name) and check mode wrote nothing; one update; the key
    # rotation; the refused ai_provider_id change wrote nothing; one delete; delete again nothing.
    assert writes == [('POST', '/integrations'), ('PUT', '/integrations/bedrock-prod'),
                      ('PUT', '/integrations/bedrock-prod'), ('DELETE', '/integrations/bedrock-prod')]
    create, update, rotate = [w['body'] for w in emulator.writes()[:3]]
    assert create['key'] == '********' and create['configurations']['aws_region'] == 'us-east-1'
    # A non-secret field changed: the whole configurations are sent (secrets included), the key is not.
    assert set(update) == {'description', 'configurations'}
    assert update['configurations']['aws_secret_access_key'] == '********'
    assert update['configurations']['aws_region'] == 'eu-west-1'
    assert set(rotate) == {'key'}
    assert integrations(emulator) == []


def test_changed_behind_ansibles_back_is_converged(emulator, ansible_playbook):
    assert ansible_playbook('integration.yml', BASE).rc == 0
    [integ] = integrations(emulator)
    assert integ['_key'] == 'sk-first-secret-0001'
    edit = {'description': 'edited in the UI', 'configurations': {'openai_organization': 'org-x'}}
    status, dummy = emulator.call('PUT', '/integrations/openai-prod', edit)
    assert status == 200
    mark = emulator.mark()
    run = ansible_playbook('integration.yml', BASE, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    [write] = emulator.writes(mark)
    assert write['body'] == {'description': 'Production account', 'configurations': {'openai_organization': 'org-1'}}
    assert '"description": "edited in the UI"' in run.stdout and 'sk-first-secret-0001' not in run.output
    [integ] = integrations(emulator)
    assert integ['description'] == 'Production account' and integ['_key'] == 'sk-first-secret-0001'

    # deleted behind Ansible's back: created again, with the same slug and the key
    assert emulator.call('DELETE', '/integrations/openai-prod')[0] == 200
    run = ansible_playbook('integration.yml', BASE)
    assert run.rc == 0 and run.changed == 1, run
    [again] = integrations(emulator)
    assert again['id'] != integ['id'] and again['slug'] == 'openai-prod' and again['_key'] == 'sk-first-secret-0001'


def test_workspace_scoped_without_a_surprise_provider(emulator, ansible_playbook):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': 'Data science'})
    assert status == 200
    params = {'integration_name': 'Team OpenAI', 'integration_provider': 'openai', 'integration_key': 'sk-first-secret-0001',
              'integration_workspace': ws['slug']}
    run = ansible_playbook('integration.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    [integ] = integrations(emulator)
    assert integ['workspace_id'] == ws['id'] and integ['type'] == 'workspace'
    [post] = [w for w in emulator.writes() if w['path'].endswith('/integrations')]
    assert post['body']['workspace_id'] == ws['id'] and post['body']['create_default_provider'] is False
    assert emulator.org.table('providers') == {}, 'no default provider was created'

    # the same workspace named by UUID: found by name in that workspace, unchanged
    mark = emulator.mark()
    run = ansible_playbook('integration.yml', dict(params, integration_workspace=ws['id']))
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []

    # the workspace of an existing integration cannot change: a clear failure, nothing written
    status, other = emulator.call('POST', '/admin/workspaces', {'name': 'Other'})
    mark = emulator.mark()
    run = ansible_playbook('integration.yml', {'integration_slug': integ['slug'], 'integration_workspace': other['id']})
    assert run.rc != 0 and 'workspace cannot be changed on an existing integration' in run.stdout, run
    assert emulator.writes(mark) == []
