#!/usr/bin/env python3
"""UDP echo benchmark: pynet's dgram against Node's dgram and asyncio's DatagramProtocol.

    python bench/dgram_echo.py             # 3 runs x 2 s per size and server
    python bench/dgram_echo.py --quick     # CI smoke run: 1 run x 0.5 s
    python bench/dgram_echo.py --sizes 64 --runs 5 --window 32

Each server is the same ten-line echo program (bench/servers/pynet_dgram.py,
node_dgram.js, asyncio_datagram.py), started fresh for every measurement and
pinned to one CPU; bench/udp_loadgen.c, pinned to the other, keeps a window of
datagrams in flight on one socket and counts echoes per second.  The tables
show medians of this invocation only: echoes per second with the ratios
pynet/node and pynet/asyncio (higher is better for pynet), and the server's
CPU time per echo (from /proc; less sensitive to other load on the machine)
with the ratios other/pynet (again, above 1 means pynet spends less).
A missing ``node`` or ``gcc`` turns rows into "skipped"; ``--strict`` then
fails the run.

Two more rows on request (``--servers pynet,pynet_mypyc,uvloop``; issue #16's
"dgram pps, compiled >= 1.0x uvloop"): ``pynet_mypyc`` runs pynet_dgram.py with
the compiled build that ``bench/run.py`` installs into bench/build/pynet-mypyc
(run that once first), ``uvloop`` the asyncio protocol on uvloop (from the
bench/build/pydeps-* directory run.py's setup fills, or the environment).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BUILD = BENCH / "build"
LOADGEN = BUILD / "udp_loadgen"
COMPILED_PY = BUILD / "pynet-mypyc" / "bin" / "python"  # bench/run.py's compiled venv
PYDEPS = BUILD / f"pydeps-py{sys.version_info[0]}{sys.version_info[1]}"
SERVERS = {
    "pynet": [sys.executable, str(BENCH / "servers" / "pynet_dgram.py"), "{port}"],
    "node": ["node", str(BENCH / "servers" / "node_dgram.js"), "{port}"],
    "asyncio": [sys.executable, str(BENCH / "servers" / "asyncio_datagram.py"), "{port}"],
}
#: Not in the default set: they need bench/run.py's build directory.
EXTRA_SERVERS = {
    "pynet_mypyc": [str(COMPILED_PY), str(BENCH / "servers" / "pynet_dgram.py"), "{port}"],
    "uvloop": [sys.executable, str(BENCH / "servers" / "asyncio_datagram.py"), "{port}",
               "uvloop"],
}
ALL_SERVERS = {**SERVERS, **EXTRA_SERVERS}


def build() -> bool:
    source = BENCH / "udp_loadgen.c"
    if LOADGEN.exists() and LOADGEN.stat().st_mtime >= source.stat().st_mtime:
        return True
    cc = os.environ.get("CC", "gcc")
    if shutil.which(cc) is None:
        return False
    BUILD.mkdir(exist_ok=True)
    subprocess.run([cc, "-O2", "-o", str(LOADGEN), str(source)], check=True)
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpus() -> tuple[int | None, int | None]:
    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    return (allowed[0], allowed[1]) if len(allowed) >= 2 else (None, None)


def pinned(cpu: int | None) -> Callable[[], None] | None:
    """A ``preexec_fn`` that pins the child to ``cpu``."""
    if cpu is None:
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 10.0) -> bool:
    """Poll the server with a datagram until it echoes."""
    deadline = time.monotonic() + timeout
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.settimeout(0.05)
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                probe.sendto(b"ping", ("127.0.0.1", port))
                probe.recvfrom(64)
                return True
            except OSError:
                continue
    return False


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(name: str, size: int, window: int, seconds: float
            ) -> tuple[float, float] | None:
    """(echoes per second, server CPU microseconds per echo), or None on failure."""
    port = free_port()
    argv = [a.replace("{port}", str(port)) for a in ALL_SERVERS[name]]
    server_cpu, client_cpu = cpus()
    # The checkout's pynet first, except for the compiled build (its venv's package).
    path = [str(PYDEPS)] if name == "pynet_mypyc" else [str(ROOT), str(PYDEPS)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            preexec_fn=pinned(server_cpu))
    try:
        if not wait_ready(port, proc):
            err = proc.stderr.read().decode() if proc.poll() is not None and proc.stderr else ""
            print(f"  {name}: server did not start {err.strip()[-200:]}", file=sys.stderr)
            return None
        cpu_before = cpu_seconds(proc.pid)
        out = subprocess.run([str(LOADGEN), str(port), str(size), str(window), str(seconds)],
                             capture_output=True, text=True, preexec_fn=pinned(client_cpu),
                             timeout=seconds + 30)
        cpu = cpu_seconds(proc.pid) - cpu_before
        if out.returncode != 0:
            print(f"  {name}: load generator failed: {out.stderr.strip()}", file=sys.stderr)
            return None
        echoes, _lost, _bad = (int(x) for x in out.stdout.split())
        return echoes / seconds, cpu * 1e6 / max(echoes, 1)
    finally:
        proc.kill()
        proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="CI smoke run (1 x 0.5 s)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=float, default=2.0)
    parser.add_argument("--window", type=int, default=16)
    parser.add_argument("--sizes", default="64,1024")
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a server was skipped or failed")
    args = parser.parse_args()
    runs, duration = (1, 0.5) if args.quick else (args.runs, args.duration)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [n for n in args.servers.split(",") if n]
    if not build():
        print("dgram_echo: no C compiler: skipped", file=sys.stderr)
        return 1 if args.strict else 0
    unknown = [n for n in names if n not in ALL_SERVERS]
    if unknown:
        parser.error(f"unknown server(s) {', '.join(unknown)}: one of {', '.join(ALL_SERVERS)}")
    skipped = [n for n in names if shutil.which(ALL_SERVERS[n][0]) is None]
    server_cpu, client_cpu = cpus()
    print(f"UDP echo, window {args.window}, {runs} x {duration:g} s; server CPU {server_cpu}, "
          f"load generator CPU {client_cpu}")
    samples: dict[tuple[str, int], list[tuple[float, float]]] = {
        (n, size): [] for n in names for size in sizes}
    failed = False
    # Runs interleave the servers (rotating their order) so load on the
    # machine spreads over all of them alike.
    for run in range(runs):
        for size in sizes:
            for i in range(len(names)):
                name = names[(i + run) % len(names)]
                if name in skipped:
                    continue
                result = measure(name, size, args.window, duration)
                if result is None:
                    failed = True
                else:
                    samples[name, size].append(result)
    rate = {k: statistics.median(r for r, _ in v) if v else None for k, v in samples.items()}
    cost = {k: statistics.median(c for _, c in v) if v else None for k, v in samples.items()}
    others = [o for o in names if o != "pynet"] if "pynet" in names else []
    print(f"{'size':>6} " + " ".join(f"{n:>10}" for n in names)
          + "".join(f" {'pynet/' + o:>14}" for o in others) + "   echoes per second")
    for size in sizes:
        row = f"{size:>5}B " + " ".join(
            f"{rate[n, size]:>10,.0f}" if rate[n, size] else f"{'skipped':>10}" for n in names)
        for other in others:
            mine, theirs = rate["pynet", size], rate[other, size]
            row += f" {mine / theirs:>13.2f}x" if mine and theirs else f" {'-':>14}"
        print(row)
    print(f"{'size':>6} " + " ".join(f"{n:>10}" for n in names)
          + "".join(f" {o + '/pynet':>14}" for o in others)
          + "   server CPU microseconds per echo")
    for size in sizes:
        row = f"{size:>5}B " + " ".join(
            f"{cost[n, size]:>10.1f}" if cost[n, size] else f"{'skipped':>10}" for n in names)
        for other in others:
            mine, theirs = cost["pynet", size], cost[other, size]
            row += f" {theirs / mine:>13.2f}x" if mine and theirs else f" {'-':>14}"
        print(row)
    if args.strict and (failed or skipped):
        return 1
    return 1 if failed and not args.quick else 0


if __name__ == "__main__":
    sys.exit(main())
