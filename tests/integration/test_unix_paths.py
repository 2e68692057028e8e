"""Unix socket paths: a server's close() unlinks only its own socket, paths are
encoded as Node encodes them, and a path longer than ``sun_path`` is refused.

Not compared with node: Node 20's libuv truncates a too-long path to 107 bytes
and binds *that* (a client then connects to whatever lives there, and the
truncated file is left behind); pynet reports ``EINVAL`` instead (porting guide).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pynet import net, run

pytestmark = pytest.mark.usefixtures("loop")  # a fresh loop per test

def test_close_keeps_a_path_another_server_took_over(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sock")
    seen = []
    first = net.createServer()
    second = net.createServer()

    def first_listening() -> None:
        os.unlink(path)  # Someone removes the first server's socket file...
        second.listen(path, second_listening)  # ...and another server binds the path.

    def second_listening() -> None:
        first.close(first_closed)

    def first_closed() -> None:
        seen.append(("after first close", os.path.exists(path)))
        client = net.connect(path, lambda: (seen.append(("connected", True)), client.end()))
        client.on("close", lambda: second.close(second_closed))

    def second_closed() -> None:
        seen.append(("after second close", os.path.exists(path)))

    second.on("connection", lambda sock: sock.end())
    first.listen(path, first_listening)
    run()
    assert seen == [("after first close", True), ("connected", True),
                    ("after second close", False)]


def test_close_unlinks_its_own_socket(tmp_path: Path) -> None:
    path = str(tmp_path / "own.sock")
    server = net.createServer()
    server.listen(path, lambda: server.close())
    run()
    assert not os.path.exists(path)


def test_lone_surrogates_are_encoded_as_node_does(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    seen = []
    for path in ["\udc80", "x\ud800y"]:
        server = net.createServer()

        def listening(server: net.Server = server) -> None:
            seen.append((server.address(), sorted(os.listdir("."))))
            server.close()
        server.listen(path, listening)
    client = net.connect("nope\udc80")
    client.on("error", lambda e: seen.append((e.code, e.address)))
    run()
    # U+FFFD in UTF-8 is EF BF BD: what Node's Buffer.from(path) gives.  Both
    # servers bind synchronously, so both files exist at the first 'listening'.
    assert seen[0] == ("\udc80", ["x\ufffdy", "\ufffd"])
    assert seen[1] == ("x\ud800y", ["x\ufffdy"])
    assert ("ENOENT", "nope\udc80") in seen
    assert os.listdir(".") == []


def test_a_path_longer_than_sun_path_is_einval(tmp_path: Path) -> None:
    path = str(tmp_path / ("x" * 120))
    seen = []
    server = net.createServer()
    server.on("error", lambda e: seen.append(("server", e.code, e.syscall, e.address)))
    server.listen(path)
    client = net.connect(path)
    client.on("error", lambda e: seen.append(("client", e.code, e.syscall, e.address)))
    client.on("close", lambda had_error: seen.append(("client close", had_error)))
    run()
    assert ("server", "EINVAL", "listen", path) in seen
    assert seen[-2:] == [("client", "EINVAL", "connect", path), ("client close", True)]
    assert not os.path.exists(path[:107])
