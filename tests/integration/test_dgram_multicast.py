"""Multicast on the loopback interface, where the kernel allows it.

A receiver joins 239.255.77.1 on 127.0.0.1; a sender picks 127.0.0.1 as its
multicast interface with loopback on and TTL 1; the datagram arrives from
127.0.0.1; dropMembership then works.  The same program on node 20 prints the
same (joined, sent 2, got 'hi' from 127.0.0.1).  Where the interface refuses
multicast (containers without a multicast route on lo), the test is skipped
with the kernel's error.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

from pynet import dgram, run, setTimeout

pytestmark = pytest.mark.usefixtures("loop")

GROUP = "239.255.77.1"


def _kernel_allows_loopback_multicast() -> str | None:
    """None if a plain socket can join GROUP on 127.0.0.1, else the reason it cannot."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                         socket.inet_aton(GROUP) + socket.inet_aton("127.0.0.1"))
        except OSError as exc:
            return f"the kernel refuses multicast on lo: {exc}"
    return None


def test_multicast_on_loopback(checker) -> None:
    reason = _kernel_allows_loopback_multicast()
    if reason:
        pytest.skip(reason)
    events: list[Any] = []
    receiver = dgram.createSocket({"type": "udp4", "reuseAddr": True})
    sender = dgram.createSocket("udp4")
    timer = setTimeout(lambda: (receiver.close(), sender.close(), events.append("timeout")), 5000)

    def on_message(msg, rinfo) -> None:
        events.append(("got", msg, rinfo.address))
        receiver.dropMembership(GROUP, "127.0.0.1")
        timer.close()
        receiver.close()
        sender.close()

    def on_sender_bound() -> None:
        sender.setMulticastInterface("127.0.0.1")
        assert sender.setMulticastLoopback(True) is True
        assert sender.setMulticastTTL(1) == 1
        sender.send("hi", receiver.address().port, GROUP,
                    lambda err, n: events.append(("sent", err, n)))

    def on_receiver_bound() -> None:
        receiver.addMembership(GROUP, "127.0.0.1")
        events.append("joined")
        sender.bind(0, on_sender_bound)

    receiver.on("message", checker.must_call(on_message))
    receiver.bind(0, on_receiver_bound)
    run()
    assert events == ["joined", ("sent", None, 2), ("got", b"hi", "127.0.0.1")]


def test_source_specific_membership_on_loopback(checker) -> None:
    """addSourceSpecificMembership / dropSourceSpecificMembership with a source on lo."""
    reason = _kernel_allows_loopback_multicast()
    if reason:
        pytest.skip(reason)
    receiver = dgram.createSocket({"type": "udp4", "reuseAddr": True})

    def on_bound() -> None:
        receiver.addSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1")
        receiver.dropSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1")
        receiver.close()

    receiver.bind(0, checker.must_call(on_bound))
    run()


def test_ipv6_membership_calls(checker) -> None:
    """udp6: any-source and source-specific joins/leaves and the multicast interface
    (by scope) succeed, as the same calls do on node 20."""
    reason = _kernel_allows_loopback_multicast()
    if reason:
        pytest.skip(reason)
    r = dgram.createSocket({"type": "udp6", "reuseAddr": True})

    def on_bound() -> None:
        r.addMembership("ff02::1234")
        r.addMembership("ff02::1234", "::%lo")
        r.dropMembership("ff02::1234")
        r.addSourceSpecificMembership("::1", "ff3e::1234")
        r.dropSourceSpecificMembership("::1", "ff3e::1234")
        r.addSourceSpecificMembership("::1", "ff3e::1234", "::%lo")
        r.setMulticastInterface("::%lo")
        r.setMulticastInterface("::1")
        r.close()

    r.bind(0, checker.must_call(on_bound))
    run()
