"""Shared helpers for the Python echo servers (not a server itself)."""

from __future__ import annotations

import resource
import sys

HOST = "127.0.0.1"
BACKLOG = 511  # the same default backlog as Node's server.listen()


def raise_nofile() -> int:
    """Raise RLIMIT_NOFILE's soft limit to the hard limit (idle test: 10k conns)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        except (ValueError, OSError):
            pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def port_from_argv() -> int:
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} PORT")
    return int(sys.argv[1])
