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

``NODE_DEBUG=stream`` prints the debug lines of Node's ``pipe`` closures
(``ondata``, ``dest.write false``, ``pipeOnDrain 1``…), as readable.py does.

Discussion: one small object per pipe, whose bound methods are the
listeners, instead of Node's ten closures: an echo server pipes every
connection into itself, so this is per-connection memory.  What a piped
connection holds for it (events.py stores a plain listener as itself, and a
``once`` wrapper keeps a method's function and object rather than the bound
method): the ``_Pipe`` object, three bound methods (``'unpipe'``, ``'data'``,
``'error'``), three once wrappers (``'end'``, ``'close'``, ``'finish'``) and
the source's ``pipes`` list.  (Compiled by mypyc, ``_Pipe``'s bound methods
are builtin methods, which events.py stores bare as well.)

Discussion: set-up and clean-up.  Node's pipe() adds six listeners and its
cleanup removes eight, each through the emitter's public method; per
connection of a piped echo server that was about a tenth of the server's
work.  When nothing can observe how they are added (events.py's
``_pynet_quiet``: EventEmitter's own listener methods on the class and the
instance, no ``'newListener'``/``'removeListener'`` listener on either
stream) they go through ``_pynet_store``/``_pynet_drop``: the same storage
changes in Node's order, the 'data' listener's resume included, in one call
per emitter; otherwise through the public methods, as in Node
(tests/interop/test_pipe_trace_node.py compares both with node).
"""

from __future__ import annotations

import json
import weakref
from typing import Any

from pynet._js import debuglog
from pynet._js.nodeobject import NodeObject
from pynet._streams.legacy import prepend_listener
from pynet.events import EventEmitter

__all__ = ["never_end", "pipe", "unpipe"]

# Node's ``dest !== process.stdout && dest !== process.stderr``: the streams
# pipe() never ends (pynet.process registers its stdout and stderr here), by
# id, each with a weak reference to check it is still the same object (a
# WeakSet's ``in`` is a Python-level call, per pipe()).
_never_ended: dict[int, weakref.ref[Any]] = {}


def never_end(stream: Any) -> None:
    """Make ``pipe()`` into ``stream`` never end it (``process.stdout``/``stderr``)."""
    _never_ended[id(stream)] = weakref.ref(stream, _forget)


def _forget(ref: weakref.ref[Any]) -> None:
    for key, value in list(_never_ended.items()):
        if value is ref:
            del _never_ended[key]


def _never_end(stream: Any) -> bool:
    ref = _never_ended.get(id(stream))
    return ref is not None and ref() is stream

_DEBUG = debuglog.enabled("stream")
_debug = debuglog.debuglog("stream")


class _Pipe:
    __slots__ = ("cleaned_up", "dest", "ondrain_added", "src")

    def __init__(self, src: Any, dest: Any) -> None:
        self.src = src
        self.dest = dest
        self.ondrain_added = False
        self.cleaned_up = False

    def onend(self) -> None:
        if _DEBUG:
            _debug("onend")
        self.dest.end()

    def unpipe(self) -> None:
        if _DEBUG:
            _debug("unpipe")
        self.src.unpipe(self.dest)

    def onunpipe(self, readable: Any, info: Any = None) -> None:
        if _DEBUG:
            _debug("onunpipe")
        if readable is self.src and info is not None and info.get("hasUnpiped") is False:
            info["hasUnpiped"] = True
            self.cleanup()

    def cleanup(self) -> None:
        if _DEBUG:
            _debug("cleanup")
        src, dest = self.src, self.dest
        if (isinstance(dest, EventEmitter) and dest._pynet_quiet()
                and (src is dest or src._pynet_quiet())):
            # Node's removals, in its order, in one step per emitter (events.py).
            dest_entries: tuple[tuple[str, Any], ...] = (
                ("close", self.onclose), ("finish", self.onfinish),
                *((("drain", self.ondrain),) if self.ondrain_added else ()),
                ("error", self.onerror), ("unpipe", self.onunpipe))
            src_entries = (("end", self.onend), ("end", self.unpipe), ("data", self.ondata))
            if src is dest:
                dest._pynet_drop(*dest_entries, *src_entries)
            else:
                dest._pynet_drop(*dest_entries)
                src._pynet_drop(*src_entries)
        else:
            dest.removeListener("close", self.onclose)
            dest.removeListener("finish", self.onfinish)
            if self.ondrain_added:
                dest.removeListener("drain", self.ondrain)
            dest.removeListener("error", self.onerror)
            dest.removeListener("unpipe", self.onunpipe)
            src.removeListener("end", self.onend)
            src.removeListener("end", self.unpipe)
            src.removeListener("data", self.ondata)
        self.cleaned_up = True
        # Node reads the raw needDrain flag here (not writableNeedDrain, which is
        # false once the destination is ending).
        if self.ondrain_added and src._r_await_drain and getattr(dest, "_w_need_drain", True):
            self.ondrain()

    def pause(self) -> None:
        src = self.src
        if not self.cleaned_up:
            if _DEBUG:
                pipes = src._r_pipes or []
                if len(pipes) == 1 and pipes[0] is self.dest:
                    _debug("false write response, pause", 0)
                elif len(pipes) > 1 and self.dest in pipes:
                    _debug("false write response, pause", len(src._r_await_drain or ()))
            if src._r_await_drain is None:
                src._r_await_drain = set()
            src._r_await_drain.add(self.dest)
            src.pause()
        if not self.ondrain_added:
            self.ondrain_added = True
            self.dest.on("drain", self.ondrain)

    def ondrain(self) -> None:
        src = self.src
        waiting = src._r_await_drain
        if _DEBUG:
            if waiting and self.dest in waiting and len(src._r_pipes or ()) <= 1:
                _debug("pipeOnDrain", 1)
            elif len(src._r_pipes or ()) > 1:
                _debug("pipeOnDrain", len(waiting or ()))
        if waiting:
            waiting.discard(self.dest)
        if not waiting and src.listenerCount("data"):
            src.resume()

    def ondata(self, chunk: Any) -> None:
        if _DEBUG:
            _debug("ondata")
            ret = self.dest.write(chunk)
            _debug("dest.write", ret)
            if ret is False:
                self.pause()
            return
        if self.dest.write(chunk) is False:
            self.pause()

    def onerror(self, er: BaseException) -> None:
        if _DEBUG:
            _debug("onerror", er)
        dest = self.dest
        self.unpipe()
        dest.removeListener("error", self.onerror)
        if dest.listenerCount("error") == 0:
            if not getattr(dest, "_error_emitted", True):
                dest._error_or_destroy(er)
            else:
                dest.emit("error", er)

    def onclose(self) -> None:
        self.dest.removeListener("finish", self.onfinish)
        self.unpipe()

    def onfinish(self) -> None:
        if _DEBUG:
            _debug("onfinish")
        self.dest.removeListener("close", self.onclose)
        self.unpipe()


def pipe(src: Any, dest: Any, do_end: bool = True, options: Any = None) -> Any:
    pipes = src._r_pipes
    if pipes is None:
        src._r_pipes = [dest]  # Exactly one item: an appended empty list reserves four.
    else:
        pipes.append(dest)
    if _DEBUG:
        _debug("pipe count=%d opts=%s", len(src._r_pipes),
               "undefined" if options is None else json.dumps(options, separators=(",", ":")))
    p = _Pipe(src, dest)
    end_fn = p.onend if do_end and not (_never_ended and _never_end(dest)) else p.unpipe
    ended = src._r_end_emitted
    if ended:
        src._loop.next_tick(end_fn)
    if (isinstance(dest, EventEmitter) and dest._pynet_quiet()
            and (src is dest or src._pynet_quiet())):
        # Node's registrations, in its order, without the public methods'
        # frames (events.py: nothing can tell the difference).
        if src is dest:
            if ended:
                src._pynet_store(("unpipe", p.onunpipe, "on"), ("data", p.ondata, "on"),
                                 ("error", p.onerror, "prependListener"),
                                 ("close", p.onclose, "once"), ("finish", p.onfinish, "once"))
            else:
                src._pynet_store(("end", end_fn, "once"), ("unpipe", p.onunpipe, "on"),
                                 ("data", p.ondata, "on"),
                                 ("error", p.onerror, "prependListener"),
                                 ("close", p.onclose, "once"), ("finish", p.onfinish, "once"))
        else:
            if not ended:
                src._pynet_store(("end", end_fn, "once"))
            dest._pynet_store(("unpipe", p.onunpipe, "on"))
            src._pynet_store(("data", p.ondata, "on"))
            dest._pynet_store(("error", p.onerror, "prependListener"),
                              ("close", p.onclose, "once"), ("finish", p.onfinish, "once"))
    else:
        if not ended:
            src.once("end", end_fn)
        dest.on("unpipe", p.onunpipe)
        src.on("data", p.ondata)
        prepend_listener(dest, "error", p.onerror)
        dest.once("close", p.onclose)
        dest.once("finish", p.onfinish)
    dest.emit("pipe", src)
    if getattr(dest, "writableNeedDrain", None) is True:
        p.pause()
    elif not src._r_flowing:
        if _DEBUG:
            _debug("pipe resume")
        src.resume()
    return dest


def unpipe(src: Any, dest: Any = None) -> None:
    pipes: list[Any] | None = src._r_pipes
    if not pipes:
        return
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
    dest.emit("unpipe", src, NodeObject(hasUnpiped=False))
