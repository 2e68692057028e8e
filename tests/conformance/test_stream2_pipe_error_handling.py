"""Port of test/parallel/test-stream2-pipe-error-handling.js (Node v20).

An 'error' on a pipe destination unpipes it (through the source's own,
overridable unpipe()) and reaches the destination's 'error' listeners; with
no listener of the user's (and autoDestroy off) emit() raises the error after
the unpipe.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable


def make(with_listener: bool) -> None:
    count = [1000]
    source = Readable()

    def _read(n: int) -> None:
        n = min(count[0], n)
        count[0] -= n
        source.push(bytes(n))
    source._read = _read  # type: ignore[method-assign]
    unpiped_dest: list[Any] = []

    def unpipe(dest: Any = None) -> Any:
        unpiped_dest.append(dest)
        return Readable.unpipe(source, dest)
    source.unpipe = unpipe  # type: ignore[method-assign]
    # Node's second case has autoDestroy off: the error is emitted at once.
    dest = Writable() if with_listener else Writable(autoDestroy=False)
    dest._write = lambda chunk, encoding, cb: cb()  # type: ignore[method-assign]
    source.pipe(dest)
    got_err: list[BaseException] = []
    if with_listener:
        dest.on("error", got_err.append)
    unpiped_source: list[Any] = []
    dest.on("unpipe", unpiped_source.append)
    err = Exception("This stream turned into bacon.")
    if with_listener:
        dest.emit("error", err)
    else:
        try:
            dest.emit("error", err)
        except Exception as exc:
            got_err.append(exc)
    assert got_err == [err]
    assert unpiped_source == [source]
    assert unpiped_dest == [dest]
    source.destroy()
    dest.destroy()
    run()


def test_error_listener_catches() -> None:
    make(True)


def test_error_without_listener_throws() -> None:
    make(False)
