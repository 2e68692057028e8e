"""Port of test/parallel/test-net-listen-error.js (Node v20).

listen(1, '1.1.1.1') (not a local address) emits 'error' (EACCES or EADDRNOTAVAIL); the
listen callback never runs.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_listen_error(checker):
    server = net.createServer(lambda socket: None)
    server.listen(1, "1.1.1.1", checker.must_not_call())  # EACCES or EADDRNOTAVAIL

    def on_error(error):
        assert isinstance(error, OSError)
        assert error.code in ("EACCES", "EADDRNOTAVAIL")
        assert error.syscall == "listen"

    server.on("error", checker.must_call(on_error))
    run()
