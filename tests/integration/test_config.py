# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""portkey.ai.config and config_info through the real ansible-playbook, against the emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

ROUTING = {'retry': {'attempts': 3, 'on_status_codes': [429, 500, 503]}, 'cache': {'mode': 'simple', 'max_age': 3600},
           'strategy': {'mode': 'fallback'}, 'targets': [{'provider': '@openai-prod'}, {'provider': '@azure-prod'}]}


def make_workspace(emulator, name='Configs'):
    status, ws = emulator.call('POST', '/admin/workspaces', {'name': name})
    assert status == 200, ws
    return ws


def configs(emulator):
    return list(emulator.org.table('configs').values())


def config_writes(emulator, since=0):
    return [(e['method'], e['path'][len('/v1'):], e['body']) for e in emulator.writes(since) if e['path'].startswith('/v1/configs')]


def test_lifecycle_in_one_run(emulator, ansible_playbook):
    ws = make_workspace(emulator)
    twins = []
    for dummy in range(2):
        status, twin = emulator.call('POST', '/configs', {'name': 'Twin', 'config': {'cache': {'mode': 'simple'}},
                                                          'workspace_id': ws['id']})
        assert status == 200
        twins.append(twin['slug'])
    mark = emulator.mark()

    run = ansible_playbook('config_lifecycle.yml', {'workspace': ws['slug'], 'twin': 'Twin'})
    assert run.rc == 0, run

    # Exactly three writes reached the API: the create, the one real change, the delete. The
    # check-mode tasks, the reruns (key order, JSON text, by slug), the ambiguous name and the
    # invalid JSON wrote nothing.
    writes = config_writes(emulator, mark)
    assert [write[0] for write in writes] == ['POST', 'PUT', 'DELETE'], writes
    assert writes[0][1] == '/configs' and writes[1][1] == writes[2][1] and writes[1][1].startswith('/configs/pc-routin-')
    create, update = writes[0][2], writes[1][2]
    assert create == {'name': 'Routing', 'config': ROUTING, 'isDefault': 1, 'workspace_id': ws['id']}
    assert update == {'config': dict(ROUTING, retry={'attempts': 5})}, 'only the changed option is sent'
    for slug in twins:
        assert slug in run.stdout, 'the ambiguous-name failure lists the candidates'
    assert sorted(c['slug'] for c in configs(emulator)) == sorted(twins)


def test_rerun_as_json_string_writes_nothing_then_converges_changes_behind_ansibles_back(emulator, ansible_playbook):
    ws = make_workspace(emulator)
    task = {'cfg_name': 'Routing', 'cfg_workspace': ws['id'], 'cfg_config': ROUTING, 'cfg_is_default': False}
    run = ansible_playbook('config.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    [cfg] = configs(emulator)
    assert cfg['workspace_id'] == ws['id'] and cfg['is_default'] == 0 and len(cfg['versions']) == 1

    # The same config as JSON text with other key order and formatting, the workspace by slug:
    # unchanged, not one write, no new version.
    mark = emulator.mark()
    text = json.dumps(dict(reversed(list(ROUTING.items()))), indent=4)
    run = ansible_playbook('config.yml', dict(task, cfg_workspace=ws['slug'], cfg_config=text))
    assert run.rc == 0 and run.changed == 0, run
    assert emulator.writes(mark) == []
    assert len(cfg['versions']) == 1

    # Changed behind Ansible's back (another config body, made the default): one PUT converges it.
    status, dummy = emulator.call('PUT', '/configs/' + cfg['slug'], {'config': {'cache': {'mode': 'semantic'}}, 'isDefault': 1})
    assert status == 200 and len(cfg['versions']) == 2 and cfg['is_default'] == 1
    mark = emulator.mark()
    run = ansible_playbook('config.yml', task, diff=True)
    assert run.rc == 0 and run.changed == 1, run
    assert config_writes(emulator, mark) == [('PUT', '/configs/' + cfg['slug'], {'config': ROUTING, 'isDefault': 0})]
    assert cfg['versions'][-1]['config'] == ROUTING and cfg['is_default'] == 0 and len(cfg['versions']) == 3
    assert '"semantic"' in run.stdout and '"is_default": true' in run.stdout, 'the diff shows the state before'

    # Deleted behind Ansible's back: created again.
    assert emulator.call('DELETE', '/configs/' + cfg['slug'])[0] == 200
    run = ansible_playbook('config.yml', task)
    assert run.rc == 0 and run.changed == 1, run
    [again] = configs(emulator)
    assert again['slug'] != cfg['slug'] and again['versions'][-1]['config'] == ROUTING


def test_slug_rename_default_flag_and_info(emulator, ansible_playbook):
    ws = make_workspace(emulator)
    status, first = emulator.call('POST', '/configs', {'name': 'First', 'config': ROUTING, 'workspace_id': ws['id'], 'isDefault': 1})
    assert status == 200
    status, second = emulator.call('POST', '/configs', {'name': 'Second', 'config': {'cache': {'mode': 'simple'}},
                                                        'workspace_id': ws['id']})
    assert status == 200
    # Found by slug alone: renamed and made the workspace's default, which the first one stops being.
    mark = emulator.mark()
    run = ansible_playbook('config.yml', {'cfg_slug': second['slug'], 'cfg_name': 'Second renamed', 'cfg_is_default': True})
    assert run.rc == 0 and run.changed == 1, run
    assert config_writes(emulator, mark) == [('PUT', '/configs/' + second['slug'], {'name': 'Second renamed', 'isDefault': 1})]
    by_slug = dict((c['slug'], c) for c in configs(emulator))
    assert by_slug[second['slug']]['name'] == 'Second renamed' and by_slug[second['slug']]['is_default'] == 1
    assert by_slug[first['slug']]['is_default'] == 0

    # config_info: all, a workspace's, by name in full, by slug with versions; it never writes.
    elsewhere = make_workspace(emulator, 'Elsewhere')
    assert emulator.call('POST', '/configs', {'name': 'First', 'config': {}, 'workspace_id': elsewhere['id']})[0] == 200
    mark = emulator.mark()
    run = ansible_playbook('config_info.yml', {'workspace': ws['slug'], 'slug': first['slug'], 'routing': ROUTING})
    assert run.rc == 0, run
    assert emulator.writes(mark) == []
