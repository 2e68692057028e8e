"""``python -m pynet script.py`` ends a program as ``node script.js`` does.

For each scenario a JS script and its Python twin run under node and under
the runner; the tests compare exit codes and the parts of the uncaught-error
report that are the same in both languages (mapping §13, the runner's
docstring): the throw-site header (``file:line``, the source line, a caret),
the ``Name: message`` line where the names agree, the own properties in
braces, and the last line (``Node.js v20…`` / ``pynet v…``); and, for the
``warn`` modes of ``--unhandled-rejections``, the ``(node:PID) …`` warning
lines (the pid normalised).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.interop

SCENARIOS: dict[str, tuple[str, str]] = {
    # name: (JS, Python)
    "throw_with_code": (
        """
        function f() { const e = new TypeError('boom'); e.code = 'E_BOOM'; e.port = 7; throw e; }
        f();
        """,
        """
        def f():
            e = TypeError('boom'); e.code = 'E_BOOM'; e.port = 7
            raise e
        f()
        """),
    "reject_non_error": (
        "Promise.reject(42);",
        "from pynet import Promise\nPromise.reject(42)"),
    "reject_string": (
        "setTimeout(() => Promise.reject('nope'), 1);",
        "from pynet import Promise, setTimeout\nsetTimeout(lambda: Promise.reject('nope'), 1)"),
    "async_throw": (
        """
        async function main() { await null; const e = new Error('late'); e.code = 'E_LATE'; throw e; }
        main();
        """,
        """
        from pynet import Promise, queueMicrotask
        async def main():
            await Promise.resolve(None)
            e = Exception('late'); e.code = 'E_LATE'
            raise e
        Promise.resolve(main())
        """),
    "handler_throws": (
        """
        process.on('uncaughtException', () => { throw new Error('inner'); });
        setTimeout(() => { throw new Error('outer'); }, 1);
        """,
        """
        from pynet import process, setTimeout
        def handler(err):
            raise Exception('inner')
        def outer():
            raise Exception('outer')
        process.on('uncaughtException', handler)
        setTimeout(outer, 1)
        """),
    "handled_top_level_throw": (
        """
        process.on('uncaughtException', (e) => console.log('caught', e.message));
        setTimeout(() => console.log('loop ran'), 1);
        throw new Error('top');
        """,
        """
        from pynet import process, setTimeout
        process.on('uncaughtException', lambda e: print('caught', e))
        setTimeout(lambda: print('loop ran'), 1)
        raise Exception('top')
        """),
    "exit_code": (
        "process.exitCode = 3; setTimeout(() => console.log('done'), 1);",
        "from pynet import process, setTimeout\nprocess.exitCode = 3\n"
        "setTimeout(lambda: print('done'), 1)"),
    "econnrefused": (
        "require('net').connect(1, '127.0.0.1');",
        "from pynet import net\nnet.connect(1, '127.0.0.1')"),
}


def _run(cmd: list[str], tmp_path: Path, name: str, source: str, suffix: str,
         *flags: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"{name}{suffix}"
    path.write_text(textwrap.dedent(source).strip() + "\n")
    return subprocess.run([*cmd, *flags, str(path)], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)


def _both(node: str, tmp_path: Path, name: str, *flags: str
          ) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    js, py = SCENARIOS[name]
    return (_run([node], tmp_path, name, js, ".js", *flags),
            _run([sys.executable, "-m", "pynet"], tmp_path, name, py, ".py", *flags))


def _braces(text: str) -> str | None:
    """The own-properties block that ends the report's error (``{ … }``)."""
    found = re.search(r" \{\n((?:  .*\n)+)\}\n", text)
    return found.group(1) if found else None


def _header(text: str, path: str) -> tuple[str, str, str] | None:
    lines = text.splitlines()
    if not lines or not lines[0].startswith(path + ":"):
        return None
    return lines[0], lines[1], lines[2]


@pytest.mark.parametrize("name", ["throw_with_code", "async_throw"])
def test_uncaught_error_report(node: str, tmp_path: Path, name: str) -> None:
    js, py = _both(node, tmp_path, name)
    assert js.returncode == py.returncode == 1
    for result, suffix in ((js, ".js"), (py, ".py")):
        header = _header(result.stderr, str(tmp_path / f"{name}{suffix}"))
        assert header is not None, result.stderr
        _where, source, caret = header
        assert caret.strip() == "^" and source[len(caret) - 1] != " "
    assert _braces(py.stderr) == _braces(js.stderr), (js.stderr, py.stderr)
    assert js.stderr.splitlines()[-1].startswith("Node.js v20")
    assert py.stderr.splitlines()[-1].startswith("pynet v")
    assert py.stderr.splitlines()[-2] == js.stderr.splitlines()[-2] == ""


@pytest.mark.parametrize("name", ["reject_non_error", "reject_string"])
def test_unhandled_rejection_report(node: str, tmp_path: Path, name: str) -> None:
    js, py = _both(node, tmp_path, name)
    assert js.returncode == py.returncode == 1
    line = [x for x in js.stderr.splitlines() if x.startswith("UnhandledPromiseRejection:")]
    assert len(line) == 1
    py_lines = py.stderr.splitlines()
    assert line[0] in py_lines, py.stderr
    assert py_lines[py_lines.index(line[0]) + 1].startswith("    at "), py.stderr
    assert _braces(py.stderr) == _braces(js.stderr) == "  code: 'ERR_UNHANDLED_REJECTION'\n"


def test_system_error_report(node: str, tmp_path: Path) -> None:
    js, py = _both(node, tmp_path, "econnrefused")
    assert js.returncode == py.returncode == 1
    first = "Error: connect ECONNREFUSED 127.0.0.1:1"
    assert first in py.stderr.splitlines()
    assert first in js.stderr.splitlines()
    # errno: Node's is negative, pynet keeps Python's positive value (mapping §6).
    assert _braces(py.stderr) == _braces(js.stderr).replace("errno: -", "errno: ")  # type: ignore[union-attr]


def test_handler_that_throws_exits_7(node: str, tmp_path: Path) -> None:
    js, py = _both(node, tmp_path, "handler_throws")
    assert js.returncode == py.returncode == 7
    assert "Error: inner" in js.stderr.splitlines()
    assert "Exception: inner" in py.stderr.splitlines()


def test_handled_top_level_throw_runs_the_loop(node: str, tmp_path: Path) -> None:
    js, py = _both(node, tmp_path, "handled_top_level_throw")
    assert js.returncode == py.returncode == 0
    assert js.stdout == py.stdout == "caught top\nloop ran\n"


def test_exit_code_is_honoured(node: str, tmp_path: Path) -> None:
    js, py = _both(node, tmp_path, "exit_code")
    assert js.returncode == py.returncode == 3
    assert js.stdout == py.stdout == "done\n"


def _warnings(text: str) -> list[str]:
    return [re.sub(r"^\(node:\d+\)", "(node:PID)", line) for line in text.splitlines()
            if line.startswith("(node:")]


@pytest.mark.parametrize("mode,status", [("warn", 0), ("warn-with-error-code", 1),
                                         ("none", 0), ("strict", 1)])
def test_unhandled_rejections_modes(node: str, tmp_path: Path, mode: str, status: int) -> None:
    js, py = _both(node, tmp_path, "reject_string", f"--unhandled-rejections={mode}")
    assert js.returncode == py.returncode == status, (js.stderr, py.stderr)
    assert _warnings(py.stderr) == _warnings(js.stderr)


def test_invalid_unhandled_rejections_value(node: str, tmp_path: Path) -> None:
    js, py = _both(node, tmp_path, "exit_code", "--unhandled-rejections=foobar")
    assert js.returncode == py.returncode == 9
    assert "invalid value for --unhandled-rejections" in js.stderr
    assert "invalid value for --unhandled-rejections" in py.stderr
    assert js.stdout == py.stdout == ""
