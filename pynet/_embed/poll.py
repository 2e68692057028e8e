"""``pynet.Poll``: an EventEmitter for the readiness of a foreign descriptor.

A daemon built on pynet often has a descriptor that pynet does not own: a
serial port, an inotify or signalfd, a database driver's socket.  ``Poll(fd)``
puts it on pynet's loop, as libuv's ``uv_poll_t`` puts it on Node's (the way
native addons do it)::

    poll = pynet.Poll(fd)
    poll.on('readable', lambda: handle(os.read(fd, 4096)))
    poll.start('r')

Theory of operation: a :class:`~pynet._handles.poll.PollHandle` calls back
from the poll phase; :class:`Poll` turns each callback into a ``'readable'``
or ``'writable'`` event, level-triggered (it is emitted again on the next turn
while the condition holds, so a listener must read or write, or
:meth:`Poll.stop`).  While started and ref'd, a Poll keeps :func:`pynet.run`
alive; :meth:`Poll.close` stops it for good and emits ``'close'`` from the
close phase.  The descriptor itself is never closed by pynet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import get_loop
from pynet._handles.poll import PollHandle
from pynet._js.validators import invalid_arg_value
from pynet.events import EventEmitter

__all__ = ["Poll"]

_MODES = {"r": (True, False), "w": (False, True), "rw": (True, True), "wr": (True, True)}


class Poll(EventEmitter):
    """Readiness events for the descriptor ``fd`` (an ``int`` or an object with ``fileno()``).

    Raises a system error with libuv's code when the descriptor cannot be
    polled: ``EBADF`` (not open), ``EPERM`` (a regular file), ``EEXIST``
    (already watched by a pynet handle).
    """

    def __init__(self, fd: Any) -> None:
        super().__init__()
        if hasattr(fd, "fileno") and not isinstance(fd, int):
            fd = fd.fileno()
        self._handle = PollHandle(get_loop(), fd)
        self.fd: int = self._handle.fd
        self._closing = False

    def start(self, events: str = "r") -> Poll:
        """Watch for ``'r'`` (readable), ``'w'`` (writable) or ``'rw'`` (both)."""
        if events not in _MODES:
            raise invalid_arg_value("events", events, "must be one of: 'r', 'w', 'rw'")
        if self._closing:
            raise errors.ERR_INVALID_STATE("the Poll is closed")
        readable, writable = _MODES[events]
        self._handle.start(readable, writable, self._on_ready)
        return self

    def stop(self) -> Poll:
        """Stop watching; :meth:`start` may be called again."""
        if not self._closing:
            self._handle.stop()
        return self

    def close(self, callback: Callable[..., Any] | None = None) -> None:
        """Stop for good; ``'close'`` is emitted (and ``callback`` called) in the close phase."""
        if callback is not None:
            self.once("close", callback)
        if self._closing:
            return
        self._closing = True
        self._handle.close(self._emit_close)

    def _emit_close(self) -> None:
        self.emit("close")

    def ref(self) -> Poll:
        """Let a started Poll keep :func:`pynet.run` alive (the default)."""
        self._handle.ref()
        return self

    def unref(self) -> Poll:
        """Do not let this Poll keep :func:`pynet.run` alive."""
        self._handle.unref()
        return self

    def hasRef(self) -> bool:
        """Whether the Poll is ref'd."""
        return self._handle.has_ref()

    @property
    def active(self) -> bool:
        """Whether the Poll is started."""
        return self._handle.active

    def _on_ready(self, readable: bool, writable: bool) -> None:
        self.emit("readable" if readable else "writable")
