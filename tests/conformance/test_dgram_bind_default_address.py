"""Port of test/parallel/test-dgram-bind-default-address.js (Node v20).

bind(0) with no address binds 0.0.0.0 (udp4) or :: (udp6) on a port > 0.
"""

from __future__ import annotations

from pynet import dgram, run


def test_bind_default_address(checker) -> None:
    s4 = dgram.createSocket("udp4")

    def on4() -> None:
        assert s4.address().port > 0
        assert s4.address().address == "0.0.0.0"
        s4.close()

    s4.bind(0, checker.must_call(on4))
    s6 = dgram.createSocket("udp6")

    def on6() -> None:
        assert s6.address().port > 0
        address = s6.address().address
        if address == "::ffff:0.0.0.0":
            address = "::"
        assert address == "::"
        s6.close()

    s6.bind(0, checker.must_call(on6))
    run()
