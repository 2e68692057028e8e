"""Server CPU time per request, for servers that the load generator cannot saturate.

    python bench/cpu_per_request.py                      # pynet_async, node_async, asyncio_streams
    python bench/cpu_per_request.py --servers pynet_data,node_data --rounds 5
    python bench/cpu_per_request.py --quick              # smoke run: 1 round x 0.5 s

When the load generator is the ceiling (its CPU near 100 %), requests per second
compare the client, not the servers; and on a shared machine they move with the
load of other processes.  The server's own CPU time (``utime + stime`` from
``/proc/PID/stat``) divided by the requests it answered does neither: it is the
cost of one request to that server.  Each round starts every server fresh
(rotating their order), warms it up with a short ``loadgen rr`` run, then measures
one ``loadgen rr -w 0`` run (100 connections, 64 B by default).  It prints each
round's microseconds per request, the medians, and the ratios other/first server
(above 1: the first server spends less CPU per request).

Uses the servers, the pinning and the load generator of ``run.py`` (build it
first with one ``python bench/run.py --quick`` or let this script build it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the servers, the pinning, the load generator


def measure(srv: run.Server, scpu: int | None, ccpu: int | None, args: argparse.Namespace,
            tag: str) -> tuple[float, float, dict[str, object]]:
    """(µs of server CPU per request, req/s, the load generator's result) for one fresh server."""
    r = run.Running(srv, scpu, tag)
    try:
        why = r.wait_ready(15)
        if why is not None:
            raise SystemExit(f"{srv.name}: {why}")
        base = ["rr", "-c", str(args.conns), "-s", str(args.size), "-p", str(r.port)]
        subprocess.run([str(run.LOADGEN), *base, "-d", str(args.warmup), "-w", "0"],
                       capture_output=True, preexec_fn=run._preexec(ccpu), check=False)
        t0 = run.proc_cpu_ns(r.proc.pid)
        out = subprocess.run([str(run.LOADGEN), *base, "-d", str(args.duration), "-w", "0"],
                             capture_output=True, text=True, preexec_fn=run._preexec(ccpu),
                             check=False)
        t1 = run.proc_cpu_ns(r.proc.pid)
        if not r.alive():
            raise SystemExit(f"{srv.name} died: {run.tail(r.logpath)}")
    finally:
        r.stop()
    res = json.loads(out.stdout.strip().splitlines()[-1])
    if res.get("errors") or res.get("mismatches") or "error" in res:
        raise SystemExit(f"{srv.name}: load generator reported {res}")
    assert t0 is not None and t1 is not None
    return (t1 - t0) / 1e3 / res["requests"], res["rps"], res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--servers", default="pynet_async,node_async,asyncio_streams")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=float, default=3.0)
    ap.add_argument("--warmup", type=float, default=0.5)
    ap.add_argument("--conns", type=int, default=100)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--quick", action="store_true", help="1 round of 0.5 s (a smoke run)")
    args = ap.parse_args()
    if args.quick:
        args.rounds, args.duration, args.warmup = 1, 0.5, 0.2
    run.build()
    by_name = {s.name: s for s in run.SERVERS}
    names = args.servers.split(",")
    servers = [by_name[n] for n in names]
    scpu, ccpu, note = run.cpu_plan(None)
    print(f"# {note}; rr -c {args.conns} -s {args.size}, {args.rounds} rounds x "
          f"{args.duration:g} s", flush=True)
    us: dict[str, list[float]] = {n: [] for n in names}
    rps: dict[str, list[float]] = {n: [] for n in names}
    for i in range(args.rounds):
        k = i % len(servers)
        for srv in servers[k:] + servers[:k]:
            cpu_us, r, _ = measure(srv, scpu, ccpu, args, f"cpu{i}")
            us[srv.name].append(cpu_us)
            rps[srv.name].append(r)
            print(f"round {i + 1} {srv.name:18} {cpu_us:6.2f} us/req {r:10,.0f} req/s",
                  flush=True)
        time.sleep(0.2)
    print()
    print(f"{'server':18} {'us/req (rounds)':34} {'median':>7} {'req/s median':>13}")
    med = {n: statistics.median(us[n]) for n in names}
    for n in names:
        rounds = ", ".join(f"{x:.2f}" for x in us[n])
        print(f"{n:18} {rounds:34} {med[n]:7.2f} {statistics.median(rps[n]):13,.0f}")
    first = names[0]
    print()
    for n in names[1:]:
        print(f"{n}/{first} CPU per request: {med[n] / med[first]:.2f}x "
              f"(above 1: {first} spends less)")


if __name__ == "__main__":
    main()
