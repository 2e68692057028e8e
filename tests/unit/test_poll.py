"""pynet.Poll: libuv's uv_poll_t for descriptors pynet does not own."""

from __future__ import annotations

import errno
import os
import socket
import tempfile
from typing import Any

import pytest

import pynet
from pynet import errors


def test_readable_then_stop_and_close(loop: Any) -> None:
    a, b = socket.socketpair()
    try:
        poll = pynet.Poll(a.fileno())
        seen: list[Any] = []

        def on_readable() -> None:
            seen.append(a.recv(10))
            poll.close(lambda: seen.append("closed"))
        poll.on("readable")(on_readable)
        poll.start("r")
        assert poll.active and poll.hasRef()
        b.send(b"hi")
        pynet.run()
        assert seen == [b"hi", "closed"]
        assert not poll.active
        with pytest.raises(errors.ERR_INVALID_STATE):
            poll.start("r")
    finally:
        a.close()
        b.close()


def test_writable_is_level_triggered_until_stopped(loop: Any) -> None:
    a, b = socket.socketpair()
    try:
        poll = pynet.Poll(a)
        count = 0

        def on_writable() -> None:
            nonlocal count
            count += 1
            if count == 3:
                poll.stop()
        poll.on("writable", on_writable)
        poll.start("w")
        pynet.run()
        assert count == 3 and not poll.active
        poll.close()
        pynet.run()
    finally:
        a.close()
        b.close()


def test_unref_lets_run_return(loop: Any) -> None:
    a, b = socket.socketpair()
    try:
        poll = pynet.Poll(a.fileno()).start("r").unref()
        assert not poll.hasRef()
        pynet.run()  # returns: nothing ref'd
        poll.ref()
        poll.stop()
        pynet.run()
        poll.close()
        pynet.run()
    finally:
        a.close()
        b.close()


def test_bad_descriptors(loop: Any) -> None:
    with pytest.raises(OSError) as info:
        pynet.Poll(-1)
    assert info.value.code == "EBADF"  # type: ignore[attr-defined]
    r, w = os.pipe()
    os.close(r)
    os.close(w)
    with pytest.raises(OSError) as info:
        pynet.Poll(r)
    assert info.value.errno == errno.EBADF
    with tempfile.TemporaryFile() as f:
        with pytest.raises(OSError) as info:
            pynet.Poll(f.fileno())
        assert info.value.code == "EPERM"  # type: ignore[attr-defined]


def test_fd_already_watched(loop: Any) -> None:
    a, b = socket.socketpair()
    try:
        first = pynet.Poll(a).start("r")
        with pytest.raises(OSError) as info:
            pynet.Poll(a)
        assert info.value.code == "EEXIST"  # type: ignore[attr-defined]
        first.close()
        pynet.run()
    finally:
        a.close()
        b.close()


def test_bad_mode(loop: Any) -> None:
    a, b = socket.socketpair()
    try:
        poll = pynet.Poll(a)
        with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
            poll.start("x")
        poll.close()
        pynet.run()
    finally:
        a.close()
        b.close()
