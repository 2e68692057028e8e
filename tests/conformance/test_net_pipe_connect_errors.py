"""Port of test/parallel/test-net-pipe-connect-errors.js (Node v20).

Connecting to a regular file gives ENOTSOCK/ECONNREFUSED, to a missing path ENOENT, to a
chmod-0 socket EACCES (when not root); no connect callback ever runs.
"""

from __future__ import annotations

import os

from pynet import net, run


def test_pipe_connect_errors(checker, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # 'no-ent-file' is relative, as in Node.

    # A file which is not a socket: ENOTSOCK (or ECONNREFUSED).
    empty_txt = tmp_path / "0.txt"
    empty_txt.write_text("")
    not_socket_client = net.createConnection(str(empty_txt),
                                             checker.must_not_call("connect to a file"))

    def on_not_socket_error(err):
        assert err.code in ("ENOTSOCK", "ECONNREFUSED"), \
            f"received {err.code} instead of ENOTSOCK or ECONNREFUSED"

    not_socket_client.on("error", checker.must_call(on_not_socket_error))

    # A socket path that does not exist: ENOENT.
    no_ent_socket_client = net.createConnection(
        "no-ent-file", checker.must_not_call("connect to a missing socket"))

    def on_no_ent_error(err):
        assert err.code == "ENOENT"
        assert str(err) == "connect ENOENT no-ent-file"  # As on the installed node v20.

    no_ent_socket_client.on("error", checker.must_call(on_no_ent_error))

    # chmod has no effect for root, so this part runs only for other users (as in Node).
    if os.getuid() != 0:
        pipe = str(tmp_path / "access.sock")
        access_server = net.createServer(checker.must_not_call("server callback"))

        def on_listening():
            os.chmod(pipe, 0)
            access_client = net.createConnection(pipe, checker.must_not_call("EACCES"))

            def on_access_error(err):
                assert err.code == "EACCES"
                access_server.close()

            access_client.on("error", checker.must_call(on_access_error))

        access_server.listen(pipe, checker.must_call(on_listening))

    run()
