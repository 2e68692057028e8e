"""A differential fuzzer: random Node ``net`` programs, run by node and by pynet.

Theory of operation
-------------------
One *description* (a seed gives one, :func:`generate`) says what a program does:
a server that closes after its first connection, a client, and for each side a
chain of *steps*.  A step is an action on the socket (write, end, destroy,
pause, resume, setEncoding, cork, setTimeout, a state dump…) scheduled after
the previous one in one of Node's ways: synchronously, by ``process.nextTick``,
``setImmediate`` or a short ``setTimeout``.  The server side's chain starts in
the ``'connection'`` listener, the client's right after ``net.connect`` or in
its ``'connect'`` listener.

From the description, :func:`render_js` writes a JavaScript program and
:func:`render_py` its transliteration to pynet, following the Python mapping
(``lambda`` listeners with as many parameters as the JS arrow function has,
``bytes`` for Buffers, ``None`` for ``null``).  Both print one line per
observable event (``'data'`` runs merged into one line with their total length
and a hash of their content, so TCP's chunking does not show), tagged by the
object it happened on: ``C`` the client, ``S`` the server-side socket, ``L``
the server.

Judging
-------
Events of different objects interleave as the network pleases, so each tag's
lines are compared on their own.  A program whose trace is not the same in two
runs under node is *unstable* (its outcome depends on timing) and is not
judged.  Otherwise pynet's trace must equal node's, tag by tag, and so must the
exit status.

Invariants: programs only use loopback and port 0; every program ends (both
sockets are ended or destroyed at the end of their chains and the server
closes after one connection); a run is killed after :data:`TIMEOUT` seconds.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIMEOUT = 10.0
#: The perturbed node runs, (busy-wait per step and event, extra delay per timer step) in ms:
#: a slower runtime, and timers that fire late relative to I/O.
PERTURBATIONS = ((2, 0), (8, 0), (0, 10))
#: pynet runs a program up to this many times: a run that matches node's trace
#: shows pynet can produce it, and the others met a race that node's runs did not.
#: Only a mismatch costs another run, so a generous count is cheap.
PYNET_RUNS = 6

#: How many more times node runs before a divergence is reported (see :func:`judge`).
#: Run only after pynet's runs all differed.  Seed 10 (two 1 ms timers on the two
#: sides, made a fraction of a millisecond apart) prints one of two traces under node
#: itself, about 1 run in 3 the rarer one: 3 rechecks let it through as a divergence
#: one time in 3 or 4 under load, 8 about one time in 25 of the (already rare) runs
#: where pynet's six runs all met the other side of the race.
NODE_RECHECKS = 8

SCHEDULES = ("sync", "tick", "immediate", "timer")
ENCODINGS = ("utf8", "hex", "latin1", "base64")
TEXTS = ("abc", "héllo", "€uro", "😀!", "x")


# --- descriptions ------------------------------------------------------------------

@dataclass
class Step:
    """One action on a socket, run ``when`` after the previous step."""

    when: str                      # 'sync' | 'tick' | 'immediate' | 'timer'
    action: str
    args: dict[str, Any] = field(default_factory=dict)
    delay: int = 0                 # ms, for 'timer'


@dataclass
class Program:
    """A server, a client and the step chains of both ends."""

    seed: int
    server_opts: dict[str, bool]
    client_opts: dict[str, bool]
    client_starts: str             # 'now' (before 'connect') or 'connect'
    client: list[Step]
    server: list[Step]

    def to_json(self) -> str:
        return json.dumps({"seed": self.seed, "server_opts": self.server_opts,
                           "client_opts": self.client_opts, "client_starts": self.client_starts,
                           "client": [s.__dict__ for s in self.client],
                           "server": [s.__dict__ for s in self.server]}, indent=1)


def _payload(rng: random.Random) -> dict[str, Any]:
    size = rng.choice([1, 3, 17, 100, 1000, 70_000, 300_000])
    text = rng.choice(TEXTS)
    kind = rng.choice(["str", "buf"])
    return {"text": text, "repeat": max(1, size // len(text.encode())), "kind": kind}


def _step(rng: random.Random, final: bool) -> Step:
    when = rng.choice(SCHEDULES)
    delay = rng.choice([0, 1, 5]) if when == "timer" else 0
    if final:
        action = rng.choice(["end", "end", "end_data", "destroy", "destroy_err"])
    else:
        action = rng.choices(
            ["write", "write_cb", "write_cb0", "end", "end_data", "pause", "resume",
             "setEncoding", "cork", "uncork", "state", "setTimeout", "setNoDelay", "destroy"],
            weights=[6, 4, 2, 1, 1, 2, 2, 2, 1, 1, 3, 1, 1, 1])[0]
    args: dict[str, Any] = {}
    if action in ("write", "write_cb", "write_cb0", "end_data"):
        args["data"] = _payload(rng)
    elif action == "setEncoding":
        args["encoding"] = rng.choice(ENCODINGS)
    elif action == "setTimeout":
        args["ms"] = rng.choice([1, 20, 500])
    return Step(when, action, args, delay)


def _chain(rng: random.Random) -> list[Step]:
    steps = [_step(rng, final=False) for _ in range(rng.randint(0, 6))]
    steps.append(_step(rng, final=True))
    return steps


def generate(seed: int) -> Program:
    """The program of one seed (the same seed always gives the same program)."""
    rng = random.Random(seed)
    return Program(
        seed=seed,
        server_opts={"allowHalfOpen": rng.random() < 0.3, "pauseOnConnect": rng.random() < 0.2},
        client_opts={"allowHalfOpen": rng.random() < 0.3},
        client_starts=rng.choice(["now", "connect"]),
        client=_chain(rng),
        server=_chain(rng),
    )


# --- rendering ---------------------------------------------------------------------

JS_PRELUDE = r"""'use strict';
const net = require('net');
const crypto = require('crypto');
const pending = {};
// Perturbation for the stability check: busy-wait this long before every step and event.
const SLOW = Number(process.env.DIFFFUZZ_SLOW_MS || 0);
// ... and this much later for every timer step (timers late relative to I/O).
const LATE = Number(process.env.DIFFFUZZ_LATE_MS || 0);
function jitter() { if (SLOW) { const end = Date.now() + SLOW; while (Date.now() < end); } }
function out(line) { process.stdout.write(line + '\n'); }
function flush(tag) {
  const p = pending[tag];
  if (p) {
    out(`${tag} data ${p.kind} ${p.length} ${p.hash.digest('hex').slice(0, 12)}`);
    delete pending[tag];
  }
}
function log(tag, ...parts) { jitter(); flush(tag); out([tag, ...parts.map(fmt)].join(' ')); }
function fmt(v) {
  if (v === undefined || v === null) return 'null';
  if (v instanceof Error) return `Error(${v.code !== undefined ? v.code : v.message})`;
  return String(v);
}
function onData(tag, chunk) {
  const kind = typeof chunk === 'string' ? 'str' : 'buf';
  let p = pending[tag];
  if (p && p.kind !== kind) { flush(tag); p = undefined; }
  if (!p) p = pending[tag] = { kind, length: 0, hash: crypto.createHash('sha1') };
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  p.length += bytes.length;
  p.hash.update(bytes);
}
function trace(tag, s) {
  s.on('data', (d) => onData(tag, d));
  for (const ev of ['connect', 'ready', 'end', 'finish', 'drain', 'timeout'])
    s.on(ev, () => log(tag, ev));
  s.on('close', (hadError) => log(tag, 'close', hadError));
  s.on('error', (err) => log(tag, 'error', err));
}
function state(tag, s) {
  log(tag, 'state', s.readyState, s.destroyed, s.writable, s.writableEnded,
      s.writableFinished, s.bytesWritten, s.pending, s.connecting);
}
function payload(text, repeat, kind) {
  const s = text.repeat(repeat);
  return kind === 'buf' ? Buffer.from(s, 'utf8') : s;
}
process.on('exit', (code) => {
  for (const t of Object.keys(pending)) flush(t);
  out(`exit ${code}`);
});
"""

PY_PRELUDE = r"""import hashlib

from pynet import nextTick, run, setImmediate, setTimeout
from pynet import net

pending = {}


def out(line):
    print(line, flush=False)


def flush(tag):
    p = pending.pop(tag, None)
    if p:
        out(f"{tag} data {p['kind']} {p['length']} {p['hash'].hexdigest()[:12]}")


def fmt(v):
    if v is None:
        return 'null'
    if isinstance(v, BaseException):
        code = getattr(v, 'code', None)
        return f"Error({code if code is not None else v})"
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def log(tag, *parts):
    flush(tag)
    out(' '.join([tag, *map(fmt, parts)]))


def on_data(tag, chunk):
    kind = 'str' if isinstance(chunk, str) else 'buf'
    p = pending.get(tag)
    if p and p['kind'] != kind:
        flush(tag)
        p = None
    if not p:
        p = pending[tag] = {'kind': kind, 'length': 0, 'hash': hashlib.sha1()}
    data = chunk.encode('utf8', 'surrogatepass') if isinstance(chunk, str) else chunk
    p['length'] += len(data)
    p['hash'].update(data)


def trace(tag, s):
    s.on('data', lambda d: on_data(tag, d))
    for ev in ['connect', 'ready', 'end', 'finish', 'drain', 'timeout']:
        s.on(ev, lambda ev=ev: log(tag, ev))
    s.on('close', lambda hadError: log(tag, 'close', hadError))
    s.on('error', lambda err: log(tag, 'error', err))


def state(tag, s):
    log(tag, 'state', s.readyState, s.destroyed, s.writable, s.writableEnded,
        s.writableFinished, s.bytesWritten, s.pending, s.connecting)


def payload(text, repeat, kind):
    s = text * repeat
    return s.encode('utf8') if kind == 'buf' else s
"""


def _js_data(d: dict[str, Any]) -> str:
    return f"payload({json.dumps(d['text'])}, {d['repeat']}, '{d['kind']}')"


def _py_data(d: dict[str, Any]) -> str:
    return f"payload({json.dumps(d['text'], ensure_ascii=False)}, {d['repeat']}, '{d['kind']}')"


def _js_action(step: Step, tag: str, s: str) -> list[str]:
    a = step.args
    match step.action:
        case "write":
            return [f"log('{tag}', 'write', {s}.write({_js_data(a['data'])}));"]
        case "write_cb":
            return [f"log('{tag}', 'write', {s}.write({_js_data(a['data'])}, "
                    f"(err) => log('{tag}', 'wcb', err)));"]
        case "write_cb0":
            return [f"log('{tag}', 'write', {s}.write({_js_data(a['data'])}, "
                    f"() => log('{tag}', 'wcb0')));"]
        case "end":
            return [f"{s}.end(); log('{tag}', 'ended');"]
        case "end_data":
            return [f"{s}.end({_js_data(a['data'])}, () => log('{tag}', 'end-cb'));"]
        case "destroy":
            return [f"{s}.destroy(); log('{tag}', 'destroyed');"]
        case "destroy_err":
            return [f"{s}.destroy(new Error('boom')); log('{tag}', 'destroyed');"]
        case "pause" | "resume" | "cork" | "uncork":
            return [f"{s}.{step.action}();"]
        case "setEncoding":
            return [f"{s}.setEncoding('{a['encoding']}');"]
        case "setTimeout":
            return [f"{s}.setTimeout({a['ms']}, () => {{ log('{tag}', 'timeout-cb'); "
                    f"{s}.setTimeout(0); }});"]
        case "setNoDelay":
            return [f"{s}.setNoDelay(true);"]
        case "state":
            return [f"state('{tag}', {s});"]
    raise AssertionError(step.action)


def _py_action(step: Step, tag: str, s: str) -> list[str]:
    a = step.args
    match step.action:
        case "write":
            return [f"log('{tag}', 'write', {s}.write({_py_data(a['data'])}))"]
        case "write_cb":
            return [f"log('{tag}', 'write', {s}.write({_py_data(a['data'])}, "
                    f"lambda err: log('{tag}', 'wcb', err)))"]
        case "write_cb0":
            return [f"log('{tag}', 'write', {s}.write({_py_data(a['data'])}, "
                    f"lambda: log('{tag}', 'wcb0')))"]
        case "end":
            return [f"{s}.end()", f"log('{tag}', 'ended')"]
        case "end_data":
            return [f"{s}.end({_py_data(a['data'])}, lambda: log('{tag}', 'end-cb'))"]
        case "destroy":
            return [f"{s}.destroy()", f"log('{tag}', 'destroyed')"]
        case "destroy_err":
            return [f"{s}.destroy(Exception('boom'))", f"log('{tag}', 'destroyed')"]
        case "pause" | "resume" | "cork" | "uncork":
            return [f"{s}.{step.action}()"]
        case "setEncoding":
            return [f"{s}.setEncoding('{a['encoding']}')"]
        case "setTimeout":
            return [f"{s}.setTimeout({a['ms']}, lambda: (log('{tag}', 'timeout-cb'), "
                    f"{s}.setTimeout(0)))"]
        case "setNoDelay":
            return [f"{s}.setNoDelay(True)"]
        case "state":
            return [f"state('{tag}', {s})"]
    raise AssertionError(step.action)


def _js_chain(steps: list[Step], tag: str, s: str, indent: str) -> list[str]:
    """Nested JS: each step's body schedules the next one."""
    if not steps:
        return []
    step, rest = steps[0], steps[1:]
    body = [indent + "  jitter();"]
    body += [indent + "  " + line for line in _js_action(step, tag, s)]
    body += _js_chain(rest, tag, s, indent + "  ")
    match step.when:
        case "sync":
            return [indent + "{", *body, indent + "}"]
        case "tick":
            return [indent + "process.nextTick(() => {", *body, indent + "});"]
        case "immediate":
            return [indent + "setImmediate(() => {", *body, indent + "});"]
        case _:
            return [indent + "setTimeout(() => {", *body, indent + f"}}, {step.delay} + LATE);"]


def _py_chain(steps: list[Step], tag: str, s: str, indent: str, n: int = 0) -> list[str]:
    """Nested Python: a ``def`` per step, scheduled as the JS arrow function is."""
    if not steps:
        return []
    step, rest = steps[0], steps[1:]
    name = f"{tag.lower()}_step{n}"
    lines = [indent + f"def {name}():"]
    lines += [indent + "    " + line for line in _py_action(step, tag, s)]
    lines += _py_chain(rest, tag, s, indent + "    ", n + 1)
    match step.when:
        case "sync":
            lines.append(indent + f"{name}()")
        case "tick":
            lines.append(indent + f"nextTick({name})")
        case "immediate":
            lines.append(indent + f"setImmediate({name})")
        case _:
            lines.append(indent + f"setTimeout({name}, {step.delay})")
    return lines


def _js_bool(v: bool) -> str:
    return "true" if v else "false"


def render_js(p: Program) -> str:
    """The node program of a description."""
    so, co = p.server_opts, p.client_opts
    lines = [JS_PRELUDE,
             f"const server = net.createServer({{allowHalfOpen: {_js_bool(so['allowHalfOpen'])}, "
             f"pauseOnConnect: {_js_bool(so['pauseOnConnect'])}}}, (s) => {{",
             # The connection event is perturbed too: a slower runtime may accept
             # in a later millisecond than the listen callback ran, so the two
             # sides' timers stop sharing a timers phase (seed 10 met that race).
             "  jitter();",
             "  trace('S', s);",
             "  server.close((err) => log('L', 'close-cb', err));"]
    lines += _js_chain(p.server, "S", "s", "  ")
    lines += ["});",
              "server.on('close', () => log('L', 'close'));",
              "server.listen(0, '127.0.0.1', () => {",
              "  log('L', 'listening');",
              "  const c = net.connect({port: server.address().port, host: '127.0.0.1', "
              f"allowHalfOpen: {_js_bool(co['allowHalfOpen'])}}});",
              "  trace('C', c);"]
    chain = _js_chain(p.client, "C", "c", "    ")
    if p.client_starts == "connect":
        lines += ["  c.once('connect', () => {", *chain, "  });"]
    else:
        lines += chain
    lines.append("});")
    return "\n".join(lines) + "\n"


def render_py(p: Program) -> str:
    """The pynet transliteration of a description."""
    so, co = p.server_opts, p.client_opts
    lines = [PY_PRELUDE, "",
             "def on_connection(s):",
             "    trace('S', s)",
             "    server.close(lambda err: log('L', 'close-cb', err))"]
    lines += _py_chain(p.server, "S", "s", "    ")
    lines += ["",
              "",
              f"server = net.createServer({{'allowHalfOpen': {so['allowHalfOpen']}, "
              f"'pauseOnConnect': {so['pauseOnConnect']}}}, on_connection)",
              "server.on('close', lambda: log('L', 'close'))",
              "",
              "",
              "def on_listening():",
              "    log('L', 'listening')",
              "    c = net.connect({'port': server.address().port, 'host': '127.0.0.1', "
              f"'allowHalfOpen': {co['allowHalfOpen']}}})",
              "    trace('C', c)"]
    if p.client_starts == "connect":
        lines += ["", "    def on_connect():"]
        lines += _py_chain(p.client, "C", "c", "        ")
        lines += ["    c.once('connect', on_connect)"]
    else:
        lines += _py_chain(p.client, "C", "c", "    ")
    lines += ["",
              "",
              "server.listen(0, '127.0.0.1', on_listening)",
              "code = 0",
              "try:",
              "    run()",
              "except BaseException as exc:",
              "    import traceback",
              "    traceback.print_exc()",
              "    code = 1",
              "for tag in list(pending):",
              "    flush(tag)",
              "out(f'exit {code}')",
              "raise SystemExit(code)"]
    return "\n".join(lines) + "\n"


# --- running and judging -------------------------------------------------------------

@dataclass
class Outcome:
    """What one run printed, split by tag."""

    lines: list[str]
    stderr: str
    timed_out: bool = False

    def by_tag(self) -> dict[str, list[str]]:
        tags: dict[str, list[str]] = {}
        for line in self.lines:
            tag = line.split(" ", 1)[0]
            tags.setdefault(tag, []).append(line)
        return tags


def _run(cmd: list[str], slow_ms: int = 0, late_ms: int = 0) -> Outcome:
    env = {**os.environ, "DIFFFUZZ_SLOW_MS": str(slow_ms), "DIFFFUZZ_LATE_MS": str(late_ms)}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return Outcome([*out.splitlines(), "exit timeout"], "", timed_out=True)
    lines = proc.stdout.splitlines()
    if not lines or not lines[-1].startswith("exit "):
        lines.append(f"exit {proc.returncode}")
    return Outcome(lines, proc.stderr)


@dataclass
class Verdict:
    """The result of one program: 'same', 'unstable' or 'diverged' (with the details)."""

    seed: int
    kind: str
    detail: str = ""


def judge(program: Program, workdir: Path, node: str = "node",
          python: str = sys.executable) -> Verdict:
    """Run one program under node as it is and perturbed, then under pynet, and compare.

    pynet's trace must equal node's in one of :data:`PYNET_RUNS` runs.

    The perturbed runs (:data:`PERTURBATIONS`) busy-wait before every step and
    event, as a slower runtime would, or fire every timer step later: a program
    whose node trace changes with them depends on timing and is not judged.
    Before a divergence is reported, node runs once more, so a program whose
    node trace changes with the machine's load is not judged either.
    """
    js = workdir / f"prog_{program.seed}.js"
    py = workdir / f"prog_{program.seed}.py"
    js.write_text(render_js(program))
    py.write_text(render_py(program))
    first = _run([node, str(js)])
    if first.timed_out:
        return Verdict(program.seed, "unstable")
    for slow, late in PERTURBATIONS:
        if _run([node, str(js)], slow, late).by_tag() != first.by_tag():
            return Verdict(program.seed, "unstable")
    want = first.by_tag()
    for _ in range(PYNET_RUNS):
        ours = _run([python, str(py)])
        got = ours.by_tag()
        if want == got:
            return Verdict(program.seed, "same")
    # Discussion: the perturbed runs above happened a few seconds ago; under a
    # machine's changing load (a CI runner, parallel jobs) a race can show up
    # only now.  Node's own trace is taken again, NODE_RECHECKS times, under the
    # same load that pynet's runs just met: if node cannot repeat its first
    # trace every time, the program depends on timing and is not judged.  (One
    # re-run was not enough: under heavy load a racy program can repeat its
    # trace five times in a row and still print another one on the next try.)
    for _ in range(NODE_RECHECKS):
        if _run([node, str(js)]).by_tag() != want:
            return Verdict(program.seed, "unstable")
    lines = []
    for tag in sorted(set(want) | set(got)):
        if want.get(tag) != got.get(tag):
            lines.append(f"-- {tag}: node")
            lines += ["   " + x for x in want.get(tag, [])]
            lines.append(f"-- {tag}: pynet")
            lines += ["   " + x for x in got.get(tag, [])]
    if ours.stderr.strip():
        lines.append("-- pynet stderr")
        lines += ["   " + x for x in ours.stderr.strip().splitlines()[-15:]]
    return Verdict(program.seed, "diverged", "\n".join(lines))


def fuzz(seeds: range, node: str = "node", keep: Path | None = None) -> list[Verdict]:
    """Judge every seed in ``seeds``; keep the programs in ``keep`` if given."""
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="pynet-difffuzz-") as tmp:
        workdir = keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            verdicts.append(judge(generate(seed), workdir, node))
    return verdicts
