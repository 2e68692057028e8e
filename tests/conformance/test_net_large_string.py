"""Port of test/parallel/test-net-large-string.js (Node v20).

'あ' repeated 40960 times (3 bytes each), written as one UTF-8 string, arrives as exactly 40960
characters at a server using setEncoding('UTF-8').
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)

K_POOL_SIZE = 40 * 1024


def test_large_string(checker):
    data = "あ" * K_POOL_SIZE
    received_size = 0
    encoding = "UTF-8"

    def on_connection(socket):
        socket.setEncoding(encoding)

        def on_data(chunk):
            nonlocal received_size
            assert isinstance(chunk, str)
            received_size += len(chunk)

        socket.on("data", on_data)
        socket.on("end", checker.must_call(lambda: socket.end()))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        client = net.createConnection(server.address().port)
        client.on("end", checker.must_call(lambda: server.close()))
        client.write(data, encoding)
        client.end()

    server.listen(0, checker.must_call(on_listening))
    run()
    assert received_size == K_POOL_SIZE
