"""Port of test/parallel/test-net-listening.js (Node v20).

server.listening is false before listen(), true in the listen callback and false again in the
close callback.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_listening(checker):
    server = net.createServer()
    assert server.listening is False

    def on_close():
        assert server.listening is False

    def on_listening():
        assert server.listening is True
        server.close(checker.must_call(on_close))

    server.listen(0, checker.must_call(on_listening))
    run()
