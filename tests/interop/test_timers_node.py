"""A script of timers, immediates and ticks prints what node prints, however loaded the machine.

The script (tests/interop/js/timers_order.js and its transliteration
examples/timers_order.py) only shows orders that Node fixes whatever the clock
says (see the script's header), so no run can race the timers.  The test proves
it on both runtimes: each also runs with ``TIMERS_STALL_MS`` set, which busy-waits
after every line longer than any delay in the script, so every timer is overdue
whenever the loop looks, the worst a loaded machine can do.  All four outputs
must be node's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "tests" / "interop" / "js" / "timers_order.js"
PY = ROOT / "examples" / "timers_order.py"

#: Longer than the longest delay in the script (20 ms).
STALL_MS = 30


def _run(cmd: list[str], stall_ms: int) -> list[str]:
    env = dict(os.environ, TIMERS_STALL_MS=str(stall_ms))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True,
                          cwd=ROOT, env=env).stdout.splitlines()


@pytest.mark.interop
def test_timers_script_matches_node(node: str) -> None:
    expected = _run([node, str(JS)], 0)
    assert _run([sys.executable, str(PY)], 0) == expected
    assert expected[-1] == "last tick"
    assert not [line for line in expected if "never" in line or "unrefed" in line]


@pytest.mark.interop
def test_timers_script_matches_node_when_every_timer_is_late(node: str) -> None:
    expected = _run([node, str(JS)], 0)
    assert _run([node, str(JS)], STALL_MS) == expected
    assert _run([sys.executable, str(PY)], STALL_MS) == expected
