"""Port of test/parallel/test-dgram-ref.js (Node v20).

Unbound sockets do not keep the loop alive; ref() after close does not throw.
"""

from __future__ import annotations

from pynet import dgram, run


def test_ref(checker) -> None:
    dgram.createSocket("udp4")
    dgram.createSocket("udp6")
    s = dgram.createSocket("udp4")
    s.close(checker.must_call(lambda: s.ref()))
    run()
