"""pynet: Node.js's ``net`` module for Python.

Same API, same events, same event order, same error codes, on a
single-threaded :mod:`selectors` event loop.  A Node script ports line by line
and ends with :func:`run`::

    from pynet import net, run

    def on_connection(sock):
        sock.pipe(sock)

    net.createServer(on_connection).listen(7000, '127.0.0.1')
    run()

See ``docs/`` for the porting guide and the Python mapping of Node's API.
"""

from __future__ import annotations

import os as _os

from pynet._core.promise import Promise, queueMicrotask
from pynet._core.runtime import callFromThread, run
from pynet._embed.poll import Poll
from pynet.process import nextTick
from pynet.timers import (
    clearImmediate,
    clearInterval,
    clearTimeout,
    setImmediate,
    setInterval,
    setTimeout,
)

__version__ = "0.1.0"

if "NODE_UNIQUE_ID" in _os.environ:
    # A cluster worker (started by cluster.fork()): connect to the primary
    # before the script runs, as Node does at startup.
    import pynet.cluster  # noqa: F401

__all__ = [
    "Poll",
    "Promise",
    "callFromThread",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "nextTick",
    "queueMicrotask",
    "run",
    "setImmediate",
    "setInterval",
    "setTimeout",
]
