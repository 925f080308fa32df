# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.integration_workspace_access(_info) through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def setup(emulator, workspace='Development'):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': workspace})
    assert status == 200
    body = {'name': 'OpenAI', 'slug': 'openai-prod', 'ai_provider_id': 'openai', 'key': 'sk-test-0001'}
    status, integ = emulator.call('POST', '/integrations', body)
    assert status == 200
    return ws, integ


def access(emulator, ws):
    [integ] = emulator.org.table('integrations').values()
    return integ['_access'].get(ws['id'])


def test_lifecycle(emulator, ansible_playbook):
    ws, integ = setup(emulator)
    run = ansible_playbook('integration_workspace_access_lifecycle.yml', {
        'integration_slug': integ['slug'], 'integration_id': integ['id'], 'ws_slug': ws['slug'], 'ws_id': ws['id']})
    assert run.rc == 0, run
    writes = emulator.writes()[2:]
    # grant, raise the budget, remove the rate limit, disable: the reruns and check mode wrote nothing
    assert [(w['method'], w['path']) for w in writes] == [('PUT', '/v1/integrations/openai-prod/workspaces')] * 4
    grant, budget, unlimited, disable = [w['body'] for w in writes]
    assert grant == {'workspaces': [{
        'id': ws['id'], 'enabled': True, 'create_default_provider': False,
        'usage_limits': [{'type': 'cost', 'credit_limit': 100, 'alert_threshold': 80, 'periodic_reset': 'monthly'}],
        'rate_limits': [{'type': 'requests', 'unit': 'rpm', 'value': 600}]}]}
    assert budget['workspaces'][0]['usage_limits'] == [{'type': 'cost', 'credit_limit': 500}]
    assert 'rate_limits' not in budget['workspaces'][0], 'only the changed limit is sent'
    assert unlimited['workspaces'][0]['rate_limits'] is None, 'null clears a limit ([] would keep it)'
    assert disable == {'workspaces': [{'id': ws['id'], 'enabled': False}]}
    assert access(emulator, ws)['enabled'] is False
    assert emulator.org.table('providers') == {}, 'granting access created no provider'


def test_changed_behind_ansibles_back_and_default_provider(emulator, ansible_playbook):
    ws, integ = setup(emulator)
    params = {'integration_ref': integ['slug'], 'ws_ref': ws['id'],
              'access_usage_limits': [{'type': 'tokens', 'credit_limit': 1000}]}
    # access disabled and its budget changed in the UI: converged
    emulator.call('PUT', '/integrations/openai-prod/workspaces', {'workspaces': [
        {'id': ws['slug'], 'enabled': False, 'usage_limits': [{'type': 'tokens', 'credit_limit': 5}]}]})
    mark = emulator.mark()
    run = ansible_playbook('integration_workspace_access.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    assert access(emulator, ws)['enabled'] is True
    assert access(emulator, ws)['usage_limits'] == [{'type': 'tokens', 'credit_limit': 1000}]
    assert len(emulator.writes(mark)) == 1

    # asking for the API's default provider: it appears, and the workspace then needs force to go
    status, other = emulator.call('POST', '/admin/workspaces', {'name': 'Staging'})
    run = ansible_playbook('integration_workspace_access.yml', {'integration_ref': integ['id'], 'ws_ref': other['slug'],
                                                                'access_default_provider': True})
    assert run.rc == 0 and run.changed == 1, run
    [provider] = emulator.org.table('providers').values()
    assert provider['workspace_id'] == other['id'] and provider['integration_id'] == 'openai-prod'
    status, body = emulator.call('DELETE', '/admin/workspaces/%s' % other['id'], {'name': 'Staging'})
    assert status == 409 and body['errorCode'] == 'AB07'


def test_unknown_integration_or_workspace_fails_clearly(emulator, ansible_playbook):
    ws, dummy = setup(emulator)
    run = ansible_playbook('integration_workspace_access.yml', {'integration_ref': 'nope', 'ws_ref': ws['slug']})
    assert run.rc != 0 and "integration 'nope' not found" in run.stdout, run
    assert emulator.writes()[2:] == []
