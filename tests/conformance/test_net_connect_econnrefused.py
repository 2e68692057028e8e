"""Port of test/sequential/test-net-connect-econnrefused.js (Node v20).

5 rounds of 50 refused connects: all ECONNREFUSED, and no TCP handle is left afterwards.

Node counts TCPWRAP entries of process.getActiveResourcesInfo(); the port reads the loop's
statistics instead (ref'd handles and watched fds).
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)

ROUNDS = 5
ATTEMPTS_PER_ROUND = 50


def test_refused_connects_leave_no_handles(checker, loop, ports) -> None:
    rounds = 1
    reqs = 0
    port = 0

    def check() -> None:
        def later() -> None:
            stats = loop.statistics()
            assert stats.refs == 0, stats
            assert stats.watched_fds == 0, stats

        setTimeout(checker.must_call(later), 0)

    def pummel() -> None:
        nonlocal reqs
        pending = 0

        def on_error(err) -> None:
            nonlocal pending, rounds
            assert err.code == "ECONNREFUSED"
            pending -= 1
            if pending > 0:
                return
            if rounds == ROUNDS:
                check()
                return
            rounds += 1
            pummel()

        for _ in range(ATTEMPTS_PER_ROUND):
            net.createConnection(port).on("error", on_error)
            pending += 1
            reqs += 1

    def on_listening() -> None:
        nonlocal port
        # Node connects to the port the closed server had; another process could
        # take that one meanwhile, so the test holds a refused port instead.
        port = ports.refused()
        server.close(checker.must_call(pummel))

    server = net.createServer().listen(0, checker.must_call(on_listening))
    run()
    assert rounds == ROUNDS
    assert reqs == ROUNDS * ATTEMPTS_PER_ROUND
