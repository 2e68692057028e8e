"""The stream and readline benchmarks run (``--quick``) and report a ratio to node.

Not a performance assertion (CI machines vary): each bench checks its own
work — the socket pipeline's sink counts every byte, the readline program's
line count must equal the lines sent — and prints rows (per second and per CPU
second) with pynet's and node's figures and their ratio.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench(script: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "bench" / script), "--quick"],
                          capture_output=True, text=True, timeout=120, check=True).stdout


def test_stream_transform_quick(node: str) -> None:
    out = _bench("stream_transform.py")
    for workload in ("memory", "socket"):
        for unit in ("MB/s", "MB/CPU-s"):
            assert re.search(rf"^{workload} {unit} +[\d.]+ +[\d.]+ +[\d.]+x$", out, re.M), out


def test_readline_lines_quick(node: str) -> None:
    out = _bench("readline_lines.py")
    assert "20,000 lines of 40 bytes" in out
    for unit in ("lines/s", "lines/CPU-s"):
        assert re.search(rf"^{unit} +[\d,]+ +[\d,]+ +[\d.]+x$", out, re.M), out
