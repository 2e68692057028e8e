"""Port of test/parallel/test-net-pipe-with-long-path.js (Node v20).

A 10,000-character socket path is never truncated: listen() either works on that exact
path or fails with EINVAL, and then connect() fails with EINVAL too.

Node v20 disagrees with the newer suite here: its libuv silently truncates the path
and binds another file (the file is not in the v20 suite).  Binding a different path
than asked for is a bug libuv fixed (UV_PIPE_NO_TRUNCATE, Node 22), so this port
keeps the newer suite's check.
"""

from __future__ import annotations

import os

from pynet import net, run


def test_overlong_pipe_path_is_not_truncated(checker, tmp_path):
    pipe_path = f"{tmp_path}/{'x' * 10000}.sock"
    server = net.createServer()

    def on_listening():
        # It may work on some operating systems; then the socket file must exist.
        assert os.path.exists(pipe_path)

        def on_connect():
            socket.destroy()
            server.close()

        socket = net.connect(pipe_path, checker.must_call(on_connect))

    def on_error(error):
        assert error.code == "EINVAL", str(error)

        def on_connect_error(error):
            assert error.code == "EINVAL", str(error)

        # net.connect(pipe_path), split so that a synchronous raise (which Node never
        # does) is recorded and the socket cleaned up instead of leaking.
        client = net.Socket().on("error", checker.must_call(on_connect_error))
        try:
            client.connect(pipe_path)
        except OSError as exc:
            raised.append(exc)
            client.destroy()

    # Either outcome is allowed, but exactly one of them must happen.
    outcomes = []
    raised = []
    server.listen(pipe_path)
    server.on("listening", lambda: outcomes.append("listening"))
    server.on("listening", on_listening)
    server.on("error", lambda e: outcomes.append("error"))
    server.on("error", on_error)
    run()
    assert len(outcomes) == 1, outcomes
    assert not raised, f"connect() raised instead of emitting 'error': {raised!r}"
