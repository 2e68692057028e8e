"""Port of test/parallel/test-net-listen-close-server.js (Node v20).

close() right after listen(0, cb): the listen callback never runs and no 'error' is emitted.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_listen_close_server(checker):
    server = net.createServer(lambda socket: None)
    server.listen(0, checker.must_not_call())
    server.on("error", checker.must_not_call())
    server.close()
    run()
