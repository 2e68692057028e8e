"""``cluster.Worker``: one worker, as either side sees it (lib/internal/cluster/worker.js).

Theory of operation
-------------------
A :class:`Worker` wraps a process object: in the primary the worker's
:class:`~pynet._cluster.child_process.ChildProcess`, in the worker the
``pynet.process`` module itself (Node's ``process``).  It forwards the
process's ``'message'`` and ``'error'`` events as its own and delegates
``send``; ``isConnected``/``isDead`` read the process's state.  The methods
that differ per side (``disconnect``, ``destroy``) are supplied by the side
that creates the worker, as Node's ``primary.js`` and ``child.js`` extend
``Worker.prototype``.

Invariants
----------
* ``state`` walks ``'none'`` → ``'online'`` → ``'listening'`` →
  ``'disconnected'`` → ``'dead'`` (primary side), as Node's does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet.events import EventEmitter

__all__ = ["Worker"]


class Worker(EventEmitter):
    """A cluster worker: ``id``, ``process``, ``state``, ``send``, ``kill``, ``disconnect``."""

    def __init__(self, worker_id: int, process: Any, state: str = "none",
                 destroy: Callable[[Worker, Any], None] | None = None,
                 disconnect: Callable[[Worker], None] | None = None) -> None:
        super().__init__()
        #: The worker's id (``NODE_UNIQUE_ID`` in the worker), from 1.
        self.id = worker_id
        #: The worker's process: a ``ChildProcess`` in the primary, ``pynet.process`` in it.
        self.process = process
        #: ``'none'``, ``'online'``, ``'listening'``, ``'disconnected'``, ``'dead'``…
        self.state = state
        #: ``True`` once the worker left through ``disconnect()``/``kill()``, not by a crash.
        self.exitedAfterDisconnect: bool | None = None
        self._destroy = destroy
        self._disconnect = disconnect
        process.on("error", lambda *args: self.emit("error", *args))
        process.on("message", lambda message, handle=None: self.emit("message", message, handle))

    def send(self, message: Any, *args: Any) -> bool:
        """Send a JSON-serialisable message to the other side (``worker.send``)."""
        result: bool = self.process.send(message, *args)
        return result

    def kill(self, signal: str = "SIGTERM") -> None:
        """Stop the worker (``worker.kill`` is ``worker.destroy``)."""
        self.destroy(signal)

    def destroy(self, signal: str = "SIGTERM") -> None:
        """Primary: send ``signal``.  Worker: leave cleanly, then exit."""
        if self._destroy is not None:
            self._destroy(self, signal)

    def disconnect(self) -> Worker:
        """Close servers, then the IPC channel: the worker exits once its work is done."""
        if self._disconnect is not None:
            self._disconnect(self)
        return self

    def isConnected(self) -> bool:
        """Whether the IPC channel to the other side is open."""
        return bool(getattr(self.process, "connected", False))

    def isDead(self) -> bool:
        """Whether the worker's process has exited."""
        return (getattr(self.process, "exitCode", None) is not None
                or getattr(self.process, "signalCode", None) is not None)

    def __repr__(self) -> str:
        return f"<Worker id={self.id} state={self.state!r}>"
