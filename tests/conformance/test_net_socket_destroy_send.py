"""Port of test/parallel/test-net-socket-destroy-send.js (Node v20).

destroy() returns the socket (twice too); a later write() fails its callback, with no 'error'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_after_destroy(checker) -> None:
    server = net.createServer()

    def on_listening() -> None:
        conn = net.createConnection(server.address().port)

        def on_connect() -> None:
            # destroy() returns this, even when the second call short-circuits.
            assert conn.destroy().destroy() is conn
            conn.on("error", checker.must_not_call("'error' after destroy"))

            def on_write(err) -> None:
                assert err.code == "ERR_STREAM_DESTROYED"
                assert isinstance(err, Exception)
                assert str(err) == "Cannot call write after a stream was destroyed"

            conn.write(b"kaboom", checker.must_call(on_write))
            server.close()

        conn.on("connect", checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
