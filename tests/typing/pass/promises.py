"""Promise[T] and the promise forms: what ``await`` gives back (mapping §8)."""

from __future__ import annotations

from typing import Any, assert_type

import pynet
from pynet import Promise, dns, events, net, stream
from pynet.abort import AbortController, AbortSignal
from pynet.timers import promises as tp


async def numbers() -> int:
    return 1


async def main(sock: net.Socket) -> None:
    p: Promise[int] = Promise(lambda resolve: resolve(1))
    assert_type(await p, int)
    assert_type(await p.finally_(lambda: None), int)
    assert_type(Promise.resolve(), Promise[None])
    assert_type(Promise.resolve(2), Promise[int])
    assert_type(Promise.resolve(p), Promise[int])
    assert_type(Promise.resolve(numbers()), Promise[int])
    assert_type(await Promise.resolve(numbers()), int)
    assert_type(await Promise.all([p, numbers()]), list[Any])
    assert_type(await events.once(sock, "connect"), list[Any])
    [data] = await events.once(sock, "data")
    async for [chunk] in events.on(sock, "data", {"close": ["end"]}):
        print(chunk, data)
    async for piece in sock:
        print(piece)
    await tp.setTimeout(10)
    await tp.setImmediate()
    await dns.promises.lookup("localhost")
    await stream.promises.finished(sock)
    signal = AbortSignal.any([AbortController().signal, AbortSignal.timeout(10)])
    assert_type(signal, AbortSignal)
    with events.addAbortListener(signal, lambda: None):
        pass
    pynet.queueMicrotask(lambda: None)


def start() -> None:
    pynet.run(main(net.connect(1)))
