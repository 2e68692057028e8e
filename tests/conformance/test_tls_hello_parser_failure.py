"""Port of test/parallel/test-tls-hello-parser-failure.js (Node v20).

A plain client writing 1 MiB of garbage (twice) to a TLS server gets an error (the server
drops it), then 'close' with hadError true.
"""

from __future__ import annotations

from pynet import net, run, tls
from pynet.timers import clearImmediate, setImmediate
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_hello_parser_failure(checker, certs):  # noqa: F811
    bonkers = b"\x2a" * (1024 * 1024)
    server = tls.createServer(agent1(certs), lambda c: None)

    def on_listening():
        client = net.connect(server.address().port,
                             checker.must_call(lambda: client.write(bonkers)))
        write_again = setImmediate(lambda: client.write(bonkers))

        def on_error(err):
            clearImmediate(write_again)
            client.destroy()
            server.close()

        client.once("error", checker.must_call(on_error))
        client.on("close", checker.must_call(lambda had_error: had_error is True or 1 / 0))

    server.listen(0, checker.must_call(on_listening))
    run()
