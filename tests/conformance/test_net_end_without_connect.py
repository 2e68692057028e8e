"""Port of test/parallel/test-net-end-without-connect.js (Node v20).

end() on a Socket that never connected does not throw and leaves it not writable.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_end_without_connect(checker):
    sock = net.Socket()
    # Node 20 and the newest suite disagree: newer Node calls the end() callback (with
    # writable false); Node v20.20 never calls it (the final write waits for a 'connect' that
    # never comes) and exits.  Node 20 wins.
    assert sock.end(checker.must_not_call("end cb (Node 20 never calls it)")) is sock
    assert sock.writable is False
    run()
    assert sock.writable is False
