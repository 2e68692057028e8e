"""net.Socket({fd}) on an existing descriptor: pipes, sockets, and refusals."""

from __future__ import annotations

import os
import socket
import tempfile
from typing import Any

import pytest

from pynet import errors, net, run
from pynet._core.loop import Loop


def test_os_pipe_descriptors_carry_data_end_and_close(loop: Loop) -> None:
    r, w = os.pipe()
    log: list[Any] = []
    out = net.Socket({"fd": w, "readable": False})
    inp = net.Socket({"fd": r, "writable": False})
    inp.setEncoding("utf8")
    inp.on("data", lambda d: log.append(("data", d)))
    inp.on("end", lambda: log.append("end"))
    inp.on("close", lambda had_error: log.append(("in close", had_error)))
    out.write("hello", lambda err: log.append(("write cb", err)))
    out.end(" world", lambda *a: log.append("end cb"))
    out.on("close", lambda had_error: log.append(("out close", had_error)))
    run()
    assert ("data", "hello world") in log or [x for x in log if x[0] == "data"] == [
        ("data", "hello"), ("data", " world")]
    assert log.index(("write cb", None)) < log.index("end cb")
    # Node (the same program on a FIFO's two ends) ends with end, in close,
    # out close: both handles close in one close phase, newest first.
    assert log[-3:] == ["end", ("in close", False), ("out close", False)]


def test_socketpair_descriptor_is_a_pipe_socket(loop: Loop) -> None:
    a, b = socket.socketpair()
    sock = net.Socket(a.detach())  # Node's legacy new Socket(fd)
    got: list[bytes] = []
    sock.on("data", got.append)
    sock.on("end", lambda: sock.end())
    b.sendall(b"ping")
    b.shutdown(socket.SHUT_WR)
    run()
    b.close()
    assert b"".join(got) == b"ping"


def test_regular_file_is_refused(loop: Loop) -> None:
    with tempfile.TemporaryFile() as f:
        with pytest.raises(errors.ERR_INVALID_FD_TYPE, match="Unsupported fd type: FILE"):
            net.Socket({"fd": f.fileno()})


def test_negative_fd_is_out_of_range(loop: Loop) -> None:
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        net.Socket({"fd": -1})
