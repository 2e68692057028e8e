"""Port of test/parallel/test-stream2-readable-empty-buffer-no-eof.js (Node v20).

An empty Buffer pushed by _read is "no data for now", not EOF; a base64
stream decodes across pushes.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setImmediate
from pynet.stream import Readable


def collect(r: Readable) -> list[str]:
    results: list[str] = []

    def flow() -> None:
        while (chunk := r.read()) is not None:
            results.append(chunk if isinstance(chunk, str) else bytes(chunk).decode())
    r.on("readable", flow)
    r.on("end", lambda: results.append("EOF"))
    flow()
    return results


def test_empty_buffer_is_not_eof() -> None:
    r = Readable()
    buf = b"x" * 5
    state = {"reads": 5}

    def _read(n: int) -> Any:
        reads = state["reads"]
        state["reads"] -= 1
        if reads == 5:
            return setImmediate(lambda: r.push(buf))
        if reads == 4:
            setImmediate(lambda: r.push(b""))
            return setImmediate(lambda: r.read(0))
        if reads == 3:
            setImmediate(lambda: r.read(0))
            return process.nextTick(lambda: r.push(b""))
        if reads == 2:
            setImmediate(lambda: r.read(0))
            return r.push(b"")  # Not-EOF!
        if reads == 1:
            return r.push(buf)
        if reads == 0:
            return r.push(None)  # EOF
        raise AssertionError("unreachable")
    r._read = _read  # type: ignore[method-assign]
    results = collect(r)
    run()
    assert results == ["xxxxx", "xxxxx", "EOF"]


def test_base64() -> None:
    r = Readable(encoding="base64")
    state = {"reads": 5}

    def _read(n: int) -> Any:
        if not state["reads"]:
            return r.push(None)
        state["reads"] -= 1
        return r.push(b"x")
    r._read = _read  # type: ignore[method-assign]
    results = collect(r)
    run()
    assert results == ["eHh4", "eHg=", "EOF"]
