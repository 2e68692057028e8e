"""systemd integration: socket activation and readiness notification (pynet's own module).

Node has no twin; this is what ``sd_listen_fds(3)`` and ``sd_notify(3)`` do,
for a pynet daemon run by systemd::

    from pynet import net, run, systemd

    server = net.createServer(on_connection)
    fds = systemd.listenFds()
    if fds:
        server.listen({'fd': fds[0]})       # socket activation (a .socket unit)
    else:
        server.listen(8000)
    server.on('listening', lambda: systemd.notify('READY=1'))
    run()

* :func:`listenFds` — the descriptors systemd passed (``LISTEN_FDS``
  descriptors from 3, only when ``LISTEN_PID`` is this process), marked
  close-on-exec, as ``sd_listen_fds`` does.  :func:`listenFdsWithNames`
  pairs them with ``LISTEN_FDNAMES`` (``FileDescriptorName=`` of the socket
  unit).
* :func:`notify` — one datagram to ``NOTIFY_SOCKET`` (a Unix datagram socket;
  a name starting with ``@`` is abstract): ``'READY=1'``, ``'STOPPING=1'``,
  ``'RELOADING=1'``, ``'WATCHDOG=1'``, ``'STATUS=…'``, several separated by
  newlines.  ``False`` when there is no ``NOTIFY_SOCKET`` (not run by systemd,
  or ``Type=`` is not ``notify``).  The send is synchronous, as
  ``sd_notify``'s is; a failure raises the system error.
* :func:`watchdogInterval` — ``WATCHDOG_USEC`` in milliseconds when the
  watchdog is on for this process (``WatchdogSec=``), else ``None``: send
  ``'WATCHDOG=1'`` at least that often (systemd suggests every half of it).
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket

from pynet import errors
from pynet._js.validators import invalid_arg_type

__all__ = ["SD_LISTEN_FDS_START", "listenFds", "listenFdsWithNames", "notify",
           "watchdogInterval"]

#: The first descriptor systemd passes (``SD_LISTEN_FDS_START``).
SD_LISTEN_FDS_START = 3
_UNSET = ("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES")


def _for_us(pid_var: str) -> bool:
    pid = os.environ.get(pid_var, "")
    return pid.isdigit() and int(pid) == os.getpid()


def listenFds(unsetEnvironment: bool = False) -> list[int]:
    """The descriptors passed by systemd socket activation (``sd_listen_fds``).

    ``[]`` when ``LISTEN_PID`` is not this process or ``LISTEN_FDS`` is
    missing.  With ``unsetEnvironment``, the three variables are removed
    (so child processes do not see them).
    """
    count = os.environ.get("LISTEN_FDS", "")
    fds: list[int] = []
    if _for_us("LISTEN_PID") and count.isdigit():
        fds = list(range(SD_LISTEN_FDS_START, SD_LISTEN_FDS_START + int(count)))
        for fd in fds:
            flags = fcntl.fcntl(fd, fcntl.F_GETFD)
            fcntl.fcntl(fd, fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
    if unsetEnvironment:
        for name in _UNSET:
            os.environ.pop(name, None)
    return fds


def listenFdsWithNames(unsetEnvironment: bool = False) -> list[tuple[int, str]]:
    """``(fd, name)`` pairs (``sd_listen_fds_with_names``); a missing name is ``'unknown'``."""
    names = os.environ.get("LISTEN_FDNAMES", "")
    fds = listenFds(unsetEnvironment)
    given = names.split(":") if names else []
    return [(fd, given[i] if i < len(given) and given[i] else "unknown")
            for i, fd in enumerate(fds)]


def notify(state: str) -> bool:
    """Send ``state`` to the service manager (``sd_notify``).

    ``False`` when there is no ``NOTIFY_SOCKET``; raises the system error
    when the datagram cannot be sent.
    """
    if not isinstance(state, str):
        raise invalid_arg_type("state", "string", state)
    path = os.environ.get("NOTIFY_SOCKET", "")
    if not path:
        return False
    if path[0] == "@":
        path = "\0" + path[1:]
    elif path[0] != "/":
        raise errors.errno_exception(errno.EAFNOSUPPORT, "sd_notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
    try:
        sock.sendto(state.encode(), path)
    except OSError as exc:
        raise errors.errno_exception(exc.errno or errno.EIO, "sd_notify") from None
    finally:
        sock.close()
    return True


def watchdogInterval() -> float | None:
    """``WATCHDOG_USEC`` as milliseconds when it applies to this process, else ``None``."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if "WATCHDOG_PID" in os.environ and not _for_us("WATCHDOG_PID"):
        return None
    return int(usec) / 1000
