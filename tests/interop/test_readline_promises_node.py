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
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.interop


def _run(cmd: list[str], chunks: list[bytes], prompts: list[str | None]) -> str:
    """Run ``cmd``, writing each chunk once stdout shows its prompt (``None``: at once),
    then close stdin.  Waiting for the prompt, not for a fixed time, keeps the chunks
    apart however slowly the program starts on a loaded machine."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    out = bytearray()
    got_output = threading.Condition()

    def read_stdout() -> None:
        assert proc.stdout is not None
        while data := proc.stdout.read1(4096):
            with got_output:
                out.extend(data)
                got_output.notify_all()
        with got_output:
            got_output.notify_all()

    reader = threading.Thread(target=read_stdout, daemon=True)
    reader.start()
    try:
        for chunk, prompt in zip(chunks, prompts, strict=True):
            if prompt is not None:
                wanted = prompt.encode()
                with got_output:
                    got_output.wait_for(lambda w=wanted: w in out or not reader.is_alive(),
                                        timeout=30)
                    assert wanted in out, (prompt, bytes(out))
            proc.stdin.write(chunk)
            proc.stdin.flush()
        proc.stdin.close()
        err = proc.stderr.read()
        proc.wait(timeout=30)
        reader.join(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == 0, err.decode()
    return out.decode()


def _both(node: str, name: str, chunks: list[bytes],
          prompts: list[str | None]) -> tuple[str, str]:
    return (_run([node, str(HERE / "js" / f"{name}.js")], chunks, prompts),
            _run([sys.executable, str(HERE / "py" / f"{name}.py")], chunks, prompts))


@pytest.mark.parametrize(("chunks", "prompts"), [
    ([b"Ann\n", b"blue\n"], ["What is your name? ", "Favourite colour? "]),
    ([b"Ann\nblue\n"], [None]),
], ids=["line-by-line", "one-chunk"])
def test_promises_question(node: str, chunks: list[bytes], prompts: list[str | None]) -> None:
    expected, got = _both(node, "readline_promises_question", chunks, prompts)
    assert "What is your name? " in expected
    assert got == expected


def test_data_and_eof_are_two_callback_scopes(node: str) -> None:
    expected, got = _both(node, "stdin_lines_scopes", [b"Ann\nblue\n"], [None])
    assert expected.index("micro after blue") < expected.index("close")
    assert got == expected
