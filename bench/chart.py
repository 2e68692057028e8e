#!/usr/bin/env python3
"""Turn bench/run.py's JSON into a PNG bar chart of ratios.

    python bench/run.py --json out.json
    python bench/chart.py out.json [-o out.png] [--no-install]

Uses matplotlib if it imports.  If it does not, the chart step installs it
into bench/build/ (not into the project, never as a pynet dependency); if
that fails too, it prints a note and exits 0 without a chart.

Bars are "how many times better" (higher is better for every bar: throughput
a/b, latency and memory b/a), on a log scale, one group per workload metric:
  top:    each server vs asyncio Protocol
  below:  each pynet variant vs each other server (only when pynet produced results):
          the pure build's rows, then the compiled build's (pynet_*_mypyc) when measured
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from run import PYDEPS, pip_install  # bench/run.py: one place installs bench-only deps


def load_matplotlib(allow_install: bool):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(PYDEPS))
    try:
        import matplotlib
    except ImportError:
        if not allow_install:
            return None
        print(f"chart: installing matplotlib into {PYDEPS} (bench only)", file=sys.stderr)
        r = pip_install(["matplotlib"])
        if r.returncode != 0:
            print(f"chart: pip failed: {(r.stderr or r.stdout).strip()[-300:]}", file=sys.stderr)
            return None
        import importlib

        importlib.invalidate_caches()
        try:
            import matplotlib
        except ImportError:
            return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def panel(ax, matrix: dict[str, dict[str, float | None]], title: str) -> None:  # type: ignore[no-untyped-def]
    pairs = list(matrix)
    cols = list(next(iter(matrix.values())).keys()) if matrix else []
    n = len(pairs)
    width = 0.8 / max(n, 1)
    for i, pair in enumerate(pairs):
        xs, ys = [], []
        for j, c in enumerate(cols):
            v = matrix[pair].get(c)
            if v is None or v <= 0:
                continue
            xs.append(j - 0.4 + width * (i + 0.5))
            ys.append(v)
        ax.bar(xs, ys, width, label=pair)
        for x, y in zip(xs, ys, strict=True):
            ax.text(x, y, f"{y:.2g}", ha="center", va="bottom", fontsize=6, rotation=90)
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([c.replace(":", "\n") for c in cols], fontsize=8)
    ax.set_ylabel("times better (log)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.16))
    ax.grid(axis="y", which="both", alpha=0.3)


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("json", help="file written by bench/run.py --json")
    p.add_argument("-o", "--output", help="PNG path (default: the JSON path with .png)")
    p.add_argument("--no-install", action="store_true", help="never pip-install matplotlib")
    a = p.parse_args()
    report = json.loads(Path(a.json).read_text())
    out = Path(a.output) if a.output else Path(a.json).with_suffix(".png")
    ratios = report.get("ratios", {})
    panels = []
    if ratios.get("vs_baseline"):
        panels.append(
            (ratios["vs_baseline"], "each server vs asyncio Protocol (>1: the server is better)")
        )
    # the pure build's rows (pynet_vs), then the compiled build's (compiled_vs), if measured
    pynet_vs = (ratios.get("pynet_vs") or {}) | (ratios.get("compiled_vs") or {})
    variants = list(dict.fromkeys(pair.split("/")[0] for pair in pynet_vs))  # run.py's order
    for i, v in enumerate(variants):
        # one panel per pynet variant; skip the inverse of a pynet-vs-pynet pair already shown
        rows = {
            pair: r
            for pair, r in pynet_vs.items()
            if pair.split("/")[0] == v and pair.split("/")[1] not in variants[:i]
        }
        if rows:
            panels.append((rows, f"{v} vs each other server (>1: {v} is better)"))
    if not panels:
        print("chart: no ratios in this JSON (asyncio_protocol and pynet both missing); no chart")
        return 0
    plt = load_matplotlib(not a.no_install)
    if plt is None:
        print(
            "chart: matplotlib is not available; no chart written (the table from run.py has the same ratios)"
        )
        return 0
    fig, axes = plt.subplots(len(panels), 1, figsize=(12, 5.2 * len(panels)), squeeze=False)
    for ax, (matrix, title) in zip(axes[:, 0], panels, strict=True):
        panel(ax, matrix, title)
    m = report.get("machine", {})
    c = report.get("config", {})
    fig.suptitle(
        f"pynet echo benchmark - {m.get('cpu_model', '?')}, {m.get('cores', '?')} cores, Python "
        f"{str(m.get('python', '?')).split()[0]}, Node {m.get('node', '?')} - {c.get('runs', '?')} run(s) x "
        f"{c.get('duration', '?')} s{' (quick)' if c.get('quick') else ''}",
        fontsize=10,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.98))
    fig.savefig(out, dpi=110)
    print(f"chart: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
