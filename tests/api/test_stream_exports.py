"""pynet.stream has Node's public surface: every name, or a stated reason why not.

The lists were printed by node v20::

    node -e 'const s = require("stream"); console.log(Object.keys(s)
      .filter((k) => !k.startsWith("_")).sort())'

and, per class, the prototype chain's own names (as tests/api/test_exports.py
does for net).
"""

from __future__ import annotations

import pytest

from pynet import stream

MODULE = ["Duplex", "PassThrough", "Readable", "Stream", "Transform", "Writable",
          "addAbortSignal", "compose", "destroy", "duplexPair", "finished",
          "getDefaultHighWaterMark", "isDestroyed", "isDisturbed", "isErrored", "isReadable",
          "isWritable", "pipeline", "promises", "setDefaultHighWaterMark"]

READABLE = ["addListener", "asIndexedPairs", "closed", "compose", "destroy", "destroyed", "drop",
            "emit", "errored", "eventNames", "every", "filter", "find", "flatMap", "forEach",
            "getMaxListeners", "isPaused", "iterator", "listenerCount", "listeners", "map", "off",
            "on", "once", "pause", "pipe", "prependListener", "prependOnceListener", "push",
            "rawListeners", "read", "readable", "readableAborted", "readableBuffer",
            "readableDidRead", "readableEncoding", "readableEnded", "readableFlowing",
            "readableHighWaterMark", "readableLength", "readableObjectMode", "reduce",
            "removeAllListeners", "removeListener", "resume", "setEncoding", "setMaxListeners",
            "some", "take", "toArray", "unpipe", "unshift", "wrap"]

WRITABLE = ["addListener", "closed", "cork", "destroy", "destroyed", "emit", "end", "errored",
            "eventNames", "getMaxListeners", "listenerCount", "listeners", "off", "on", "once",
            "pipe", "prependListener", "prependOnceListener", "rawListeners",
            "removeAllListeners", "removeListener", "setDefaultEncoding", "setMaxListeners",
            "uncork", "writable", "writableAborted", "writableBuffer", "writableCorked",
            "writableEnded", "writableFinished", "writableHighWaterMark", "writableLength",
            "writableNeedDrain", "writableObjectMode", "write"]

# Promise and async-iterator APIs (mapping §8: the promise machinery lands
# separately), Readable's experimental operators built on them, compose and
# wrap; see docs/porting-guide.md.
NOT_PORTED = {"compose", "promises", "asIndexedPairs", "drop", "every", "filter", "find",
              "flatMap", "forEach", "iterator", "map", "reduce", "some", "take", "toArray",
              "wrap"}


@pytest.mark.parametrize("name", MODULE)
def test_module_exports(name: str) -> None:
    if name in NOT_PORTED:
        assert not hasattr(stream, name)
        return
    assert hasattr(stream, name), f"stream.{name} is missing"
    assert name in stream.__all__


@pytest.mark.parametrize(("cls", "names"), [
    ("Readable", READABLE), ("Writable", WRITABLE), ("Duplex", READABLE + WRITABLE),
    ("Transform", READABLE + WRITABLE), ("PassThrough", READABLE + WRITABLE)])
def test_prototype_names(cls: str, names: list[str]) -> None:
    klass = getattr(stream, cls)
    missing = sorted({n for n in names if not hasattr(klass, n) and n not in NOT_PORTED})
    assert missing == []


def test_readable_from_is_from_() -> None:
    assert callable(stream.Readable.from_)
