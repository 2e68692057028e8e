"""bench/cpu_per_request.py runs (``--quick``): the async echo servers answer
100 connections without error, and the report has a row per server and the ratios.

Not a performance assertion: the numbers are whatever this machine gives.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cpu_per_request_quick(node: str) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "cpu_per_request.py"), "--quick"],
                         capture_output=True, text=True, timeout=180, check=True).stdout
    for server in ("pynet_async", "node_async", "asyncio_streams"):
        assert re.search(rf"^{server} +[\d.]+ +[\d.]+ +[\d,]+$", out, re.M), out
    assert re.search(r"^node_async/pynet_async CPU per request: [\d.]+x", out, re.M), out
