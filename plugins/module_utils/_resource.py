# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The idempotent engine every resource module of the collection runs on.

A module describes its resource declaratively, as a subclass of :class:`Resource`: the API paths,
how an existing object is found (by id, by slug, by its natural key in its scope), and one
:class:`Option` per module option saying which API field it maps to, how it is normalised, and
whether it is immutable (a change means replace), secret (write-only) or create-only.  The engine
then does the rest the same way for every resource:

* find the existing object (failing, with the candidates listed, when a name is ambiguous);
* compare only the options the user set, after normalising both sides;
* create, update only the changed fields, replace, or delete;
* never write in check mode (the client itself refuses to, as a second line of defence);
* build the diff of the managed fields, with secrets left out;
* return the server's object (re-read after a write) under the resource's singular name.

Behaviour that differs per resource is a hook method on the subclass, not a copy of the engine.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import json

from ansible_collections.portkey.ai.plugins.module_utils._client import PortkeyError

#: The id and slug of an object check mode predicts: later tasks of a check-mode run may refer to it,
#: and the engine then finds nothing and predicts their creation too.
CHECK_MODE_PLACEHOLDER = 'check-mode-placeholder'


# -- normalisers: applied to both the desired and the current value before comparing ----------

def normalize_bool(value):
    """0/1, "true"/"false", "1"/"0" and booleans are all booleans; None stays None."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ('1', 'true', 'yes', 'on'):
            return True
        if text in ('0', 'false', 'no', 'off', ''):
            return False
    return value


def canonical(value):
    """A canonical form of a JSON-like value: whole floats become ints, tuples lists.

    Dict key order never matters to ``==`` in Python, so it needs no treatment here.
    """
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return dict((k, canonical(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    return value


def parse_json(value, what='value'):
    """Accept a dict/list, or a JSON string of one (as the API and some users give it)."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError as exc:
            raise ValueError('%s is not valid JSON: %s' % (what, exc))
    return value


def normalize_json(value):
    """A structured value given as YAML or as a JSON string, in canonical form."""
    return canonical(parse_json(value))


def normalize_set(value):
    """A list whose order does not matter: sorted canonical JSON texts, duplicates dropped."""
    if value is None:
        return None
    return sorted(set(json.dumps(canonical(v), sort_keys=True) for v in value))


def normalize_empty(value):
    """The API's "" for "not set" is None."""
    return None if value == '' else value


def drop_none(value):
    """Remove keys whose value is None, recursively (Ansible fills unset suboptions with None)."""
    if isinstance(value, dict):
        return dict((k, drop_none(v)) for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return [drop_none(v) for v in value]
    return value


def is_subset(desired, actual):
    """True when every value set in ``desired`` is equal in ``actual``.

    Used for structures the server enriches (limits gain computed fields): keys the user did not
    set (None) are "leave as is"; lists must have the same length and match item by item.
    """
    if desired is None:
        return True
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            return not any(v is not None for v in desired.values()) and actual in (None, {})
        return all(is_subset(v, actual.get(k)) for k, v in desired.items())
    if isinstance(desired, list):
        if actual is None:
            actual = []
        if not isinstance(actual, list) or len(desired) != len(actual):
            return False
        return all(is_subset(d, a) for d, a in zip(desired, actual))
    return canonical(normalize_empty(desired)) == canonical(normalize_empty(actual))


def dotted_get(obj, path, default=None):
    """``obj['a']['b']`` for the path ``a.b``; ``default`` when any step is missing."""
    current = obj
    for part in path.split('.'):
        if not isinstance(current, dict) or part not in current:
            return default
        current = current[part]
    return current


def dotted_set(obj, path, value):
    """Set ``obj['a']['b'] = value`` for the path ``a.b``, creating the dicts on the way."""
    parts = path.split('.')
    current = obj
    for part in parts[:-1]:
        if not isinstance(current.get(part), dict):
            current[part] = {}
        current = current[part]
    current[parts[-1]] = value


class Option(object):
    """How one module option maps onto the API object.

    name        the module option.
    api         the API field, dotted for nested ones (``defaults.metadata``); default ``name``.
    normalize   applied to both sides before comparing (default: canonical JSON form).
    compare     ``exact`` or ``subset`` (for structures the server enriches with its own fields).
    to_api      turns the option's value into what the API takes (default: drop None keys).
    from_api    reads the current value from the server's object (default: the ``api`` field).
    immutable   the API cannot change it: a change replaces the object (or fails, see Resource).
    secret      write-only: never compared, never in a diff; sent on create, and on update only
                with ``update_secrets: always``.
    create_only sent on create, never compared or updated (e.g. a create-time switch).
    compared    False for options that only steer the module (they are not sent as fields).
    """

    def __init__(self, name, api=None, normalize=None, compare='exact', to_api=None, from_api=None,
                 immutable=False, secret=False, create_only=False, compared=True, sent=True):
        self.name = name
        self.api = api or name
        self.normalize = normalize or canonical
        self.compare = compare
        self.to_api = to_api
        self.from_api = from_api
        self.immutable = immutable
        self.secret = secret
        self.create_only = create_only
        self.compared = compared and not secret and not create_only
        self.sent = sent

    def api_value(self, value):
        if self.to_api is not None:
            return self.to_api(value)
        return drop_none(value)

    def current(self, obj):
        if self.from_api is not None:
            return self.from_api(obj)
        return dotted_get(obj, self.api)

    def equal(self, desired, current):
        desired = self.normalize(desired)
        current = self.normalize(current)
        if self.compare == 'subset':
            return is_subset(desired, current)
        return desired == current


def names(obj, ref):
    """Whether ``ref`` is the id or the slug of ``obj`` (objects are named either way)."""
    return bool(obj) and ref is not None and ref in (obj.get('id'), obj.get('slug'))


class ReferenceOption(Option):
    """An option that names another object (a workspace, an integration ...) by id or slug.

    ``resolve(ref)`` returns that object (or None). The value the API holds counts as equal when it
    names the same object in the other form, and it is shown in the form the user wrote, so a diff
    never shows a UUID turning into a slug.
    """

    def __init__(self, resource, name, resolve, api=None, **kwargs):
        super(ReferenceOption, self).__init__(name, api=api, normalize=self.same, **kwargs)
        self.resource = resource
        self.resolve = resolve

    def same(self, value):
        desired = self.resource.params.get(self.name)
        if value is None or desired is None or value == desired:
            return value
        if names(self.resolve(desired), value):
            return desired
        return value


class ResourceError(Exception):
    """A problem the module reports as a plain failure (bad input, ambiguous name, ...)."""


class Resource(object):
    """The description of one kind of Admin API object, and the engine that converges it.

    Subclasses set the class attributes and override hooks where their API differs.
    """

    #: The singular name: the key of the returned object and the word used in messages.
    singular = None
    #: The collection path (``/admin/workspaces``) and the item path with an ``{id}`` placeholder.
    list_path = None
    item_path = None
    #: The field of the server object that goes into ``item_path``.
    ident_field = 'id'
    #: Lookup options tried in order: (option, field of the server object, creatable).
    #: ``creatable`` means a missing object may be created with that value (a chosen slug).
    lookups = (('id', 'id', False),)
    #: Options that identify the object within its scope when no id or slug is given.
    natural_key = ('name',)
    #: Statuses that mean "absent" on a GET. 403 is confirmed by a list look-up first.
    missing_statuses = (404,)
    confirm_missing_statuses = ()
    #: Paging of the list endpoint (see PortkeyClient.paginate) and its largest page size.
    paging = 'snake'
    page_size = 100
    #: Whether the list's items hold every compared field (then no extra GET after a list find).
    list_items_complete = False
    #: What to do when an immutable option changes: ``replace`` or ``fail``.
    on_immutable_change = 'replace'
    #: ``delete_first`` or ``create_first`` when replacing.
    replace_order = 'delete_first'
    #: Options that keep the existing object's value in a replacement when the task leaves them out.
    carried_over_on_replace = ()
    #: The plural used in messages; default ``singular`` + ``s``.
    plural = None
    #: Server fields never returned to the user (secrets the API might echo).
    hidden_fields = ()
    #: The options, see Option.
    options = ()

    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.check_mode = module.check_mode
        self._workspaces = {}
        self.warnings = []

    @property
    def client(self):
        return self.module.client

    # -- entry point ---------------------------------------------------------------------

    def run(self):
        """Converge the object to the module's parameters, then exit_json / fail_json."""
        action = 'validate the parameters'
        try:
            self.validate()
            action = 'look up the %s' % self.singular
            existing = self.find()
            if self.params.get('state', 'present') == 'absent':
                action = 'delete the %s' % self.singular
                result = self.ensure_absent(existing)
            else:
                action = ('update the %s' if existing else 'create the %s') % self.singular
                result = self.ensure_present(existing)
        except (ResourceError, ValueError) as exc:
            self.module.fail_json(msg=str(exc), changed=self.wrote())
        except PortkeyError as exc:
            self.explain(exc)
            # A failure after a write (a replacement that deleted, then failed to create) changed something.
            self.module.fail_on_api_error(exc, action=action, changed=self.wrote())
        for warning in self.warnings:
            self.module.warn(warning)
        self.module.exit_json(**result)

    # -- hooks a resource may override ---------------------------------------------------

    def validate(self):
        """Check the parameters before any request; raise ResourceError or ValueError."""
        for option in self.options:
            value = self.params.get(option.name)
            if value is not None and option.normalize in (normalize_json,):
                parse_json(value, what=option.name)

    def explain(self, error):
        """Add a hint to an API error for causes known for this resource."""

    def scope_params(self):
        """Query parameters every call on the object needs (e.g. workspace_id)."""
        return {}

    def list_params(self):
        """Filters for the natural-key look-up, where the API filters (e.g. exact_name)."""
        return self.scope_params()

    def path_for(self, ident):
        return self.item_path.format(id=ident)

    def ident_of(self, obj):
        return obj.get(self.ident_field)

    def read(self, ident):
        """GET one object by id or slug; None when it does not exist."""
        try:
            obj = self.client.get(self.path_for(ident), params=self.scope_params())
        except PortkeyError as exc:
            if exc.status in self.missing_statuses:
                return None
            if exc.status in self.confirm_missing_statuses and not self.exists_in_list(ident):
                return None
            raise
        return self.unwrap(obj)

    def unwrap(self, obj):
        """The object inside a read's response (a few endpoints wrap it)."""
        return obj

    def list_all(self, params=None):
        return self.client.paginate(self.list_path, params=self.scope_params() if params is None else params,
                                    paging=self.paging, page_size=self.page_size)

    def exists_in_list(self, ident):
        """Confirm through the list that an object is there (for APIs that answer 403 for gone)."""
        for item in self.list_all():
            if names(item, ident):
                return True
        return False

    def matches(self, item):
        """Whether a list item has the natural key the user gave."""
        for key in self.natural_key:
            option = self.option(key)
            if not option.equal(self.params.get(key), option.current(item)):
                return False
        return True

    def describe(self, obj):
        """How an object is named in messages listing candidates."""
        bits = ['%s=%s' % (k, obj.get(k)) for k in ('id', 'slug', 'name') if obj.get(k) is not None]
        return '{%s}' % ', '.join(bits)

    def create_body(self):
        """The body of the create call: every option set, API-shaped."""
        body = {}
        for option in self.options:
            value = self.params.get(option.name)
            if value is None or not option.sent:
                continue
            dotted_set(body, option.api, option.api_value(value))
        return body

    def update_body(self, existing, changed):
        """The body of the update call: only the changed options (and secrets when asked)."""
        body = {}
        for option in changed:
            dotted_set(body, option.api, option.api_value(self.params.get(option.name)))
        return body

    def create(self, body):
        """POST the object; return its identifier (or the created object)."""
        return self.client.post(self.list_path, json_body=body)

    def created_ident(self, response, body):
        """The identifier of a created object, from the create call's response."""
        if isinstance(response, dict):
            for key in (self.ident_field, 'slug', 'id'):
                if response.get(key):
                    return response[key]
        raise PortkeyError('the API did not say which %s it created' % self.singular,
                           method='POST', path=self.list_path)

    def update(self, existing, body):
        return self.client.put(self.path_for(self.ident_of(existing)), json_body=body, params=self.scope_params())

    def delete(self, existing):
        self.client.delete(self.path_for(self.ident_of(existing)), params=self.scope_params(), missing_ok=True)

    def present(self, obj):
        """The object as returned to the user: hidden fields removed."""
        if not obj:
            return {}
        obj = copy.deepcopy(obj)
        for path in self.hidden_fields:
            parts = path.split('.')
            parent = dotted_get(obj, '.'.join(parts[:-1])) if len(parts) > 1 else obj
            if isinstance(parent, dict):
                parent.pop(parts[-1], None)
        return obj

    # -- the engine ----------------------------------------------------------------------

    def option(self, name):
        for option in self.options:
            if option.name == name:
                return option
        raise KeyError(name)

    def find(self):
        """The existing object, or None. Fails when the natural key matches several."""
        state = self.params.get('state', 'present')
        if self.check_mode and self.placeholder_scope():
            # Check mode, and the workspace holding the object does not exist yet: neither does it.
            return None
        for option_name, field, creatable in self.lookups:
            value = self.params.get(option_name)
            if not value:
                continue
            obj = self.read(value)
            if obj is None and state == 'present' and not creatable:
                if self.check_mode and self.placeholder_scope():
                    return None
                raise ResourceError('no %s has %s %r; to create one, leave %s out and give %s'
                                    % (self.singular, option_name, value, option_name, ' and '.join(self.natural_key)))
            return obj
        if not self.natural_key or not all(self.params.get(k) is not None for k in self.natural_key):
            names = [o for o, _f, _c in self.lookups] + [' and '.join(self.natural_key)]
            raise ResourceError('one of %s is needed to find the %s' % (', '.join(n for n in names if n), self.singular))
        return self.find_by_natural_key()

    def find_by_natural_key(self):
        if self.placeholder_scope():
            return None
        matches = [item for item in self.list_all(self.list_params()) if self.matches(item)]
        if len(matches) > 1:
            raise ResourceError('%d %s match %s; name the one to manage by %s: %s' % (
                len(matches), self.plural or self.singular + 's',
                ', '.join('%s=%r' % (k, self.params.get(k)) for k in self.natural_key),
                ' or '.join(o for o, _f, _c in self.lookups),
                '; '.join(self.describe(m) for m in matches)))
        if not matches:
            return None
        if self.list_items_complete:
            return matches[0]
        return self.read(self.ident_of(matches[0]))

    def placeholder_scope(self):
        """True when, in check mode, the object's scope (a workspace) does not exist yet."""
        return False

    def desired_options(self):
        """The compared options the user set."""
        return [o for o in self.options if o.compared and self.params.get(o.name) is not None]

    def changed_options(self, existing):
        return [o for o in self.desired_options() if not o.equal(self.params.get(o.name), o.current(existing))]

    def secret_options_to_send(self):
        if self.params.get('update_secrets') != 'always':
            return []
        return [o for o in self.options if o.secret and self.params.get(o.name) is not None]

    def diff_view(self, obj=None):
        """The managed (compared) fields as the user would write them; secrets left out."""
        view = {}
        for option in self.desired_options():
            if obj is None:
                # Suboptions the user left unset (None) are "leave as it is", not a change to show.
                view[option.name] = drop_none(option.normalize(self.params.get(option.name)))
            else:
                view[option.name] = option.normalize(option.current(obj))
        return view

    def ensure_present(self, existing):
        if existing is None:
            return self.do_create()
        changed = self.changed_options(existing)
        immutable = [o.name for o in changed if o.immutable]
        if immutable:
            if self.on_immutable_change == 'fail':
                raise ResourceError('%s cannot be changed on an existing %s (it has %s); delete it and create it again'
                                    % (', '.join(immutable), self.singular, ', '.join(
                                        '%s=%r' % (o.name, o.current(existing)) for o in changed if o.immutable)))
            return self.do_replace(existing, immutable)
        secrets = self.secret_options_to_send()
        if not changed and not secrets:
            return self.result(False, existing)
        diff = dict(before=self.diff_view(existing), after=self.diff_view())
        if self.check_mode:
            return self.result(True, existing, diff=diff)
        body = self.update_body(existing, changed + secrets)
        self.update(existing, body)
        return self.result(True, self.reread(existing), diff=diff)

    def wrote(self):
        """Whether this run has made a write the API accepted."""
        return any(method not in ('GET', 'HEAD') and status is not None and status < 400
                   for method, _path, status in self.client.calls)

    def reread(self, obj):
        fresh = self.read(self.ident_of(obj))
        if fresh is None:
            raise PortkeyError('the %s disappeared right after it was written' % self.singular)
        return fresh

    def do_create(self, diff_before=None):
        diff = dict(before=diff_before or {}, after=self.diff_view())
        if self.check_mode:
            return self.result(True, self.predicted(), diff=diff)
        body = self.create_body()
        response = self.create_with_recovery(body)
        if isinstance(response, dict) and response.get('__found__'):
            obj = response['__found__']
        else:
            obj = self.read(self.created_ident(response, body))
            if obj is None:
                raise PortkeyError('the %s could not be read back after it was created' % self.singular)
        return self.result(True, obj, diff=diff)

    def predicted(self):
        """What check mode returns for an object it would create: the options as given (secrets
        left out), with placeholder id and slug so later tasks can still refer to it."""
        obj = dict((o.name, self.params.get(o.name)) for o in self.options
                   if not o.secret and self.params.get(o.name) is not None)
        obj.setdefault('id', CHECK_MODE_PLACEHOLDER)
        obj.setdefault('slug', CHECK_MODE_PLACEHOLDER)
        return obj

    def create_with_recovery(self, body):
        """Create; after an ambiguous failure (no answer, or a 5xx to the POST), look the object up
        by its natural key before trying again, so a retry never makes a duplicate."""
        attempt = 0
        while True:
            try:
                return self.create(body)
            except PortkeyError as exc:
                if not exc.ambiguous or not self.natural_key or attempt >= self.client.max_retries:
                    raise
            attempt += 1
            found = self.find_by_natural_key()
            if found is not None:
                return {'__found__': found}
            self.client.pause(attempt)

    def replace_description(self):
        """How a replacement happens, in the warning that announces it."""
        if self.replace_order == 'create_first':
            return 'the new one is created first, then the old one deleted'
        return 'deleted and created again'

    def do_replace(self, existing, immutable):
        diff = dict(before=self.diff_view(existing), after=self.diff_view())
        self.warnings.append('%s of the %s cannot be changed in place: the %s is replaced (%s)'
                             % (', '.join(immutable), self.singular, self.singular, self.replace_description()))
        for name in self.carried_over_on_replace:
            if self.params.get(name) is None:
                self.params[name] = self.option(name).current(existing)
        self.check_replace(existing)
        if self.check_mode:
            return self.result(True, existing, diff=diff, replaced=True)
        if self.replace_order == 'create_first':
            result = self.do_create()
            self.delete(existing)
        else:
            self.delete(existing)
            try:
                result = self.do_create()
            except PortkeyError as exc:
                exc.hint = ' '.join(filter(None, [exc.hint, 'The old %s was deleted before this failure: run the task '
                                                  'again once the cause is fixed to create the new one.' % self.singular]))
                raise
        result['diff'] = diff
        result['replaced'] = True
        return result

    def check_replace(self, existing):
        """Raise (ResourceError) before a replacement writes anything, when the new object could not
        be created; runs in check mode too."""

    def ensure_absent(self, existing):
        if existing is None:
            return self.result(False, None)
        diff = dict(before=self.diff_view(existing) or self.describe_for_diff(existing), after={})
        if not self.check_mode:
            self.delete(existing)
        return self.result(True, None, diff=diff)

    def describe_for_diff(self, obj):
        return dict((k, obj.get(k)) for k in ('id', 'slug', 'name') if obj.get(k) is not None)

    def result(self, changed, obj, diff=None, **extra):
        result = dict(changed=changed, **extra)
        result[self.singular] = self.present(obj)
        if diff is not None and self.module._diff:
            result['diff'] = diff
        return result

    # -- references to other objects -----------------------------------------------------

    def workspace(self, ref, required=True):
        """The workspace named by UUID or slug, as {id, slug, name, ...}; cached per run.

        In check mode a workspace that does not exist yet (a task before this one would have
        created it) answers None, so the module predicts a create instead of failing.
        """
        if ref in self._workspaces:
            return self._workspaces[ref]
        obj = None
        try:
            obj = self.client.get('/admin/workspaces/%s' % ref)
        except PortkeyError as exc:
            if exc.status not in (403, 404):
                raise
            if exc.status == 403 and any(names(w, ref)
                                         for w in self.client.paginate('/admin/workspaces', page_size=100)):
                raise
        if obj is None:
            if self.check_mode:
                self.warnings.append('workspace %r does not exist (yet); in check mode this predicts a create' % ref)
            elif required:
                raise ResourceError('workspace %r not found (give its id or slug)' % ref)
        if obj is not None:
            self._workspaces[obj.get('id')] = obj
            self._workspaces[obj.get('slug')] = obj
        self._workspaces[ref] = obj
        return obj


class WorkspaceScopedResource(Resource):
    """A resource that lives in a workspace named by the ``workspace`` option (UUID or slug).

    Calls carry ``workspace_id`` (the workspace's UUID, which every endpoint accepts); in check
    mode a workspace that does not exist yet makes the module predict a create.
    """

    workspace_option = 'workspace'
    workspace_param = 'workspace_id'

    def scoped_workspace(self):
        ref = self.params.get(self.workspace_option)
        return self.workspace(ref) if ref else None

    def scope_params(self):
        workspace = self.scoped_workspace()
        return {self.workspace_param: workspace['id']} if workspace else {}

    def placeholder_scope(self):
        ref = self.params.get(self.workspace_option)
        return self.check_mode and bool(ref) and self.workspace(ref) is None


def run_info(module, key, read, action, resource=None):
    """Run an ``_info`` module: exit_json with ``{key: read()}``.

    Failures are reported as the engine reports them for resource modules: bad input and objects
    that cannot be found as plain messages, API errors with method, path, status and code. The
    resource's warnings (if one is given) are passed on.
    """
    try:
        items = read()
    except (ResourceError, ValueError) as exc:
        module.fail_json(msg=str(exc))
    except PortkeyError as exc:
        if resource is not None:
            resource.explain(exc)
        module.fail_on_api_error(exc, action=action)
    for warning in (resource.warnings if resource is not None else ()):
        module.warn(warning)
    module.exit_json(changed=False, **{key: items})
