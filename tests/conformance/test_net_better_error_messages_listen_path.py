"""Port of test/parallel/test-net-better-error-messages-listen-path.js (Node v20).

listen() on a path in a missing directory emits 'error' whose .address is the path.

Node uses '/blah/fadfa'; the path here is in a missing directory under tmp_path.
"""

from __future__ import annotations

from pynet import net, run


def test_listen_path_error_has_address(checker, tmp_path) -> None:
    fp = str(tmp_path / "blah" / "fadfa")
    server = net.createServer(checker.must_not_call())
    server.listen(fp, checker.must_not_call())

    def on_error(e) -> None:
        assert e.address == fp

    server.on("error", checker.must_call(on_error))
    run()
