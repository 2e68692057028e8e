"""Node's ``stream`` module: ``from pynet import stream`` (mapping §11).

The classes are Node 20's state machines, the same code ``net.Socket`` runs
(a socket is a :class:`Duplex`), so user streams and sockets pipe into each
other::

    from pynet import stream

    class Upper(stream.Transform):
        def _transform(self, chunk, encoding, callback):
            callback(None, chunk.upper())

    stream.pipeline(sock, Upper(), sock, lambda err: ...)

Subclasses override Node's underscore methods with Node's arguments
(``_read(size)``, ``_write(chunk, encoding, callback)``, ``_writev(chunks,
callback)`` with ``chunks`` a list of ``{chunk, encoding}`` objects,
``_final(callback)``, ``_transform(chunk, encoding, callback)``,
``_flush(callback)``, ``_destroy(err, callback)``, ``_construct(callback)``);
or pass them as options, a dict or keyword arguments
(``Transform(transform=fn)``), called with Node's arguments and as many as they
accept.  An underscore method may be an ``async def``: its coroutine runs as a
task, as Node runs an async method and ignores its promise (it must still call
its callback).  ``push(None)`` ends a readable side; object-mode streams carry
any Python object but ``None``.

``stream.promises`` has the promise forms of :func:`pipeline` and
:func:`finished` (Node's ``stream/promises``).

Not here (yet): async iterables as pipeline stages, ``compose``,
``Duplex.from``, ``Readable.wrap``, the web-stream adapters and Readable's
experimental operators (``map``, ``filter``…).
"""

from __future__ import annotations

from typing import Any

from pynet._core.promise import Promise
from pynet._streams import utils as _utils
from pynet._streams.add_abort_signal import add_abort_signal
from pynet._streams.destroy import destroyer as destroy
from pynet._streams.duplex import Duplex
from pynet._streams.duplexpair import duplex_pair
from pynet._streams.end_of_stream import eos as finished
from pynet._streams.legacy import Stream
from pynet._streams.pipeline import pipeline
from pynet._streams.readable import Readable
from pynet._streams.transform import PassThrough, Transform
from pynet._streams.utils import is_destroyed, is_readable, is_writable
from pynet._streams.writable import Writable

__all__ = ["Duplex", "PassThrough", "Readable", "Stream", "Transform", "Writable",
           "addAbortSignal", "destroy", "duplexPair", "finished", "getDefaultHighWaterMark",
           "isDestroyed", "isDisturbed", "isErrored", "isReadable", "isWritable", "pipeline",
           "promises", "setDefaultHighWaterMark"]


def addAbortSignal(signal: Any, stream: Any = None) -> Any:
    """Node's ``stream.addAbortSignal``: aborting ``signal`` destroys ``stream``.
    A missing argument is JavaScript's ``undefined``: ERR_INVALID_ARG_TYPE."""
    return add_abort_signal(signal, stream)


def duplexPair(options: Any = None, **kwargs: Any) -> list[Duplex]:
    """Node's ``stream.duplexPair``: two Duplexes, what one writes the other reads."""
    return duplex_pair(options, **kwargs)


def getDefaultHighWaterMark(objectMode: bool) -> int:
    """The default ``highWaterMark``: 16384 bytes, or 16 objects in object mode."""
    return (_utils.DEFAULT_OBJECT_HIGH_WATER_MARK if objectMode
            else _utils.DEFAULT_HIGH_WATER_MARK)


def setDefaultHighWaterMark(objectMode: bool, value: int) -> None:
    """Set the default ``highWaterMark`` for streams made from now on."""
    from pynet._js.validators import validate_integer
    validate_integer(value, "value", 0)
    if objectMode:
        _utils.DEFAULT_OBJECT_HIGH_WATER_MARK = value
    else:
        _utils.DEFAULT_HIGH_WATER_MARK = value


def isDestroyed(stream: Any) -> bool:
    """Node's ``stream.isDestroyed``."""
    return is_destroyed(stream)


def isReadable(stream: Any) -> bool | None:
    """Node's ``stream.isReadable``."""
    return is_readable(stream)


def isWritable(stream: Any) -> bool | None:
    """Node's ``stream.isWritable``."""
    return is_writable(stream)


def isDisturbed(stream: Any) -> bool:
    """Node's ``stream.isDisturbed``: whether the stream has been read from or aborted."""
    return bool(stream is not None and (getattr(stream, "readableDidRead", False)
                                        or getattr(stream, "readableAborted", False)))


def isErrored(stream: Any) -> bool:
    """Node's ``stream.isErrored``: whether the stream has an error."""
    return bool(_utils.errored_of(stream))


class _StreamPromises:
    """Node's ``require('stream/promises')``, as ``pynet.stream.promises``."""

    @staticmethod
    def pipeline(*streams: Any, **options: Any) -> Promise[Any]:
        """``await stream.promises.pipeline(source, ...transforms, destination[, options])``:
        fulfilled when the destination finishes (with the value a final async stage
        returns), rejected with the pipeline's error.  ``options`` (``signal``,
        ``end``) may be a trailing dict or keyword arguments."""
        stages = list(streams)
        if stages and isinstance(stages[-1], dict):
            options = {**stages.pop(), **options}

        def executor(resolve: Any, reject: Any) -> None:
            def done(err: Any, value: Any = None) -> None:
                if err is not None:
                    reject(err)
                else:
                    resolve(value)
            pipeline(*stages, done, **options)
        return Promise(executor)

    @staticmethod
    def finished(stream: Any, options: Any = None, **kwargs: Any) -> Promise[None]:
        """``await stream.promises.finished(stream[, options])``: fulfilled when the
        stream has ended or finished, rejected with its error or a premature close."""
        opts = {**(options or {}), **kwargs} if isinstance(options, dict) or options is None \
            else options

        def executor(resolve: Any, reject: Any) -> None:
            def done(err: Any = None) -> None:
                if err is not None:
                    reject(err)
                else:
                    resolve(None)
            finished(stream, opts, done)
        return Promise(executor)


#: ``require('stream/promises')``: ``pipeline`` and ``finished`` returning Promises.
promises = _StreamPromises()

# util.promisify(finished) and util.promisify(pipeline) are the promise forms
# (Node's [util.promisify.custom] getters on eos and pipeline).
finished.__promisify__ = promises.finished  # type: ignore[attr-defined]
pipeline.__promisify__ = promises.pipeline  # type: ignore[attr-defined]
