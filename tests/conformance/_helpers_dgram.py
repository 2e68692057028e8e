"""Shared pieces of the dgram conformance ports (Node's test/common helpers)."""

from __future__ import annotations

from typing import Any


def array_buffer_views(buf: bytes) -> list[Any]:
    """Node's ``common.getArrayBufferViews``: the same bytes as every buffer type Python has
    (``bytearray`` and ``memoryview`` in several item formats, like Node's typed arrays)."""
    views: list[Any] = [bytearray(buf)]
    for fmt in ("B", "b", "H", "h", "I", "i", "Q", "q", "f", "d"):
        view = memoryview(buf)
        if len(buf) % view.cast(fmt).itemsize == 0:
            views.append(view.cast(fmt))
    return views
