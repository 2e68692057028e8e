"""Cost of ``emit`` on pynet.events.EventEmitter next to plain pyee.

Usage: ``python bench/emit.py`` (about 15 s) or ``python bench/emit.py --quick``
(about 1 s, a smoke run: it never fails on speed).

Every case is timed with :mod:`timeit`; the rounds are interleaved (one
measurement of each case per round) so that load from other processes hits
all cases alike.  The table shows the best and the median µs per operation
and the pynet/pyee ratio of the bests.  The full run exits with status 1 if
pynet's one-listener emit is more than 10% slower than pyee's.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import sys
import timeit
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyee

from pynet.events import EventEmitter

CHUNK = b"x" * 64


def one(data: bytes) -> None:
    pass


def none() -> None:
    pass


def make_namespace() -> dict[str, Any]:
    """Emitters for every case, in one namespace for timeit."""
    ns: dict[str, Any] = {"one": one, "CHUNK": CHUNK}
    for name, cls in (("pyee", pyee.EventEmitter), ("pynet", EventEmitter)):
        e0 = cls()
        e1 = cls()
        e1.on("data", one)
        e3 = cls()
        for _ in range(3):
            e3.on("data", lambda data: None)
        ns[f"{name}0"], ns[f"{name}1"], ns[f"{name}3"] = e0, e1, e3
    fewer = EventEmitter()
    fewer.on("data", none)
    ns["pynet_fewer"] = fewer
    reg_pyee, reg_pynet = pyee.EventEmitter(), EventEmitter()
    ns["reg_pyee"], ns["reg_pynet"] = reg_pyee, reg_pynet
    return ns


# (label, pyee statement or None, pynet statement or None)
CASES: list[tuple[str, str | None, str | None]] = [
    ("bare function call f(chunk)", "one(CHUNK)", None),
    ("emit, 0 listeners", 'pyee0.emit("data", CHUNK)', 'pynet0.emit("data", CHUNK)'),
    ("emit, 1 listener (arity exact)", 'pyee1.emit("data", CHUNK)', 'pynet1.emit("data", CHUNK)'),
    ("emit, 1 listener taking no args", None, 'pynet_fewer.emit("data", CHUNK)'),
    ("emit, 3 listeners", 'pyee3.emit("data", CHUNK)', 'pynet3.emit("data", CHUNK)'),
    ("on + remove (registration)", 'reg_pyee.on("x", one); reg_pyee.remove_listener("x", one)',
     'reg_pynet.on("x", one); reg_pynet.off("x", one)'),
]


def calibrate(timer: timeit.Timer, target: float) -> int:
    """How many loops make one measurement last about ``target`` seconds."""
    number = 1000
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= target / 10 or number >= 10**8:
            return max(1, int(number * target / max(elapsed, 1e-9)))
        number *= 10


def run(rounds: int, target: float) -> dict[str, list[float]]:
    ns = make_namespace()
    timers: dict[str, tuple[timeit.Timer, int]] = {}
    for label, pyee_stmt, pynet_stmt in CASES:
        for side, stmt in (("pyee", pyee_stmt), ("pynet", pynet_stmt)):
            if stmt is not None:
                timer = timeit.Timer(stmt, globals=ns)
                timers[f"{side}:{label}"] = (timer, calibrate(timer, target))
    results: dict[str, list[float]] = {key: [] for key in timers}
    for _ in range(rounds):
        for key, (timer, number) in timers.items():
            results[key].append(timer.timeit(number) / number * 1e6)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a ~1 s smoke run; never fails")
    options = parser.parse_args()
    rounds, target = (3, 0.01) if options.quick else (25, 0.05)
    results = run(rounds, target)

    def cell(key: str) -> tuple[str, float | None]:
        if key not in results:
            return f"{'-':>17}", None
        values = results[key]
        return f"{min(values):7.3f} / {statistics.median(values):7.3f}", min(values)

    print(f"Python {sys.version.split()[0]}, pyee {importlib.metadata.version('pyee')}; "
          f"{rounds} rounds; µs per operation, best / median")
    print(f"{'case':34} {'pyee':>17} {'pynet':>17} {'pynet/pyee':>10}")
    for label, _, _ in CASES:
        pyee_text, pyee_best = cell(f"pyee:{label}")
        pynet_text, pynet_best = cell(f"pynet:{label}")
        ratio = f"{pynet_best / pyee_best:10.2f}" if pyee_best and pynet_best else f"{'':10}"
        print(f"{label:34} {pyee_text} {pynet_text} {ratio}")

    key = "emit, 1 listener (arity exact)"
    slowdown = min(results[f"pynet:{key}"]) / min(results[f"pyee:{key}"])
    if not options.quick and slowdown > 1.10:
        print(f"FAIL: pynet's 1-listener emit is {slowdown:.2f}x pyee's (limit 1.10x)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
