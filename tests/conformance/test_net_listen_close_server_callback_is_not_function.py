"""Port of test/parallel/test-net-listen-close-server-callback-is-not-function.js (Node v20).

close('bad argument') right after listen(0, cb) does not throw; no listen callback, no
connection, one 'close'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_close_callback_is_not_function(checker):
    server = net.createServer(checker.must_not_call())
    server.on("close", checker.must_call())
    server.listen(0, checker.must_not_call())
    server.close("bad argument")
    run()
