"""Port of test/parallel/test-net-socket-write-error.js (Node v20).

write(1337) on a connected socket throws ERR_INVALID_ARG_TYPE synchronously, with no 'error'.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run

pytestmark = pytest.mark.timeout(10)


def test_write_number_throws(checker) -> None:
    server = net.createServer()

    def connect_to_server() -> None:
        def on_connect() -> None:
            with pytest.raises(TypeError) as info:
                client.write(1337)
            assert isinstance(info.value, errors.ERR_INVALID_ARG_TYPE)
            assert info.value.code == "ERR_INVALID_ARG_TYPE"
            client.end()

        client = net.createConnection(server.address().port, checker.must_call(on_connect))
        client.on("error", checker.must_not_call("'error' after a bad write()"))
        client.on("end", checker.must_call(lambda: server.close()))

    server.listen(0, checker.must_call(connect_to_server))
    run()
