"""Server CPU time per request, connection or MB, from a ``bench/run.py --json`` file.

    python bench/cpu_per_unit.py out.json [--vs uvloop]

On a shared machine, or where the load generator is the ceiling, throughput says
more about the neighbours than about the server; the server's own CPU time per
unit of work (from ``/proc``, which run.py records per measurement as
``server_cpu_pct``) is steadier.  For each workload and server this prints the
median over the runs of ``server CPU seconds / units done`` (µs per request for
rr, per connection for churn, per MB for bulk), its range, and the ratio
``other server's / this server's`` against ``--vs`` (> 1: this server spends
less CPU per unit than the other).  Workloads whose client busy-polls (rr1, idle)
and the idle test's memory are left out.

The CPU share covers the measurement's whole wall time (warm-up included) and
the units only the measured window, so the figures are a few percent high, the
same way for every server.
"""

from __future__ import annotations

import argparse
import json
import statistics
from typing import Any

_UNITS = {"rps": "µs/request", "cps": "µs/connection", "mbps": "µs/MB"}


def per_unit(results: dict[str, Any]) -> dict[tuple[str, str], tuple[list[float], str]]:
    """(workload, server) -> (µs of server CPU per unit, one per run), unit."""
    out: dict[tuple[str, str], tuple[list[float], str]] = {}
    for server, workloads in results.items():
        for workload, data in workloads.items():
            values: list[float] = []
            unit = ""
            for run in data.get("runs", []):
                metrics = run.get("metrics", {})
                key = next((k for k in _UNITS if metrics.get(k)), None)
                cpu = run.get("server_cpu_pct")
                if key is None or cpu is None:
                    continue
                unit = _UNITS[key]
                values.append(cpu * 1e4 / metrics[key])  # % of a CPU -> µs per unit
            if values:
                out[(workload, server)] = (values, unit)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("json")
    parser.add_argument("--vs", default="uvloop", help="the server the ratios compare with")
    args = parser.parse_args()
    with open(args.json) as f:
        report = json.load(f)
    table = per_unit(report["results"])
    print(f"{'workload':10} {'server':18} {'median':>10} {'range':>19}  unit            vs {args.vs}")
    for (workload, server), (values, unit) in sorted(table.items()):
        med = statistics.median(values)
        ref = table.get((workload, args.vs))
        ratio = f"{statistics.median(ref[0]) / med:.2f}x" if ref else "-"
        span = f"{min(values):.2f}-{max(values):.2f}"
        print(f"{workload:10} {server:18} {med:10.2f} {span:>19}  {unit:15} {ratio}")


if __name__ == "__main__":
    main()
