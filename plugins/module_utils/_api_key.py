# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Portkey API keys: how the engine finds, compares, creates, rotates and deletes them.

Shared by the api_key and api_key_info modules. What differs from the usual resource:

- create is ``POST /api-keys/{type}/{sub-type}`` and its answer holds the full secret, the only
  time the API shows it (GET answers it masked), so the secret is returned once, under
  ``api_key.key``; the masked form is returned as ``api_key.masked_key``;
- reads combine type and sub-type (``workspace-service``), answer ``allow_config_override`` at
  the top level as null/0/1, and numbers as floats;
- type, sub-type, workspace and user are fixed once the key exists: a change fails rather than
  replacing the key, which would silently invalidate a secret in use;
- ``rotate: true`` rotates on every run (``POST /api-keys/{id}/rotate``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import re

from ansible_collections.portkey.ai.plugins.module_utils._resource import (
    Option,
    ResourceError,
    WorkspaceScopedResource,
    canonical,
    dotted_get,
    normalize_bool,
    normalize_empty,
)
from ansible_collections.portkey.ai.plugins.module_utils._limits import limits_to_api
from ansible_collections.portkey.ai.plugins.module_utils._user import check_user_ref, find_user, is_email
from ansible_collections.portkey.ai.plugins.module_utils._workspace import string_map

UUID_RE = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
MIN_TRANSITION_MS = 1800000
# What stands for the secret in a diff (the secret itself never appears there).
SECRET_BEFORE = '(current secret)'
SECRET_AFTER = '(new secret)'


def split_type(value):
    """('workspace', 'service') from the API's combined ``workspace-service``."""
    if not isinstance(value, str) or '-' not in value:
        return value, None
    kind, dummy, sub = value.partition('-')
    return kind, sub


def parse_datetime(value, what='expires_at'):
    """An ISO 8601 date or date-time as an aware UTC datetime; a date-time without zone is UTC."""
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str) or not text:
        raise ValueError('%s must be an ISO 8601 date-time such as 2026-12-31T23:59:59Z, got %r' % (what, value))
    # Python 3.8's fromisoformat takes neither "Z" nor other than 3 or 6 fraction digits.
    text = re.sub(r'[zZ]$', '+00:00', text)
    text = re.sub(r'(\.\d{3})\d*', r'\1', text)
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError('%s must be an ISO 8601 date-time such as 2026-12-31T23:59:59Z, got %r' % (what, value))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed.astimezone(datetime.timezone.utc)


def format_datetime(value):
    """The RFC 3339 form the API takes: 2026-12-31T23:59:59Z (milliseconds only when set)."""
    if value is None:
        return None
    parsed = parse_datetime(value)
    text = parsed.strftime('%Y-%m-%dT%H:%M:%S')
    if parsed.microsecond:
        text += '.%03d' % (parsed.microsecond // 1000)
    return text + 'Z'


def normalize_datetime(value):
    """Compare instants, not spellings; a value that does not parse stays as it is."""
    if value in (None, ''):
        return None
    try:
        return format_datetime(value)
    except ValueError:
        return value


def normalize_strings(value):
    """A list of strings whose order does not matter (scopes): sorted, duplicates dropped."""
    if value is None:
        return None
    return sorted(set(v.strip() if isinstance(v, str) else str(v) for v in value))


def normalize_emails(value):
    if value is None:
        return None
    return normalize_strings([v.lower() if isinstance(v, str) else v for v in value])


class ApiKey(WorkspaceScopedResource):
    singular = 'api_key'
    list_path = '/api-keys'
    item_path = '/api-keys/{id}'
    lookups = (('id', 'id', False),)
    natural_key = ('name',)
    # The list answers whole key objects: a find by name costs one call.
    list_items_complete = True
    # Answers 403 for a key it does not show: confirmed through the list before it counts as gone.
    confirm_missing_statuses = (403,)
    on_immutable_change = 'fail'
    page_size = 100

    def __init__(self, module):
        super(ApiKey, self).__init__(module)
        self._users = {}
        # The secret the API answered on create or rotate, and when the old one stops working.
        self.secret = None
        self.secret_of = None
        self.transition_expires_at = None
        self.options = (
            Option('name'),
            Option('description', normalize=lambda v: canonical(normalize_empty(v))),
            Option('type', from_api=lambda obj: split_type(obj.get('type'))[0], immutable=True, sent=False),
            Option('sub_type', from_api=lambda obj: split_type(obj.get('type'))[1], immutable=True, sent=False),
            Option('workspace', api='workspace_id', normalize=self.workspace_uuid, immutable=True, sent=False),
            Option('user', api='user_id', normalize=self.user_uuid, immutable=True, sent=False),
            Option('scopes', normalize=normalize_strings),
            Option('metadata', api='defaults.metadata', normalize=string_map, to_api=string_map),
            Option('config', api='defaults.config_id', normalize=lambda v: canonical(normalize_empty(v)),
                   to_api=lambda v: v or ''),
            Option('allow_config_override', api='defaults.allow_config_override', normalize=normalize_bool,
                   from_api=self.current_allow_config_override, to_api=bool),
            Option('alert_emails', normalize=normalize_emails),
            Option('expires_at', normalize=normalize_datetime, to_api=format_datetime),
            Option('usage_limits', compare='subset'),
            Option('rate_limits', compare='subset', to_api=limits_to_api),
        )

    # -- the kind of key and its scope -----------------------------------------------------

    def key_type(self):
        """The type the user set, else workspace when a workspace is named, else organisation."""
        return self.params.get('type') or ('workspace' if self.params.get('workspace') else 'organisation')

    def key_sub_type(self):
        return self.params.get('sub_type') or ('user' if self.params.get('user') else 'service')

    def scope_params(self):
        # GET/PUT/DELETE by id take no workspace; only the list is filtered by it.
        return {}

    def list_params(self):
        if self.key_type() == 'workspace' and self.params.get('workspace'):
            workspace = self.scoped_workspace()
            return {'workspace_id': workspace['id']} if workspace else {}
        return {}

    def matches(self, item):
        """Same name, and the same type and workspace: a key's name is unique within its scope only."""
        if not super(ApiKey, self).matches(item):
            return False
        kind, dummy = split_type(item.get('type'))
        if kind != self.key_type():
            return False
        if kind == 'workspace' and self.params.get('workspace'):
            return self.workspace_uuid(item.get('workspace_id')) == self.workspace_uuid(self.params['workspace'])
        return True

    def describe(self, obj):
        bits = ['%s=%s' % (k, obj.get(k)) for k in ('id', 'name', 'type', 'workspace_id', 'created_at') if obj.get(k) is not None]
        return '{%s}' % ', '.join(bits)

    def workspace_uuid(self, ref):
        """A workspace named by UUID or slug, as its UUID (the API echoes either form)."""
        if not ref:
            return None
        workspace = self.workspace(ref, required=False)
        return workspace['id'] if workspace else ref

    def user_uuid(self, ref):
        """A user named by UUID or email, as their UUID (an email is looked up once)."""
        if not ref:
            return None
        ref = ref.strip()
        if not is_email(ref):
            return ref.lower()
        if ref not in self._users:
            user = find_user(self.client, ref)
            if user is None:
                raise ResourceError('no user has email %r in the organisation; give an existing user\'s id or email' % ref)
            self._users[ref] = user['id'].lower()
        return self._users[ref]

    @staticmethod
    def current_allow_config_override(obj):
        """null (never set) is the API's default, true; 0/1 and booleans otherwise."""
        value = obj.get('allow_config_override')
        if value is None:
            value = dotted_get(obj, 'defaults.allow_config_override')
        return True if value is None else normalize_bool(value)

    # -- checks before any request ---------------------------------------------------------

    def validate(self):
        string_map(self.params.get('metadata'))
        params = self.params
        state = params.get('state', 'present')
        ident = params.get('id')
        if ident is not None and not UUID_RE.match(ident.strip()):
            raise ValueError('id must be the API key\'s UUID (as api_key_info returns it), got %r' % ident)
        name = params.get('name')
        if name is not None and not name.strip():
            raise ValueError('name must not be empty')
        if not ident and not name:
            raise ValueError('name is required (or give id to manage an existing API key)')
        scopes = params.get('scopes')
        if scopes is not None and not [s for s in scopes if s and s.strip()]:
            raise ValueError('scopes needs at least one scope, such as completions.write (the API fails without one)')
        if scopes is not None and any(not s or not s.strip() for s in scopes):
            raise ValueError('scopes must not contain empty entries')
        if state == 'present' and not ident and scopes is None:
            raise ValueError('scopes is required to create an API key: give at least one scope, such as completions.write '
                             '(or give id to manage an existing key without restating them)')
        # With an id and no type, the key's type is whatever it is: only what was set is checked.
        kind = self.key_type() if params.get('type') or params.get('workspace') or not ident else None
        sub = self.key_sub_type() if params.get('sub_type') or params.get('user') or not ident else None
        if kind == 'organisation' and sub == 'user':
            raise ValueError('organisation API keys are service keys only: use type=workspace for a user key')
        if kind == 'organisation' and params.get('workspace'):
            raise ValueError('workspace is only for type=workspace keys (organisation keys belong to no workspace)')
        if kind == 'workspace' and not params.get('workspace') and not ident:
            raise ValueError('workspace is required for type=workspace keys (its id or slug)')
        if sub == 'service' and params.get('user'):
            raise ValueError('user is only for sub_type=user keys')
        if sub == 'user' and not params.get('user') and not ident:
            raise ValueError('user is required for sub_type=user keys (the user\'s id or email)')
        check_user_ref(params.get('user'))
        if params.get('expires_at') is not None:
            parse_datetime(params['expires_at'])
        for email in params.get('alert_emails') or []:
            if not isinstance(email, str) or email.count('@') != 1 or email.startswith('@') or email.endswith('@'):
                raise ValueError('alert_emails: %r is not an email address' % (email,))
        usage = params.get('usage_limits') or {}
        if usage.get('credit_limit') is not None and usage['credit_limit'] < 1:
            raise ValueError('usage_limits.credit_limit must be 1 or more')
        if usage.get('alert_threshold') is not None and usage['alert_threshold'] < 1:
            raise ValueError('usage_limits.alert_threshold must be 1 or more')
        if None not in (usage.get('credit_limit'), usage.get('alert_threshold')) and usage['alert_threshold'] > usage['credit_limit']:
            raise ValueError('usage_limits.alert_threshold must not exceed usage_limits.credit_limit')
        for limit in params.get('rate_limits') or []:
            if limit.get('value') is not None and limit['value'] < 0:
                raise ValueError('rate_limits[].value must be 0 or more')
        period = params.get('key_transition_period_ms')
        if period is not None:
            if period < MIN_TRANSITION_MS:
                raise ValueError('key_transition_period_ms must be at least %d (30 minutes)' % MIN_TRANSITION_MS)
            if not params.get('rotate'):
                raise ValueError('key_transition_period_ms only applies with rotate=true')

    def explain(self, error):
        if error.method == 'POST' and error.status == 502 and not (error.path or '').endswith('/rotate'):
            error.hint = 'The API answers 502 when an API key is created without scopes; give at least one scope'
        elif error.status == 403 and (error.path or '').endswith('/rotate'):
            error.hint = ('The key the module authenticates with needs the matching *_api_keys.rotate (or .update) '
                          'scope to rotate this API key')

    # -- writing -----------------------------------------------------------------------------

    def create_body(self):
        body = super(ApiKey, self).create_body()
        body = dict((k, v) for k, v in body.items() if v is not None)
        if self.key_type() == 'workspace':
            body['workspace_id'] = self.scoped_workspace()['id']
        if self.key_sub_type() == 'user':
            body['user_id'] = self.user_uuid(self.params['user'])
        return body

    def create(self, body):
        path = '%s/%s/%s' % (self.list_path, self.key_type(), self.key_sub_type())
        response = self.client.post(path, json_body=body)
        if isinstance(response, dict) and response.get('key'):
            self.secret = response['key']
            self.secret_of = response.get('id')
        return response

    def update_body(self, existing, changed):
        body = super(ApiKey, self).update_body(existing, changed)
        if 'defaults' in body:
            # Send the defaults whole (what is there, then the changes), so the update cannot
            # drop a pinned config or the metadata whether the API merges or replaces them.
            defaults = {}
            for key in ('metadata', 'config_id'):
                value = dotted_get(existing, 'defaults.' + key)
                if value not in (None, '', {}):
                    defaults[key] = value
            if existing.get('allow_config_override') is not None:
                defaults['allow_config_override'] = bool(normalize_bool(existing['allow_config_override']))
            defaults.update(body['defaults'])
            body['defaults'] = defaults
        return body

    def refuse_immutable_changes(self, existing):
        changed = [o for o in self.changed_options(existing) if o.immutable]
        if not changed:
            return
        raise ResourceError(
            '%s of an existing API key cannot be changed (the key %s has %s). Replacing the key would silently '
            'invalidate its secret wherever it is in use, so the module does not do it: delete the key '
            '(state=absent) and create it again, or give the new key another name'
            % (', '.join(o.name for o in changed), existing.get('id'),
               ', '.join('%s=%r' % (o.name, o.current(existing)) for o in changed)))

    def ensure_present(self, existing):
        if existing is None:
            result = super(ApiKey, self).ensure_present(existing)
            if not self.check_mode and self.secret is None:
                self.warnings.append('the API key was created, but the answer holding its secret was lost; '
                                     'run the task again with rotate=true to get a new secret')
            return result
        self.refuse_immutable_changes(existing)
        result = super(ApiKey, self).ensure_present(existing)
        if self.params.get('rotate'):
            result = self.rotate(existing, result)
        return result

    def rotate(self, existing, updated):
        """Rotate the key (always a change); check mode predicts it without calling."""
        diff = updated.get('diff') or dict(before=self.diff_view(existing), after=self.diff_view())
        diff['before']['key'] = SECRET_BEFORE
        diff['after']['key'] = SECRET_AFTER
        if self.check_mode:
            result = dict(updated, changed=True, rotated=True)
            if self.module._diff:
                result['diff'] = diff
            return result
        body = {}
        if self.params.get('key_transition_period_ms'):
            body['key_transition_period_ms'] = self.params['key_transition_period_ms']
        response = self.client.post('%s/rotate' % self.path_for(existing['id']), json_body=body)
        if isinstance(response, dict):
            self.secret = response.get('key')
            self.secret_of = existing['id']
            self.transition_expires_at = response.get('key_transition_expires_at')
        return self.result(True, self.reread(existing), diff=diff, rotated=True)

    # -- what the user sees ------------------------------------------------------------------

    #: Whether the warning about returning a secret without no_log was given.
    warned_secret = False

    def present(self, obj):
        """The key with the masked form as ``masked_key``; ``key`` only holds a new secret."""
        obj = super(ApiKey, self).present(obj)
        if not obj:
            return obj
        if 'key' in obj:
            obj['masked_key'] = obj.pop('key')
        if self.secret and obj.get('id') == self.secret_of:
            obj['key'] = self.secret
            if not getattr(self.module, 'no_log', False) and not self.warned_secret:
                self.warned_secret = True
                self.warnings.append('api_key.key holds the new secret of the key; set no_log: true on this task so it '
                                     'does not show in the output or logs')
            if self.transition_expires_at:
                obj['key_transition_expires_at'] = self.transition_expires_at
        return obj
