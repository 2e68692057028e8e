"""Server CPU, page faults and heap system calls per MiB of a plain-TCP bulk echo.

    python bench/bulk_faults.py [--servers a,b] [--rounds N] [--mib M] [--no-perf] [--base DIR]

Each round starts every server fresh (their order rotating from round to round),
runs one ``loadgen bulk -m M`` against it and reads, from ``/proc/PID/stat`` before
and after, the server's CPU time (``schedstat``, in ns), its user and system time
(clock ticks) and its minor page faults; with
``perf`` available, ``perf stat -p PID`` counts the server's ``brk``, ``mmap``,
``munmap`` and ``mremap`` calls over the same run (tracepoints: a few percent of
overhead, the same for every server; ``--no-perf`` leaves it out).  It prints every
run and the medians per MiB echoed.  The servers are bench/run.py's (``pynet_pipe``,
``pynet_data``, ``asyncio_protocol``, ``uvloop``, ``node_data``...); the load generator
is built as run.py builds it, and a server whose module does not import (uvloop before
``bench/run.py`` has installed it into ``bench/build/``) is left out, with a note.  ``--base DIR`` also runs each
pynet row from another ``DIR/pynet`` (``git archive BASE pynet | tar -x -C DIR``), as
``NAME@base``, in the same rounds: before and after a change, interleaved.

Why: glibc gives the top of its heap back to the kernel whenever more than its trim
threshold is free there, and a bulk stream's transient buffers then fault those pages
in again (docs/benchmarks.md, "asyncio's two modes"); the faults per MiB show whether
a server is in that mode, which the CPU per MB alone cannot tell from a neighbour's load.
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # bench/run.py: servers, paths, environment

_EVENTS = ["brk", "mmap", "munmap", "mremap"]  # --syscalls
_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float, float, float]:
    """(minor faults, user s, system s, CPU s) of ``pid``: the first three from
    ``/proc/PID/stat`` (in clock ticks), the CPU time in ns from the threads'
    ``schedstat`` (the figure to compare; the ticks only split it)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as f:
            cpu += int(f.read().split()[0])
    # Fields after the name: state is 3, minflt 10, utime 14, stime 15 (proc(5)).
    return int(fields[7]), int(fields[11]) / _TICK, int(fields[12]) / _TICK, cpu / 1e9


def one(name: str, mib: float, use_perf: bool, base: str | None) -> dict[str, float]:
    srv = next(s for s in bench.SERVERS if s.name == name.removesuffix("@base"))
    port = bench.free_port()
    argv = [a.replace("{port}", str(port)) for a in srv.argv]
    env = bench.py_env(srv.build)
    if name.endswith("@base") and base is not None:
        env["PYTHONPATH"] = os.pathsep.join([base, str(bench.PYDEPS)])
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start") from None
                time.sleep(0.05)
        perf = None
        if use_perf:
            events = ",".join(f"syscalls:sys_enter_{e}" for e in _EVENTS)
            perf = subprocess.Popen(["perf", "stat", "-x", ",", "-e", events, "-p", str(proc.pid)],
                                    stderr=subprocess.PIPE, text=True)
            time.sleep(0.3)
        f0, u0, s0, c0 = _stat(proc.pid)
        out = subprocess.run([str(bench.LOADGEN), "bulk", "-p", str(port), "-m", str(mib),
                              "-d", "120"], capture_output=True, text=True, check=True)
        f1, u1, s1, c1 = _stat(proc.pid)
        res = json.loads(out.stdout.strip().splitlines()[-1])
        got = res["bytes"] / 2**20
        row = {"faults": (f1 - f0) / got, "user": (u1 - u0) * 1e6 / got,
               "sys": (s1 - s0) * 1e6 / got}
        row["cpu"] = (c1 - c0) * 1e6 / got
        if perf is not None:
            perf.send_signal(2)
            _, err = perf.communicate(timeout=10)
            for line in err.splitlines():
                parts = line.split(",")
                for e in _EVENTS:
                    if len(parts) > 2 and parts[2].endswith(f"sys_enter_{e}") and parts[0].isdigit():
                        row[e] = int(parts[0]) / got
        return row
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--servers", default="pynet_pipe,pynet_data,asyncio_protocol,uvloop")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--mib", type=float, default=256)
    p.add_argument("--no-perf", action="store_true")
    p.add_argument("--syscalls", default=",".join(_EVENTS),
                   help="the system calls perf counts (default: %(default)s)")
    p.add_argument("--base", help="a directory holding another pynet/ (a copy of the base "
                   "commit's): each pynet row is also run from it, as NAME@base")
    a = p.parse_args()
    names = a.servers.split(",")
    _EVENTS[:] = a.syscalls.split(",")
    bench.build()
    for n in list(names):
        srv = next(s for s in bench.SERVERS if s.name == n)
        missing = [m for m in srv.needs if not bench.can_import(m)]
        if missing:
            print(f"{n}: left out ({', '.join(missing)} not importable; bench/run.py installs it)")
            names.remove(n)
    if a.base:
        names += [f"{n}@base" for n in names if n.startswith("pynet")]
    use_perf = not a.no_perf and shutil.which("perf") is not None
    runs: dict[str, list[dict[str, float]]] = {n: [] for n in names}
    cols = ["cpu", "user", "sys", "faults"] + (list(_EVENTS) if use_perf else [])
    print(f"load average at start: {os.getloadavg()}")
    for r in range(a.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            row = one(n, a.mib, use_perf, a.base)
            runs[n].append(row)
            print(f"round {r} {n:18} " + " ".join(f"{c} {row.get(c, 0):8.1f}" for c in cols),
                  flush=True)
    print(f"load average at end: {os.getloadavg()}")
    print(f"\nmedians per MiB ({a.rounds} rounds of {a.mib:g} MiB; cpu/user/sys in µs)")
    print(f"{'server':18} " + " ".join(f"{c:>8}" for c in cols))
    for n in names:
        print(f"{n:18} " + " ".join(
            f"{statistics.median(r.get(c, 0) for r in runs[n]):8.1f}" for c in cols))


if __name__ == "__main__":
    main()
