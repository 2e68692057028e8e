"""``python -m pynet script.py``: the loop runs after the script, Node's exit statuses."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _run(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(source))
    return subprocess.run([sys.executable, "-m", "pynet", str(script), *args],
                          capture_output=True, text=True, timeout=30)


def test_the_loop_runs_after_the_script(tmp_path: Path) -> None:
    proc = _run(tmp_path, """
        import sys
        from pynet import setTimeout, nextTick
        setTimeout(lambda: print('timer', sys.argv[1:]), 1)
        nextTick(lambda: print('tick'))
        print('sync', __name__)
    """, "a", "b")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["sync __main__", "tick", "timer ['a', 'b']"]


def test_a_server_and_client_without_run(tmp_path: Path) -> None:
    proc = _run(tmp_path, """
        from pynet import net
        server = net.createServer(lambda s: s.end('hi'))
        def on_listening():
            c = net.connect(server.address().port, '127.0.0.1')
            c.on('data', lambda d: print(d.decode()))
            c.on('close', lambda: server.close())
        server.listen(0, '127.0.0.1', on_listening)
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "hi\n"


def test_uncaught_exception_prints_and_exits_1(tmp_path: Path) -> None:
    proc = _run(tmp_path, """
        from pynet import setTimeout
        def boom():
            raise ValueError('boom')
        setTimeout(boom, 1)
        setTimeout(lambda: print('never'), 50)
    """)
    assert proc.returncode == 1
    assert "ValueError: boom" in proc.stderr
    assert "never" not in proc.stdout


def test_sys_exit_status(tmp_path: Path) -> None:
    proc = _run(tmp_path, """
        import sys
        from pynet import setImmediate
        setImmediate(lambda: sys.exit(3))
    """)
    assert proc.returncode == 3


def test_missing_script_and_usage(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pynet", str(tmp_path / "nope.py")],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 1 and "cannot find script" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "pynet"], capture_output=True, text=True,
                          timeout=30)
    assert proc.returncode == 9 and "usage" in proc.stderr
