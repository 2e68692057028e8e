"""The IPC channel under pynet.cluster: JSON lines and descriptors over a socketpair.

Two :class:`~pynet._cluster.channel.Channel` ends on one loop, no network:
order, internal vs user messages, descriptor passing, large messages and the
backpressure hint, disconnect from either side, and the errors Node gives.
"""

from __future__ import annotations

import os
import socket
from typing import Any

import pytest

from pynet import errors, process
from pynet._cluster.channel import Channel
from pynet._core.loop import Loop


def pair(loop: Loop) -> tuple[Channel, Channel, list[tuple[str, Any]], list[tuple[str, Any]]]:
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    left_events: list[tuple[str, Any]] = []
    right_events: list[tuple[str, Any]] = []
    left = Channel(loop, a, lambda event, *args: left_events.append((event, args)))
    right = Channel(loop, b, lambda event, *args: right_events.append((event, args)))
    return left, right, left_events, right_events


def test_messages_arrive_in_order_as_user_or_internal(loop: Loop) -> None:
    left, right, _, got = pair(loop)
    left.send({"a": [1, 2.5, None, True], "s": "héllo ✓"})
    left.send("plain")
    left.send({"cmd": "NODE_CLUSTER", "act": "online"})
    left.send({"cmd": "NODE_", "x": 1})  # Too short to be internal (Node's isInternal).
    left.disconnect()
    loop.run()
    assert got == [
        ("message", ({"a": [1, 2.5, None, True], "s": "héllo ✓"}, None)),
        ("message", ("plain", None)),
        ("internalMessage", ({"cmd": "NODE_CLUSTER", "act": "online"}, None)),
        ("message", ({"cmd": "NODE_", "x": 1}, None)),
        ("disconnect", ()),
    ]
    assert not left.connected and not right.connected


def test_a_descriptor_travels_with_its_message(loop: Loop) -> None:
    left, _right, _, got = pair(loop)
    r, w = os.pipe()
    os.write(w, b"through the pipe")
    left.send({"act": "newconn"}, r, lambda err: (os.close(r), os.close(w), left.disconnect()))
    loop.run()
    [(event, (message, fd)), (last, _)] = got
    assert (event, message, last) == ("message", {"act": "newconn"}, "disconnect")
    assert isinstance(fd, int)  # (a new descriptor; its number may be r's, closed by now)
    try:
        assert os.read(fd, 100) == b"through the pipe"
    finally:
        os.close(fd)


def test_large_message_and_backpressure_hint(loop: Loop) -> None:
    left, _right, _, got = pair(loop)
    big = "x" * (1 << 20)
    assert left.send(big) is False  # More than Node's 128 KiB hint is still queued.
    assert left.send("small") is False
    left.disconnect()
    loop.run()
    assert [args[0] for event, args in got if event == "message"] == [big, "small"]


def test_send_after_disconnect_fails_like_node(loop: Loop) -> None:
    left, _right, events, _ = pair(loop)
    left.disconnect()
    results: list[Any] = []
    assert left.send("late", None, results.append) is False
    assert left.send("late again") is False
    left.disconnect()
    loop.run()
    assert [type(e).__name__ for e in results] == ["ERR_IPC_CHANNEL_CLOSED"]
    kinds = [(event, getattr(args[0], "code", None) if args else None) for event, args in events]
    assert ("error", "ERR_IPC_CHANNEL_CLOSED") in kinds
    assert ("error", "ERR_IPC_DISCONNECTED") in kinds
    assert kinds.count(("disconnect", None)) == 1


def test_peer_going_away_disconnects_once(loop: Loop) -> None:
    _left, right, left_events, right_events = pair(loop)
    right.send("bye")
    right.disconnect()
    loop.run()
    assert left_events == [("message", ("bye", None)), ("disconnect", ())]
    assert [event for event, _ in right_events] == ["disconnect"]


def test_unclaimed_descriptors_are_closed_with_the_channel(loop: Loop) -> None:
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    right = Channel(loop, b, lambda *args: None)
    r, w = os.pipe()
    # A descriptor attached to a plain message line: nobody takes it.
    a.sendmsg([b'"x"\n'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, r.to_bytes(4, "little"))])
    os.close(r)
    os.close(w)
    a.close()
    loop.run()  # EOF: the channel closes and closes the descriptor it still holds.
    assert not right.connected


def test_process_send_outside_a_worker() -> None:
    assert process.connected is False
    with pytest.raises(errors.ERR_IPC_CHANNEL_CLOSED):
        process.send({"x": 1})
    with pytest.raises(errors.ERR_MISSING_ARGS):
        process.send(None)
    with pytest.raises(errors.ERR_INVALID_HANDLE_TYPE):
        process.send("x", object())
    with pytest.raises(errors.ERR_IPC_DISCONNECTED):
        process.disconnect()
