"""bench/bulk_faults.py runs: a small bulk echo per server, one row each with the
server's CPU, page faults and (with perf) heap system calls per MiB.

Not a performance assertion: the numbers are whatever this machine gives.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bulk_faults_small_run() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bulk_faults.py"), "--rounds", "1", "--mib", "8",
         "--servers", "pynet_pipe,pynet_data,asyncio_protocol", "--no-perf"],
        capture_output=True, text=True, timeout=180, check=True).stdout
    for server in ("pynet_pipe", "pynet_data", "asyncio_protocol"):
        assert re.search(rf"^{server} +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+$", out, re.M), out
