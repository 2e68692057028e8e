"""Generate docs/conformance.md from the conformance tests.

For every Node ``test-net-*.js`` and ``test-dgram-*.js`` file in
``tests/conformance/manifest.tsv`` (and every other ``manifest_<module>.tsv`` there;
one section per module, with its own counts)
the table names the pynet test that ports it and its status:

* **pass** — ``tests/conformance/test_<module>_<name>.py`` exists and marks no
  test ``xfail`` (CI runs it, so it passes on main);
* **xfail** — the file marks tests ``xfail(strict=True, reason=...)``: the
  reasons are listed;
* **not portable** — listed in ``tests/conformance/not_portable.tsv`` with
  the reason;
* **not ported yet** — none of the above.

``--check`` exits 1 when docs/conformance.md is not what this script makes.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "tests" / "conformance"
OUT = ROOT / "docs" / "conformance.md"


def test_name(node_file: str) -> str:
    stem = node_file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return "test_" + stem.removeprefix("test-").replace("-", "_") + ".py"


def manifest(name: str = "manifest.tsv") -> list[dict[str, str]]:
    rows = []
    for line in (CONF / name).read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        number, file, portability, category, in_v20, behaviour = line.split("\t")
        rows.append({"number": number, "file": file, "portability": portability,
                     "category": category, "in_v20": in_v20, "behaviour": behaviour})
    return rows


def not_portable() -> dict[str, str]:
    path = CONF / "not_portable.tsv"
    reasons: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                file, reason = line.split("\t", 1)
                reasons[file] = reason
    return reasons


def xfail_reasons(path: Path) -> tuple[int, list[str]]:
    """(number of test functions, reasons of xfail marks) in a test file."""
    tree = ast.parse(path.read_text())
    tests = sum(1 for node in ast.walk(tree)
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                and node.name.startswith("test"))
    # A port of a Node file that copies another may import that port's tests.
    tests += sum(1 for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 for alias in node.names if (alias.asname or alias.name).startswith("test"))
    reasons = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "xfail"):
            for kw in node.keywords:
                if kw.arg == "reason" and isinstance(kw.value, ast.Constant):
                    reasons.append(str(kw.value.value))
    return tests, reasons


#: The suites, in page order: (title, file-name marker).  A manifest row belongs
#: to the first suite whose marker is in its file name.
SUITES = [("dgram", "test-dgram-"), ("tls", "test-tls-"), ("fs", "test-fs-"),
          ("util", "test-util"), ("console", "test-console"), ("readline", "test-readline"),
          ("promise", "test-promise"), ("timers/promises", "test-timers-promises"),
          ("stream", "test-stream"), ("events (EventTarget)", "event"), ("net", "test-net-")]


def suite_of(node_file: str) -> str:
    for name, marker in SUITES:
        if marker in node_file:
            return name
    return "net"


def render_suite(rows: list[dict[str, str]], reasons: dict[str, str]) -> tuple[list[str], str]:
    """(the counts' lines, the table) of one suite."""
    counts = {"pass": 0, "xfail": 0, "not portable": 0, "not ported yet": 0}
    lines = []
    for row in rows:
        name = test_name(row["file"])
        path = CONF / name
        if path.exists():
            tests, xfails = xfail_reasons(path)
            if xfails:
                status = "xfail: " + "; ".join(sorted(set(xfails)))
                counts["xfail"] += 1
            else:
                status = f"pass ({tests} test{'s' if tests != 1 else ''})"
                counts["pass"] += 1
            link = f"[`{name}`](../tests/conformance/{name})"
        elif row["file"] in reasons:
            status = "not portable: " + reasons[row["file"]]
            counts["not portable"] += 1
            link = "—"
        else:
            status = "not ported yet"
            counts["not ported yet"] += 1
            link = "—"
        status = status.replace("|", "\\|")
        lines.append(f"| {row['number']} | `{row['file']}` | {link} | {status} |")
    total = len(rows)
    portable = total - counts["not portable"]
    summary = [
        f"- Node test files: **{total}**",
        f"- ported and passing: **{counts['pass']}**",
        f"- ported with expected failures (xfail): **{counts['xfail']}**",
        f"- not portable: **{counts['not portable']}**",
        f"- not ported yet: **{counts['not ported yet']}**",
        "- passing share of the portable files: "
        f"**{100 * counts['pass'] / max(portable, 1):.0f}%**",
    ]
    table = ["| # | Node test | pynet test | status |", "|---|---|---|---|", *lines]
    return summary, "\n".join(table)


def render() -> str:
    rows = manifest()
    for extra in sorted(CONF.glob("manifest_*.tsv")):
        rows += manifest(extra.name)
    reasons = not_portable()
    net_rows = [r for r in rows if suite_of(r["file"]) == "net"]
    summary, table = render_suite(net_rows, reasons)
    header = [
        "# Conformance with Node's own `test-net-*` suite",
        "",
        "Generated by `python tools/gen_conformance.py` from `tests/conformance/`; CI fails when",
        "this page is stale. Node v20 is the reference where the newest suite disagrees.",
        "",
        *summary,
        "",
        table,
    ]
    for suite, marker in SUITES:
        if suite == "net":
            continue
        suite_rows = [r for r in rows if suite_of(r["file"]) == suite]
        if not suite_rows:
            continue
        summary, table = render_suite(suite_rows, reasons)
        header += ["", f"## `{marker}*`: the `{suite}` module", "", *summary, "", table]
    return "\n".join(header + _other_ports(rows)) + "\n"


def _other_ports(manifest_rows: list[dict[str, str]]) -> list[str]:
    """Ports of Node tests the manifest does not list (stream, events, timers/promises...)."""
    listed = {test_name(r["file"]) for r in manifest_rows}
    rows = []
    for path in sorted(CONF.glob("test_*.py")):
        if path.name in listed:
            continue
        doc = ast.get_docstring(ast.parse(path.read_text())) or ""
        first = doc.splitlines()[0] if doc else ""
        node_file = first.removeprefix("Port of ").split(" ")[0] if first.startswith(
            "Port of ") else "?"
        tests, xfails = xfail_reasons(path)
        status = ("xfail: " + "; ".join(sorted(set(xfails)))) if xfails else \
            f"pass ({tests} test{'s' if tests != 1 else ''})"
        rows.append(f"| `{node_file}` | [`{path.name}`](../tests/conformance/{path.name}) | "
                    f"{status.replace('|', chr(92) + '|')} |")
    if not rows:
        return []
    return ["", "## Other Node tests ported", "",
            "Node's tests of the other modules (streams, promises, events, timers).", "",
            "| Node test | pynet test | status |", "|---|---|---|", *rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the page is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text() != text:
            print("docs/conformance.md is stale: run python tools/gen_conformance.py",
                  file=sys.stderr)
            return 1
        print("docs/conformance.md is current")
        return 0
    OUT.write_text(text)
    print("\n".join(text.splitlines()[5:11]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
