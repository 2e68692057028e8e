"""Port of test/parallel/test-net-server-listen-handle.js (Node v20).

The `fd` part: listen({fd}) on a bound TCP or Unix socket listens (with and without a
callback); an fd that is not a socket gives 'error' "listen EINVAL: invalid argument".

The listen(handle), {handle} and {_handle} cases pass Node's internal TCP/Pipe wraps
(--expose-internals) and have no public Python equivalent; they are not ported.
"""

from __future__ import annotations

import os
import socket

from pynet import net, run


def bound_fd(kind, path=None):
    """A bound, not yet listening socket; pynet takes the fd over (as Node does)."""
    if kind == "tcp":
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
    else:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(path)
    return s.detach()


def test_listen_fd_tcp(checker):
    # listen({fd: tcp.fd}, cb)
    s1 = net.createServer()
    s1.listen({"fd": bound_fd("tcp")}, checker.must_call(lambda: s1.close()))
    # listen({fd: tcp.fd}) + 'listening'
    s2 = net.createServer()
    s2.listen({"fd": bound_fd("tcp")}).on("listening", checker.must_call(lambda: s2.close()))
    run()


def test_listen_fd_pipe(checker, tmp_path):
    # listen({fd: pipe.fd}, cb)
    s1 = net.createServer()
    s1.listen({"fd": bound_fd("pipe", str(tmp_path / "h4"))},
              checker.must_call(lambda: s1.close()))
    # listen({fd: pipe.fd}) + 'listening'
    s2 = net.createServer()
    s2.listen({"fd": bound_fd("pipe", str(tmp_path / "h5"))}).on(
        "listening", checker.must_call(lambda: s2.close()))
    run()


def test_listen_invalid_fd(checker):
    fd = os.open(__file__, os.O_RDONLY)
    raised = []
    try:
        server = net.createServer()

        def on_error(err):
            assert str(err) == "listen EINVAL: invalid argument"
            assert err.code == "EINVAL"
            assert err.syscall == "listen"
            server.close()

        server.on("error", checker.must_call(on_error))
        try:
            server.listen({"fd": fd}, checker.must_not_call("listen callback"))
        except OSError as exc:  # Node never raises here; recorded, loop kept clean.
            raised.append(exc)
            server.close()
        run()
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    assert not raised, f"listen() raised instead of emitting 'error': {raised!r}"
