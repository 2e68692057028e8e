#!/usr/bin/env python3
"""TLS echo benchmark: pynet's tls against node's tls and asyncio's ssl (and uvloop).

    python bench/tls_bench.py            # 3 runs x 3 s per workload
    python bench/tls_bench.py --quick    # smoke: 1 run x 1 s
    python bench/tls_bench.py --workloads bulk --runs 7 --baseline ../main  # before/after
    python bench/tls_bench.py --callgrind 32 --baseline ../main  # instructions per MiB

Workloads, all driven by the same node client (bench/tls_load.js) so only the
server differs: ``rr`` (100 connections, 64-byte request/response, round
trips/s), ``bulk`` (one connection echoing 64 KiB writes, MiB/s each way),
``hs`` (8 parallel clients doing handshake + close, handshakes/s).  Servers
are pinned to CPU 0 and the client to CPU 1 when ``taskset`` exists.
Certificates are made with the openssl CLI into a temporary directory.
Prints medians and pynet's ratio to each other server, for throughput and for
the server's CPU time per unit of work (user + system, from /proc): the
second is the fairer number on a busy machine.  The servers run interleaved
(one run of each, then again), so a change in the machine's load touches all.
``--baseline DIR`` adds pynet's server run with the ``pynet`` package of DIR
(e.g. a checkout of main); ``--callgrind MIB`` counts instructions instead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from tests.tls_certs import make_certs  # noqa: E402

SERVERS = {
    "pynet": [sys.executable, str(BENCH / "servers" / "tls_pynet.py")],
    "node": ["node", str(BENCH / "servers" / "tls_node.js")],
    "asyncio": [sys.executable, str(BENCH / "servers" / "tls_asyncio.py")],
}
WORKLOADS = ["rr", "bulk", "hs"]
UNITS = {"rr": "round trips/s", "bulk": "MiB/s", "hs": "handshakes/s"}
UNIT_ONE = {"rr": "round trip", "bulk": "MiB each way", "hs": "handshake"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pin(cpu: int) -> list[str]:
    return ["taskset", "-c", str(cpu)] if shutil.which("taskset") else []


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 10) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def minor_faults(pid: int) -> int:
    """Minor page faults of a process so far (Linux /proc): pages the kernel had to
    map in, e.g. after glibc gave the top of its heap back (see docs/benchmarks.md)."""
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[7])


def measure(server: list[str], workload: str, seconds: float, certdir: str,
            env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(throughput, server CPU seconds per unit of work, page faults per unit)."""
    port = free_port()
    proc = subprocess.Popen([*pin(0), *server[:2], str(port), certdir, *server[2:]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        before, faults = cpu_seconds(proc.pid), minor_faults(proc.pid)
        out = subprocess.run([*pin(1), "node", str(BENCH / "tls_load.js"), workload, str(port),
                              str(seconds)], capture_output=True, text=True,
                             timeout=seconds + 60)
        used = cpu_seconds(proc.pid) - before
        faults = minor_faults(proc.pid) - faults
        value = float(json.loads(out.stdout.strip().splitlines()[-1])["value"])
        units = max(value * seconds, 1e-9)
        return value, used / units, faults / units
    finally:
        proc.kill()
        proc.wait()


def callgrind(server: list[str], mib: int, certdir: str, env: dict[str, str] | None
              ) -> dict[str, float]:
    """Instructions (callgrind's Ir) the server runs per MiB echoed, total and by object
    file, for exactly ``mib`` MiB after a 4 MiB warm-up (``tls_load.js fixed``).

    Discussion: valgrind counts each iteration of ``rep movsb``/``rep stosb`` as an
    instruction, so ``memcpy``/``memset`` weigh about one instruction per byte here
    while they take a few percent of the cycles on the machine (see perf)."""
    port = free_port()
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.Popen(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                                 f"--callgrind-out-file={out}/cg.out", *server[:2], str(port),
                                 certdir, *server[2:]], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(port, proc, 120)
            client = subprocess.Popen(["node", str(BENCH / "tls_load.js"), "fixed", str(port),
                                       str(mib)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)
            assert client.stdin is not None and client.stdout is not None
            if client.stdout.readline().strip() != "ready":
                raise RuntimeError("client failed")
            subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)],
                           capture_output=True, check=True)
            client.stdin.write("go\n")
            client.stdin.flush()
            if client.stdout.readline().strip() != "done":
                raise RuntimeError("client failed")
            client.wait()
            subprocess.run(["callgrind_control", "-d", str(proc.pid)],
                           capture_output=True, check=True)
        finally:
            proc.kill()
            proc.wait()
        by_object: dict[str, float] = {}
        for dump in Path(out).glob("cg.out.*"):
            by_object_of(dump.read_text(), by_object)
    return {k: v / mib for k, v in sorted(by_object.items(), key=lambda kv: -kv[1])}


def by_object_of(text: str, into: dict[str, float]) -> None:
    """Add the self cost of each object file (``ob=``) of a callgrind dump to ``into``."""
    names: dict[str, str] = {}
    current = "?"
    skip = False
    for line in text.splitlines():
        if line.startswith(("ob=", "cob=")):
            ref, _, name = line.split("=", 1)[1].partition(" ")
            if name:
                names[ref] = Path(name).name
            if line.startswith("ob="):
                current = names.get(ref, ref)
        elif line.startswith("calls="):
            skip = True  # The next cost line is the call's inclusive cost.
        elif line[:1].isdigit() or line[:1] in "+-*":
            parts = line.split()
            if skip:
                skip = False
            elif len(parts) >= 2:
                into[current] = into.get(current, 0.0) + int(parts[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--uvloop", action="store_true", help="add asyncio+uvloop")
    parser.add_argument("--asyncio-free", action="store_true",
                        help="add asyncio+free: asyncio's server after freeing a 4 MiB block"
                             " (glibc's heap thresholds raised: its fast mode, every run)")
    parser.add_argument("--baseline", metavar="DIR",
                        help="also run the pynet server with the pynet package of DIR (a"
                             " checkout, e.g. `git worktree add DIR main`), as 'baseline'")
    parser.add_argument("--callgrind", type=int, metavar="MIB",
                        help="instead: callgrind instruction counts per MiB of bulk echo")
    parser.add_argument("--verbose", action="store_true", help="print every run's cost")
    parser.add_argument("--workloads", default=",".join(WORKLOADS),
                        help="comma-separated subset of rr,bulk,hs")
    args = parser.parse_args()
    runs, seconds = (1, 1.0) if args.quick else (args.runs, args.seconds)
    servers = dict(SERVERS)
    if args.uvloop:
        servers["uvloop"] = [*SERVERS["asyncio"][:2], "uvloop"]
    if args.asyncio_free:
        servers["asyncio+free"] = [*SERVERS["asyncio"][:2], "free"]
    envs: dict[str, dict[str, str] | None] = {name: None for name in servers}
    if args.baseline:
        servers["baseline"] = SERVERS["pynet"]
        envs["baseline"] = {**os.environ, "PYTHONPATH": str(Path(args.baseline).resolve())}
    if args.callgrind:
        with tempfile.TemporaryDirectory() as tmp:
            make_certs(Path(tmp))
            print("Server instructions per MiB echoed (callgrind Ir, millions; user space only)")
            for name, argv in servers.items():
                counts = callgrind(argv, args.callgrind, tmp, envs[name])
                top = ", ".join(f"{k} {v / 1e6:.2f}" for k, v in list(counts.items())[:4])
                print(f"{name:10} {sum(counts.values()) / 1e6:8.2f}   ({top})")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        make_certs(Path(tmp))
        results: dict[str, dict[str, float]] = {}
        costs: dict[str, dict[str, float]] = {}
        for workload in args.workloads.split(","):
            # Servers interleaved run by run, so a change in the machine's load touches all.
            pairs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in servers}
            for _ in range(runs):
                for name, argv in servers.items():
                    pairs[name].append(measure(argv, workload, seconds, tmp, envs[name]))
            for name, got in pairs.items():
                if args.verbose:
                    print(f"{workload} {name}: per unit (µs) "
                          + " ".join(f"{p[1] * 1e6:.0f}" for p in got) + "; page faults "
                          + " ".join(f"{p[2]:.0f}" for p in got), file=sys.stderr)
                results.setdefault(workload, {})[name] = statistics.median(p[0] for p in got)
                costs.setdefault(workload, {})[name] = statistics.median(p[1] for p in got)
    names = " ".join(f"{n:>12}" for n in servers)
    print("Throughput (higher is better; the client is node, on the other CPU)")
    print(f"{'workload':10} {names}   pynet/node  pynet/asyncio")
    for workload, row in results.items():
        cells = " ".join(f"{row[n]:12.1f}" for n in servers)
        print(f"{workload:10} {cells}   {row['pynet'] / row['node']:9.2f}x  "
              f"{row['pynet'] / row['asyncio']:9.2f}x   ({UNITS[workload]})")
    print("Server CPU per unit of work, in microseconds (lower is better; robust to a busy"
          " machine)")
    print(f"{'workload':10} {names}   node/pynet  asyncio/pynet")
    for workload, row in costs.items():
        cells = " ".join(f"{row[n] * 1e6:12.1f}" for n in servers)
        print(f"{workload:10} {cells}   {row['node'] / row['pynet']:9.2f}x  "
              f"{row['asyncio'] / row['pynet']:9.2f}x   (per {UNIT_ONE[workload]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
