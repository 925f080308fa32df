# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""``python -m tests.emulator``: serve the emulated Admin API until interrupted."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import argparse
import json
import os
import signal
import sys

from .server import Emulator


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m tests.emulator', description=__doc__)
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default: loopback)')
    parser.add_argument('--port', type=int, default=0, help='port (default: a free one)')
    parser.add_argument('--admin-key', default=os.environ.get('PORTKEY_API_KEY') or 'pk-emulator-admin-key',
                        help='the organisation admin API key it accepts (default: $PORTKEY_API_KEY or pk-emulator-admin-key)')
    parser.add_argument('--seed', type=int, default=0, help='seed for ids, slugs and faults')
    parser.add_argument('--faults', default=None, help='fault injection settings as JSON, e.g. {"error_rate": 0.1}')
    parser.add_argument('--validate-responses', action='store_true', help='record responses that do not fit the spec')
    parser.add_argument('--url-file', default=None, help='also write the base URL to this file')
    parser.add_argument('--verbose', action='store_true', help='print every request')
    args = parser.parse_args(argv)

    emulator = Emulator(host=args.host, port=args.port, admin_key=args.admin_key, seed=args.seed,
                        validate_responses=args.validate_responses, quiet=not args.verbose, require_spec=False)
    if args.faults:
        emulator.set_faults(json.loads(args.faults))
    if args.url_file:
        with open(args.url_file, 'w') as handle:
            handle.write(emulator.base_url + '\n')
    sys.stdout.write('Portkey Admin API emulator listening on %s\n' % emulator.base_url)
    sys.stdout.flush()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        emulator.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        emulator.httpd.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
