"""Port of test/parallel/test-tls-pause.js (Node v20).

A paused client writes 1 MiB chunks until write() returns False, then resumes; the
server pipes everything back; no 'data' comes before the resume, and all of it comes back.
"""

from __future__ import annotations

from pynet import nextTick, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

BUF_SIZE = 1024 * 1024


def test_pause(checker, certs):  # noqa: F811
    state = {"sent": 0, "received": 0, "resumed": False}

    def on_secure(socket):
        socket.pipe(socket)

    server = tls.Server(agent1(certs), on_secure)

    def on_listening():
        def on_connect():
            client.pause()

            def send():
                ret = client.write(bytes(BUF_SIZE))
                state["sent"] += BUF_SIZE
                if ret is not False:
                    assert state["sent"] < 100 * 1024 * 1024
                    nextTick(send)
                    return
                state["resumed"] = True
                client.resume()

            send()

        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                             on_connect)

        def on_data(data):
            assert state["resumed"]
            state["received"] += len(data)
            if state["received"] >= state["sent"]:
                client.end()
                server.close()

        client.on("data", on_data)

    server.listen(0, on_listening)
    run()
    assert state["sent"] == state["received"]
