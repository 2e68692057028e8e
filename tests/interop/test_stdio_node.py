"""``process.stdin``/``stdout``/``stderr``, ``exit``/``exitCode``, ``argv``: traces against node.

Each scenario is a JS program and its Python transliteration, run as
subprocesses (``node prog.js`` and ``python -m pynet prog.py``) with the same
standard descriptors: stdout a pipe, a file or a TTY (a pty), stdin a pipe, a
file, a TTY, closed (``<&-``) or a pipe left open.  The programs log their
events to stderr with the same ``log`` helper; what each wrote to stdout, what
it logged and its exit status must be node's.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.interop

# The log helper on each side: None/null/undefined as None, booleans as Python's.
JS_LOG = r"""
const S = (x) => (x === null || x === undefined) ? 'None'
  : typeof x === 'boolean' ? (x ? 'True' : 'False') : String(x);
const log = (...a) => process.stderr.write(a.map(S).join(' ') + '\n');
"""
PY_LOG = r"""
import sys
from pynet import process, setImmediate, setTimeout
from pynet.process import nextTick


def log(*a):
    process.stderr.write(' '.join(str(x) for x in a) + '\n')


def code(e):
    return getattr(e, 'code', None)
"""


def _run(argv: list[str], cwd: Path, stdin: str = "devnull", stdout: str = "pipe",
         data: bytes = b"", timeout: float = 30) -> tuple[bytes, str, int]:
    """Run ``argv`` with stdin and stdout of the given kinds; (stdout, stderr, status)."""
    closers: list[int] = []
    master = None
    preexec = None
    stdin_arg: int | None
    if stdin == "pipe":
        stdin_arg = subprocess.PIPE
    elif stdin == "file":
        path = cwd / "stdin.bin"
        path.write_bytes(data)
        stdin_arg = os.open(path, os.O_RDONLY)
        closers.append(stdin_arg)
    elif stdin == "closed":
        stdin_arg = None
        preexec = _close_stdin
    else:
        stdin_arg = subprocess.DEVNULL
    out_file = cwd / "stdout.bin"
    if stdout == "file":
        stdout_arg: int = os.open(out_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        closers.append(stdout_arg)
    elif stdout == "tty" or stdin == "tty":
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        closers.append(slave)
        stdout_arg = slave if stdout == "tty" else subprocess.PIPE
        if stdin == "tty":
            stdin_arg = slave
    else:
        stdout_arg = subprocess.PIPE
    proc = subprocess.Popen(argv, cwd=cwd, stdin=stdin_arg, stdout=stdout_arg,
                            stderr=subprocess.PIPE, preexec_fn=preexec)
    for fd in closers:
        os.close(fd)
    if stdin == "tty" and master is not None:
        time.sleep(0.3)
        os.write(master, data)
    out = b""
    if master is not None and stdout == "tty":
        out = _drain_pty(master, proc, timeout)
        _, err = proc.communicate(timeout=timeout)
    else:
        piped, err = proc.communicate(input=data if stdin == "pipe" else None, timeout=timeout)
        out = piped or b""
    if master is not None:
        os.close(master)
    if stdout == "file":
        out = out_file.read_bytes()
    return out, err.decode(), proc.returncode


def _close_stdin() -> None:
    os.close(0)


def _drain_pty(master: int, proc: subprocess.Popen[bytes], timeout: float) -> bytes:
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the last writer closed the slave
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    return out


def _both(tmp_path: Path, node: str, js: str, py: str, **kwargs: object
          ) -> tuple[tuple[bytes, str, int], tuple[bytes, str, int]]:
    (tmp_path / "prog.js").write_text(JS_LOG + js)
    (tmp_path / "prog.py").write_text(PY_LOG + py)
    expected = _run([node, "prog.js"], tmp_path, **kwargs)  # type: ignore[arg-type]
    got = _run([sys.executable, "-m", "pynet", "prog.py"], tmp_path, **kwargs)  # type: ignore[arg-type]
    return expected, got


def _same(tmp_path: Path, node: str, js: str, py: str, **kwargs: object) -> str:
    expected, got = _both(tmp_path, node, js, py, **kwargs)
    assert got == expected
    return expected[1]


# -- stdout and stderr -------------------------------------------------------------

OUT_JS = r"""
const o = process.stdout;
log('isTTY', !!o.isTTY, 'fd', o.fd, 'writable', o.writable, 'readable', o.readable,
    'hwm', o.writableHighWaterMark, 'size', o.columns, o.rows);
for (const e of ['finish', 'close', 'error', 'drain', 'prefinish'])
  o.on(e, (x) => log('stdout', e, x && x.code));
log('w1', o.write('a\n', () => log('cb1')));
process.nextTick(() => log('tick'));
setImmediate(() => {
  log('imm');
  o.end('b\n', () => log('endcb'));
  log('after end', o.writableEnded, o.destroyed);
  setTimeout(() => {
    log('later', o.writableEnded, o.destroyed, o.writable);
    log('w2', o.write('c\n', (e) => log('cb2', e && e.code)));
  }, 20);
});
"""
OUT_PY = r"""
o = process.stdout
log('isTTY', o.isTTY, 'fd', o.fd, 'writable', o.writable,
    'readable', getattr(o, 'readable', None), 'hwm', o.writableHighWaterMark,
    'size', o.columns, o.rows)
for e in ['finish', 'close', 'error', 'drain', 'prefinish']:
    o.on(e, lambda x=None, e=e: log('stdout', e, code(x) if x else x))
log('w1', o.write('a\n', lambda: log('cb1')))
nextTick(lambda: log('tick'))


def later():
    log('later', o.writableEnded, o.destroyed, o.writable)
    log('w2', o.write('c\n', lambda e=None: log('cb2', code(e) if e else e)))


def imm():
    log('imm')
    o.end('b\n', lambda: log('endcb'))
    log('after end', o.writableEnded, o.destroyed)
    setTimeout(later, 20)


setImmediate(imm)
"""


@pytest.mark.parametrize("kind", ["pipe", "file", "tty"])
def test_stdout_events_and_end_as_node(tmp_path: Path, node: str, kind: str) -> None:
    """Write callbacks, end(), 'finish'/'close', the stream reset by dummyDestroy,
    and a write after end: a pipe fails with EPIPE, a file takes it, a TTY
    refuses it (ERR_STREAM_WRITE_AFTER_END)."""
    trace = _same(tmp_path, node, OUT_JS, OUT_PY, stdout=kind)
    assert {"pipe": "cb2 EPIPE", "file": "cb2 None",
            "tty": "cb2 ERR_STREAM_WRITE_AFTER_END"}[kind] in trace
    if kind == "tty":
        assert "isTTY True fd 1" in trace and "size 100 40" in trace


DRAIN_JS = r"""
const o = process.stdout;
const big = Buffer.alloc(1 << 20, 'x');
log('ok', o.write(big, () => {
  log('big cb');
  log('ok2', o.write('tail\n', () => log('tail cb')));
}), o.writableLength > 0, o.writableNeedDrain);
o.on('drain', () => log('drain', o.writableLength));
process.stdin.on('data', () => {});  // keep a TTY-less parent's pace out of it
process.stdin.pause();
"""
DRAIN_PY = r"""
o = process.stdout
big = b'x' * (1 << 20)


def on_big():
    log('big cb')
    log('ok2', o.write('tail\n', lambda: log('tail cb')))


log('ok', o.write(big, on_big), o.writableLength > 0, o.writableNeedDrain)
o.on('drain', lambda: log('drain', o.writableLength))
process.stdin.on('data', lambda d: None)
process.stdin.pause()
"""


@pytest.mark.parametrize("kind", ["pipe", "file"])
def test_a_large_write_and_drain_as_node(tmp_path: Path, node: str, kind: str) -> None:
    """1 MiB into a pipe is asynchronous (write() is False, then 'drain'); into a
    file it is synchronous (True, no 'drain')."""
    expected, got = _both(tmp_path, node, DRAIN_JS, DRAIN_PY, stdout=kind, stdin="pipe")
    assert got == expected
    assert expected[0] == b"x" * (1 << 20) + b"tail\n"
    assert ("drain 0" in expected[1]) == (kind == "pipe")


EPIPE_JS = r"""
process.stdout.on('error', (e) => { log('error', e.code, e.syscall); process.exit(3); });
setInterval(() => process.stdout.write('line\n'), 5);
"""
EPIPE_PY = r"""
from pynet.timers import setInterval


def on_error(e):
    log('error', e.code, e.syscall)
    process.exit(3)


process.stdout.on('error', on_error)
setInterval(lambda: process.stdout.write('line\n'), 5)
"""


def _reader_goes_away(argv: list[str], cwd: Path) -> tuple[str, int]:
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"line\n"
    proc.stdout.close()
    status = proc.wait(timeout=30)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    return err, status


@pytest.mark.parametrize("listened", [True, False])
def test_epipe_when_the_reader_goes_away(tmp_path: Path, node: str, listened: bool) -> None:
    """EPIPE is emitted as 'error' on process.stdout; unhandled, it ends the
    process with status 1, as in node."""
    js, py = (EPIPE_JS, EPIPE_PY) if listened else (
        "setInterval(() => process.stdout.write('line\\n'), 5);",
        "from pynet.timers import setInterval\n"
        "setInterval(lambda: process.stdout.write('line\\n'), 5)\n")
    (tmp_path / "prog.js").write_text(JS_LOG + js)
    (tmp_path / "prog.py").write_text(PY_LOG + py)
    err_js, status_js = _reader_goes_away([node, "prog.js"], tmp_path)
    err_py, status_py = _reader_goes_away([sys.executable, "-m", "pynet", "prog.py"], tmp_path)
    assert status_py == status_js == (3 if listened else 1)
    if listened:
        assert err_py == err_js == "error EPIPE write\n"
    else:
        assert "EPIPE" in err_js and "EPIPE" in err_py


def test_print_and_process_stdout_keep_their_order(tmp_path: Path) -> None:
    """print() before a process.stdout write comes out before it (sys.stdout is
    flushed first); file and TTY writes are synchronous, so the order holds."""
    (tmp_path / "prog.py").write_text(PY_LOG + r"""
print('p1')
process.stdout.write('w1\n')
print('p2', end='')
process.stdout.write(' w2\n')
process.stderr.write('e1\n')
print('p3')
setImmediate(lambda: (print('p4'), process.stdout.write('w4\n')))
""")
    for kind in ("pipe", "file", "tty"):
        out, err, status = _run([sys.executable, "-m", "pynet", "prog.py"], tmp_path,
                                stdout=kind)
        assert status == 0, err
        expected = b"p1\nw1\np2 w2\np3\np4\nw4\n"
        assert out == (expected.replace(b"\n", b"\r\n") if kind == "tty" else expected), kind
        assert err == "e1\n"


def test_stdout_pipe_is_left_blocking_for_print(tmp_path: Path) -> None:
    """pynet reopens the pipe for itself: fd 1 stays blocking, so a print() into a
    full pipe waits instead of raising BlockingIOError."""
    (tmp_path / "prog.py").write_text(PY_LOG + r"""
import os
process.stdout.write('x' * (1 << 20))
log('blocking', os.get_blocking(1), os.get_blocking(0))
print('y' * (1 << 20))
""")
    proc = subprocess.Popen([sys.executable, "-m", "pynet", "prog.py"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE)
    time.sleep(0.5)  # let it fill the pipe
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert err.decode() == "blocking True True\n"
    assert out.count(b"x") == 1 << 20 and out.count(b"y") == 1 << 20


# -- stdin -------------------------------------------------------------------------

IN_JS = r"""
const i = process.stdin;
log('isTTY', !!i.isTTY, 'isRaw', i.isRaw, 'fd', i.fd, 'readable', i.readable,
    'writable', i.writable, 'hwm', i.readableHighWaterMark, 'flowing', i.readableFlowing);
for (const e of ['end', 'close', 'error', 'pause', 'resume', 'finish', 'open', 'ready'])
  i.on(e, (x) => log('stdin', e, x && x.code));
i.on('data', (d) => log('data', JSON.stringify(String(d))));
"""
IN_PY = r"""
import json
i = process.stdin
log('isTTY', i.isTTY, 'isRaw', getattr(i, 'isRaw', None), 'fd', i.fd,
    'readable', i.readable, 'writable', getattr(i, 'writable', None),
    'hwm', i.readableHighWaterMark, 'flowing', i.readableFlowing)
for e in ['end', 'close', 'error', 'pause', 'resume', 'finish', 'open', 'ready']:
    i.on(e, lambda x=None, e=e: log('stdin', e, code(x) if x else x))
i.on('data', lambda d: log('data', json.dumps(d.decode())))
"""


@pytest.mark.parametrize("kind", ["pipe", "file", "closed", "tty"])
def test_stdin_events_as_node(tmp_path: Path, node: str, kind: str) -> None:
    """A pipe is a socket ('end', 'close'), a file an fs.ReadStream ('end' only),
    a closed fd 0 reads as /dev/null, a TTY gives its lines then ends on ^D."""
    data = b"line one\n" if kind == "tty" else b"hello\nworld"
    if kind == "tty":
        data += b"\x04"
    trace = _same(tmp_path, node, IN_JS, IN_PY, stdin=kind, data=data)
    assert "stdin end" in trace
    if kind in ("pipe", "file"):
        assert 'data "hello\\nworld"' in trace
    if kind == "tty":
        assert 'data "line one\\n"' in trace and "isTTY True" in trace


CAT_JS = r"""
process.stdin.pipe(process.stdout);
process.stdin.on('end', () => setImmediate(() => process.stdout.write('after\n')));
"""
CAT_PY = r"""
process.stdin.pipe(process.stdout)
process.stdin.on('end', lambda: setImmediate(lambda: process.stdout.write('after\n')))
"""


@pytest.mark.parametrize(("stdin", "stdout"), [("pipe", "pipe"), ("file", "file"),
                                               ("pipe", "file"), ("file", "pipe")])
def test_cat_pipes_stdin_to_stdout_and_leaves_it_open(tmp_path: Path, node: str, stdin: str,
                                                      stdout: str) -> None:
    """``stdin.pipe(stdout)`` copies everything, with back-pressure, and pipe()
    does not end process.stdout: a write after 'end' still goes out."""
    data = bytes(range(256)) * 8192  # 2 MiB
    expected, got = _both(tmp_path, node, CAT_JS, CAT_PY, stdin=stdin, stdout=stdout,
                          data=data)
    assert expected == (data + b"after\n", "", 0)
    assert got == expected


def _lives(argv: list[str], cwd: Path, feed: bytes, expect_alive: bool) -> tuple[bool, str]:
    """Start with stdin an open pipe and write ``feed``: once the program's main
    part is done (it logs ``ready``), is it still running a second later (or,
    when it should exit, within 20 s)?  Startup time never counts."""
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(feed)
    proc.stdin.flush()
    ready = proc.stderr.readline()
    if ready != b"ready\n":
        proc.kill()
    assert ready == b"ready\n", ready + proc.stderr.read()
    try:
        proc.wait(timeout=1 if expect_alive else 20)
        alive = False
    except subprocess.TimeoutExpired:
        alive = True
    proc.stdin.close()
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.wait(timeout=30)
    return alive, err.decode()


@pytest.mark.parametrize(("js", "py", "alive"), [
    ("process.stdin;", "process.stdin\n", False),
    ("process.stdin.on('end', () => log('end'));",
     "process.stdin.on('end', lambda: log('end'))\n", False),
    ("process.stdin.on('data', () => {}); process.stdin.pause();",
     "process.stdin.on('data', lambda d: None)\nprocess.stdin.pause()\n", False),
    # Paused inside 'data': Node's onpause stops the reads, then the chunk's
    # maybeReadMore tick starts them again (the buffer is below its mark).
    ("process.stdin.on('data', (d) => { log('data', d.length); process.stdin.pause(); });",
     "def on_data(d):\n    log('data', len(d))\n    process.stdin.pause()\n\n\n"
     "process.stdin.on('data', on_data)\n", True),
    ("process.stdin.on('data', (d) => log('data', d.length));"
     "process.stdin.on('end', () => log('end'));",
     "process.stdin.on('data', lambda d: log('data', len(d)))\n"
     "process.stdin.on('end', lambda: log('end'))\n", True),
    ("process.stdin.resume(); process.stdin.on('end', () => log('end'));",
     "process.stdin.resume()\nprocess.stdin.on('end', lambda: log('end'))\n", True),
], ids=["touched", "end-listener", "paused", "paused-in-data", "reading", "resumed"])
def test_stdin_keeps_the_process_alive_only_while_read(tmp_path: Path, node: str, js: str,
                                                       py: str, alive: bool) -> None:
    (tmp_path / "prog.js").write_text(JS_LOG + js + "\nlog('ready');\n")
    (tmp_path / "prog.py").write_text(PY_LOG + py + "\nlog('ready')\n")
    expected = _lives([node, "prog.js"], tmp_path, b"abc", alive)
    got = _lives([sys.executable, "-m", "pynet", "prog.py"], tmp_path, b"abc", alive)
    assert expected[0] is alive
    assert got == expected


# -- exit, exitCode, argv ----------------------------------------------------------

EXITS = [
    ("exit-listener-sets-code",
     "process.on('exit', (c) => { log('exit', c, process.exitCode); process.exitCode = 9; });"
     "process.exitCode = 4;",
     "def on_exit(c):\n    log('exit', c, process.exitCode)\n    process.exitCode = 9\n\n\n"
     "process.on('exit', on_exit)\nprocess.exitCode = 4\n"),
    ("exit-in-a-timer",
     "process.on('exit', (c) => log('exit', c)); process.on('beforeExit', () => log('be'));"
     "setTimeout(() => { process.exit(5); log('not'); }, 1);",
     "process.on('exit', lambda c: log('exit', c))\nprocess.on('beforeExit', lambda: log('be'))\n"
     "def f():\n    process.exit(5)\n    log('not')\n\n\nsetTimeout(f, 1)\n"),
    ("before-exit-gets-the-code",
     "process.on('exit', (c) => log('exit', c)); process.on('beforeExit', (c) => log('be', c));"
     "process.exitCode = 2;",
     "process.on('exit', lambda c: log('exit', c))\n"
     "process.on('beforeExit', lambda c: log('be', c))\nprocess.exitCode = 2\n"),
    ("exit-inside-exit",
     "process.on('exit', (c) => { log('exit', c); process.exit(6); }); process.exit();",
     "def on_exit(c):\n    log('exit', c)\n    process.exit(6)\n\n\n"
     "process.on('exit', on_exit)\nprocess.exit()\n"),
    ("string-code",
     "process.exitCode = '7'; log(typeof process.exitCode, process.exitCode);"
     "process.on('exit', (c) => log('exit', c));",
     "process.exitCode = '7'\nlog(type(process.exitCode).__name__.replace('str', 'string'),"
     " process.exitCode)\nprocess.on('exit', lambda c: log('exit', c))\n"),
    ("bad-codes",
     "for (const v of ['abc', 1.5, true]) { try { process.exitCode = v; } catch (e) {"
     " log(e.code, e.message); } } try { process.exit('x'); } catch (e) { log(e.code); }",
     "for v in ['abc', 1.5, True]:\n    try:\n        process.exitCode = v\n"
     "    except Exception as e:\n        log(e.code, e)\n"
     "try:\n    process.exit('x')\nexcept Exception as e:\n    log(e.code)\n"),
    ("nothing-after-exit",
     "process.on('exit', () => log('exit')); process.nextTick(() => log('tick'));"
     "setImmediate(() => log('imm')); process.exit(0);",
     "process.on('exit', lambda: log('exit'))\nnextTick(lambda: log('tick'))\n"
     "setImmediate(lambda: log('imm'))\nprocess.exit(0)\n"),
]


@pytest.mark.parametrize(("name", "js", "py"), EXITS, ids=[e[0] for e in EXITS])
def test_exit_and_exit_code_as_node(tmp_path: Path, node: str, name: str, js: str,
                                    py: str) -> None:
    _same(tmp_path, node, js, py)


def test_an_uncaught_error_emits_exit_with_1_first(tmp_path: Path, node: str) -> None:
    expected, got = _both(tmp_path, node,
                          "process.on('exit', (c) => log('exit', c, process.exitCode));"
                          "throw new Error('boom');",
                          "process.on('exit', lambda c: log('exit', c, process.exitCode))\n"
                          "raise ValueError('boom')\n")
    assert expected[2] == got[2] == 1
    assert expected[1].startswith("exit 1 1\n") and got[1].startswith("exit 1 1\n")
    assert "boom" in got[1]


def test_argv_has_nodes_shape(tmp_path: Path, node: str) -> None:
    js = ("const path = require('path');"
          "log(process.argv.length, process.argv[0] === process.execPath,"
          " process.argv[1] === path.resolve('prog.js'), process.argv.slice(2).join(','),"
          " typeof process.pid, process.ppid > 0, process.platform, process.cwd() === __dirname,"
          " process.env.STDIO_TEST, process.argv0.length > 0);"
          "const t = process.hrtime(); const d = process.hrtime(t);"
          "log(t.length, d[0] >= 0, d[1] >= 0, typeof process.hrtime.bigint());")
    py = ("import os\n"
          "log(len(process.argv), process.argv[0] == process.execPath,"
          " process.argv[1] == os.path.abspath('prog.py'), ','.join(process.argv[2:]),"
          " type(process.pid).__name__.replace('int', 'number'), process.ppid > 0,"
          " process.platform, process.cwd() == os.path.dirname(os.path.abspath('prog.py')),"
          " process.env['STDIO_TEST'], len(process.argv0) > 0)\n"
          "t = process.hrtime()\nd = process.hrtime(t)\n"
          "log(len(t), d[0] >= 0, d[1] >= 0, type(process.hrtime.bigint()).__name__"
          ".replace('int', 'bigint'))\n")
    (tmp_path / "prog.js").write_text(JS_LOG + js)
    (tmp_path / "prog.py").write_text(PY_LOG + py)
    env = dict(os.environ, STDIO_TEST="yes")
    runs = [subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, env=env,
                           timeout=30)
            for argv in ([node, "prog.js", "a", "b c"],
                         [sys.executable, "-m", "pynet", "prog.py", "a", "b c"])]
    assert runs[0].stderr == "4 True True a,b c number True linux True yes True\n" \
                             "2 True True bigint\n"
    assert runs[1].stderr == runs[0].stderr


def test_sigwinch_resizes_a_tty_stdout(tmp_path: Path, node: str) -> None:
    """columns/rows follow the terminal: SIGWINCH refreshes them and emits 'resize'."""
    js = ("process.stdout.on('resize', () => { log('resize', process.stdout.columns,"
          " process.stdout.rows); process.exit(0); });"
          "log('size', process.stdout.columns, process.stdout.rows); setTimeout(() => {}, 5000);")
    py = ("def on_resize():\n    log('resize', process.stdout.columns, process.stdout.rows)\n"
          "    process.exit(0)\n\n\n"
          "process.stdout.on('resize', on_resize)\n"
          "log('size', process.stdout.columns, process.stdout.rows)\nsetTimeout(lambda: None, 5000)\n")
    (tmp_path / "prog.js").write_text(JS_LOG + js)
    (tmp_path / "prog.py").write_text(PY_LOG + py)
    traces = []
    for argv in ([node, "prog.js"], [sys.executable, "-m", "pynet", "prog.py"]):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        proc = subprocess.Popen(argv, cwd=tmp_path, stdout=slave, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL)
        os.close(slave)
        assert proc.stderr is not None
        first = proc.stderr.readline()
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
        proc.send_signal(signal.SIGWINCH)
        rest = proc.stderr.read()
        proc.stderr.close()
        proc.wait(timeout=30)
        os.close(master)
        traces.append((first + rest).decode())
    assert traces[0] == "size 100 40\nresize 120 30\n"
    assert traces[1] == traces[0]


@pytest.mark.parametrize("kind", ["pipe", "file", "tty"])
def test_destroying_stdio_keeps_descriptors_open(tmp_path: Path, node: str, kind: str) -> None:
    """``process.stdout.destroy()`` emits 'close' and leaves stdout usable (Node's
    dummyDestroy); in pynet ``process.stdin.destroy()`` leaves fd 0 open too."""
    js = ("process.stdout.on('close', () => { log('close', process.stdout.destroyed);"
          " process.stdout.write('still\\n'); });"
          "process.stdout.destroy(); log('destroyed', process.stdout.destroyed);")
    py = ("def on_close():\n    log('close', process.stdout.destroyed)\n"
          "    process.stdout.write('still\\n')\n\n\n"
          "process.stdout.on('close', on_close)\n"
          "process.stdout.destroy()\nlog('destroyed', process.stdout.destroyed)\n")
    expected, got = _both(tmp_path, node, js, py, stdout=kind)
    assert got == expected
    assert expected[1] == "destroyed False\nclose False\n"
    assert expected[0].strip() == b"still"
    (tmp_path / "stdin.py").write_text(PY_LOG + r"""
import os
process.stdin.on('close', lambda: log('closed, fd 0 open:', os.fstat(0) is not None))
process.stdin.destroy()
""")
    _, err, status = _run([sys.executable, "-m", "pynet", "stdin.py"], tmp_path, stdin="pipe")
    assert (err, status) == ("closed, fd 0 open: True\n", 0)


def test_hrtime_argument_errors_as_node(tmp_path: Path, node: str) -> None:
    _same(tmp_path, node,
          "for (const v of ['x', [1], [1, 2, 3]]) {"
          " try { process.hrtime(v); } catch (e) { log(e.code, e.message); } }",
          "for v in ['x', [1], [1, 2, 3]]:\n    try:\n        process.hrtime(v)\n"
          "    except Exception as e:\n        log(e.code, e)\n")


def test_a_closed_stdout_is_dev_null(tmp_path: Path, node: str) -> None:
    """``>&-``: Node opens /dev/null on fd 1 at start-up; writes vanish, no error.
    (Python's own ``sys.stdout`` is None then, and print() does nothing.)"""
    (tmp_path / "prog.js").write_text(JS_LOG + "log('w', process.stdout.write('x\\n', "
                                      "(e) => log('cb', e)), process.stdout.writable);")
    (tmp_path / "prog.py").write_text(PY_LOG + "print('ignored')\n"
                                      "log('w', process.stdout.write('x\\n', lambda e=None: "
                                      "log('cb', e)), process.stdout.writable)\n")
    runs = [subprocess.run(argv, cwd=tmp_path, capture_output=False, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(1),
                           timeout=30)
            for argv in ([node, "prog.js"], [sys.executable, "-m", "pynet", "prog.py"])]
    assert runs[0].stderr == b"w True True\ncb None\n"
    assert (runs[1].stderr, runs[1].returncode) == (runs[0].stderr, runs[0].returncode)
