"""``NODE_DEBUG=stream``, ``=tls`` and ``=timer``: pynet prints node's debug lines.

For each section a scenario runs under node (tests/interop/js/debug_<section>.js)
and its twin under pynet (tests/interop/py/debug_<section>.py); their stderr,
pids (and the loop times of ``process timer lists``) masked, must be equal:

* ``stream``: readable.js's lines for a flowing stream, a paused one read with
  ``'readable'``/``read(2)``, ``pipe()`` into a slow writable (backpressure,
  ``pipeOnDrain``, unpipe on ``'finish'``), and ``pause()``/``resume()``;
* ``tls``: _tls_wrap.js's lines for a verified handshake with an echo, and a
  client that accepts an unverified certificate;
* ``timer``: lib/internal/timers.js's lines for timers of four durations, one
  cleared before it fires, one after, and an interval cleared in its second call.

``NODE_DEBUG=net`` is tests/interop/test_debuglog_node.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tls_certs import make_certs, openssl_path

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.interop


def _masked(section: str, text: str) -> list[str]:
    text = re.sub(rf"^{section.upper()} \d+:", f"{section.upper()} PID:", text, flags=re.M)
    text = re.sub(r"process timer lists \d+", "process timer lists N", text)
    # Node's getLibuvNow() updates the loop's time, so the re-armed interval's
    # diff is 0 on a quiet machine and -1 or more on a loaded one.
    text = re.sub(r"list wait because diff is -?\d+", "list wait because diff is D", text)
    return text.splitlines()


def _both(node: str, section: str, *args: str, debug: bool = True) -> tuple[list[str], list[str]]:
    env = {k: v for k, v in os.environ.items() if k != "NODE_DEBUG"}
    if debug:
        env["NODE_DEBUG"] = section
    out = []
    for cmd in ([node, str(ROOT / f"tests/interop/js/debug_{section}.js")],
                [sys.executable, str(ROOT / f"tests/interop/py/debug_{section}.py")]):
        done = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=60,
                              env=env, cwd=ROOT, check=True)
        out.append(_masked(section, done.stderr))
    return out[0], out[1]


def test_node_debug_stream_lines_match_node(node: str) -> None:
    expected, got = _both(node, "stream")
    assert len(expected) > 150 and "STREAM PID: false write response, pause 0" in expected
    assert got == expected


def test_node_debug_tls_lines_match_node(node: str, tmp_path: Path) -> None:
    if openssl_path() is None:
        pytest.skip("openssl is not on PATH")
    make_certs(tmp_path)
    expected, got = _both(node, "tls", str(tmp_path))
    assert "TLS PID: client emit secureConnect. authorized: true" in expected
    assert got == expected


def test_node_debug_timer_lines_match_node(node: str) -> None:
    expected, got = _both(node, "timer")
    assert "TIMER PID: 100 list wait because diff is D" in expected
    assert got == expected


@pytest.mark.parametrize("section", ["stream", "timer"])
def test_without_node_debug_only_the_program_prints(node: str, section: str) -> None:
    expected, got = _both(node, section, debug=False)
    assert got == expected
    assert not any(re.match(r"[A-Z]+ PID:", line) for line in got)
