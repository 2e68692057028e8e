"""``readline.promises`` and the callback scopes of a stdin pipe, against node.

* ``readline_promises_question``: ``await rl.question(...)`` twice, a question
  with an already-aborted signal, one aborted while pending, one after
  ``close()`` — fed slowly (each line its own chunk) and all at once (both
  lines in one chunk, where the second line arrives before the second
  question is asked and is lost, in node as in pynet).
* ``stdin_lines_scopes``: a pipe's data and its EOF reported in one wakeup
  (``POLLHUP``) are two callbacks in Node, each followed by its ticks and
  microtasks: a microtask queued by a ``'line'`` listener runs before
  ``'close'``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.interop


def _run(cmd: list[str], chunks: list[bytes]) -> str:
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdin is not None
    try:
        for chunk in chunks[:-1]:
            proc.stdin.write(chunk)
            proc.stdin.flush()
            time.sleep(0.3)  # generous: each chunk read on its own
        out, err = proc.communicate(chunks[-1], timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err.decode()
    return out.decode()


def _both(node: str, name: str, chunks: list[bytes]) -> tuple[str, str]:
    return (_run([node, str(HERE / "js" / f"{name}.js")], chunks),
            _run([sys.executable, str(HERE / "py" / f"{name}.py")], chunks))


@pytest.mark.parametrize("chunks", [[b"Ann\n", b"blue\n"], [b"Ann\nblue\n"]],
                         ids=["line-by-line", "one-chunk"])
def test_promises_question(node: str, chunks: list[bytes]) -> None:
    expected, got = _both(node, "readline_promises_question", chunks)
    assert "What is your name? " in expected
    assert got == expected


def test_data_and_eof_are_two_callback_scopes(node: str) -> None:
    expected, got = _both(node, "stdin_lines_scopes", [b"Ann\nblue\n"])
    assert expected.index("micro after blue") < expected.index("close")
    assert got == expected
