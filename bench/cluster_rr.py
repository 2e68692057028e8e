#!/usr/bin/env python3
"""Cluster scaling: rr100 throughput of pynet's cluster and Node's, 1, 2 and N workers.

    python bench/cluster_rr.py              # 3 runs x 2 s per row
    python bench/cluster_rr.py --quick      # CI smoke test: 1 run x 0.5 s, 1 and 2 workers
    python bench/cluster_rr.py --workers 1,2,4 --policy none --json out.json

Each row starts a fresh primary (bench/servers/cluster_pynet.py or
cluster_node.js) with W workers listening on one port, drives it with
bench/loadgen's ``rr -c 100 -s 64`` workload (100 connections, 64-byte
request/response), and stops it.  It prints the median req/s per row, the
pynet/node ratio per worker count, and each one's scaling over 1 worker,
all from this invocation's measurements.  N is the number of CPUs.  Nothing
is pinned (the workers are separate processes): on a machine with few cores
the load generator competes with the workers, which bounds the scaling.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import run as benchrun  # noqa: E402  (bench/run.py: build(), run_loadgen())

SRV = BENCH / "servers"


def start(kind: str, workers: int, policy: str) -> tuple[subprocess.Popen[str], int]:
    argv = ([sys.executable, str(SRV / "cluster_pynet.py")] if kind == "pynet"
            else ["node", str(SRV / "cluster_node.js")])
    proc = subprocess.Popen([*argv, str(workers), policy], stdout=subprocess.PIPE, text=True,
                            env=benchrun.py_env(), start_new_session=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.strip().isdigit():
        stop(proc)
        raise RuntimeError(f"{kind} cluster with {workers} workers did not start")
    return proc, int(line)


def stop(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def measure(kind: str, workers: int, policy: str, duration: float, warmup: float
            ) -> dict[str, Any]:
    proc, port = start(kind, workers, policy)
    try:
        args = ["rr", "-c", "100", "-s", "64", "-d", str(duration), "-w", str(warmup)]
        return benchrun.run_loadgen(args, port, proc.pid, None, duration + warmup + 60)
    finally:
        stop(proc)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 run x 0.5 s, 1 and 2 workers")
    ap.add_argument("--workers", help="comma-separated worker counts (default 1,2,N)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=float, default=2.0)
    ap.add_argument("--warmup", type=float, default=0.5)
    ap.add_argument("--policy", choices=["rr", "none"], default="rr")
    ap.add_argument("--json", help="also write every run and the medians here")
    a = ap.parse_args()
    ncpu = len(os.sched_getaffinity(0))
    if a.quick:
        a.runs, a.duration, a.warmup = 1, 0.5, 0.2
    counts = ([int(x) for x in a.workers.split(",")] if a.workers
              else sorted({1, 2} if a.quick else {1, 2, ncpu}))
    kinds = ["pynet"] + (["node"] if shutil.which("node") else [])
    benchrun.build()
    print(f"cluster rr100_64 ({a.policy}), {a.runs} run(s) x {a.duration} s, {ncpu} CPUs, "
          f"workers {counts}, python {sys.version.split()[0]}", flush=True)
    results: dict[str, dict[int, list[float]]] = {k: {w: [] for w in counts} for k in kinds}
    failures = 0
    for run_no in range(a.runs):
        for workers in counts:
            for kind in (kinds if run_no % 2 == 0 else kinds[::-1]):
                res = measure(kind, workers, a.policy, a.duration, a.warmup)
                problem = benchrun.problems(res)
                if problem or "rps" not in res:
                    failures += 1
                    print(f"  {kind} x{workers}: {problem or 'no result'}", flush=True)
                    continue
                results[kind][workers].append(float(res["rps"]))
                print(f"  run {run_no + 1}: {kind:5} x{workers}: {float(res['rps']):>10,.0f} req/s",
                      flush=True)
    med = {k: {w: statistics.median(v) if v else None for w, v in by.items()}
           for k, by in results.items()}
    print("\nmedian req/s        " + "".join(f"{w:>12} wk" for w in counts))
    for kind in kinds:
        print(f"{kind:20}" + "".join(f"{med[kind][w] or 0:>15,.0f}" for w in counts))
    if "node" in med:
        print(f"{'pynet / node':20}" + "".join(
            f"{(med['pynet'][w] or 0) / med['node'][w]:>15.2f}" if med["node"][w] else f"{'-':>15}"
            for w in counts))
    for kind in kinds:
        base = med[kind].get(1)
        if base:
            print(f"{kind + ' vs 1 worker':20}" + "".join(
                f"{(med[kind][w] or 0) / base:>15.2f}" for w in counts))
    if a.json:
        Path(a.json).write_text(json.dumps({"runs": results, "medians": med, "cpus": ncpu,
                                            "policy": a.policy}, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
