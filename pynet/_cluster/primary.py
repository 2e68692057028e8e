"""The primary's ``cluster`` object (lib/internal/cluster/primary.js).

Theory of operation
-------------------
:meth:`PrimaryCluster.fork` starts a worker process (Node's model: the same
script again in a new interpreter, with ``NODE_UNIQUE_ID`` set, never
``os.fork()``) and wraps it in a :class:`~pynet._cluster.worker.Worker`.  The
worker's internal messages drive its life: ``online``, ``queryServer`` (a
``listen()`` in the worker: the primary answers from a
:class:`~pynet._cluster.handles.RoundRobinHandle` or
:class:`~pynet._cluster.handles.SharedHandle` per address), ``listening``,
``close``, ``exitedAfterDisconnect``.  The process's ``'disconnect'`` and
``'exit'`` remove its handles and the worker, and are re-emitted on the
worker and on the cluster with Node's arguments.

``schedulingPolicy`` is frozen at the first ``setupPrimary``/``fork`` (Node:
"Freeze policy"); ``NODE_CLUSTER_SCHED_POLICY=rr|none`` sets the default.

Invariants
----------
* ``workers`` holds a worker from ``fork()`` until it has both disconnected
  and exited (or was disconnected on purpose); ``handles`` holds only
  handles with at least one worker.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from pynet._cluster.channel import internal, send_helper
from pynet._cluster.child_process import fork as fork_process
from pynet._cluster.handles import RoundRobinHandle, SharedHandle
from pynet._cluster.worker import Worker
from pynet._core.loop import get_loop
from pynet.events import EventEmitter

__all__ = ["SCHED_NONE", "SCHED_RR", "PrimaryCluster", "default_policy", "default_settings"]

#: Leave the distribution of connections to the operating system (shared socket).
SCHED_NONE = 1
#: The primary accepts and distributes connections round-robin (Node's default on Linux).
SCHED_RR = 2


def default_policy() -> int:
    """``NODE_CLUSTER_SCHED_POLICY`` (``rr`` or ``none``), else ``SCHED_RR``."""
    return SCHED_NONE if os.environ.get("NODE_CLUSTER_SCHED_POLICY") == "none" else SCHED_RR


def default_settings() -> dict[str, Any]:
    """Node's defaults: re-run this script with its interpreter options and arguments.

    ``exec`` is the script (or ``-m``'s module), ``execArgv`` the
    interpreter's options before it (``-X dev``, ``-m``), ``args`` the
    script's arguments (``process.argv.slice(2)``).
    """
    orig = list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))
    start = max(1, len(orig) - len(sys.argv))
    return {"exec": orig[start] if start < len(orig) else sys.argv[0],
            "execArgv": orig[1:start], "args": list(sys.argv[1:]), "silent": False}


class PrimaryCluster(EventEmitter):
    """Node's ``cluster`` in the primary: ``fork``, ``workers``, ``disconnect``."""

    def __init__(self) -> None:
        super().__init__()
        self.workers: dict[int, Worker] = {}
        self.settings: dict[str, Any] = {}
        self._handles: dict[str, RoundRobinHandle | SharedHandle] = {}
        self._intercom = EventEmitter()
        self._ids = 0
        self._policy: int | None = None

    def setupPrimary(self, settings: dict[str, Any] | None, policy: int) -> None:
        """Merge ``settings`` (``exec``, ``args``, ``execArgv``, ``cwd``, ``silent``, ``env``)."""
        merged = {**default_settings(), **self.settings, **(settings or {})}
        self.settings.clear()
        self.settings.update(merged)
        if self._policy is None:
            if policy not in (SCHED_NONE, SCHED_RR):
                raise AssertionError(f"Bad cluster.schedulingPolicy: {policy}")
            self._policy = policy  # Freeze policy.
        get_loop().next_tick(self.emit, "setup", self.settings)

    def fork(self, env: dict[str, Any] | None, policy: int) -> Worker:
        """Start a worker process running the script again."""
        self.setupPrimary(None, policy)
        self._ids += 1
        worker_id = self._ids
        settings = self.settings
        worker_env = {**os.environ, **{k: str(v) for k, v in (env or {}).items()},
                      "NODE_UNIQUE_ID": str(worker_id)}
        argv = [sys.executable, *settings["execArgv"], settings["exec"], *settings["args"]]
        proc = fork_process(argv, worker_env, settings.get("cwd"), bool(settings.get("silent")))
        worker = Worker(worker_id, proc, destroy=self._destroy, disconnect=self._disconnect)
        worker.on("message", lambda message, handle=None: self.emit("message", worker, message,
                                                                     handle))

        def on_exit(code: int | None, signal: str | None) -> None:
            if not worker.isConnected():
                self._remove_handles_for(worker)
                self._remove_worker(worker)
            worker.exitedAfterDisconnect = bool(worker.exitedAfterDisconnect)
            worker.state = "dead"
            worker.emit("exit", code, signal)
            self.emit("exit", worker, code, signal)

        def on_disconnect() -> None:
            self._remove_handles_for(worker)
            if worker.isDead():
                self._remove_worker(worker)
            worker.exitedAfterDisconnect = bool(worker.exitedAfterDisconnect)
            worker.state = "disconnected"
            worker.emit("disconnect")
            self.emit("disconnect", worker)

        proc.once("exit", on_exit)
        proc.once("disconnect", on_disconnect)
        proc.on("internalMessage", internal(worker, self._onmessage))
        get_loop().next_tick(self.emit, "fork", worker)
        self.workers[worker.id] = worker
        return worker

    def disconnect(self, cb: Callable[..., Any] | None = None) -> None:
        """Disconnect every worker; ``cb`` once all are gone."""
        if not self.workers:
            get_loop().next_tick(self._intercom.emit, "disconnect")
        else:
            for worker in list(self.workers.values()):
                if worker.isConnected():
                    worker.disconnect()
        if callable(cb):
            self._intercom.once("disconnect", cb)

    # -- bookkeeping ------------------------------------------------------------------

    def _remove_worker(self, worker: Worker) -> None:
        self.workers.pop(worker.id, None)
        if not self.workers:
            self._intercom.emit("disconnect")

    def _remove_handles_for(self, worker: Worker) -> None:
        for key, handle in list(self._handles.items()):
            if handle.remove(worker):
                del self._handles[key]

    def _send(self, worker: Worker, message: dict[str, Any], fd: int | None = None,
              cb: Callable[..., Any] | None = None) -> Any:
        return send_helper(worker.process.send, message, fd, cb)

    def _disconnect(self, worker: Worker) -> None:
        worker.exitedAfterDisconnect = True
        self._send(worker, {"act": "disconnect"})
        self._remove_handles_for(worker)
        self._remove_worker(worker)

    def _destroy(self, worker: Worker, signal: Any) -> None:
        worker.process.kill(signal or "SIGTERM")

    # -- messages from workers ----------------------------------------------------------

    def _onmessage(self, worker: Worker, message: dict[str, Any], fd: int | None) -> None:
        act = message.get("act")
        if act == "online":
            worker.state = "online"
            worker.emit("online")
            self.emit("online", worker)
        elif act == "queryServer":
            self._query_server(worker, message)
        elif act == "listening":
            info = {"addressType": message.get("addressType"), "address": message.get("address"),
                    "port": message.get("port"), "fd": message.get("fd")}
            worker.state = "listening"
            worker.emit("listening", info)
            self.emit("listening", worker, info)
        elif act == "close":
            handle = self._handles.get(message.get("key", ""))
            if handle is not None and handle.remove(worker):
                del self._handles[message["key"]]
        elif act == "exitedAfterDisconnect":
            worker.exitedAfterDisconnect = True
            self._send(worker, {"ack": message.get("seq")})

    def _query_server(self, worker: Worker, message: dict[str, Any]) -> None:
        if worker.exitedAfterDisconnect:
            return  # Stop processing if worker already disconnecting.
        key = (f"{message.get('address')}:{message.get('port')}:{message.get('addressType')}:"
               f"{message.get('fd')}:{message.get('index')}")
        handle = self._handles.get(key)
        if handle is None:
            address = message.get("address")
            if self._policy != SCHED_RR:
                handle = SharedHandle(key, address, message)
            else:
                handle = RoundRobinHandle(key, address, message)
            self._handles[key] = handle
        if not handle.data:
            handle.data = message.get("data")
        seq = message.get("seq")

        def reply(errno: int, extra: dict[str, Any] | None, fd: int | None) -> None:
            current = self._handles.get(key)
            data = current.data if current is not None else None
            if errno:
                self._handles.pop(key, None)  # Gives other workers a chance to retry.
            self._send(worker, {"errno": errno, "key": key, "ack": seq, "data": data,
                                **(extra or {})}, fd)

        handle.add(worker, reply)
