"""Port of test/parallel/test-dgram-error-message-address.js (Node v20).

Binding an address the host does not have: 'error' EADDRNOTAVAIL with the
address in the message and no port (port 0 is not shown).
"""

from __future__ import annotations

from pynet import dgram, run


def test_error_message_address(checker) -> None:
    s4 = dgram.createSocket("udp4")
    s4.on("listening", checker.must_not_call())

    def on_error4(e) -> None:
        assert e.port is None
        assert e.message == "bind EADDRNOTAVAIL 1.1.1.1"
        assert str(e) == "bind EADDRNOTAVAIL 1.1.1.1"
        assert e.address == "1.1.1.1"
        assert e.code == "EADDRNOTAVAIL"
        s4.close()

    s4.on("error", checker.must_call(on_error4))
    s4.bind(0, "1.1.1.1")
    s6 = dgram.createSocket("udp6")
    s6.on("listening", checker.must_not_call())

    def on_error6(e) -> None:
        assert e.code in ("EADDRNOTAVAIL", "EAFNOSUPPORT", "EPROTONOSUPPORT")
        assert e.port is None
        assert e.message == f"bind {e.code} 111::1"
        assert e.address == "111::1"
        s6.close()

    s6.on("error", checker.must_call(on_error6))
    s6.bind(0, "111::1")
    run()
