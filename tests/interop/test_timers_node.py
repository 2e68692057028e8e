"""A script of timers, immediates and ticks prints what node prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.interop
def test_timers_script_matches_node(node: str) -> None:
    js = ROOT / "tests" / "interop" / "js" / "timers_order.js"
    py = ROOT / "examples" / "timers_order.py"
    expected = subprocess.run([node, str(js)], capture_output=True, text=True, timeout=30,
                              check=True).stdout
    got = subprocess.run([sys.executable, str(py)], capture_output=True, text=True, timeout=30,
                         check=True, cwd=ROOT).stdout
    assert got.splitlines() == expected.splitlines()
    assert "never" not in got and "unrefed" not in got
