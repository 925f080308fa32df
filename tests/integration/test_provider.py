# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.provider(_info) through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def setup(emulator, enable=False):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': 'Development'})
    assert status == 200
    ids = {}
    for slug, vendor in (('openai-prod', 'openai'), ('anthropic-prod', 'anthropic')):
        body = {'name': slug, 'slug': slug, 'ai_provider_id': vendor, 'key': 'sk-test-0001'}
        status, integ = emulator.call('POST', '/integrations', body)
        assert status == 200
        ids[slug] = integ['id']
        if enable:
            grant = {'workspaces': [{'id': ws['id'], 'enabled': True}], 'create_default_provider': False}
            emulator.call('PUT', '/integrations/%s/workspaces' % slug, grant)
    return ws, ids


def providers(emulator):
    return list(emulator.org.table('providers').values())


def test_lifecycle(emulator, ansible_playbook):
    ws, ids = setup(emulator)
    mark = emulator.mark()
    run = ansible_playbook('provider_lifecycle.yml', {'ws_slug': ws['slug'], 'ws_id': ws['id'], 'openai_id': ids['openai-prod']})
    assert run.rc == 0, run
    writes = [(w['method'], w['path'].replace('/v1', '', 1), w['status']) for w in emulator.writes(mark)]
    assert writes == [
        ('POST', '/providers', 403),                              # refused: not enabled
        ('PUT', '/integrations/openai-prod/workspaces', 200),     # access granted
        ('PUT', '/integrations/anthropic-prod/workspaces', 200),
        ('POST', '/providers', 200),                              # created; rerun and check mode wrote nothing
        ('PUT', '/providers/openai-dev', 200),                    # the note
        ('DELETE', '/providers/openai-dev', 200),                 # replaced: deleted, created again
        ('POST', '/providers', 200),
        ('DELETE', '/providers/openai-dev', 200),                 # deleted; deleting again wrote nothing
    ]
    create = [w for w in emulator.writes(mark) if w['method'] == 'POST' and w['status'] == 200][0]
    assert create['body'] == {'name': 'OpenAI (dev)', 'slug': 'openai-dev', 'note': 'Chat service',
                              'integration_id': 'openai-prod', 'workspace_id': ws['id']}
    # every provider call named the workspace by UUID (the API takes no slug there)
    for entry in emulator.requests(mark):
        if entry['path'].startswith('/v1/providers') and entry['method'] != 'POST':
            assert entry['query'].get('workspace_id') == ws['id'], entry
    assert providers(emulator) == []


def test_changed_or_deleted_behind_ansibles_back(emulator, ansible_playbook):
    ws, dummy = setup(emulator, enable=True)
    params = {'provider_name': 'OpenAI (dev)', 'provider_workspace': ws['slug'], 'provider_integration': 'openai-prod',
              'provider_note': 'Chat service'}
    assert ansible_playbook('provider.yml', params).rc == 0
    [provider] = providers(emulator)
    status, dummy = emulator.call('PUT', '/providers/%s' % provider['slug'], {'note': 'edited in the UI'},
                                  params={'workspace_id': ws['id']})
    assert status == 200
    mark = emulator.mark()
    run = ansible_playbook('provider.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    [write] = emulator.writes(mark)
    assert write['method'] == 'PUT' and write['body'] == {'note': 'Chat service'}
    assert providers(emulator)[0]['note'] == 'Chat service'

    assert emulator.call('DELETE', '/providers/%s' % provider['slug'], params={'workspace_id': ws['id']})[0] == 200
    run = ansible_playbook('provider.yml', params, check=True)
    assert run.rc == 0 and run.changed == 1, run
    assert providers(emulator) == []
    run = ansible_playbook('provider.yml', params)
    assert run.rc == 0 and run.changed == 1, run
    [again] = providers(emulator)
    assert again['id'] != provider['id'] and again['note'] == 'Chat service' and again['workspace_id'] == ws['id']
