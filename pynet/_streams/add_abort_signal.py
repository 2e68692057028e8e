"""Node's ``stream.addAbortSignal`` (``lib/internal/streams/add-abort-signal.js``).

Aborting the signal destroys the stream with an ``AbortError`` whose
``cause`` is the signal's reason; the listener is removed once the stream has
finished (``eos``), so a long-lived signal does not keep finished streams.
"""

from __future__ import annotations

from typing import Any

from pynet._js.validators import invalid_arg_type
from pynet._streams.utils import is_node_stream

__all__ = ["add_abort_signal"]


def add_abort_signal(signal: Any, stream: Any) -> Any:
    """Node's ``addAbortSignal(signal, stream)``: validate, then tie the two."""
    if signal is None or not hasattr(signal, "aborted"):
        raise invalid_arg_type("signal", "AbortSignal", signal)
    if not is_node_stream(stream):
        raise invalid_arg_type("stream", ["ReadableStream", "WritableStream", "Stream"], stream)
    from pynet.abort import AbortError

    def on_abort() -> None:
        stream.destroy(AbortError(cause=signal.reason))

    if signal.aborted:
        on_abort()
    else:
        from pynet._streams.end_of_stream import eos
        signal.addEventListener("abort", on_abort)
        eos(stream, lambda *a: signal.removeEventListener("abort", on_abort))
    return stream
