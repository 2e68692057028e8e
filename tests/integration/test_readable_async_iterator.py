"""``async for chunk in sock`` (Node's Readable async iterator) on loopback sockets.

The parts of Node's test-stream-readable-async-iterators.js that apply to
sockets: chunks in order, the end finishes the loop, an error is raised out
of it, leaving early destroys the stream (``destroyOnReturn`` keeps it), a
premature close raises ERR_STREAM_PREMATURE_CLOSE.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, events, net, run
from pynet._core.loop import Loop


def _server(on_sock: Any) -> net.Server:
    server = net.createServer(on_sock)
    server.listen(0, "127.0.0.1")
    return server


def test_reads_every_chunk_until_the_end(loop: Loop) -> None:
    def on_sock(sock: Any) -> None:
        sock.write(b"a")
        sock.end(b"b")

    server = _server(on_sock)

    async def main() -> bytes:
        c = net.connect(server.address().port, "127.0.0.1")
        got = b""
        async for chunk in c:
            got += chunk
        server.close()
        return got

    assert run(main()) == b"ab"


def test_break_destroys_the_socket_at_once(loop: Loop) -> None:
    server = _server(lambda sock: sock.write(b"hello"))
    log: list[Any] = []

    async def main() -> None:
        c = net.connect(server.address().port, "127.0.0.1")
        c.on("close", lambda: log.append("close"))
        async for chunk in c:
            log.append(chunk)
            break
        log.append(("destroyed", c.destroyed))
        server.close()

    run(main())
    assert log == [b"hello", ("destroyed", True), "close"]


def test_destroy_on_return_false_keeps_the_socket(loop: Loop) -> None:
    server = _server(lambda sock: sock.end(b"hello"))

    async def main() -> Any:
        c = net.connect(server.address().port, "127.0.0.1")
        async for chunk in c.iterator({"destroyOnReturn": False}):
            assert chunk == b"hello"
            break
        alive = not c.destroyed
        c.destroy()
        server.close()
        return alive

    assert run(main()) is True


def test_error_is_raised_out_of_the_loop(loop: Loop) -> None:
    server = _server(lambda sock: None)

    async def main() -> str:
        c = net.connect(server.address().port, "127.0.0.1")
        await events.once(c, "connect")
        c.destroy(ValueError("boom"))
        try:
            async for _ in c:
                pass
        except ValueError as err:
            return str(err)
        finally:
            server.close()
        return "no error"

    assert run(main()) == "boom"


def test_exception_in_the_body_destroys_the_socket(loop: Loop) -> None:
    server = _server(lambda sock: sock.write(b"x"))

    async def main() -> bool:
        c = net.connect(server.address().port, "127.0.0.1")
        with pytest.raises(KeyError):
            async for _ in c:
                raise KeyError("body")
        server.close()
        return bool(c.destroyed)

    assert run(main()) is True


def test_premature_close_raises(loop: Loop) -> None:
    server = _server(lambda sock: None)

    async def main() -> Any:
        c = net.connect(server.address().port, "127.0.0.1")
        await events.once(c, "connect")
        c.destroy()
        try:
            async for _ in c:
                pass
        except errors.ERR_STREAM_PREMATURE_CLOSE as err:
            return err.code
        finally:
            server.close()
        return None

    assert run(main()) == "ERR_STREAM_PREMATURE_CLOSE"  # node: the same
