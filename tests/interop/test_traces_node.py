"""Event traces of pynet programs compared with the same programs run by node.

js/trace_scenarios.js holds the scenarios (node-net-api.md §4 and a few more),
node on both ends; py/trace_scenarios.py is its line-by-line transliteration,
pynet on both ends.  Each records every event a listener can observe on the
client, the server and the server-side socket (js/trace_h.js, py/trace_h.py:
errors as their code, Buffers as their text, null/undefined/None as
``undefined``), plus the values the scenario logs, with ports and paths masked.
Both programs run as subprocesses and their traces must be identical.

Two comparisons per scenario: the whole trace, and the trace of each object on
its own (lines are tagged ``[client]``, ``[srvSock]``...), which ignores how
events of different sockets interleave.  Known pynet differences are strict
xfails: remove the mark when pynet is fixed.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.helpers import PortHolder

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "trace_scenarios.js"
PY = HERE / "py" / "trace_scenarios.py"
TIMEOUT = 30

pytestmark = pytest.mark.interop

SCENARIOS = re.findall(r"^S\.(\w+) = ", JS.read_text(), flags=re.M)

# Scenarios whose trace differs from node's because of a known pynet bug, with
# the difference.  All the differences found so far (shutdown phase, ' - Local'
# details, string lengths, bufferSize while connecting, Unix connect phase)
# are fixed, so these are empty; a new one goes here as a strict xfail.
FULL_XFAIL: dict[str, str] = {}
PER_OBJECT_XFAIL: dict[str, str] = {}


def _params(xfails: dict[str, str]) -> list[object]:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=xfails[name]))
            if name in xfails else name for name in SCENARIOS]


@functools.cache
def traces(name: str) -> tuple[list[str], list[str]]:
    """(node trace, pynet trace) of one scenario; both programs run at the same time."""
    node = shutil.which("node")
    assert node is not None
    node_tmp = tempfile.mkdtemp(prefix="pynet-trace-")
    py_tmp = tempfile.mkdtemp(prefix="pynet-trace-")
    ports = PortHolder()  # A port refused for IPv4 and IPv6 while both programs run.
    env = dict(os.environ, TRACE_REFUSED_PORT=str(ports.refused()))
    try:
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, cwd=cwd, env=env)
                 for cmd, cwd in (([node, str(JS), name, node_tmp], JS.parent),
                                  ([sys.executable, str(PY), name, py_tmp], PY.parent))]
        results = []
        for proc in procs:
            try:
                out, err = proc.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate(timeout=TIMEOUT)
            results.append((proc.args[0], proc.returncode, out, err))
    finally:
        ports.close()
        shutil.rmtree(node_tmp, ignore_errors=True)
        shutil.rmtree(py_tmp, ignore_errors=True)
    (_, node_rc, node_out, node_err), (_, py_rc, py_out, py_err) = results
    assert node_rc == 0, f"node failed ({node_rc}):\n{node_out}\n{node_err}"
    node_lines, py_lines = node_out.splitlines(), py_out.splitlines()
    assert py_rc == 0, (f"pynet failed ({py_rc}):\n{py_err}\n"
                        + _side_by_side(node_lines, py_lines))
    return node_lines, py_lines


def _side_by_side(node_lines: list[str], py_lines: list[str]) -> str:
    width = max((len(line) for line in node_lines), default=0)
    rows = [f"{'node':<{width}} | pynet"]
    for i in range(max(len(node_lines), len(py_lines))):
        a = node_lines[i] if i < len(node_lines) else ""
        b = py_lines[i] if i < len(py_lines) else ""
        rows.append(f"{a:<{width}} {'|' if a == b else '*'} {b}")
    return "\n".join(rows)


def per_object(lines: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for line in lines:
        m = re.match(r"\[(\w+)\]", line)
        groups.setdefault(m.group(1) if m else "*", []).append(line)
    return groups


def test_both_programs_have_the_same_scenarios() -> None:
    py_names = re.findall(r"^def (\w+)\(\) -> None:", PY.read_text(), flags=re.M)
    assert len(SCENARIOS) >= 25
    assert sorted(SCENARIOS) == sorted(py_names)


@pytest.mark.parametrize("name", _params(FULL_XFAIL))
def test_trace(node: str, name: str) -> None:
    node_lines, py_lines = traces(name)
    assert node_lines, "node printed nothing"
    assert not any("GUARD" in line for line in node_lines + py_lines)
    assert py_lines == node_lines, "\n" + _side_by_side(node_lines, py_lines)


@pytest.mark.parametrize("name", _params(PER_OBJECT_XFAIL))
def test_trace_per_object(node: str, name: str) -> None:
    node_lines, py_lines = traces(name)
    assert per_object(py_lines) == per_object(node_lines), \
        "\n" + _side_by_side(node_lines, py_lines)
