"""Port of test/parallel/test-dgram-recv-error.js (Node v20).

A receive error reported by the handle is emitted as 'error' with syscall
'recvmsg' and no 'message'.  (Node calls the internal handle's onmessage with
-1; here the handle's ``onmessage`` with an errno.)
"""

from __future__ import annotations

import errno

from pynet import dgram, run


def test_recv_error(checker) -> None:
    s = dgram.createSocket("udp4")

    def on_error(err) -> None:
        s.close()
        assert str(err).startswith("recvmsg")
        assert err.syscall == "recvmsg"

    s.on("error", checker.must_call(on_error))
    s.on("message", checker.must_not_call("no message should be received."))
    s.bind(checker.must_call(lambda: s._handle.onmessage(None, None, errno.EIO)))
    run()
