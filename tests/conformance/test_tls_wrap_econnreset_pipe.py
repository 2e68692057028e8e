"""Port of test/parallel/test-tls-wrap-econnreset-pipe.js (Node v20).

A Unix-socket server that ends every connection before the handshake: tls.connect({path})
gets ECONNRESET carrying the path and no port/host/localAddress.  (Node runs this in a
forked child only so that its tmpdir can be cleaned; here tmp_path does that.  As in
the TCP port, the server side resumes so that it reads the client's close.)
"""

from __future__ import annotations

from pynet import net, run, tls


def test_wrap_econnreset_pipe(checker, tmp_path):
    pipe = str(tmp_path / "tls.sock")
    server = net.createServer(lambda c: (c.resume(), c.end()))

    def on_listening():
        def on_error(e):
            assert e.code == "ECONNRESET"
            assert e.path == pipe
            assert getattr(e, "port", None) is None
            assert getattr(e, "host", None) is None
            assert getattr(e, "localAddress", None) is None
            server.close()

        tls.connect({"path": pipe}).once("error", checker.must_call(on_error))

    server.listen(pipe, checker.must_call(on_listening))
    run()
