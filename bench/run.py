#!/usr/bin/env python3
"""pynet echo benchmark: one command.

    python bench/run.py                    # full run (3 runs x 2 s per workload)
    python bench/run.py --quick            # CI smoke test (~1 s per measurement)
    python bench/run.py --servers c_epoll,selectors --workloads rr100_64 --runs 5
    python bench/run.py --json out.json && python bench/chart.py out.json

It builds the C programs (gcc -O2, into bench/build/), installs uvloop into
bench/build/ if it is missing (never into the project), then for every run,
workload and server: starts the server pinned to one CPU, waits until its
port accepts, drives it with bench/loadgen pinned to another CPU, and stops
it.  Every measurement gets a freshly started server.  It prints medians and
ratio matrices computed from this invocation's measurements only.

Adding a server is one entry in SERVERS below.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SRV = BENCH / "servers"
BUILD = BENCH / "build"
LOGS = BUILD / "logs"
PYDEPS = BUILD / f"pydeps-py{sys.version_info[0]}{sys.version_info[1]}"
LOADGEN = BUILD / "loadgen"
PY = sys.executable
# The compiled build's rows (pynet_*_mypyc) run a venv of their own with pynet compiled
# (PYNET_MYPYC=1) from this checkout, built by the setup step (setup_compiled).
COMPILED_VENV = BUILD / "pynet-mypyc"
COMPILED_PY = COMPILED_VENV / "bin" / "python"
COMPILED_STAMP = COMPILED_VENV / "pynet-source.sha256"  # the sources it was built from

# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    name: str
    label: str
    kind: str  # "python" | "node" | "c"
    argv: list[str]  # "{port}" is replaced by the port number
    needs: tuple[str, ...] = ()  # Python modules that must import (else: skipped)
    install: tuple[str, ...] = ()  # PyPI packages the setup step may install into build/
    build: str = "pure"  # pynet rows: "compiled" runs COMPILED_PY with the compiled package
    # filled in at run time
    status: str = "ok"  # ok | skipped | error
    note: str = ""


def _py(script: str, *extra: str) -> list[str]:
    return [PY, str(SRV / script), "{port}", *extra]


def _compiled(script: str) -> list[str]:
    return [str(COMPILED_PY), str(SRV / script), "{port}"]


SERVERS: list[Server] = [
    Server("pynet_pipe", "pynet pipe()", "python", _py("pynet_pipe.py")),
    Server("pynet_data", "pynet 'data'+write", "python", _py("pynet_data.py")),
    Server("pynet_async", "pynet async for+write", "python", _py("pynet_async.py")),
    Server("pynet_pipe_mypyc", "pynet pipe(), compiled", "python", _compiled("pynet_pipe.py"),
           build="compiled"),
    Server("pynet_data_mypyc", "pynet 'data'+write, compiled", "python",
           _compiled("pynet_data.py"), build="compiled"),
    Server("pynet_async_mypyc", "pynet async for+write, compiled", "python",
           _compiled("pynet_async.py"), build="compiled"),
    Server("node_pipe", "Node net pipe()", "node", ["node", str(SRV / "node_net.js"), "{port}"]),
    Server(
        "node_data",
        "Node net 'data'+write",
        "node",
        ["node", str(SRV / "node_net.js"), "{port}", "data"],
    ),
    Server(
        "node_async",
        "Node net for await+write",
        "node",
        ["node", str(SRV / "node_net.js"), "{port}", "async"],
    ),
    Server("asyncio_protocol", "asyncio Protocol", "python", _py("asyncio_protocol.py")),
    Server("asyncio_streams", "asyncio Streams", "python", _py("asyncio_streams.py")),
    Server(
        "uvloop",
        "uvloop Protocol",
        "python",
        _py("uvloop_protocol.py"),
        needs=("uvloop",),
        install=("uvloop",),
    ),
    Server(
        "uvloop_streams",
        "uvloop Streams",
        "python",
        _py("uvloop_streams.py"),
        needs=("uvloop",),
        install=("uvloop",),
    ),
    Server("selectors", "bare selectors", "python", _py("selectors_echo.py")),
    Server("c_epoll", "C epoll (reference)", "c", [str(BUILD / "c_epoll"), "{port}"]),
]
BUSY_POLL = ("rr1_64", "idle")  # workloads whose client busy-polls (100% CPU by design)
OTHER_CPU_WARN = 25.0  # % of one CPU used by other processes that flags a measurement as disturbed
BASELINE = "asyncio_protocol"  # "each server vs asyncio Protocol"
PYNET = ("pynet_pipe", "pynet_data")  # "pynet vs each other server"
PYNET_COMPILED = ("pynet_pipe_mypyc", "pynet_data_mypyc")  # "compiled pynet vs each other server"

# --------------------------------------------------------------------------- workloads


@dataclass
class Metric:
    key: str
    label: str
    fmt: str
    higher_is_better: bool


@dataclass
class Workload:
    name: str
    title: str
    args: Callable[[argparse.Namespace], list[str]]
    metrics: list[Metric]
    ratio_metrics: list[str]  # keys used in the ratio matrices
    extract: Callable[[dict[str, Any]], dict[str, float]] = field(default=lambda j: {})


RPS = Metric("rps", "req/s", "{:,.0f}", True)
P50 = Metric("p50_us", "p50 us", "{:,.1f}", False)
P99 = Metric("p99_us", "p99 us", "{:,.1f}", False)


def _rr_extract(j: dict[str, Any]) -> dict[str, float]:
    return {k: float(j[k]) for k in ("rps", "p50_us", "p99_us", "p999_us") if k in j}


def _idle_extract(j: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    if "rss_per_conn_kb" in j:
        out["kib_per_conn"] = float(j["rss_per_conn_kb"])
    rr = j.get("rr") or {}
    for k in ("p50_us", "p99_us"):
        if k in rr:
            out[k] = float(rr[k])
    for k in ("idle_open", "open_secs", "rss_before_kb", "rss_idle_kb"):
        if k in j:
            out[k] = float(j[k])
    return out


def _timing(a: argparse.Namespace) -> list[str]:
    return ["-d", str(a.duration), "-w", str(a.warmup)]


WORKLOADS: list[Workload] = [
    Workload(
        "rr1_64",
        "request/response, 1 connection, 64 B (client busy-polls; latency)",
        lambda a: ["rr", "-c", "1", "-s", "64", "-b", *_timing(a)],
        [P50, P99, RPS],
        ["p50_us", "p99_us"],
        _rr_extract,
    ),
    Workload(
        "rr100_64",
        "request/response, 100 connections, 64 B",
        lambda a: ["rr", "-c", "100", "-s", "64", *_timing(a)],
        [RPS, P99],
        ["rps"],
        _rr_extract,
    ),
    Workload(
        "rr100_4k",
        "request/response, 100 connections, 4 KiB",
        lambda a: ["rr", "-c", "100", "-s", "4096", *_timing(a)],
        [RPS, P99],
        ["rps"],
        _rr_extract,
    ),
    Workload(
        "bulk",
        "bulk echo over 1 connection, every byte verified",
        lambda a: ["bulk", "-m", str(a.bulk_mib), "-d", str(a.bulk_timeout)],
        [Metric("mbps", "MB/s", "{:,.0f}", True)],
        ["mbps"],
        lambda j: {"mbps": float(j["mbps"]), "secs": float(j["secs"])} if "mbps" in j else {},
    ),
    Workload(
        "churn",
        "connection churn: connect, 16 B echo, close; 50 workers",
        lambda a: ["churn", "-W", "50", *_timing(a)],
        [Metric("cps", "conn/s", "{:,.0f}", True), P99],
        ["cps"],
        lambda j: {k: float(j[k]) for k in ("cps", "p50_us", "p99_us") if k in j},
    ),
    Workload(
        "idle",
        "idle connections held open; RSS per connection, and 1 active connection's latency (busy-poll)",
        lambda a: ["idle", "-k", str(a.idle), "-b", *_timing(a)],
        [Metric("kib_per_conn", "KiB/conn", "{:,.2f}", False), P50, P99],
        ["kib_per_conn", "p99_us"],
        _idle_extract,
    ),
]

# --------------------------------------------------------------------------- helpers


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def sh(cmd: list[str], **kw: Any) -> str:
    try:
        out: str = subprocess.run(cmd, capture_output=True, text=True, timeout=60, **kw).stdout
        return out.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def py_env(build: str = "pure") -> dict[str, str]:
    """The servers' environment: the checkout's pynet first for the pure rows (unless
    PYNET_TEST_INSTALLED=1), never for the compiled ones (their venv's installed package)."""
    env = dict(os.environ)
    parts = [str(ROOT), str(PYDEPS)]
    if build == "compiled" or os.environ.get("PYNET_TEST_INSTALLED") == "1":
        parts.remove(str(ROOT))
    if env.get("PYTHONPATH"):
        parts.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(parts)
    return env


def build() -> None:
    """gcc -O2 the load generator and the C server into bench/build/."""
    BUILD.mkdir(parents=True, exist_ok=True)
    cc = os.environ.get("CC", "gcc")
    for src, out in ((BENCH / "loadgen.c", LOADGEN), (SRV / "c_epoll.c", BUILD / "c_epoll")):
        if out.exists() and out.stat().st_mtime >= src.stat().st_mtime:
            continue
        log(f"build: {cc} -O2 {src.relative_to(ROOT)} -> {out.relative_to(ROOT)}")
        subprocess.run([cc, "-O2", "-Wall", "-o", str(out), str(src)], check=True)


def can_import(module: str) -> bool:
    r = subprocess.run([PY, "-c", f"import {module}"], env=py_env(), capture_output=True)
    return r.returncode == 0


def pip_install(packages: list[str]) -> subprocess.CompletedProcess[str]:
    """pip-install ``packages`` into bench/build/ (never into the project's venv)."""
    return subprocess.run(
        [PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--target", str(PYDEPS), *packages],
        capture_output=True,
        text=True,
    )


def setup_python_deps(servers: list[Server], allow_install: bool) -> None:
    """Install what a server row needs (uvloop) into bench/build/, or skip the row."""
    for s in servers:
        missing = [m for m in s.needs if not can_import(m)]
        if missing and allow_install and s.install:
            log(f"setup: pip install --target {PYDEPS.relative_to(ROOT)} {' '.join(s.install)}")
            r = pip_install(s.install)
            if r.returncode != 0:
                log(f"setup: pip failed: {(r.stderr or r.stdout).strip().splitlines()[-1:]}")
            missing = [m for m in s.needs if not can_import(m)]
        if missing:
            s.status = "skipped"
            s.note = f"{', '.join(missing)} not importable (could not be installed)"


def source_hash() -> str:
    """A digest of what the compiled build is made from (pynet/ and the build files)."""
    h = hashlib.sha256()
    files = sorted(ROOT.glob("pynet/**/*.py")) + [
        ROOT / n for n in ("setup.py", "setup.cfg", "pyproject.toml", "build_backend/pynet_build.py")
    ]
    for f in files:
        if f.exists():
            h.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def compiled_build_info() -> str:
    """'<version> compiled <path>' for the compiled venv's pynet, or why it is not usable."""
    code = ("import pynet._core.loop as m, pynet; print(pynet.__version__,"
            " 'compiled' if m.__file__.endswith('.so') else 'pure', pynet.__file__)")
    r = subprocess.run([str(COMPILED_PY), "-c", code], env=py_env("compiled"), cwd=str(SRV),
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else f"not importable: {r.stderr.strip()[-200:]}"


def setup_compiled(servers: list[Server], allow_install: bool) -> str:
    """Build pynet compiled (PYNET_MYPYC=1) from this checkout into bench/build/pynet-mypyc,
    again only when the sources changed; else skip the compiled rows, saying why.
    Returns what the compiled rows import (for the report)."""
    rows = [s for s in servers if s.build == "compiled" and s.status == "ok"]
    if not rows:
        return "not measured"

    def skip(why: str) -> str:
        log(f"setup: compiled rows skipped: {why}")
        for s in rows:
            s.status, s.note = "skipped", why
        return f"not measured ({why})"

    want = source_hash()
    fresh = COMPILED_PY.exists() and COMPILED_STAMP.exists() and COMPILED_STAMP.read_text() == want
    if not fresh:
        if not allow_install:
            return skip(f"no up-to-date compiled build in {COMPILED_VENV.relative_to(ROOT)} "
                        "and --no-install given")
        cc = os.environ.get("CC", "cc")
        if not (shutil.which(cc) or shutil.which("gcc")):
            return skip(f"no C compiler ({cc}, gcc) for mypyc: PYNET_MYPYC=1 needs one")
        log(f"setup: building pynet compiled (PYNET_MYPYC=1) into "
            f"{COMPILED_VENV.relative_to(ROOT)}: a few minutes, again only after a source change")
        t0 = time.monotonic()
        if not COMPILED_PY.exists():
            r = subprocess.run([PY, "-m", "venv", str(COMPILED_VENV)], capture_output=True,
                               text=True)
            if r.returncode != 0:
                return skip(f"python -m venv failed: {(r.stderr or r.stdout).strip()[-200:]}")
        COMPILED_STAMP.unlink(missing_ok=True)
        r = subprocess.run(
            [str(COMPILED_PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--force-reinstall", str(ROOT)],
            env=dict(os.environ, PYNET_MYPYC="1"), cwd=str(BUILD), capture_output=True, text=True)
        if r.returncode != 0:
            last = (r.stderr or r.stdout).strip().splitlines()[-3:]
            return skip(f"PYNET_MYPYC=1 pip install failed: {' | '.join(last)[-300:]}")
        log(f"setup: compiled build done in {time.monotonic() - t0:.0f} s")
    info = compiled_build_info()
    if " compiled " not in f" {info} " or str(ROOT / "pynet") in info:
        return skip(f"the venv's pynet is not the compiled package: {info}")
    if not fresh:
        COMPILED_STAMP.write_text(want)
    return info


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_plan(arg: str | None) -> tuple[int | None, int | None, str]:
    try:
        avail = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return None, None, "CPU pinning unavailable on this platform: not pinned"
    if arg:
        s, c = (int(x) for x in arg.split(","))
        return s, c, f"server on CPU {s}, load generator on CPU {c} (--cpus)"
    if len(avail) < 2:
        return (
            None,
            None,
            f"only {len(avail)} CPU available: server and load generator NOT pinned (share a core)",
        )
    return avail[0], avail[1], f"server on CPU {avail[0]}, load generator on CPU {avail[1]}"


def _preexec(cpu: int | None) -> Callable[[], None]:
    def f() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for run.py, which stops us

    return f


def proc_cpu_ns(pid: int) -> int | None:
    """CPU time of all the process's threads, in ns (/proc/PID/task/*/schedstat)."""
    total = 0
    try:
        for t in Path(f"/proc/{pid}/task").iterdir():
            total += int((t / "schedstat").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    return total


def cpu_busy_s() -> float | None:
    """Busy CPU seconds of the whole machine so far (all CPUs, /proc/stat)."""
    try:
        f = Path("/proc/stat").read_text().splitlines()[0].split()
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in f[1:9])
    except (OSError, ValueError):
        return None
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def tail(path: Path, n: int = 3) -> str:
    try:
        lines = [ln for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    return " | ".join(lines[-n:])


class Running:
    """A server process started for one measurement."""

    def __init__(self, srv: Server, cpu: int | None, tag: str):
        self.srv = srv
        self.port = free_port()
        LOGS.mkdir(parents=True, exist_ok=True)
        self.logpath = LOGS / f"{srv.name}.{tag}.log"
        self.logf = open(self.logpath, "wb")
        argv = [a.replace("{port}", str(self.port)) for a in srv.argv]
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=self.logf,
            stderr=subprocess.STDOUT,
            env=py_env(srv.build),
            cwd=str(ROOT),
            preexec_fn=_preexec(cpu),
        )

    def wait_ready(self, timeout: float) -> str | None:
        """None once the port accepts; else the reason it did not."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return f"exited with {self.proc.returncode} before listening: {tail(self.logpath) or 'no output'}"
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return None
            except OSError:
                time.sleep(0.02)
        return f"port {self.port} not accepting after {timeout:.0f} s: {tail(self.logpath) or 'no output'}"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=3)
        self.logf.close()


def run_loadgen(
    args: list[str], port: int, server_pid: int, cpu: int | None, timeout: float
) -> dict[str, Any]:
    """Run the load generator once; its JSON result plus client/server CPU use."""
    argv = [str(LOADGEN), *args, "-p", str(port)]
    if args[0] == "idle":
        argv += ["-P", str(server_pid)]
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    tk0 = proc_cpu_ns(server_pid)
    busy0 = cpu_busy_s()
    t0 = time.monotonic()
    try:
        r = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, preexec_fn=_preexec(cpu)
        )
    except subprocess.TimeoutExpired:
        return {"error": f"load generator timed out after {timeout:.0f} s"}
    wall = time.monotonic() - t0
    tk1 = proc_cpu_ns(server_pid)
    busy1 = cpu_busy_s()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = (r.stdout.strip().splitlines() or [""])[-1]
    try:
        res: dict[str, Any] = json.loads(line)
    except json.JSONDecodeError:
        return {
            "error": f"load generator exit {r.returncode}: {(r.stderr or r.stdout).strip()[-200:]}"
        }
    client_s = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    res["client_cpu_pct"] = round(100 * client_s / wall, 1)
    if tk0 is not None and tk1 is not None:
        server_s = (tk1 - tk0) / 1e9
        res["server_cpu_pct"] = round(100 * server_s / wall, 1)
        if busy0 is not None and busy1 is not None:
            # CPU used by anything else on the machine meanwhile (other users' tests, ...):
            # tick-based, so only a rough guide; large values mean a disturbed measurement
            res["other_cpu_pct"] = round(
                max(0.0, 100 * ((busy1 - busy0) - client_s - server_s) / wall), 1
            )
    res["wall_s"] = round(wall, 3)
    return res


def problems(res: dict[str, Any]) -> str | None:
    if "error" in res:
        return str(res["error"])
    bad = []
    for src in (res, res.get("rr") or {}):
        if src.get("mismatches"):
            bad.append(f"{src['mismatches']} echo mismatches")
        if src.get("errors"):
            bad.append(f"{src['errors']} connection errors")
    if res.get("mode") == "bulk" and not res.get("verified"):
        bad.append("payload not verified")
    return "; ".join(bad) or None


# --------------------------------------------------------------------------- machine info


def machine_info(cpu_note: str, compiled: str = "not measured") -> dict[str, Any]:
    model = ""
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                model = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def pyver(mod: str) -> str:
        code = (
            f"import importlib.metadata as m\ntry: print(m.version({mod!r}))\n"
            f"except Exception as e: print('not installed')"
        )
        return sh([PY, "-c", code], env=py_env()) or "unknown"

    gcc = sh([os.environ.get("CC", "gcc"), "--version"]).splitlines()
    pynet_ver = pyver("pynet-node")  # the distribution's name (setup.cfg)
    # Which pynet the servers import, and which build (PYNET_MYPYC=1 compiles the loop to a .so).
    where = sh([PY, "-c", "import pynet._core.loop as m, pynet; print(pynet.__version__,"
                " 'compiled' if m.__file__.endswith('.so') else 'pure', pynet.__file__)"],
               env=py_env(), cwd=str(SRV))
    return {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "cpu_model": model or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "cpus_available": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else None,
        "pinning": cpu_note,
        "kernel": platform.release(),
        "python": platform.python_version() + f" ({PY})",
        "node": sh(["node", "--version"]) or "not found",
        "pyee": pyver("pyee"),
        "uvloop": pyver("uvloop"),
        "pynet": pynet_ver if pynet_ver != "not installed" else "source tree (not installed)",
        "pynet_build": where or "not importable",
        "pynet_build_compiled": compiled,  # what the pynet_*_mypyc rows import
        "gcc": gcc[0] if gcc else "not found",
        "rlimit_nofile": list(resource.getrlimit(resource.RLIMIT_NOFILE)),
        "loadavg_at_start": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }


# --------------------------------------------------------------------------- report


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def betterness(m: str, a: float | None, b: float | None, hib: bool) -> float | None:
    """How many times better a is than b (>1: a better), for metric direction hib."""
    if a is None or b is None:
        return None
    if hib:
        return a / b if b > 0 else None
    # latency/memory: a zero or negative value (the C server's ~0 KiB per idle
    # connection, an RSS that shrank) makes a ratio meaningless
    return b / a if a > 0 and b > 0 else None


def fmt_ratio(r: float | None) -> str:
    if r is None:
        return "-"
    return f"{r:.2f}x" if r < 100 else f"{r:.0f}x"


def table(headers: list[str], rows: list[list[str]], first_left: bool = True) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    out = []

    def line(cells: list[str]) -> str:
        parts = []
        for i, c in enumerate(cells):
            parts.append(c.ljust(widths[i]) if (i == 0 and first_left) else c.rjust(widths[i]))
        return "  ".join(parts).rstrip()

    out.append(line(headers))
    out.append("  ".join("-" * w for w in widths))
    out.extend(line(r) for r in rows)
    return "\n".join(out)


def metric_index() -> dict[tuple[str, str], Metric]:
    return {(w.name, m.key): m for w in WORKLOADS for m in w.metrics}


def summarize(
    results: dict[str, dict[str, dict[str, Any]]], servers: list[Server], workloads: list[Workload]
) -> dict[str, dict[str, dict[str, float]]]:
    med: dict[str, dict[str, dict[str, float]]] = {}
    for s in servers:
        for w in workloads:
            cell = results.get(s.name, {}).get(w.name)
            if not cell or not cell["runs"]:
                continue
            keys = {k for run in cell["runs"] for k in run["metrics"]}
            m = {}
            for k in sorted(keys):
                v = median([run["metrics"][k] for run in cell["runs"] if k in run["metrics"]])
                if v is not None:
                    m[k] = v
            for k in ("client_cpu_pct", "server_cpu_pct", "other_cpu_pct"):
                v = median([run[k] for run in cell["runs"] if k in run])
                if v is not None:
                    m[k] = v
            cell["median"] = m
            med.setdefault(s.name, {})[w.name] = m
    return med


def ratio_matrix(
    med: dict[str, dict[str, dict[str, float]]],
    pairs: list[tuple[str, str]],
    workloads: list[Workload],
) -> dict[str, dict[str, float | None]]:
    mi = metric_index()
    out: dict[str, dict[str, float | None]] = {}
    for a, b in pairs:
        row: dict[str, float | None] = {}
        for w in workloads:
            for k in w.ratio_metrics:
                mt = mi[(w.name, k)]
                va = med.get(a, {}).get(w.name, {}).get(k)
                vb = med.get(b, {}).get(w.name, {}).get(k)
                row[f"{w.name}:{k}"] = betterness(k, va, vb, mt.higher_is_better)
        out[f"{a}/{b}"] = row
    return out


def ratio_columns(workloads: list[Workload]) -> list[tuple[str, str]]:
    mi = metric_index()
    cols = []
    for w in workloads:
        for k in w.ratio_metrics:
            cols.append((f"{w.name}:{k}", f"{w.name} {mi[(w.name, k)].label}"))
    return cols


def render(report: dict[str, Any], servers: list[Server], workloads: list[Workload]) -> str:
    med = report["medians"]
    mach = report["machine"]
    cfg = report["config"]
    lines = []
    lines.append("pynet echo benchmark")
    lines.append(f"  machine : {mach['cpu_model']}, {mach['cores']} cores, kernel {mach['kernel']}")
    lines.append(
        f"  software: Python {mach['python'].split()[0]}, Node {mach['node']}, pyee {mach['pyee']}, "
        f"uvloop {mach['uvloop']}, pynet {mach.get('pynet_build', mach['pynet'])}"
    )
    if mach.get("pynet_build_compiled", "not measured") != "not measured":
        lines.append(f"  compiled: the *_mypyc rows import pynet {mach['pynet_build_compiled']}")
    lines.append(
        f"  pinning : {mach['pinning']}; load average at start {mach.get('loadavg_at_start', '?')}"
    )
    lines.append(
        f"  config  : {cfg['runs']} run(s) x {cfg['duration']} s (+{cfg['warmup']} s warm-up) per "
        f"measurement; bulk {cfg['bulk_mib']} MiB; idle {cfg['idle']} conns; "
        f"{'QUICK smoke mode' if cfg['quick'] else 'full mode'}; medians over runs"
    )
    lines.append("")
    for w in workloads:
        lines.append(f"  {w.name:9s} {w.title}")
    lines.append("")

    # medians table
    headers = ["server"]
    cols: list[tuple[Workload, Metric]] = []
    for w in workloads:
        for m in w.metrics:
            headers.append(f"{w.name} {m.label}")
            cols.append((w, m))
    rows = []
    notes = []
    for s in servers:
        if s.status != "ok" and s.name not in med:
            rows.append([s.name] + ["-"] * len(cols))
            notes.append(f"  {s.name}: {s.status.upper()}: {s.note}")
            continue
        row = [s.name]
        for w, m in cols:
            cell = report["results"].get(s.name, {}).get(w.name)
            v = med.get(s.name, {}).get(w.name, {}).get(m.key)
            txt = (
                m.fmt.format(v)
                if v is not None
                else ("ERR" if cell and cell.get("errors") else "-")
            )
            if cell and cell.get("errors") and v is not None:
                txt += "!"
            row.append(txt)
        rows.append(row)
        if s.status != "ok":
            notes.append(f"  {s.name}: {s.status.upper()}: {s.note}")
    lines.append("Medians (req/s, MB/s, conn/s: higher is better; us, KiB/conn: lower is better)")
    lines.append(table(headers, rows))
    if notes:
        lines.append("")
        lines.extend(notes)
    errs: list[str] = []
    for s in servers:
        for w in workloads:
            cell = report["results"].get(s.name, {}).get(w.name)
            if cell and cell.get("errors"):
                errs.extend(f"  {s.name}/{w.name}: {e}" for e in cell["errors"])
    if errs:
        lines.append("Measurement problems ('!' or ERR above):")
        lines.extend(errs[:40])
    lines.append("")

    # who was saturated: the load generator (client) or the server?
    tw = [w for w in workloads if w.name not in BUSY_POLL]
    if tw:
        rows = []
        for s in servers:
            if s.name not in med:
                continue
            row = [s.name]
            for w in tw:
                m = med[s.name].get(w.name, {})
                c, v, o = m.get("client_cpu_pct"), m.get("server_cpu_pct"), m.get("other_cpu_pct")
                cell = f"{c:.0f}/{v:.0f}" if c is not None and v is not None else "-"
                row.append(cell + (f"/{o:.0f}" if o is not None and cell != "-" else ""))
            rows.append(row)
        lines.append(
            "CPU use in % of one CPU, load generator / server / other processes (medians; a load "
            "generator near 100 means that row is client-bound; 'other' well above 0 means a shared, "
            "disturbed machine)"
        )
        lines.append(table(["server"] + [w.name for w in tw], rows))
        lines.append("")

    # ratio matrices
    rcols = ratio_columns(workloads)
    legend = (
        "ratio = how many times better the first server is (throughput a/b; latency and memory b/a); "
        ">1 means the first server is better"
    )
    for title, key in (
        ("pynet vs each other server", "pynet_vs"),
        ("compiled pynet vs each other server", "compiled_vs"),
        (f"each server vs {BASELINE}", "vs_baseline"),
    ):
        mat = report["ratios"].get(key) or {}
        if key == "compiled_vs" and not mat and key + "_note" not in report["ratios"]:
            continue  # no compiled rows asked for
        if not mat:
            why = report["ratios"].get(key + "_note", "not available")
            lines.append(f"Ratios, {title}: {why}")
            lines.append("")
            continue
        lines.append(f"Ratios, {title} ({legend})")
        rows = [[pair] + [fmt_ratio(r.get(c)) for c, _ in rcols] for pair, r in mat.items()]
        lines.append(table(["a/b"] + [lbl for _, lbl in rcols], rows))
        lines.append("")

    # checks
    lines.append("Checks")
    lines.extend("  " + c for c in report["checks"])
    lines.append("")
    lines.append(
        f"total wall time: {report['timing']['total_s']:.0f} s "
        f"(build+setup {report['timing']['setup_s']:.0f} s)"
    )
    return "\n".join(lines)


def checks(
    med: dict[str, dict[str, dict[str, float]]],
    servers: list[Server],
    workloads: list[Workload],
    results: dict[str, Any],
) -> list[str]:
    out = []
    py = [s.name for s in servers if s.kind == "python" and s.name in med]
    mi = metric_index()
    if "c_epoll" in med and py:
        for w in workloads:
            for k in w.ratio_metrics:
                mt = mi[(w.name, k)]
                if not mt.higher_is_better or w.name == "idle":
                    continue
                c = med["c_epoll"].get(w.name, {}).get(k)
                vals = [(med[p].get(w.name, {}).get(k), p) for p in py]
                vals = [(v, p) for v, p in vals if v is not None]
                if c is None or not vals:
                    continue
                best, who = max(vals)
                r = c / best if best else float("inf")
                verdict = "ok" if r >= 1.3 else "WARN: C reference not well above Python"
                if r < 1.3:
                    cm = med["c_epoll"].get(w.name, {})
                    if cm.get("client_cpu_pct", 0) >= 90:
                        verdict += f"; the c_epoll row is client-bound (load generator {cm['client_cpu_pct']:.0f}%)"
                    if cm.get("other_cpu_pct", 0) >= OTHER_CPU_WARN:
                        verdict += f"; disturbed (other processes {cm['other_cpu_pct']:.0f}%)"
                out.append(
                    f"C vs best Python server, {w.name} {mt.label}: c_epoll {mt.fmt.format(c)} vs "
                    f"{who} {mt.fmt.format(best)} = {r:.2f}x  [{verdict}]"
                )
    else:
        out.append("C reference vs Python servers: not measured (need c_epoll and a Python server)")
    # load generator saturation: a run whose client used >= 90% of its CPU may be client-bound
    hot = []
    for s in servers:
        for w in workloads:
            if w.name in BUSY_POLL:
                continue  # these busy-poll on purpose
            m = med.get(s.name, {}).get(w.name, {})
            if m.get("client_cpu_pct", 0) >= 90:
                hot.append(
                    f"{s.name}/{w.name} ({m['client_cpu_pct']:.0f}%, server {m.get('server_cpu_pct', 0):.0f}%)"
                )
    noisy = []
    for s in servers:
        for w in workloads:
            for run in results.get(s.name, {}).get(w.name, {}).get("runs", []):
                o = run.get("raw", {}).get("other_cpu_pct")
                if o is not None and o >= OTHER_CPU_WARN:
                    noisy.append(o)
    total = sum(len(c.get("runs", [])) for sv in results.values() for c in sv.values())
    if noisy:
        out.append(
            f"WARN: other processes used >= {OTHER_CPU_WARN:.0f}% of a CPU during {len(noisy)} of {total} "
            f"measurements (max {max(noisy):.0f}%): this machine was shared, numbers are disturbed"
        )
    else:
        out.append(
            f"no other process used >= {OTHER_CPU_WARN:.0f}% of a CPU during any measurement"
        )
    if hot:
        out.append("load generator at >=90% CPU (results may be client-bound): " + ", ".join(hot))
    else:
        out.append(
            "load generator below 90% CPU in every throughput measurement (not the bottleneck)"
        )
    return out


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--quick", action="store_true", help="CI smoke test: 1 run, short, smaller sizes"
    )
    p.add_argument("--servers", help="comma-separated subset: " + ",".join(s.name for s in SERVERS))
    p.add_argument(
        "--workloads", help="comma-separated subset: " + ",".join(w.name for w in WORKLOADS)
    )
    p.add_argument("--runs", type=int, help="runs per measurement (default 3; quick 1)")
    p.add_argument("--duration", type=float, help="seconds per measurement (default 2; quick 0.5)")
    p.add_argument(
        "--warmup", type=float, help="warm-up seconds, not measured (default 0.3; quick 0.1)"
    )
    p.add_argument("--bulk-mib", type=float, help="MiB for bulk (default 512; quick 32)")
    p.add_argument("--idle", type=int, help="idle connections (default 10000; quick 1000)")
    p.add_argument("--json", metavar="FILE", help="write full results as JSON")
    p.add_argument("--cpus", metavar="S,C", help="pin server to CPU S, load generator to CPU C")
    p.add_argument(
        "--no-install", action="store_true", help="never pip-install uvloop into bench/build/"
    )
    p.add_argument(
        "--no-compiled",
        action="store_true",
        help="leave out the compiled build's rows (pynet_*_mypyc); --quick leaves them out "
        "unless --servers names them",
    )
    p.add_argument("--list", action="store_true", help="list servers and workloads and exit")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if any server failed to start or any measurement had a problem "
        "(echo mismatch, connection errors, server died); skipped rows do not count",
    )
    a = p.parse_args(argv)
    q = a.quick
    a.runs = a.runs or (1 if q else 3)
    a.duration = a.duration or (0.5 if q else 2.0)
    a.warmup = a.warmup if a.warmup is not None else (0.1 if q else 0.3)
    a.bulk_mib = a.bulk_mib or (32 if q else 512)
    a.idle = a.idle if a.idle is not None else (1000 if q else 10000)
    a.bulk_timeout = 30 if q else 120
    return a


def select(names: str | None, items: list[Any], what: str) -> list[Any]:
    if not names:
        return list(items)
    by = {i.name: i for i in items}
    unknown = [n for n in names.split(",") if n not in by]
    if unknown:
        sys.exit(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(by)})")
    return [by[n] for n in names.split(",")]


def choose_servers(a: argparse.Namespace) -> list[Server]:
    """--servers (default: all), less the compiled build's rows with --no-compiled, and with
    --quick unless --servers names them: the build takes minutes, the CI smoke run does without."""
    servers = select(a.servers, SERVERS, "server")
    if a.no_compiled or (a.quick and not a.servers):
        servers = [s for s in servers if s.build != "compiled"]
    return servers


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    if a.list:
        for s in SERVERS:
            print(f"server   {s.name:18s} {s.label}")
        for w in WORKLOADS:
            print(f"workload {w.name:18s} {w.title}")
        return 0
    servers = choose_servers(a)
    workloads = select(a.workloads, WORKLOADS, "workload")
    t_start = time.monotonic()

    if not sys.platform.startswith("linux"):
        sys.exit("bench/run.py needs Linux (epoll, /proc, sched_setaffinity)")
    build()
    if any(s.kind == "node" for s in servers) and not shutil.which("node"):
        for s in servers:
            if s.kind == "node":
                s.status, s.note = "skipped", "node not found on PATH"
    setup_python_deps(servers, allow_install=not a.no_install)
    compiled_info = setup_compiled(servers, allow_install=not a.no_install)

    scpu, ccpu, cpu_note = cpu_plan(a.cpus)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if a.idle + 200 > hard and any(w.name == "idle" for w in workloads):
        log(f"note: RLIMIT_NOFILE hard limit {hard} < idle {a.idle} + 200; idle lowered")
        a.idle = max(0, hard - 200)
    mach = machine_info(cpu_note, compiled_info)
    if ccpu is not None:
        os.sched_setaffinity(0, {ccpu})  # keep this script off the server's CPU
    setup_s = time.monotonic() - t_start

    results: dict[str, dict[str, dict[str, Any]]] = {}
    active = [s for s in servers if s.status == "ok"]
    n_meas = a.runs * len(workloads) * len(active)
    i = 0
    log(f"{cpu_note}; {n_meas} measurements")
    for run in range(a.runs):
        order = active[run % len(active) :] + active[: run % len(active)] if active else []
        for w in workloads:
            for s in order:
                if s.status != "ok":
                    continue
                i += 1
                srv = Running(s, scpu, f"{w.name}.{run}")
                try:
                    why = srv.wait_ready(timeout=20)
                except BaseException:
                    srv.stop()
                    raise
                if why:
                    srv.stop()
                    s.status, s.note = "error", f"failed to start: {why}"
                    log(f"[{i}/{n_meas}] {s.name}: {s.note}")
                    continue
                cell = results.setdefault(s.name, {}).setdefault(w.name, {"runs": [], "errors": []})
                timeout = a.duration + a.warmup + (a.bulk_timeout if w.name == "bulk" else 60) + 30
                try:
                    res = run_loadgen(w.args(a), srv.port, srv.proc.pid, ccpu, timeout)
                    died = not srv.alive()
                finally:
                    srv.stop()  # also on Ctrl-C: never leave a server behind
                prob = problems(res)
                if died:
                    prob = (
                        prob + "; " if prob else ""
                    ) + f"server died: {tail(srv.logpath) or 'no output'}"
                metrics = w.extract(res) if "error" not in res else {}
                if prob:
                    cell["errors"].append(f"run {run + 1}: {prob}")
                if metrics:
                    entry: dict[str, Any] = {"run": run + 1, "metrics": metrics, "raw": res}
                    for k in ("client_cpu_pct", "server_cpu_pct", "other_cpu_pct"):
                        if k in res:
                            entry[k] = res[k]
                    cell["runs"].append(entry)
                shown = ", ".join(
                    f"{k}={v:,.1f}" for k, v in metrics.items() if k in {m.key for m in w.metrics}
                )
                log(
                    f"[{i}/{n_meas}] run {run + 1} {w.name:8s} {s.name:16s} {shown or '-'}"
                    f"{'  PROBLEM: ' + prob if prob else ''}"
                    f"  (CPU: client {res.get('client_cpu_pct', '?')}%, server {res.get('server_cpu_pct', '?')}%,"
                    f" others {res.get('other_cpu_pct', '?')}%)"
                )

    med = summarize(results, servers, workloads)
    ratios: dict[str, Any] = {}
    present = [s.name for s in servers if s.name in med]
    pyn = [p for p in PYNET if p in med]
    if pyn:
        ratios["pynet_vs"] = ratio_matrix(
            med, [(p, o) for p in pyn for o in present if o != p], workloads
        )
    else:
        ratios["pynet_vs_note"] = "no pynet results in this run" + "".join(
            f" ({s.name}: {s.status}: {s.note})" for s in servers if s.name in PYNET and s.note
        )
    pync = [p for p in PYNET_COMPILED if p in med]
    if pync:
        ratios["compiled_vs"] = ratio_matrix(
            med, [(p, o) for p in pync for o in present if o != p], workloads
        )
    elif any(s.name in PYNET_COMPILED for s in servers):
        ratios["compiled_vs_note"] = "no compiled pynet results in this run" + "".join(
            f" ({s.name}: {s.status}: {s.note})"
            for s in servers
            if s.name in PYNET_COMPILED and s.note
        )
    if BASELINE in med:
        ratios["vs_baseline"] = ratio_matrix(
            med, [(o, BASELINE) for o in present if o != BASELINE], workloads
        )
    else:
        ratios["vs_baseline_note"] = f"{BASELINE} has no results in this run"
    report = {
        "machine": mach,
        "config": {
            k: getattr(a, k) for k in ("quick", "runs", "duration", "warmup", "bulk_mib", "idle")
        }
        | {"servers": [s.name for s in servers], "workloads": [w.name for w in workloads]},
        "servers": {
            s.name: {"label": s.label, "kind": s.kind, "status": s.status, "note": s.note}
            for s in servers
        },
        "results": results,
        "medians": med,
        "ratios": ratios,
        "checks": checks(med, servers, workloads, results),
        "timing": {"total_s": time.monotonic() - t_start, "setup_s": setup_s},
    }
    print(render(report, servers, workloads))
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=1) + "\n")
        log(f"wrote {a.json}")
    failed = [s.name for s in servers if s.status == "error"] + [
        f"{sn}/{wn}" for sn, cells in results.items() for wn, c in cells.items() if c.get("errors")
    ]
    if a.strict and failed:
        log(f"--strict: problems in {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("interrupted (the server and load generator that were running have been stopped)")
        sys.exit(130)
