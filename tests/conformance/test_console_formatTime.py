"""Port of test/parallel/test-console-formatTime.js (Node v20).

The internal formatTime of console.time/timeEnd (``pynet.console.format_time``;
Node's test reaches it with --expose-internals): milliseconds with up to three
decimals, seconds, ``m:ss.mmm`` and ``h:mm:ss.mmm``.
"""

from __future__ import annotations

import pytest

from pynet.console import format_time


@pytest.mark.parametrize(("ms", "text"), [
    (100.0096, "100.01ms"),
    (100.0115, "100.011ms"),
    (1500.04, "1.500s"),
    (1000.056, "1.000s"),
    (60300.3, "1:00.300 (m:ss.mmm)"),
    (4000457.4, "1:06:40.457 (h:mm:ss.mmm)"),
    (3601310.4, "1:00:01.310 (h:mm:ss.mmm)"),
    (3213601017.6, "892:40:01.018 (h:mm:ss.mmm)"),
])
def test_format_time(ms: float, text: str) -> None:
    assert format_time(ms) == text
