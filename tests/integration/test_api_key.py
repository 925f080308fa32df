# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.api_key and api_key_info through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def keys(emulator):
    return dict((k['name'], k) for k in emulator.org.table('api_keys').values())


def workspace(emulator, name='Production'):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': name})
    assert status == 200
    return ws


def secrets(emulator):
    """Every secret the emulator ever issued for the keys it holds (current and rotated-out)."""
    found = []
    for key in emulator.org.table('api_keys').values():
        found.append(key['_secret'])
        found.extend(secret for secret, dummy in key['_previous'])
    return found


def test_lifecycle(emulator, ansible_playbook):
    ws = workspace(emulator)
    run = ansible_playbook('api_key_lifecycle.yml', {'ws': ws['slug']})
    assert run.rc == 0, run
    backend = keys(emulator)['Backend']
    # Exactly these writes: the reruns and check-mode tasks sent none.
    writes = [(e['method'], e['route']) for e in emulator.writes()]
    assert writes == [('POST', '/admin/workspaces'),
                      ('POST', '/api-keys/{type}/{sub-type}'),
                      ('PUT', '/api-keys/{id}'),
                      ('POST', '/api-keys/{id}/rotate'),
                      ('POST', '/api-keys/{type}/{sub-type}')], writes
    create, update, rotate = emulator.writes()[1:4]
    assert create['path'].endswith('/api-keys/workspace/service')
    assert create['body']['workspace_id'] == ws['id'], 'the slug is resolved to the UUID'
    assert create['body']['defaults'] == {'metadata': {'team': 'backend', 'tier': '1'}, 'config_id': 'pc-routin-1a2b3c',
                                          'allow_config_override': False}
    assert create['body']['expires_at'] == '2031-06-30T10:00:00Z'
    assert update['body'] == {'description': 'Backend (EU)',
                              'scopes': ['workspace_service_api_keys.read', 'completions.write', 'logs.view']}
    assert rotate['body'] == {'key_transition_period_ms': 3600000}
    assert backend['workspace_id'] == ws['id'] and backend['type'] == 'workspace-service'
    assert backend['_defaults']['allow_config_override'] is False
    # Two secrets were issued to Backend, one to Automation: none of them reached the output.
    issued = secrets(emulator)
    assert len(issued) == 3
    for secret in issued:
        assert secret not in run.output
    # create, update, rotate, org key, and the check-mode update and rotate
    assert run.changed == 6, run
    assert 'WARNING' not in run.output, run


def test_converges_after_changes_behind_ansibles_back(emulator, ansible_playbook):
    ws = workspace(emulator)
    # As the lifecycle test leaves them (set up directly, to save a playbook run) ...
    backend = {'name': 'Backend', 'workspace_id': ws['id'], 'description': 'Backend (EU)',
               'scopes': ['workspace_service_api_keys.read', 'completions.write', 'logs.view'],
               'rate_limits': [{'type': 'requests', 'unit': 'rpm', 'value': 600}]}
    status, backend = emulator.call('POST', '/api-keys/workspace/service', backend)
    assert status == 200
    status, automation = emulator.call('POST', '/api-keys/organisation/service', {'name': 'Automation', 'scopes': ['workspaces.list']})
    assert status == 200
    # ... then edited and deleted behind Ansible's back
    edit = {'description': 'edited in the UI', 'scopes': ['completions.write'], 'rate_limits': None}
    assert emulator.call('PUT', '/api-keys/%s' % backend['id'], edit)[0] == 200
    assert emulator.call('DELETE', '/api-keys/%s' % automation['id'])[0] == 200
    for dummy in range(2):
        assert emulator.call('POST', '/api-keys/organisation/service', {'name': 'Twin', 'scopes': ['logs.view']})[0] == 200
    mia = [u for u in emulator.org.table('users').values() if u['email'] == 'mia@example.com'][0]

    mark = emulator.mark()
    run = ansible_playbook('api_key_converge.yml', {'ws': ws['slug'], 'ws_id': ws['id']})
    assert run.rc == 0, run
    writes = [(e['method'], e['route']) for e in emulator.writes(mark)]
    assert writes == [('PUT', '/api-keys/{id}'),
                      ('POST', '/api-keys/{type}/{sub-type}'),
                      ('POST', '/api-keys/{type}/{sub-type}'),
                      ('DELETE', '/api-keys/{id}')], writes
    converge, recreate, user_key = emulator.writes(mark)[:3]
    assert converge['body'] == {'description': 'Backend (EU)', 'rate_limits': [{'type': 'requests', 'unit': 'rpm', 'value': 600}],
                                'scopes': ['workspace_service_api_keys.read', 'completions.write', 'logs.view']}
    assert recreate['path'].endswith('/api-keys/organisation/service')
    assert user_key['path'].endswith('/api-keys/workspace/user') and user_key['body']['user_id'] == mia['id']
    now = keys(emulator)
    assert 'Backend' not in now and now['Automation']['id'] != automation['id']
    assert now["Mia's key"]['type'] == 'workspace-user' and now["Mia's key"]['workspace_id'] == ws['id']
    for secret in secrets(emulator):
        assert secret not in run.output
    assert "workspace 'ws-future-000000' does not exist" in run.output


def test_emulator_quirks(emulator):
    """What the module relies on and works around, as the emulator reproduces it."""
    ws = workspace(emulator)
    status, body = emulator.call('POST', '/api-keys/workspace/service', {'name': 'No scopes', 'scopes': [], 'workspace_id': ws['slug']})
    assert status == 502
    status, created = emulator.call('POST', '/api-keys/workspace/service',
                                    {'name': 'K', 'scopes': ['completions.write'], 'workspace_id': ws['slug'],
                                     'usage_limits': {'type': 'cost', 'credit_limit': 10}})
    assert status == 200 and set(created) == {'id', 'key', 'object'}
    status, read = emulator.call('GET', '/api-keys/%s' % created['id'])
    assert status == 200
    assert read['key'] == created['key'][:2] + '*******' + created['key'][-2:]
    assert read['type'] == 'workspace-service' and read['workspace_id'] == ws['slug']
    assert read['allow_config_override'] is None and read['defaults'] == {'metadata': {}}
    assert read['alert_emails'] == [] and read['rate_limits'] == []
    assert read['usage_limits']['credit_limit'] == 10.0 and isinstance(read['usage_limits']['credit_limit'], float)
    # The new key authenticates, and is held to its scopes: it may not rotate itself.
    emulator.api_key = created['key']
    assert emulator.call('GET', '/api-keys/%s' % created['id'])[0] == 403
    assert emulator.call('POST', '/api-keys/%s/rotate' % created['id'], {})[0] == 403
    emulator.api_key = 'not-a-key'
    assert emulator.call('GET', '/api-keys')[0] == 401
    # Deleting the workspace (force) takes the key and its secret with it.
    emulator.api_key = emulator.server.admin_key
    assert emulator.call('DELETE', '/admin/workspaces/%s' % ws['id'], {'name': 'Production'})[0] == 409
    assert emulator.call('DELETE', '/admin/workspaces/%s' % ws['id'], {'name': 'Production', 'force_delete': True})[0] == 200
    assert emulator.call('GET', '/api-keys')[1]['data'] == []
    emulator.api_key = created['key']
    assert emulator.call('GET', '/api-keys')[0] == 401
