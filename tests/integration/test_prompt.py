# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.prompt and prompt_info through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

V1 = '{{#user}}Answer {{question}}{{/user}}'
V2 = '{{#user}}Answer briefly {{question}}{{/user}}'
DRAFT = '{{#user}}Draft {{question}}{{/user}}'
UI = '{{#user}}Edited in the UI {{question}}{{/user}}'


def setup_org(emulator):
    """A workspace and two providers (inserted straight into the emulator's table)."""
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': 'Support'})
    assert status == 200
    providers = emulator.org.table('providers')
    for slug in ('openai-prod-1a2b3c', 'openai-test-4d5e6f'):
        providers[slug] = {'id': slug, 'slug': slug, 'name': slug, 'workspace_id': ws['id'], 'status': 'active'}
    return ws


def the_prompt(emulator):
    [prompt] = emulator.org.table('prompts').values()
    return prompt


def default_version(prompt):
    return [v for v in prompt['versions'] if v['number'] == prompt['default_version']][0]


def writes(emulator, mark=0):
    return [(w['method'], w['route'], w['body']) for w in emulator.writes(mark)]


def test_lifecycle(emulator, ansible_playbook):
    ws = setup_org(emulator)
    run = ansible_playbook('prompt_lifecycle.yml', {'ws': ws['slug'], 'provider': 'openai-prod-1a2b3c'})
    assert run.rc == 0, run
    prompt = the_prompt(emulator)
    pid = prompt['id']
    assert prompt['name'] == 'Support reply' and prompt['default_version'] == 4
    assert [v['number'] for v in prompt['versions']] == [1, 3, 4], 'the emulator skipped number 2'
    # Exactly these writes: reruns, check mode and info tasks wrote nothing; the version made by
    # the template change was published by its looked-up number (3, not 2); the rename was a
    # name-only PUT; the draft was not published; publishing it made no other version.
    version_fields = {'string': V2, 'model': 'gpt-4o', 'parameters': {'temperature': 0.2, 'max_tokens': 500},
                      'virtual_key': 'openai-prod-1a2b3c', 'is_raw_template': 0, 'version_description': 'Brief'}
    draft_fields = dict(version_fields, string=DRAFT)
    del draft_fields['version_description']
    assert writes(emulator) == [
        ('POST', '/admin/workspaces', {'name': 'Support'}),
        ('POST', '/prompts', {'name': 'Support answer', 'collection_id': prompt['collection_id'], 'string': V1,
                              'model': 'gpt-4o', 'parameters': {'temperature': 0.2, 'max_tokens': 500},
                              'virtual_key': 'openai-prod-1a2b3c', 'version_description': 'First'}),
        ('PUT', '/prompts/{promptId}', version_fields),
        ('PUT', '/prompts/{promptId}/makeDefault', {'version': 3}),
        ('PUT', '/prompts/{promptId}', {'name': 'Support reply'}),
        ('PUT', '/prompts/{promptId}', draft_fields),
        ('PUT', '/prompts/{promptId}/makeDefault', {'version': 4}),
    ], run
    assert default_version(prompt)['parameters'] == {'temperature': 0.2, 'max_tokens': 500, 'model': 'gpt-4o'}, \
        'the server copied the model into the parameters, and the reruns did not see it as a change'

    # Published in the UI behind Ansible's back: the next run sees the change and converges it.
    ui_version = {'string': UI, 'model': 'gpt-4o-mini', 'parameters': {'temperature': 1}, 'virtual_key': 'openai-test-4d5e6f',
                  'is_raw_template': 0}
    status, answer = emulator.call('PUT', '/prompts/%s' % pid, ui_version)
    assert status == 200
    assert emulator.call('PUT', '/prompts/%s/makeDefault' % pid, {'version': 6})[0] == 200, 'gap: 5 was skipped'
    mark = emulator.mark()
    extra = {'p_name': 'Support reply', 'p_ws': ws['id'], 'p_template': 'draft', 'p_model': 'gpt-4o',
             'p_provider': 'openai-prod-1a2b3c', 'p_parameters': {'temperature': 0.2, 'max_tokens': 500}}
    run = ansible_playbook('prompt.yml', extra, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert '-    "template": "{{#user}}Edited in the UI' in run.stdout, run
    prompt = the_prompt(emulator)
    current = default_version(prompt)
    assert (current['number'], current['string'], current['model'], current['virtual_key']) == \
        (7, DRAFT, 'gpt-4o', 'openai-prod-1a2b3c'), 'a new version (number 7 after a gap) is published'
    assert [w[1] for w in writes(emulator, mark)] == ['/prompts/{promptId}', '/prompts/{promptId}/makeDefault']

    # Delete, then delete again: unchanged, nothing written.
    run = ansible_playbook('prompt.yml', dict(extra, p_state='absent'))
    assert run.rc == 0 and run.changed == 1, run
    assert emulator.org.table('prompts') == {}
    mark = emulator.mark()
    run = ansible_playbook('prompt.yml', dict(extra, p_state='absent'))
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []


def test_deleted_behind_ansibles_back_is_recreated_and_errors_are_clear(emulator, ansible_playbook):
    ws = setup_org(emulator)
    status, collection = emulator.call('POST', '/collections', {'name': 'Billing', 'workspace_id': ws['id']})
    assert status == 200
    extra = {'p_name': 'Refunds', 'p_collection': collection['slug'], 'p_template': 'v1', 'p_model': 'gpt-4o',
             'p_provider': 'openai-prod-1a2b3c'}
    assert ansible_playbook('prompt.yml', extra).changed == 1
    first = the_prompt(emulator)
    assert first['collection_id'] == collection['id']
    assert emulator.call('DELETE', '/prompts/%s' % first['id'])[0] == 200

    run = ansible_playbook('prompt.yml', extra)
    assert run.rc == 0 and run.changed == 1, run
    again = the_prompt(emulator)
    assert again['id'] != first['id'] and again['versions'][0]['string'] == V1

    # An unknown provider: the API's 400, with a hint that says what to give.
    mark = emulator.mark()
    run = ansible_playbook('prompt.yml', dict(extra, p_name='Other', p_provider='no-such-provider'))
    assert run.rc != 0
    assert 'HTTP 400' in run.stdout and 'provider must be the slug of a provider' in run.stdout, run
    assert [w['status'] for w in emulator.writes(mark)] == [400]
