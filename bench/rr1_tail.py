#!/usr/bin/env python3
"""What rr1's slow tail is made of: latency distributions and a server-side trace.

    python bench/rr1_tail.py                      # 5 rounds x 3 servers x 2 s, interleaved
    python bench/rr1_tail.py --rounds 8 --fifo    # server and load generator SCHED_FIFO
    python bench/rr1_tail.py --trace              # also perf-trace the server's CPU
    python bench/rr1_tail.py --json out.json

rr1 is ``loadgen rr -c 1 -s 64 -b`` (one connection, 64-byte request/response,
the client busy-polling), as ``bench/run.py`` measures it: the server pinned to
one CPU, the load generator to the other, every server started fresh, the
servers' order rotating from round to round.  The load generator writes every
measured request's send and receive time (``-R``, CLOCK_MONOTONIC), so the
percentiles here are exact, not histogram buckets, and the requests can be
lined up with a trace of the server.

Per measurement it reports p50/p90/p99/p99.9, the CPU that other processes used
meanwhile (``/proc/stat``, as run.py does: the machine may be shared), and, for
the Python servers, how many garbage collections ran during the measurement (a
``gc.callbacks`` hook installed by a wrapper before the server script runs).

``--fifo`` runs the server and the load generator as SCHED_FIFO (root only):
other processes can no longer delay either one, which separates what the
server does from what the machine's other tenants do.

``--trace`` records, with ``perf record -k CLOCK_MONOTONIC`` on the server's
CPU, the scheduler switches, interrupts and the server's ``epoll_wait`` return
and ``epoll_wait`` entry and ``sendto`` entry, and splits every request into:

- ``wake``:  client send -> the server's ``epoll_wait`` returns (kernel: the
  loopback delivery and the wake-up of the server's CPU, a VM exit when it was
  halted);
- ``path``:  ``epoll_wait`` returns -> ``sendto`` entered (the server's own work:
  the ``recv`` and all the Python between);
- ``reply``: ``sendto`` entered -> the client has read the echo (loopback
  delivers inside the server's ``sendto``; the client busy-polls).

It then prints, per server, those segments' percentiles over all requests and
over the slowest 1%, and what happened on the server's CPU during the slowest
1% (timer interrupts, other interrupts, another task running).
"""

from __future__ import annotations

import argparse
import array
import bisect
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
assert _spec is not None and _spec.loader is not None
R = importlib.util.module_from_spec(_spec)
sys.modules["bench_run"] = R
_spec.loader.exec_module(R)

DEFAULT_SERVERS = "pynet_pipe,pynet_data,asyncio_protocol"

# Runs the server script with a gc.callbacks hook; on SIGTERM writes the
# collections per generation since the hook was installed, then exits.
GC_WRAPPER = r"""
import gc, os, runpy, signal, sys, time
out = os.environ["RR1_GC_LOG"]
log = []
t = [0]
def cb(phase, info):
    if phase == "start":
        t[0] = time.monotonic_ns()
    else:
        log.append((t[0], time.monotonic_ns() - t[0], info["generation"]))
gc.callbacks.append(cb)
if os.environ.get("RR1_GC") == "disable":
    gc.disable()
def done(*_):
    with open(out, "w") as f:
        for e in log:
            f.write("%d %d %d\n" % e)
    os._exit(0)
signal.signal(signal.SIGTERM, done)
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(script))
runpy.run_path(script, run_name="__main__")
"""

SYS_SENDTO, SYS_EPOLL_WAIT = 44, 232  # x86_64


def pct(xs: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted xs."""
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))
    return xs[k]


def read_raw(path: Path) -> list[tuple[int, int]]:
    a = array.array("Q")
    data = path.read_bytes()
    a.frombytes(data)
    return [(a[i], a[i + 1]) for i in range(0, len(a), 2)]


def fifo(pid: int) -> None:
    os.sched_setscheduler(pid, os.SCHED_FIFO, os.sched_param(10))


def parse_perf(path: Path, server_pid: int) -> dict[str, Any]:
    """The trace's events: the server's epoll_wait calls and returns, its sendto calls,
    interrupts, and which task ran when (sched_switch), all in CLOCK_MONOTONIC ns."""
    out = subprocess.run(
        ["perf", "script", "-i", str(path), "-F", "tid,time,event,trace", "--ns"],
        capture_output=True, text=True, check=False).stdout
    wake: list[int] = []
    s_in: list[int] = []
    e_in: list[int] = []
    timer: list[int] = []
    irq: list[int] = []
    switches: list[tuple[int, int]] = []  # (time, next tid)
    for ln in out.splitlines():
        parts = ln.split(None, 3)
        if len(parts) < 3:
            continue
        try:
            tid = int(parts[0])
            t = round(float(parts[1].rstrip(":")) * 1e9)
        except ValueError:
            continue
        ev = parts[2].rstrip(":")
        rest = parts[3] if len(parts) > 3 else ""
        if ev == "raw_syscalls:sys_exit" and tid == server_pid:
            nr = int(rest.split()[1])
            if nr == SYS_EPOLL_WAIT and not rest.rstrip().endswith("= 0"):
                wake.append(t)
        elif ev == "raw_syscalls:sys_enter" and tid == server_pid:
            nr = int(rest.split()[1])
            if nr == SYS_SENDTO:
                s_in.append(t)
            elif nr == SYS_EPOLL_WAIT:
                e_in.append(t)
        elif ev == "irq_vectors:local_timer_entry":
            timer.append(t)
        elif ev in ("irq:irq_handler_entry", "irq_vectors:call_function_single_entry",
                    "irq_vectors:reschedule_entry"):
            irq.append(t)
        elif ev == "sched:sched_switch":
            nxt = rest.rsplit("next_pid=", 1)[1].split()[0]
            switches.append((t, int(nxt)))
    return {"wake": wake, "s_in": s_in, "e_in": e_in, "timer": timer, "irq": irq,
            "switches": switches}


def count_in(ts: list[int], a: int, b: int) -> int:
    return bisect.bisect_left(ts, b) - bisect.bisect_left(ts, a)


def decompose(reqs: list[tuple[int, int]], tr: dict[str, Any], server_pid: int) -> dict[str, Any]:
    """Split each request into wake/path/reply; describe the slowest 1%."""
    wake, s_in, e_in = tr["wake"], tr["s_in"], tr["e_in"]
    sw = tr["switches"]
    sw_t = [t for t, _ in sw]
    rows = []
    for t0, t1 in reqs:
        i = bisect.bisect_right(wake, t0)
        if i >= len(wake) or wake[i] >= t1:
            continue
        a = wake[i]
        j = bisect.bisect_right(s_in, a)
        if j >= len(s_in) or s_in[j] >= t1:
            continue
        b = s_in[j]  # the echo reaches the client inside this sendto (loopback)
        # Did the server sleep in this epoll_wait (a switch away from it between the
        # epoll_wait call and its return), and to what: the idle task (the vCPU halts: the
        # wake-up is an interrupt into a halted vCPU) or another task (which the server
        # preempts)?  Did another task run after the server woke, before the reply?
        e = bisect.bisect_right(e_in, a) - 1
        enter = e_in[e] if e >= 0 else a
        slept_to = None
        n = bisect.bisect_right(sw_t, enter)
        while n < len(sw) and sw_t[n] < a:
            if sw[n][1] != server_pid:
                slept_to = sw[n][1]
            n += 1
        preempted = False
        n = bisect.bisect_right(sw_t, a)
        while n < len(sw) and sw_t[n] < b:
            if sw[n][1] != server_pid:
                preempted = True
            n += 1
        rows.append({
            "total": (t1 - t0) / 1e3, "wake": (a - t0) / 1e3, "path": (b - a) / 1e3,
            "reply": (t1 - b) / 1e3,
            "timer": count_in(tr["timer"], t0, t1), "irq": count_in(tr["irq"], t0, t1),
            "timer_in_path": count_in(tr["timer"], a, b) > 0,
            "preempted": preempted, "slept_idle": slept_to == 0,
            "slept_other": slept_to not in (None, 0), "poll_late": (enter - t0) / 1e3,
        })
    if not rows:
        return {"matched": 0}
    rows.sort(key=lambda r: r["total"])
    slow = rows[int(len(rows) * 0.99):]
    seg = ("total", "wake", "path", "reply")

    def summary(rs: list[dict[str, Any]]) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for s in seg:
            xs = sorted(r[s] for r in rs)
            d[s] = {"p50": pct(xs, 50), "p90": pct(xs, 90), "p99": pct(xs, 99),
                    "mean": statistics.fmean(xs)}
        n = len(rs)
        d["n"] = n
        d["with_timer_irq"] = sum(1 for r in rs if r["timer"]) / n
        d["timer_in_path"] = sum(1 for r in rs if r["timer_in_path"]) / n
        d["with_other_irq"] = sum(1 for r in rs if r["irq"]) / n
        d["preempted"] = sum(1 for r in rs if r["preempted"]) / n
        d["slept_idle"] = sum(1 for r in rs if r["slept_idle"]) / n
        d["slept_other"] = sum(1 for r in rs if r["slept_other"]) / n
        d["no_sleep"] = 1 - d["slept_idle"] - d["slept_other"]
        # the server called epoll_wait only after the request was sent (still finishing
        # the previous turn): how often, and by how much (us, median of those)
        late = sorted(r["poll_late"] for r in rs if r["poll_late"] > 0)
        d["poll_after_send"] = len(late) / n
        d["poll_after_send_us"] = statistics.median(late) if late else 0.0
        # which segment is the one most over its median, in the slow requests
        med = {s: statistics.median(r[s] for r in rows) for s in seg[1:]}
        dom: dict[str, int] = {}
        for r in rs:
            s = max(seg[1:], key=lambda s: r[s] - med[s])
            dom[s] = dom.get(s, 0) + 1
        d["dominant"] = {s: v / n for s, v in sorted(dom.items())}
        return d

    return {"matched": len(rows), "of": len(reqs), "all": summary(rows),
            "slowest_1pct": summary(slow)}


def measure(srv: Any, a: argparse.Namespace, tmp: Path, tag: str) -> dict[str, Any]:
    scpu, ccpu = a.server_cpu, a.client_cpu
    gclog = tmp / f"gc.{tag}"
    if srv.kind == "python" and not a.no_gc_log:
        srv = R.Server(srv.name, srv.label, srv.kind,
                       [srv.argv[0], "-c", GC_WRAPPER, *srv.argv[1:]], build=srv.build)
        os.environ["RR1_GC_LOG"] = str(gclog)
        os.environ["RR1_GC"] = a.gc
    run = R.Running(srv, scpu, f"rr1tail.{tag}")
    res: dict[str, Any] = {}
    try:
        why = run.wait_ready(timeout=20)
        if why:
            return {"error": why}
        if a.fifo:
            fifo(run.proc.pid)
        time.sleep(0.3)
        raw = tmp / f"raw.{tag}"
        perf_data = tmp / f"perf.{tag}"
        perf = None
        if a.trace:
            ev = ["-e", "sched:sched_switch", "-e", "irq_vectors:local_timer_entry",
                  "-e", "irq:irq_handler_entry", "-e", "irq_vectors:call_function_single_entry",
                  "-e", "irq_vectors:reschedule_entry",
                  "-e", "raw_syscalls:sys_enter", "--filter",
                  f"common_pid == {run.proc.pid} && (id == {SYS_SENDTO} || id == {SYS_EPOLL_WAIT})",
                  "-e", "raw_syscalls:sys_exit", "--filter",
                  f"common_pid == {run.proc.pid} && id == {SYS_EPOLL_WAIT}"]
            perf = subprocess.Popen(
                ["perf", "record", "-q", "-m", "256M", "-k", "CLOCK_MONOTONIC", "-C", str(scpu), *ev,
                 "-o", str(perf_data), "--", "sleep", str(a.duration + a.warmup + 1.5)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        argv = [str(R.LOADGEN), "rr", "-c", "1", "-s", "64", "-b", "-d", str(a.duration),
                "-w", str(a.warmup), "-R", str(raw), "-p", str(run.port)]
        busy0 = R.cpu_busy_s()
        tk0 = R.proc_cpu_ns(run.proc.pid)
        ru0 = R.resource.getrusage(R.resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()

        def pre() -> None:
            if ccpu is not None:
                os.sched_setaffinity(0, {ccpu})
            if a.fifo:
                fifo(0)

        r = subprocess.run(argv, capture_output=True, text=True, preexec_fn=pre, timeout=120)
        wall = time.monotonic() - t0
        busy1 = R.cpu_busy_s()
        tk1 = R.proc_cpu_ns(run.proc.pid)
        ru1 = R.resource.getrusage(R.resource.RUSAGE_CHILDREN)
        res = json.loads(r.stdout.strip().splitlines()[-1])
        client_s = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        server_s = (tk1 - tk0) / 1e9 if tk0 is not None and tk1 is not None else 0.0
        if busy0 is not None and busy1 is not None:
            res["other_cpu_pct"] = round(
                max(0.0, 100 * ((busy1 - busy0) - client_s - server_s) / wall), 1)
        res["server_cpu_pct"] = round(100 * server_s / wall, 1)
        reqs = read_raw(raw)
        lat = sorted((t1 - t0) / 1e3 for t0, t1 in reqs)
        res["exact"] = {f"p{p}": round(pct(lat, p), 2) for p in (50, 90, 99, 99.9)}
        res["exact"]["n"] = len(lat)
        res["window"] = (reqs[0][0], reqs[-1][1]) if reqs else None
        if perf is not None:
            perf.wait()
            tr = parse_perf(perf_data, run.proc.pid)
            res["trace"] = decompose(reqs, tr, run.proc.pid)
        res["_lat"] = lat
    finally:
        run.stop()  # the gc wrapper writes its log on SIGTERM
    if gclog.exists():
        w = res.get("window")
        n = [0, 0, 0]
        for ln in gclog.read_text().splitlines():
            ts, _d, g = (int(x) for x in ln.split())
            if w and w[0] <= ts <= w[1]:
                n[g] += 1
        res["gc_collections"] = n
    return res


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--servers", default=DEFAULT_SERVERS)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--duration", type=float, default=2.0)
    p.add_argument("--warmup", type=float, default=0.5)
    p.add_argument("--cpus", help="SERVER,CLIENT CPUs (default: run.py's choice, the first two)")
    p.add_argument("--fifo", action="store_true", help="SCHED_FIFO server and load generator")
    p.add_argument("--trace", action="store_true", help="perf-trace the server's CPU")
    p.add_argument("--no-gc-log", action="store_true")
    p.add_argument("--gc", choices=("default", "disable"), default="default",
                   help="disable: gc.disable() in the Python servers (a control experiment)")
    p.add_argument("--json")
    a = p.parse_args()
    R.build()
    a.server_cpu, a.client_cpu, note = R.cpu_plan(a.cpus)
    print(note, file=sys.stderr)
    if a.trace and a.server_cpu is None:
        sys.exit("--trace needs the server pinned to a CPU (2 CPUs or --cpus)")
    by_name = {s.name: s for s in R.SERVERS}
    servers = [by_name[n] for n in a.servers.split(",")]
    if a.client_cpu is not None:
        os.sched_setaffinity(0, {a.client_cpu})
    results: dict[str, list[dict[str, Any]]] = {s.name: [] for s in servers}
    with tempfile.TemporaryDirectory(prefix="rr1tail") as td:
        tmp = Path(td)
        for rnd in range(a.rounds):
            order = servers[rnd % len(servers):] + servers[:rnd % len(servers)]
            for s in order:
                res = measure(s, a, tmp, f"{s.name}.{rnd}")
                if "error" in res:
                    print(f"round {rnd} {s.name}: {res['error']}", file=sys.stderr)
                    continue
                e = res["exact"]
                print(f"round {rnd} {s.name:18s} p50 {e['p50']:6.1f} p90 {e['p90']:6.1f} "
                      f"p99 {e['p99']:7.1f} p99.9 {e['p99.9']:8.1f} us  n {e['n']:6d}  "
                      f"server {res['server_cpu_pct']:4.1f}%  other {res.get('other_cpu_pct', 0):5.1f}%"
                      f"  gc {res.get('gc_collections', '-')}", file=sys.stderr, flush=True)
                res["round"] = rnd
                results[s.name].append(res)
    print(f"\nload average now: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print("\nper server: median over rounds of the exact percentiles (us); pooled = all rounds' requests")
    for name, runs in results.items():
        if not runs:
            continue
        med = {k: statistics.median(r["exact"][k] for r in runs) for k in ("p50", "p90", "p99", "p99.9")}
        pooled = sorted(x for r in runs for x in r["_lat"])
        pl = {k: pct(pooled, p) for k, p in (("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9))}
        p99s = ", ".join(f"{r['exact']['p99']:.1f}" for r in runs)
        print(f"{name:18s} median p50 {med['p50']:5.1f} p99 {med['p99']:6.1f} | pooled p50 "
              f"{pl['p50']:5.1f} p90 {pl['p90']:5.1f} p99 {pl['p99']:6.1f} p99.9 {pl['p99.9']:7.1f}"
              f" | p99 per round: {p99s}")
    if a.trace:
        print("\ntrace: segments (us) over all requests / the slowest 1% (pooled over rounds)")
        for name, runs in results.items():
            tr = [r["trace"] for r in runs if r.get("trace", {}).get("matched")]
            if not tr:
                continue
            for part in ("all", "slowest_1pct"):
                def m(seg: str, q: str, part: str = part, tr: list[Any] = tr) -> float:
                    return statistics.median(t[part][seg][q] for t in tr)

                line = "  ".join(f"{s} p50 {m(s, 'p50'):5.1f} p99 {m(s, 'p99'):6.1f}"
                                 for s in ("total", "wake", "path", "reply"))
                print(f"{name:18s} {part:12s} {line}")
            for key in ("with_timer_irq", "timer_in_path", "with_other_irq", "preempted",
                        "slept_idle", "slept_other", "no_sleep", "poll_after_send"):
                va = statistics.median(t["all"][key] for t in tr)
                vs = statistics.median(t["slowest_1pct"][key] for t in tr)
                print(f"{'':18s} {key:18s} all {100 * va:5.1f}%  slowest 1% {100 * vs:5.1f}%")
            va = statistics.median(t["all"]["poll_after_send_us"] for t in tr)
            vs = statistics.median(t["slowest_1pct"]["poll_after_send_us"] for t in tr)
            print(f"{'':18s} {'  by (us, median)':18s} all {va:5.1f}   slowest 1% {vs:5.1f}")
            dom: dict[str, float] = {}
            for t in tr:
                for k, v in t["slowest_1pct"]["dominant"].items():
                    dom[k] = dom.get(k, 0) + v / len(tr)
            print(f"{'':18s} slowest 1%: segment furthest above its median: "
                  + ", ".join(f"{k} {100 * v:.0f}%" for k, v in sorted(dom.items(), key=lambda x: -x[1])))
            matched = sum(t["matched"] for t in tr) / max(1, sum(t["of"] for t in tr))
            print(f"{'':18s} requests matched to the trace: {100 * matched:.0f}%")
    if a.json:
        for runs in results.values():
            for r in runs:
                r.pop("_lat", None)
        Path(a.json).write_text(json.dumps({"args": vars(a), "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
