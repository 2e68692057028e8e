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
accept.  ``push(None)`` ends a readable side; object-mode streams carry any
Python object but ``None``.

Not here (yet): ``stream.promises`` and async iterables (the promise
machinery), ``compose``, ``Duplex.from``, ``Readable.wrap``, the web-stream
adapters and Readable's experimental operators (``map``, ``filter``…).
"""

from __future__ import annotations

from typing import Any

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
           "setDefaultHighWaterMark"]


def addAbortSignal(signal: Any, stream: Any) -> Any:
    """Node's ``stream.addAbortSignal``: aborting ``signal`` destroys ``stream``."""
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
