"""Port of test/parallel/test-net-server-listen-path.js (Node v20).

listen(path), listen({path}), each with and without a callback; readableAll/writableAll
make the socket file world read/writable; a path in use gives EADDRINUSE.
"""

from __future__ import annotations

import os
import stat

from pynet import net, run


def test_listen_path_overloads(checker, tmp_path):
    paths = iter(str(tmp_path / f"lp-{i}") for i in range(10))

    # listen(path)
    s1 = net.createServer()
    s1.listen(next(paths)).on("listening", checker.must_call(lambda: s1.close()))
    # listen({path})
    s2 = net.createServer()
    s2.listen({"path": next(paths)}).on("listening", checker.must_call(lambda: s2.close()))
    # listen(path, cb)
    s3 = net.createServer()
    s3.listen(next(paths), checker.must_call(lambda: s3.close()))
    # listen({path}, cb)
    s4 = net.createServer()
    s4.listen({"path": next(paths)}, checker.must_call(lambda: s4.close()))
    run()


def test_pipe_chmod(checker, tmp_path):
    handle_path = str(tmp_path / "chmod")

    def on_listening():
        mode = os.stat(handle_path).st_mode
        assert mode & stat.S_IROTH != 0
        assert mode & stat.S_IWOTH != 0
        server.close()

    server = net.createServer().listen(
        {"path": handle_path, "readableAll": True, "writableAll": True},
        checker.must_call(on_listening))
    run()


def test_error_when_path_in_use(checker, tmp_path):
    handle_path = str(tmp_path / "inuse")

    def on_listening1():
        # The path is in use: listening again on it emits EADDRINUSE.
        server2 = net.createServer().listen({"path": handle_path, "writableAll": True},
                                            checker.must_not_call("second listen"))

        def on_error(err):
            server1.close()
            assert err.code == "EADDRINUSE"
            assert str(err).startswith("listen EADDRINUSE: address already in use")

        server2.on("error", checker.must_call(on_error))

    server1 = net.createServer().listen({"path": handle_path}, on_listening1)
    run()
