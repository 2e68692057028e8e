"""Port of test/parallel/test-net-listen-fd0.js (Node v20).

listen({fd}) on an fd that cannot listen fails with an asynchronous 'error' (EINVAL or
ENOTSOCK), not a synchronous exception.

Partial port: the original uses fd 0 (the test runner's stdin); here the fd is a pipe's read
end (Node v20: ENOTSOCK) and an fd on /dev/null (Node v20: EINVAL), so pytest's own stdin is
left alone.
"""

from __future__ import annotations

import os

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def _close_quietly(fd):
    try:
        os.close(fd)
    except OSError:
        pass


@pytest.fixture(params=["pipe", "devnull"])
def bad_fd(request):
    if request.param == "pipe":
        r, w = os.pipe()
        yield r
        _close_quietly(r)
        _close_quietly(w)
    else:
        fd = os.open(os.devnull, os.O_RDONLY)
        yield fd
        _close_quietly(fd)


def test_listen_fd0(bad_fd, checker):
    def on_error(e):
        assert isinstance(e, Exception)
        assert e.code in ("EINVAL", "ENOTSOCK")

    # This should fail with an async EINVAL error, not throw an exception.
    server = net.createServer(checker.must_not_call())
    server.listen({"fd": bad_fd}).on("error", checker.must_call(on_error))
    server.on("listening", checker.must_not_call())
    run()
