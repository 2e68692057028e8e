"""``readable.pipe(dest)`` and ``unpipe``, ported from Node's readable.js (v20).

Theory of operation: the source's ``'data'`` listener writes each chunk to
``dest``; when ``dest.write`` returns False the source is paused (and, being
paused, stops reading from its socket once its own buffer reaches the high
water mark, so backpressure reaches the TCP peer) until ``dest`` emits
``'drain'``.  On the source's ``'end'``, ``dest.end()`` is called unless
``end=False``.  ``'pipe'``/``'unpipe'`` are emitted on the destination.
Errors are not forwarded (as in Node: use the sockets' own ``'error'``
listeners); an error on ``dest`` unpipes it.

Invariant: at most one chunk beyond ``writableHighWaterMark`` is in ``dest``'s
buffer per pipe, and the source holds at most ``readableHighWaterMark`` plus
one read, so a proxy ``a.pipe(b).pipe(a)`` stays bounded in memory.
"""

from __future__ import annotations

from typing import Any

from ._address import NodeObject

__all__ = ["pipe", "unpipe"]


def pipe(src: Any, dest: Any, do_end: bool = True) -> Any:
    pipes: list[Any] = src._r_pipes
    pipes.append(dest)
    await_drain: set[Any] = src._r_await_drain
    state: dict[str, Any] = {"ondrain": None, "cleaned_up": False}

    def onend() -> None:
        dest.end()

    def unpipe_() -> None:
        src.unpipe(dest)

    end_fn = onend if do_end else unpipe_

    def onunpipe(readable: Any, info: Any = None) -> None:
        if readable is src and info is not None and info.get("hasUnpiped") is False:
            info["hasUnpiped"] = True
            cleanup()

    def cleanup() -> None:
        dest.removeListener("close", onclose)
        dest.removeListener("finish", onfinish)
        if state["ondrain"] is not None:
            dest.removeListener("drain", state["ondrain"])
        dest.removeListener("error", onerror)
        dest.removeListener("unpipe", onunpipe)
        src.removeListener("end", onend)
        src.removeListener("end", unpipe_)
        src.removeListener("data", ondata)
        state["cleaned_up"] = True
        if state["ondrain"] is not None and await_drain and dest.writableNeedDrain:
            state["ondrain"]()

    def pause() -> None:
        if not state["cleaned_up"]:
            await_drain.add(dest)
            src.pause()
        if state["ondrain"] is None:
            state["ondrain"] = ondrain
            dest.on("drain", ondrain)

    def ondrain() -> None:
        await_drain.discard(dest)
        if not await_drain and src.listenerCount("data"):
            src.resume()

    def ondata(chunk: Any) -> None:
        if dest.write(chunk) is False:
            pause()

    def onerror(er: BaseException) -> None:
        unpipe_()
        dest.removeListener("error", onerror)
        if dest.listenerCount("error") == 0:
            if not dest._error_emitted:
                dest._error_or_destroy(er)
            else:
                dest.emit("error", er)

    def onclose() -> None:
        dest.removeListener("finish", onfinish)
        unpipe_()

    def onfinish() -> None:
        dest.removeListener("close", onclose)
        unpipe_()

    if src._r_end_emitted:
        src._loop.next_tick(end_fn)
    else:
        src.once("end", end_fn)
    dest.on("unpipe", onunpipe)
    src.on("data", ondata)
    dest.prependListener("error", onerror)
    dest.once("close", onclose)
    dest.once("finish", onfinish)
    dest.emit("pipe", src)
    if dest.writableNeedDrain is True:
        pause()
    elif not src._r_flowing:
        src.resume()
    return dest


def unpipe(src: Any, dest: Any = None) -> None:
    pipes: list[Any] = src._r_pipes
    if not pipes:
        return
    info = NodeObject(hasUnpiped=False)
    if dest is None:
        dests = list(pipes)
        pipes.clear()
        src.pause()
        for d in dests:
            d.emit("unpipe", src, NodeObject(hasUnpiped=False))
        return
    if dest not in pipes:
        return
    pipes.remove(dest)
    if not pipes:
        src.pause()
    dest.emit("unpipe", src, info)
