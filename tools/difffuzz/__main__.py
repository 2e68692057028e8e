"""Run the differential fuzzer: ``python -m tools.difffuzz [--seeds A:B] [--keep DIR]``.

Prints one line per diverging program (with both traces) and a summary:
how many programs ran, how many were unstable under node itself, how many
diverged.  Exits 1 when any program diverged.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from tools.difffuzz.core import fuzz, generate, render_js, render_py


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", default="0:200", help="range of seeds, A:B (default 0:200)")
    parser.add_argument("--keep", type=Path, help="write the programs into this directory")
    parser.add_argument("--show", type=int, help="print the JS and Python programs of one seed")
    args = parser.parse_args()
    if args.show is not None:
        program = generate(args.show)
        print(render_js(program))
        print("# " + "-" * 70)
        print(render_py(program))
        return 0
    node = shutil.which("node")
    if node is None:
        print("difffuzz: node is not on PATH", file=sys.stderr)
        return 2
    start, _, stop = args.seeds.partition(":")
    began = time.monotonic()
    verdicts = fuzz(range(int(start), int(stop)), node, args.keep)
    diverged = [v for v in verdicts if v.kind == "diverged"]
    for v in diverged:
        print(f"== seed {v.seed} diverged\n{v.detail}\n")
    unstable = sum(v.kind == "unstable" for v in verdicts)
    print(f"difffuzz: {len(verdicts)} programs, {len(verdicts) - unstable} judged, "
          f"{unstable} unstable under node, {len(diverged)} diverged "
          f"({time.monotonic() - began:.0f} s)")
    return 1 if diverged else 0


if __name__ == "__main__":
    raise SystemExit(main())
