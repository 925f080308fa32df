# -*- coding: utf-8 -*-
# Copyright: contributors to the portkey.ai collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's version, for the User-Agent. A unit test keeps it equal to galaxy.yml's."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

COLLECTION_VERSION = '0.1.0'
