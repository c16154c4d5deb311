"""Errors the library raises; only ``kg.cli`` turns them into click exceptions.

Every message is one line that names the input and says what to do about it.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class for every error kg reports to a user (the CLI exits 1 with its message)."""


class InputError(KgError):
    """A report or other input file cannot be read or makes no sense."""


class OutputError(KgError):
    """An output file or folder cannot be written."""


class QueryError(KgError):
    """A SPARQL query is malformed, refused, or names an unknown query."""


class GoldError(KgError):
    """A gold-standard file is malformed."""


class RemoteError(KgError):
    """A remote store refused a request or could not be reached."""
