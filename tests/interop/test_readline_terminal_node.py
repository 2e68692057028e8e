"""readline's terminal mode against node: the same keys give the same bytes.

Each scenario makes a terminal-mode interface (Node's ``readline`` or
``readline/promises``) over a PassThrough input and a Writable output that
records every ``write`` (escape sequences included), writes its input chunks
(typed text, escape sequences for the arrow keys, ctrl keys), then records the
interface's events (``'line'``, ``'history'``, ``'close'``, ``'SIGINT'``,
question answers and rejections), ``line``, ``cursor``, ``history``,
``historyIndex`` and ``getCursorPos()``.  The same scenario runs in node and
in pynet; the records must be identical, every byte of the output included.
A last test does the same on a real pseudo-terminal with ``process.stdin``
and ``process.stdout`` (raw mode, history with the up arrow).
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pynet import readline, run, stream, timers
from pynet._core.loop import Loop
from tests.helpers import run_node

pytestmark = pytest.mark.interop

FRUITS = ["apple", "apricot", "banana", "blueberry", "cherry"]

JS = r"""
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough, Writable } = require('stream');
const sc = JSON.parse(process.argv[1]);
const FRUITS = @FRUITS@;
const completers = {
  fruits: (line) => {
    const hits = FRUITS.filter((c) => c.startsWith(line));
    return [hits.length ? hits : FRUITS, line];
  },
  callback: (line, cb) => setImmediate(() => cb(null, [['alpha', 'alps'], line])),
  promise: (line) => Promise.resolve([['gamma', 'gammon'], line]),
};
const out = [];
const events = [];
const input = new PassThrough();
const output = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
if (sc.columns) output.columns = sc.columns;
const opts = { input, output, terminal: true, ...sc.options };
if (sc.completer) opts.completer = completers[sc.completer];
const mod = sc.promises ? readlinePromises : readline;
const rl = mod.createInterface(opts);
rl.on('line', (l) => events.push(['line', l]));
rl.on('history', (h) => events.push(['history', h.slice()]));
rl.on('close', () => events.push(['close']));
if (sc.sigint) rl.on('SIGINT', () => events.push(['SIGINT']));
if (sc.question !== undefined) {
  if (sc.promises) {
    rl.question(sc.question).then((a) => events.push(['answer', a]),
                                  (e) => events.push(['rejected', e.name, e.message]));
  } else {
    rl.question(sc.question, (a) => events.push(['answer', a]));
  }
}
if (sc.prompt) rl.prompt();
for (const chunk of sc.chunks) input.write(chunk);
setTimeout(() => {
  const pos = rl.getCursorPos();
  const state = { line: rl.line, cursor: rl.cursor, history: rl.history,
                  historyIndex: rl.historyIndex, pos: [pos.rows, pos.cols],
                  closed: !!rl.closed };
  rl.close();
  console.log(JSON.stringify({ out, events, state }));
}, 50);
""".replace("@FRUITS@", json.dumps(FRUITS))


def _completers() -> dict[str, Any]:
    def fruits(line: str) -> list[Any]:
        hits = [c for c in FRUITS if c.startswith(line)]
        return [hits or FRUITS, line]

    def callback(line: str, cb: Any) -> None:
        timers.setImmediate(lambda: cb(None, [["alpha", "alps"], line]))

    def promise(line: str) -> Any:
        from pynet import Promise
        return Promise.resolve([["gamma", "gammon"], line])

    return {"fruits": fruits, "callback": callback, "promise": promise}


def _pynet(sc: dict[str, Any]) -> dict[str, Any]:
    out: list[str] = []
    events: list[Any] = []
    inp = stream.PassThrough()

    class Output(stream.Writable):
        def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
            out.append(bytes(chunk).decode())
            cb()

    output = Output()
    if sc.get("columns"):
        output.columns = sc["columns"]  # type: ignore[attr-defined]
    opts: dict[str, Any] = {"input": inp, "output": output, "terminal": True,
                            **sc.get("options", {})}
    if sc.get("completer"):
        opts["completer"] = _completers()[sc["completer"]]
    mod: Any = readline.promises if sc.get("promises") else readline
    rl = mod.createInterface(opts)
    rl.on("line", lambda line: events.append(["line", line]))
    rl.on("history", lambda h: events.append(["history", list(h)]))
    rl.on("close", lambda: events.append(["close"]))
    if sc.get("sigint"):
        rl.on("SIGINT", lambda: events.append(["SIGINT"]))
    if "question" in sc:
        if sc.get("promises"):
            rl.question(sc["question"]).then(
                lambda a: events.append(["answer", a]),
                lambda e: events.append(["rejected", e.name, str(e)]))
        else:
            rl.question(sc["question"], lambda a: events.append(["answer", a]))
    if sc.get("prompt"):
        rl.prompt()
    for chunk in sc["chunks"]:
        inp.write(chunk)
    result: dict[str, Any] = {}

    def finish() -> None:
        pos = rl.getCursorPos()
        result["state"] = {"line": rl.line, "cursor": rl.cursor, "history": rl.history,
                           "historyIndex": rl.historyIndex, "pos": [pos.rows, pos.cols],
                           "closed": rl.closed}
        rl.close()
        result["out"] = out
        result["events"] = events

    timers.setTimeout(finish, 50)
    run()
    return {"out": result["out"], "events": result["events"], "state": result["state"]}


SCENARIOS: dict[str, dict[str, Any]] = {
    "history and editing keys": {
        "options": {"prompt": "$ ", "historySize": 3, "removeHistoryDuplicates": True},
        "columns": 20, "prompt": True,
        "chunks": ["one\r", "two\r", "one\r", "\x1b[A", "\x1b[A", "\x1b[B", " x\r",
                   "t", "\x1b[A", "\x1b[A", "\x1b[B", "\r",
                   "abc\x1b[D\x1b[D\x7fZ\x01\x05\x15yy\x19\r",
                   "hello world foo", "\x17", "\x17", "\x1bb", "\x1bf", "\x0b", "\r",
                   "a very long line that wraps around the terminal", "\x1b[H", "\x1b[F",
                   "\r", "q", "\x1f", "\x1f", "\x1e", "\r", "\x1b[A", "\x10", "\x0e"],
    },
    "paste in one chunk (keys after the first are appended)": {
        "options": {"prompt": "> "}, "prompt": True,
        "chunks": ["abc", "\x01", "XY\x1b[CZ\r", "left\x1b[D\x1b[Dmid\r"],
    },
    "history option, up and down, ctrl-P and ctrl-N": {
        "options": {"prompt": "> ", "history": ["gamma", "beta", "alpha"]}, "prompt": True,
        "chunks": ["\x1b[A", "\x1b[A", "\x1b[A", "\x1b[A", "\x1b[B", "\x10", "\x0e", "\x0e",
                   "\x0e", "b", "\x1b[A", "\x1b[A", "\x1b[B", "\r"],
    },
    "wide characters and tabs wrap at the output's columns": {
        "options": {"prompt": "日本> ", "tabSize": 4}, "columns": 12, "prompt": True,
        "chunks": ["漢字かな", "\tx", "\x1b[D", "\x1b[D", "\x1b[D", "\x7f", "\x1b[3~",
                   "\x1b[1;5D", "\x1b[1;5C", "\r"],
    },
    "kill ring: ctrl-U, ctrl-K, ctrl-W, ctrl-Y, meta-Y": {
        "options": {"prompt": ""},
        "chunks": ["one two three", "\x17", "\x17", "\x01", "\x0b", "\x19", "\x19",
                   "\x1by", "\x1by", "\x1b\x7f", "\x1bd", "\r"],
    },
    "sync completer: common prefix, then the list on a second tab": {
        "options": {"prompt": "> "}, "completer": "fruits", "columns": 30, "prompt": True,
        "chunks": ["a", "\t", "\t", "\t", "r", "\t", "\r", "b", "\t", "\t", "\x15", "\t",
                   "\t"],
    },
    "callback completer (two parameters)": {
        "options": {"prompt": "> "}, "completer": "callback", "prompt": True,
        "chunks": ["al", "\t"],
    },
    "question in terminal mode": {
        "options": {"prompt": "> "}, "question": "Name? ",
        "chunks": ["Ann", "\r", "next\r"],
    },
    "ctrl-C with a SIGINT listener, then ctrl-D on an empty line": {
        "options": {"prompt": "> "}, "sigint": True, "prompt": True,
        "chunks": ["abc", "\x03", "\x04", "\x15", "\x04"],
    },
    "ctrl-C closes": {
        "options": {"prompt": "> "}, "prompt": True, "chunks": ["abc", "\x03", "more\r"],
    },
    "readline/promises: question, then ctrl-C rejects the next": {
        "promises": True, "options": {"prompt": "> "}, "question": "Q? ",
        "chunks": ["yes\r"],
    },
    "readline/promises: ctrl-D rejects a pending question": {
        "promises": True, "options": {"prompt": "> "}, "question": "Q? ",
        "chunks": ["\x04"],
    },
    "readline/promises: a completer returning a Promise": {
        "promises": True, "options": {"prompt": "> "}, "completer": "promise",
        "prompt": True, "chunks": ["ga", "\t", "m", "\t", "\t"],
    },
    "crlf and lone line feeds": {
        "options": {"prompt": "> "}, "prompt": True,
        "chunks": ["a\r\nb\nc\r", "\n", "d\n\n"],
    },
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_terminal_scenario_matches_node(name: str, node: str, loop: Loop) -> None:
    sc = SCENARIOS[name]
    # pynet first: the loop's clock is read when it starts (as libuv's), so a
    # slow step before run() would make the 50 ms snapshot timer due at once.
    got = json.loads(json.dumps(_pynet(json.loads(json.dumps(sc)))))  # a copy: the history list is used
    want = json.loads(run_node(JS, json.dumps(sc)))
    assert got["events"] == want["events"]
    assert got["state"] == want["state"]
    assert got["out"] == want["out"]


READLINE_JS = r"""
const { Readline } = require('readline/promises');
const { Writable } = require('stream');
const writes = [];
const w = new Writable({ write(c, e, cb) { writes.push(c.toString()); cb(); } });
const order = [];
(async () => {
  const rl = new Readline(w);
  rl.cursorTo(3).moveCursor(-1, 2).clearLine(1).clearScreenDown().cursorTo(0, 0);
  order.push(['queued', writes.length]);
  await rl.commit();
  order.push(['committed', writes.length]);
  rl.clearLine(0).rollback();
  await rl.commit();
  const auto = new Readline(w, { autoCommit: true });
  auto.moveCursor(2, -3).clearLine(-1);
  order.push(['auto sync', writes.length]);
  process.nextTick(() => order.push(['auto tick', writes.length]));
  await new Promise((r) => setImmediate(r));
  order.push(['auto later', writes.length]);
  console.log(JSON.stringify({ writes, order }));
})();
"""


def test_readline_class_matches_node(node: str, loop: Loop) -> None:
    from pynet import Promise
    from pynet.process import nextTick

    want = json.loads(run_node(READLINE_JS))
    writes: list[str] = []
    order: list[Any] = []

    class W(stream.Writable):
        def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
            writes.append(bytes(chunk).decode())
            cb()

    w = W()

    async def main() -> None:
        rl = readline.promises.Readline(w)
        rl.cursorTo(3).moveCursor(-1, 2).clearLine(1).clearScreenDown().cursorTo(0, 0)
        order.append(["queued", len(writes)])
        await rl.commit()
        order.append(["committed", len(writes)])
        rl.clearLine(0).rollback()
        await rl.commit()
        auto = readline.promises.Readline(w, {"autoCommit": True})
        auto.moveCursor(2, -3).clearLine(-1)
        order.append(["auto sync", len(writes)])
        nextTick(lambda: order.append(["auto tick", len(writes)]))
        await Promise(lambda resolve, reject: timers.setImmediate(resolve))
        order.append(["auto later", len(writes)])

    run(main())
    assert {"writes": writes, "order": order} == want


PTY_JS = r"""
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout,
                                      prompt: '> ', removeHistoryDuplicates: true });
const seen = [];
rl.on('history', (h) => seen.push(h.join('|')));
rl.on('line', (line) => {
  seen.push('line:' + line);
  if (line === 'quit') rl.close(); else rl.prompt();
});
rl.on('close', () => {
  process.stderr.write(JSON.stringify(seen) + ' raw=' + process.stdin.isRaw + '\n');
});
rl.prompt();
"""

PTY_PY = r"""
import json
from pynet import process, readline

rl = readline.createInterface({'input': process.stdin, 'output': process.stdout,
                               'prompt': '> ', 'removeHistoryDuplicates': True})
seen = []
rl.on('history', lambda h: seen.append('|'.join(h)))


def on_line(line):
    seen.append('line:' + line)
    if line == 'quit':
        rl.close()
    else:
        rl.prompt()


rl.on('line', on_line)
rl.on('close', lambda: process.stderr.write(
    json.dumps(seen, separators=(',', ':')) + ' raw=' + str(process.stdin.isRaw).lower() + '\n'))
rl.prompt()
"""


def _run_on_pty(argv: list[str], cwd: Path, data: bytes,
                timeout: float = 30) -> tuple[bytes, bytes, int]:
    """Run with stdin and stdout on a pty; type ``data`` once the prompt shows
    (raw mode is on by then: the interface sets it before it prompts)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=slave, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    sent = False
    deadline = time.monotonic() + timeout
    try:
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
                if not sent and b"> " in out:
                    os.write(master, data)
                    sent = True
            elif proc.poll() is not None:
                break
        _, err = proc.communicate(timeout=timeout)
    finally:
        os.close(master)
    return out, err, proc.returncode


def test_history_on_a_real_terminal_matches_node(node: str, tmp_path: Path) -> None:
    (tmp_path / "prog.js").write_text(PTY_JS)
    (tmp_path / "prog.py").write_text(PTY_PY)
    data = b"first\rsecond\r\x1b[A\x1b[A\r\x1b[Ax\rquit\r"
    want = _run_on_pty([node, "prog.js"], tmp_path, data)
    got = _run_on_pty([sys.executable, "-m", "pynet", "prog.py"], tmp_path, data)
    assert want[2] == 0, want
    assert got == want
    assert b"firstx|first|second" in got[1] and b"raw=false" in got[1]


@pytest.mark.parametrize("promises", [False, True])
def test_dumb_terminal_matches_node(promises: bool, node: str, loop: Loop,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``TERM=dumb``: the prompt is written plainly; the callback interface
    appends and echoes typed text without editing (``_ttyWriteDumb``), the
    promises interface still edits."""
    monkeypatch.setenv("TERM", "dumb")
    sc = {"promises": promises, "options": {"prompt": "> "}, "prompt": True,
          "chunks": ["ab\x1b[Dc", "\x7f", "\r", "x\x03"]}
    got = json.loads(json.dumps(_pynet(json.loads(json.dumps(sc)))))
    want = json.loads(run_node(JS, json.dumps(sc)))
    assert got == want
