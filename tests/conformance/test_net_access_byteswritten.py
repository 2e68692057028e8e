"""Port of test/parallel/test-net-access-byteswritten.js (Node v20).

The ``bytesWritten`` getter does not crash on a Socket that was never constructed.

Only the ``net.Socket`` line applies (the tls and tty lines have no pynet twin).
Node reads the getter on the bare prototype, where ``this`` is not a constructed
socket, and gets ``undefined``; Python's analogue is an instance made without
``__init__``.
"""

from __future__ import annotations

import inspect

from pynet import net


def test_byteswritten_on_unconstructed_socket() -> None:
    # Looking the attribute up on the class must not run the getter.
    assert isinstance(inspect.getattr_static(net.Socket, "bytesWritten"), property)
    bare = net.Socket.__new__(net.Socket)
    assert bare.bytesWritten is None
