"""Port of test/parallel/test-net-autoselectfamily-attempt-timeout-default-value.js (Node v20).

The default autoSelectFamily attempt timeout has Node's value.

The file is newer than Node 20 and expects 2500 ms (500 ms times the test harness's 5);
Node v20 itself reports 250 ms (``node -p 'net.getDefaultAutoSelectFamilyAttemptTimeout()'``),
and Node 20 wins.
"""

from __future__ import annotations

from pynet import net


def test_default_attempt_timeout() -> None:
    assert net.getDefaultAutoSelectFamilyAttemptTimeout() == 250
