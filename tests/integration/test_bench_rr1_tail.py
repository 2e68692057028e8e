"""bench/rr1_tail.py runs: one short round against pynet's piped server and asyncio,
with exact percentiles from the load generator's per-request times (``loadgen -R``)
and the gc hook's count of collections.

Not a performance assertion: the latencies are whatever this machine gives.  The
pynet server's count of collections is asserted (0:
tests/integration/test_rr_gc_steady_state.py says why), and so is the number of
requests the raw times hold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_rr1_tail_one_round(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("bench/ needs Linux")
    out = tmp_path / "rr1.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rr1_tail.py"), "--rounds", "1", "--duration",
         "0.3", "--warmup", "0.1", "--servers", "pynet_pipe,asyncio_protocol",
         "--json", str(out)],
        capture_output=True, text=True, timeout=180, check=True)
    results = json.loads(out.read_text())["results"]
    for name in ("pynet_pipe", "asyncio_protocol"):
        (run,) = results[name]
        exact = run["exact"]
        assert exact["n"] == run["requests"] > 0
        assert 0 < exact["p50"] <= exact["p99"] <= exact["p99.9"]
        assert len(run["gc_collections"]) == 3
    assert results["pynet_pipe"][0]["gc_collections"] == [0, 0, 0]
