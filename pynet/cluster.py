"""Node's ``cluster``: one program on many cores (pynet's mapping §12).

``cluster.fork()`` starts the same script again in a new Python process
(Node's model, not ``os.fork()``); in that worker pynet connects an IPC
channel to the primary, ``cluster.isWorker`` is true, and a
``server.listen(port)`` shares the primary's socket::

    from pynet import cluster, net, run
    import os

    if cluster.isPrimary:
        for _ in range(os.cpu_count() or 1):
            cluster.fork()
        cluster.on('exit', lambda worker, code, signal: cluster.fork())  # respawn
    else:
        net.createServer(lambda sock: sock.pipe(sock)).listen(8000)
    run()

``schedulingPolicy`` is ``SCHED_RR`` by default (Node's default on Linux):
the primary accepts every connection and passes the descriptor to the next
free worker (``SCM_RIGHTS``).  With ``SCHED_NONE`` (set it before the first
``fork()``, or ``NODE_CLUSTER_SCHED_POLICY=none``) the workers share the
listening socket and the kernel spreads the connections.

The module plays the role of Node's ``cluster`` object: ``on``, ``once``,
``emit``… are bound to one emitter.  Events in the primary: ``'fork'``,
``'online'``, ``'listening'`` ``(worker, address)``, ``'message'``
``(worker, message, handle)``, ``'disconnect'``, ``'exit'``
``(worker, code, signal)``, ``'setup'``.  Messages are JSON values.

The defaults re-run the script as it was started: the interpreter's
options, the script (or ``-m`` module) and its arguments;
``setupPrimary({'exec': path, 'args': [...], 'execArgv': [...], 'cwd': …,
'silent': True})`` changes them.

Node reference: lib/cluster.js, lib/internal/cluster/*.js.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from pynet._cluster.child import WorkerCluster, setup_worker
from pynet._cluster.primary import SCHED_NONE, SCHED_RR, PrimaryCluster, default_policy
from pynet._cluster.worker import Worker
from pynet.errors import ERR_METHOD_NOT_IMPLEMENTED

__all__ = [
    "SCHED_NONE",
    "SCHED_RR",
    "Worker",
    "disconnect",
    "emit",
    "emitter",
    "fork",
    "isMaster",
    "isPrimary",
    "isWorker",
    "off",
    "on",
    "once",
    "removeAllListeners",
    "removeListener",
    "schedulingPolicy",
    "settings",
    "setupMaster",
    "setupPrimary",
    "worker",
    "workers",
]

_primary: PrimaryCluster | None = None
_child: WorkerCluster | None = None
if "NODE_UNIQUE_ID" in os.environ:
    _child = setup_worker()
else:
    _primary = PrimaryCluster()

#: Node's ``cluster`` object as an emitter (the module-level ``on``, ``emit``… are its methods).
emitter: PrimaryCluster | WorkerCluster = _primary if _primary is not None else _child  # type: ignore[assignment]

#: ``True`` in the primary process (the one not started by ``fork()``).
isPrimary: bool = _primary is not None
#: Deprecated alias of :data:`isPrimary`, as in Node.
isMaster: bool = isPrimary
#: ``True`` in a worker process.
isWorker: bool = not isPrimary
#: In the primary, the live workers by id; ``None`` in a worker (Node: undefined).
workers: dict[int, Worker] | None = _primary.workers if _primary is not None else None
#: In a worker, its own :class:`Worker`; ``None`` in the primary.
worker: Worker | None = _child.worker if _child is not None else None
#: The primary's settings after ``setupPrimary``/``fork``: ``exec``, ``args``, ``execArgv``…
settings: dict[str, Any] = _primary.settings if _primary is not None else {}
#: ``SCHED_RR`` (the primary distributes connections) or ``SCHED_NONE`` (the
#: kernel does); frozen at the first ``fork()``/``setupPrimary()``.
schedulingPolicy: int = default_policy()


def _need_primary(name: str) -> PrimaryCluster:
    if _primary is None:
        raise ERR_METHOD_NOT_IMPLEMENTED(f"cluster.{name}() in a worker")
    return _primary


def setupPrimary(settings: dict[str, Any] | None = None, **options: Any) -> None:
    """Set how workers start: ``exec``, ``args``, ``execArgv``, ``cwd``, ``silent``."""
    _need_primary("setupPrimary").setupPrimary({**(settings or {}), **options},
                                               schedulingPolicy)


#: Deprecated alias of :func:`setupPrimary`, as in Node.
setupMaster = setupPrimary


def fork(env: dict[str, Any] | None = None) -> Worker:
    """Start a worker process (the script again); ``env`` adds environment variables."""
    return _need_primary("fork").fork(env, schedulingPolicy)


def disconnect(callback: Callable[..., Any] | None = None) -> None:
    """Disconnect every worker; ``callback`` once they are all gone."""
    _need_primary("disconnect").disconnect(callback)


on = emitter.on
once = emitter.once
off = emitter.off
emit = emitter.emit
removeListener = emitter.removeListener
removeAllListeners = emitter.removeAllListeners
