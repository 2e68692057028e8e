"""Port of test/parallel/test-dgram-connect-send-multi-string-array.js (Node v20).

A list of strings on a connected socket is one datagram of their concatenation.
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_multi_string_array(checker) -> None:
    socket = dgram.createSocket("udp4")
    data = ["foo", "bar", "baz"]

    def on_message(msg, rinfo) -> None:
        socket.close()
        assert msg.decode() == "".join(data)

    socket.on("message", checker.must_call(on_message))
    socket.bind(lambda: socket.connect(socket.address().port, checker.must_call(
        lambda: socket.send(data))))
    run()
