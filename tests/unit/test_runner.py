"""The runner's uncaught-error report and the error text it is made of
(:mod:`pynet._embed.runner`, :mod:`pynet._js.errortext`); the runner against
node is tests/interop/test_runner_node.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pynet._core import promise
from pynet._embed import runner
from pynet._js import errortext
from pynet._js.inspect import inspect
from pynet.errors import ERR_SOCKET_BAD_PORT


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as err:
        return err


def test_report_shape() -> None:
    exc = ValueError("boom")
    exc.code = "E_BOOM"  # type: ignore[attr-defined]
    exc.port = 7  # type: ignore[attr-defined]
    text = runner.report(_raised(exc))
    lines = text.splitlines()
    assert lines[0] == f"{__file__}:{_raised.__code__.co_firstlineno + 2}"
    assert lines[1].strip() == "raise exc"
    assert lines[2] == " " * lines[1].index("raise") + "^"
    assert lines[3] == ""
    assert lines[4] == "ValueError: boom"
    assert lines[5] == f"    at _raised ({__file__}:{_raised.__code__.co_firstlineno + 2}:9) {{"
    assert text.endswith(" {\n  code: 'E_BOOM',\n  port: 7\n}\n\n" + runner._version() + "\n")


def test_report_of_an_exception_never_raised() -> None:
    err = promise._unhandled_error(None)
    lines = runner.report(err).splitlines()
    # Node's header names its own source line; pynet's names the line raising it.
    assert lines[0].endswith("promise.py:" + lines[0].rsplit(":", 1)[1])
    assert lines[4] == (
        "UnhandledPromiseRejection: This error originated either by throwing inside of an "
        "async function without a catch block, or by rejecting a promise which was not "
        'handled with .catch(). The promise rejected with the reason "null".')
    assert lines[5].startswith("    at _unhandled_error (") and lines[5].endswith(" {")
    assert lines[6:8] == ["  code: 'ERR_UNHANDLED_REJECTION'", "}"]


def test_node_errors_show_their_code() -> None:
    err = ERR_SOCKET_BAD_PORT("Port should be >= 0 and < 65536. Received 70000.")
    # Never raised, so no frames: Node's ``[…]`` form for an error without a stack.
    assert inspect(err) == (
        "[RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received 70000.] {\n"
        "  code: 'ERR_SOCKET_BAD_PORT'\n}")


def test_os_errors_show_errno_first_and_skip_none() -> None:
    import errno

    from pynet.errors import exception_with_host_port

    err = exception_with_host_port(errno.ECONNREFUSED, "connect", "127.0.0.1", 1)
    assert inspect(err) == (
        "[Error: connect ECONNREFUSED 127.0.0.1:1] {\n  errno: 111,\n  code: 'ECONNREFUSED',\n"
        "  syscall: 'connect',\n  address: '127.0.0.1',\n  port: 1\n}")


@pytest.mark.parametrize("value,text", [
    (None, "null"), ("abc", "abc"), (42, "42"), (2.0, "2"), (True, "true"),
    ([1, 2], "[object Array]"), ({"a": 1}, "#<Object>"), (object(), "#<object>"),
    (ValueError("x"), "ValueError: x"),
])
def test_no_side_effects_to_string(value: object, text: str) -> None:
    assert errortext.no_side_effects_to_string(value) == text


def test_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "s.py"
    script.write_text("")
    assert runner.main(["--unhandled-rejections=bogus", str(script)]) == 9
    assert "invalid value for --unhandled-rejections" in capsys.readouterr().err
    assert runner.main(["--bogus", str(script)]) == 9
    assert runner.main([]) == 9
    assert runner.main([str(tmp_path / "missing.py")]) == 1
    assert promise.unhandled_rejections() == "throw"


def test_a_failing_handler_under_the_scripts_own_run_exits_7(tmp_path: Path) -> None:
    # The script calls pynet.run() itself: what escapes it already went through
    # 'uncaughtException', so the runner does not offer it again.
    script = tmp_path / "s.py"
    script.write_text(
        "from pynet import process, run, setTimeout\n"
        "def handler(err):\n"
        "    print('handler', err)\n"
        "    raise RuntimeError('from handler')\n"
        "process.on('uncaughtException', handler)\n"
        "def boom():\n"
        "    raise ValueError('in timer')\n"
        "setTimeout(boom, 1)\n"
        "run()\n")
    done = subprocess.run([sys.executable, "-m", "pynet", str(script)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 7
    assert done.stdout == "handler in timer\n"
    assert "RuntimeError: from handler" in done.stderr.splitlines()
