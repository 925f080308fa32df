# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The prompt resource: versioned prompt templates in a prompt collection.

Shared by the prompt and prompt_info modules. How the API versions prompts (API-NOTES 11):

* a change of the template, model or parameters is a new version, made by a PUT that must carry
  every version field (``string``, ``model``, ``parameters``, ``virtual_key``,
  ``is_raw_template``); the new version is not the default one until ``makeDefault`` is called
  with its version *number*, which has to be looked up (numbers can have gaps);
* the name, the collection, the virtual key and the version description change in place;
* a GET answers the default version, or another one with ``?version=latest|default|<n>``.

The module compares the user's options against the default version (``make_default: true``), or
against the latest one (``make_default: false``), so a version published in the UI is a change.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError
from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    Resource,
    ResourceError,
    canonical,
    normalize_bool,
    normalize_json,
    parse_json,
    run_info,
)

#: Options whose change makes a new version.
VERSION_OPTIONS = ('template', 'model', 'parameters')
#: Version fields the module does not manage but carries over into a new version.
CARRIED_FIELDS = ('functions', 'tools', 'tool_choice')


def strip_copied_model(parameters, model):
    """The parameters without the ``model`` key the server copies into them from ``model``."""
    parameters = parse_json(parameters, what='parameters')
    if isinstance(parameters, dict) and model is not None and parameters.get('model') == model:
        parameters = dict(parameters)
        del parameters['model']
    return parameters


def version_selector(value):
    """``default``, ``latest`` or a version number (as a string), for ``?version=``; ValueError else."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in ('default', 'latest'):
        return text
    if text.isdigit() and int(text) > 0:
        return str(int(text))
    raise ValueError('version must be default, latest or a version number (1, 2, ...), got %r' % (value,))


class PromptBase(Resource):
    """What the prompt module and prompt_info share: paths, collections, reads by version."""

    singular = 'prompt'
    list_path = '/prompts'
    item_path = '/prompts/{id}'
    lookups = (('id', 'id', False), ('slug', 'slug', False))
    natural_key = ('name',)
    paging = 'snake'
    page_size = 100

    def __init__(self, module):
        super(PromptBase, self).__init__(module)
        self._collections = {}
        self.scope = None

    # -- collections ---------------------------------------------------------------------

    def collection(self, ref):
        """The collection with this UUID or slug, or None; cached by id and slug."""
        if ref in self._collections:
            return self._collections[ref]
        obj = self.client.get('/collections/%s' % ref, missing_ok=True)
        if obj:
            self._collections[obj.get('id')] = obj
            self._collections[obj.get('slug')] = obj
        self._collections[ref] = obj or None
        return obj or None

    def default_collection(self, workspace):
        """The workspace's default collection (every workspace has one)."""
        for item in self.client.paginate('/collections', params={'workspace_id': workspace['id']},
                                         paging='snake', page_size=100):
            if normalize_bool(item.get('is_default')):
                self._collections[item.get('id')] = item
                self._collections[item.get('slug')] = item
                return item
        raise ResourceError('workspace %r has no default prompt collection; give collection' % workspace.get('slug'))

    def collection_id(self, value):
        """A collection reference (UUID or slug) as the collection's UUID, when it is known."""
        if value is None:
            return None
        found = self._collections.get(value)
        return found.get('id') if found else value

    def resolve_scope(self, required):
        """The collection the prompt is in (``collection``, else the default one of ``workspace``).

        None when neither is given, or when it does not exist and that is not an error
        (``required`` false, or check mode where an earlier task would have created it).
        """
        ref = self.params.get('collection')
        if ref:
            found = self.collection(ref)
            if found is None:
                if self.check_mode and required:
                    self.warnings.append('collection %r does not exist (yet); in check mode this predicts a create' % ref)
                elif required:
                    raise ResourceError('collection %r not found (give the id or slug of a prompt collection)' % ref)
            return found
        ws_ref = self.params.get('workspace')
        if ws_ref:
            workspace = self.workspace(ws_ref, required=required)
            return self.default_collection(workspace) if workspace else None
        return None

    # -- reads -----------------------------------------------------------------------------

    def read_version(self, ident, version=None):
        """GET the prompt as of one version (None: the default one); None when it does not exist."""
        params = {'version': version} if version else None
        try:
            return self.client.get(self.path_for(ident), params=params)
        except PortkeyError as exc:
            if exc.status in self.missing_statuses:
                return None
            raise


class Prompt(PromptBase):
    """The prompt module's resource: converges one prompt and its default (or latest) version."""

    def __init__(self, module):
        super(Prompt, self).__init__(module)
        self.options = (
            Option('name'),
            Option('collection', api='collection_id', normalize=self.collection_id, to_api=self.collection_id),
            Option('template', api='string'),
            Option('model'),
            Option('parameters', normalize=normalize_json, from_api=self.current_parameters),
            Option('provider', api='virtual_key'),
            Option('version_description', from_api=lambda obj: obj.get('prompt_version_description')),
        )

    @property
    def make_default(self):
        return self.params.get('make_default') is not False

    def current_parameters(self, obj):
        """The version's parameters, less the ``model`` the server copied into them."""
        desired = self.params.get('parameters')
        if isinstance(desired, dict) and 'model' in desired:
            return obj.get('parameters')
        return strip_copied_model(obj.get('parameters'), obj.get('model'))

    # -- hooks -----------------------------------------------------------------------------

    def validate(self):
        super(Prompt, self).validate()
        params = self.params
        for key in ('name', 'template', 'provider', 'model', 'collection', 'workspace'):
            value = params.get(key)
            if value is not None and not value.strip():
                raise ValueError('%s must not be empty' % key)
        if not (params.get('id') or params.get('slug')):
            if not params.get('name'):
                raise ValueError('name is needed to find the prompt (or give id or slug)')
            if not (params.get('collection') or params.get('workspace')):
                raise ValueError('collection (or workspace, for its default collection) is needed to find '
                                 'the prompt by name (or give id or slug)')

    def read(self, ident):
        return self.read_version(ident, None if self.make_default else 'latest')

    def find(self):
        absent = self.params.get('state') == 'absent'
        self.scope = self.resolve_scope(required=not absent)
        if self.scope is None and not (self.params.get('id') or self.params.get('slug')):
            return None  # nothing to find: the collection is not there (state=absent, or check mode)
        return super(Prompt, self).find()

    def placeholder_scope(self):
        return self.scope is None and bool(self.params.get('collection') or self.params.get('workspace'))

    def list_params(self):
        return {'collection_id': self.scope['id'], 'workspace_id': self.scope.get('workspace_id')}

    def matches(self, item):
        return item.get('collection_id') == self.scope['id'] and super(Prompt, self).matches(item)

    def do_create(self, diff_before=None):
        missing = [k for k in ('template', 'provider') if self.params.get(k) is None]
        if missing:
            raise ResourceError('%s required to create the prompt %r' % (' and '.join(missing) + (' is' if len(missing) == 1 else ' are'),
                                                                         self.params.get('name')))
        if self.params.get('id') or self.params.get('slug'):
            raise ResourceError('no prompt has %s; to create one, leave id and slug out'
                                % ('id %r' % self.params['id'] if self.params.get('id') else 'slug %r' % self.params['slug']))
        return super(Prompt, self).do_create(diff_before)

    def create_body(self):
        body = super(Prompt, self).create_body()
        if self.scope is not None:
            body['collection_id'] = self.scope['id']
        body.setdefault('parameters', {})
        return body

    def update_body(self, existing, changed):
        """A version-creating body when a version option changed, else only the changed fields."""
        body = super(Prompt, self).update_body(existing, changed)
        if any(o.name in VERSION_OPTIONS for o in changed):
            body.update(self.version_body(existing))
        return body

    def version_body(self, base):
        """Every version field, from the options set, else from the version compared against."""
        params = self.params
        body = {
            'string': params['template'] if params.get('template') is not None else base.get('string'),
            'model': params['model'] if params.get('model') is not None else base.get('model'),
            'virtual_key': params['provider'] if params.get('provider') is not None else base.get('virtual_key'),
            'is_raw_template': 1 if normalize_bool(base.get('is_raw_template')) else 0,
        }
        if params.get('parameters') is not None:
            body['parameters'] = canonical(parse_json(params['parameters'], what='parameters'))
        else:
            body['parameters'] = strip_copied_model(base.get('parameters'), base.get('model')) or {}
        if params.get('version_description') is not None:
            body['version_description'] = params['version_description']
        for field in CARRIED_FIELDS:
            if base.get(field):
                body[field] = copy.deepcopy(base[field])
        missing = [k for k in ('string', 'model', 'virtual_key') if not body.get(k)]
        if missing:
            names = {'string': 'template', 'virtual_key': 'provider'}
            raise ResourceError('%s needed to make a new version of the prompt (the current version has none)'
                                % ', '.join(names.get(k, k) for k in missing))
        return body

    def update(self, existing, body):
        path = self.path_for(existing['id'])
        if 'string' not in body:
            self.client.put(path, json_body=body)
            return
        if self.make_default and self.publish_latest(existing):
            return
        response = self.client.put(path, json_body=body)
        if self.make_default:
            version_id = response.get('prompt_version_id') if isinstance(response, dict) else None
            self.publish(existing['id'], self.version_number(existing['id'], version_id))

    def publish_latest(self, existing):
        """When the latest version already holds the template, model and parameters (made with
        make_default false, or in the UI), make it the default instead of making another one."""
        latest = self.read_version(existing['id'], 'latest')
        if not latest or latest.get('prompt_version_id') == existing.get('prompt_version_id'):
            return False
        options = [self.option(name) for name in VERSION_OPTIONS if self.params.get(name) is not None]
        if not all(o.equal(self.params.get(o.name), o.current(latest)) for o in options):
            return False
        self.publish(existing['id'], latest.get('prompt_version'))
        rest = [o for o in self.changed_options(latest) if o.name not in VERSION_OPTIONS]
        if rest:
            self.client.put(self.path_for(existing['id']), json_body=super(Prompt, self).update_body(latest, rest))
        return True

    def version_number(self, ident, version_id):
        """The number of the version just made: looked up, as numbers can have gaps."""
        if version_id:
            for item in self.client.paginate(self.path_for(ident) + '/versions', paging=None):
                if item.get('id') == version_id:
                    return item.get('prompt_version')
        latest = self.read_version(ident, 'latest')
        if latest and (not version_id or latest.get('prompt_version_id') == version_id):
            return latest.get('prompt_version')
        raise PortkeyError('the new version %s of the prompt is not in its version list' % version_id,
                           method='GET', path=self.path_for(ident) + '/versions')

    def publish(self, ident, number):
        if number is None:
            raise PortkeyError('the API did not say which number the new version of the prompt has',
                               method='GET', path=self.path_for(ident) + '/versions')
        self.client.put(self.path_for(ident) + '/makeDefault', json_body={'version': number})

    def explain(self, error):
        if error.status == 400 and error.method in ('POST', 'PUT') and 'virtual_key' in (error.message or ''):
            error.hint = 'provider must be the slug of a provider (virtual key) of the workspace'


class PromptInfo(PromptBase):
    """Reads for prompt_info: a list by collection or workspace, or full prompts at a version."""

    def run_info(self):
        params = self.params

        def read():
            version = version_selector(params.get('version'))
            if version and not (params.get('id') or params.get('slug') or params.get('name')):
                raise ValueError('version needs id, slug or name: it selects the version of one prompt')
            return self.gather(version)

        run_info(self.module, 'prompts', read, action='read prompts', resource=self)

    def gather(self, version):
        params = self.params
        ref = params.get('id') or params.get('slug')
        if ref:
            found = self.read_version(ref, version)
            if found is not None and params.get('name') is not None and found.get('name') != params['name']:
                found = None
            return [found] if found is not None else []
        filters = self.filters()
        if filters is None:
            return []
        items = list(self.client.paginate(self.list_path, params=filters, paging=self.paging, page_size=self.page_size))
        if filters.get('collection_id'):
            items = [i for i in items if i.get('collection_id') in (None, filters['collection_id'])]
        if params.get('name') is None:
            return items
        full = []
        for item in items:
            if item.get('name') == params['name']:
                found = self.read_version(item.get('id') or item.get('slug'), version)
                if found is not None:
                    full.append(found)
        return full

    def filters(self):
        """The list's query: collection_id and/or workspace_id (UUIDs); None when the scope is gone."""
        params = self.params
        filters = {}
        if params.get('collection'):
            found = self.collection(params['collection'])
            if found is None:
                if self.check_mode:
                    self.warnings.append('collection %r does not exist (yet)' % params['collection'])
                    return None
                raise ResourceError('collection %r not found (give the id or slug of a prompt collection)' % params['collection'])
            filters['collection_id'] = found['id']
            filters['workspace_id'] = found.get('workspace_id')
        if params.get('workspace'):
            workspace = self.workspace(params['workspace'])
            if workspace is None:
                return None
            if filters.get('workspace_id') and filters['workspace_id'] != workspace['id']:
                return None  # the collection is in another workspace: nothing matches both
            filters['workspace_id'] = workspace['id']
        if not filters:
            raise ValueError('give workspace or collection to list prompts, or id or slug to read one')
        return filters
