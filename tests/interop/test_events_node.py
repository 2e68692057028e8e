"""pynet.events.EventEmitter against Node's own EventEmitter.

One scenario is written twice, in JavaScript (run by ``node``) and in Python
(on :class:`pynet.events.EventEmitter`); each prints a trace, one JSON value a
line, and the traces must be identical.  Functions are traced by name; a
``once`` wrapper as ``wrap(<name>)`` (both have ``.listener``).
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from pynet.events import EventEmitter, MaxListenersExceededWarning

JS = r"""
const EventEmitter = require('events');
const out = [];
const T = (...a) => out.push(a);
const L = (f) => (f && f.listener) ? `wrap(${f.listener.name})` : (f ? f.name : String(f));
const names = (fs) => fs.map(L);

// 1. newListener / removeListener order, once, prepend, introspection.
let e = new EventEmitter();
function onNew(type, fn) { T('newListener', type, L(fn), e.listenerCount(type)); }
function onRemove(type, fn) { T('removeListener', type, L(fn), e.listenerCount(type)); }
T('chain', e.on('newListener', onNew) === e);
e.on('removeListener', onRemove);
function f(...a) { T('f', a); }
function g(x) { T('g', x); }
function h() { T('h'); }
function k(a, b) { T('k', a, b); }
T('chain', e.once('x', f) === e, e.prependListener('x', g) === e,
  e.prependOnceListener('x', h) === e, e.addListener('x', k) === e);
T('listeners', names(e.listeners('x')), 'raw', names(e.rawListeners('x')));
T('count', e.listenerCount('x'), e.listenerCount('x', f), e.listenerCount('x', k),
  e.listenerCount('nope'));
T('names', e.eventNames());
T('emit', e.emit('x', 1, 2, 3));
T('after', names(e.rawListeners('x')));
T('emit', e.emit('x', 4));
T('emit nothing', e.emit('nothing', 1));

// 2. duplicates, last-match removal, once+on of one function.
e = new EventEmitter();
e.on('removeListener', onRemove);
e.on('d', f); e.once('d', f); e.on('d', f);
T('dups', names(e.rawListeners('d')), e.listenerCount('d', f));
e.emit('d', 'a');
T('dups after emit', names(e.rawListeners('d')));
e.off('d', f);
T('dups after off', names(e.rawListeners('d')));
e.once('d', g);
e.off('d', e.rawListeners('d')[1]);
T('off by wrapper', names(e.rawListeners('d')));
e.off('d', h);
T('off missing', names(e.rawListeners('d')));
e.off('d', f);
T('off last', e.eventNames());
e.once('s', g);
e.emit('s', 'single');

// 3. removeAllListeners, with and without 'removeListener' listeners.
e = new EventEmitter();
function r2(type, fn) { T('r2', type, L(fn)); }
e.on('removeListener', onRemove);
e.once('a', f); e.on('a', g); e.once('a', h); e.on('b', k); e.on('c', f);
e.on('removeListener', r2);
T('removeAll a', e.removeAllListeners('a') === e);
T('names', e.eventNames());
e.on('a', f); e.once('a', g);
T('names', e.eventNames());
e.removeAllListeners();
T('names after all', e.eventNames());
e = new EventEmitter();
e.on('p', f); e.on('q', g);
e.removeAllListeners('p');
T('quiet removeAll', e.eventNames());
e.removeAllListeners();
T('quiet removeAll()', e.eventNames());

// 4. changes during emit.
e = new EventEmitter();
function a1() { T('a1'); e.off('m', b1); e.on('m', c1); e.off('m', o1); }
function b1() { T('b1'); }
function c1() { T('c1'); }
function o1() { T('o1'); }
e.on('m', a1); e.on('m', b1); e.once('m', o1);
e.emit('m'); e.emit('m');
T('during', names(e.rawListeners('m')));
e = new EventEmitter();
function again() { T('again'); e.emit('r'); }
e.once('r', again);
e.emit('r');
function thrower() { T('thrower'); throw new Error('boom'); }
e.on('t', thrower); e.on('t', b1);
try { e.emit('t'); } catch (err) { T('thrown', err.message); }

// 5. arity: extra arguments are ignored.
e = new EventEmitter();
e.on('ar', function none() { T('none'); });
e.on('ar', function one(a) { T('one', a); });
e.on('ar', function two(a, b) { T('two', a, b === undefined ? 'undefined' : b); });
e.on('ar', function rest(...r) { T('rest', r); });
e.emit('ar', 1, 2, 3);
e.emit('ar', 'only');

// 6. bad listeners.
for (const v of [42, 'x', null, {}, [], true, 1.5]) {
  for (const m of ['on', 'once', 'prependListener', 'prependOnceListener', 'off']) {
    if (v === null && m !== 'off') continue;  // pynet: on(event, None) is the decorator form
    try { e[m]('z', v); T('no throw', m); }
    catch (err) { T(m, err.code, err.name, err.message); }
  }
}

// 7. unhandled 'error'.
const values = [['boom'], [], [42], [null], [1.5], [true], ["it's"], ['a\nb'],
                [{a: 1, 'b-c': [1, 'x']}], [[1, 2]], [{}], [[]], [-0], [1e21]];
for (const args of values) {
  try { e.emit('error', ...args); T('no throw'); }
  catch (err) { T('unhandled', err.code, err.message, err.context === args[0]); }
}
const myErr = new Error('mine');
try { e.emit('error', myErr); } catch (err) { T('raised', err === myErr); }
e.on('error', function onError(err) { T('handled', err); });
T('handled emit', e.emit('error', 'x'));

// 8. setMaxListeners / getMaxListeners and the leak warning.
e = new EventEmitter();
T('default max', e.getMaxListeners(), EventEmitter.defaultMaxListeners);
for (const v of [-1, 'a', NaN, true, null, -5000000000, -1.5]) {
  try { e.setMaxListeners(v); T('set', v); }
  catch (err) { T('setMax', err.code, err.name, err.message); }
}
T('set chain', e.setMaxListeners(3) === e, e.getMaxListeners());
const warned = [];
const leakEmitter = e;
process.on('warning', (w) => warned.push([w.name, w.message, w.type, w.count,
                                          w.emitter === leakEmitter]));
const fs = [];
for (let i = 0; i < 6; i++) fs.push(function () {});
for (let i = 0; i < 6; i++) e.on('leak', fs[i]);
for (let i = 1; i < 6; i++) e.off('leak', fs[i]);
for (let i = 1; i < 5; i++) e.on('leak', fs[i]);
e.setMaxListeners(0);
for (let i = 0; i < 20; i++) e.on('many', fs[0]);
class MyEmitter extends EventEmitter {}
e = new MyEmitter();
e.setMaxListeners(1);
e.on('sub', f); e.prependListener('sub', g);
T('infinite', String(e.setMaxListeners(Infinity).getMaxListeners()));

process.on('exit', () => {
  for (const w of warned) T('warning', ...w);
  for (const line of out) console.log(JSON.stringify(line));
});
"""


def python_trace() -> list[Any]:
    """The same scenario on pynet.events.EventEmitter."""
    out: list[Any] = []

    def T(*a: Any) -> None:
        out.append(list(a))

    def L(fn: Any) -> str:
        original = getattr(fn, "listener", None)
        return f"wrap({original.__name__})" if original is not None else fn.__name__

    def names(fns: list[Callable[..., Any]]) -> list[str]:
        return [L(fn) for fn in fns]

    # 1.
    e = EventEmitter()

    def onNew(type_: str, fn: Any) -> None:
        T("newListener", type_, L(fn), e.listenerCount(type_))

    def onRemove(type_: str, fn: Any) -> None:
        T("removeListener", type_, L(fn), e.listenerCount(type_))

    T("chain", e.on("newListener", onNew) is e)
    e.on("removeListener", onRemove)

    def f(*a: Any) -> None:
        T("f", list(a))

    def g(x: Any) -> None:
        T("g", x)

    def h() -> None:
        T("h")

    def k(a: Any, b: Any = None) -> None:  # JS: b is undefined when missing
        T("k", a, b)

    T("chain", e.once("x", f) is e, e.prependListener("x", g) is e,
      e.prependOnceListener("x", h) is e, e.addListener("x", k) is e)
    T("listeners", names(e.listeners("x")), "raw", names(e.rawListeners("x")))
    T("count", e.listenerCount("x"), e.listenerCount("x", f), e.listenerCount("x", k),
      e.listenerCount("nope"))
    T("names", e.eventNames())
    T("emit", e.emit("x", 1, 2, 3))
    T("after", names(e.rawListeners("x")))
    T("emit", e.emit("x", 4))
    T("emit nothing", e.emit("nothing", 1))

    # 2.
    e = EventEmitter()
    e.on("removeListener", onRemove)
    e.on("d", f)
    e.once("d", f)
    e.on("d", f)
    T("dups", names(e.rawListeners("d")), e.listenerCount("d", f))
    e.emit("d", "a")
    T("dups after emit", names(e.rawListeners("d")))
    e.off("d", f)
    T("dups after off", names(e.rawListeners("d")))
    e.once("d", g)
    e.off("d", e.rawListeners("d")[1])
    T("off by wrapper", names(e.rawListeners("d")))
    e.off("d", h)
    T("off missing", names(e.rawListeners("d")))
    e.off("d", f)
    T("off last", e.eventNames())
    e.once("s", g)
    e.emit("s", "single")

    # 3.
    e = EventEmitter()

    def r2(type_: str, fn: Any) -> None:
        T("r2", type_, L(fn))

    e.on("removeListener", onRemove)
    e.once("a", f)
    e.on("a", g)
    e.once("a", h)
    e.on("b", k)
    e.on("c", f)
    e.on("removeListener", r2)
    T("removeAll a", e.removeAllListeners("a") is e)
    T("names", e.eventNames())
    e.on("a", f)
    e.once("a", g)
    T("names", e.eventNames())
    e.removeAllListeners()
    T("names after all", e.eventNames())
    e = EventEmitter()
    e.on("p", f)
    e.on("q", g)
    e.removeAllListeners("p")
    T("quiet removeAll", e.eventNames())
    e.removeAllListeners()
    T("quiet removeAll()", e.eventNames())

    # 4.
    e = EventEmitter()

    def a1() -> None:
        T("a1")
        e.off("m", b1)
        e.on("m", c1)
        e.off("m", o1)

    def b1() -> None:
        T("b1")

    def c1() -> None:
        T("c1")

    def o1() -> None:
        T("o1")

    e.on("m", a1)
    e.on("m", b1)
    e.once("m", o1)
    e.emit("m")
    e.emit("m")
    T("during", names(e.rawListeners("m")))
    e = EventEmitter()

    def again() -> None:
        T("again")
        e.emit("r")

    e.once("r", again)
    e.emit("r")

    def thrower() -> None:
        T("thrower")
        raise RuntimeError("boom")

    e.on("t", thrower)
    e.on("t", b1)
    try:
        e.emit("t")
    except RuntimeError as err:
        T("thrown", str(err))

    # 5.
    e = EventEmitter()

    def none() -> None:
        T("none")

    def one(a: Any) -> None:
        T("one", a)

    def two(a: Any, b: Any = "undefined") -> None:
        T("two", a, b)

    def rest(*r: Any) -> None:
        T("rest", list(r))

    e.on("ar", none)
    e.on("ar", one)
    e.on("ar", two)
    e.on("ar", rest)
    e.emit("ar", 1, 2, 3)
    e.emit("ar", "only")

    # 6.
    for v in [42, "x", None, {}, [], True, 1.5]:
        for m in ["on", "once", "prependListener", "prependOnceListener", "off"]:
            if v is None and m != "off":
                continue  # on(event, None) is the decorator form
            try:
                getattr(e, m)("z", v)
                T("no throw", m)
            except Exception as err:
                T(m, getattr(err, "code", None), _js_name(err), str(err))

    # 7.
    values: list[list[Any]] = [["boom"], [], [42], [None], [1.5], [True], ["it's"], ["a\nb"],
                               [{"a": 1, "b-c": [1, "x"]}], [[1, 2]], [{}], [[]], [-0.0],
                               [1e21]]
    for args in values:
        try:
            e.emit("error", *args)
            T("no throw")
        except Exception as err:
            T("unhandled", getattr(err, "code", None), str(err),
              getattr(err, "context", "missing") is (args[0] if args else None))
    my_err = Exception("mine")
    try:
        e.emit("error", my_err)
    except Exception as err:
        T("raised", err is my_err)

    def onError(err: Any) -> None:
        T("handled", err)

    e.on("error", onError)
    T("handled emit", e.emit("error", "x"))

    # 8.
    e = EventEmitter()
    T("default max", e.getMaxListeners(), EventEmitter.defaultMaxListeners)
    for value in [-1, "a", math.nan, True, None, -5000000000, -1.5]:
        try:
            e.setMaxListeners(value)  # type: ignore[arg-type]
            T("set", value)
        except Exception as err:
            T("setMax", getattr(err, "code", None), _js_name(err), str(err))
    T("set chain", e.setMaxListeners(3) is e, e.getMaxListeners())
    leak_emitter = e
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fs = [(lambda: None) for _ in range(6)]
        for fn in fs:
            e.on("leak", fn)
        for fn in fs[1:]:
            e.off("leak", fn)
        for fn in fs[1:5]:
            e.on("leak", fn)
        e.setMaxListeners(0)
        for _ in range(20):
            e.on("many", fs[0])

        class MyEmitter(EventEmitter):
            pass

        e = MyEmitter()
        e.setMaxListeners(1)
        e.on("sub", f)
        e.prependListener("sub", g)
    T("infinite", "Infinity" if e.setMaxListeners(math.inf).getMaxListeners() == math.inf
      else "?")
    for w in caught:
        warning = w.message
        assert isinstance(warning, MaxListenersExceededWarning)
        T("warning", warning.name, str(warning), warning.type, warning.count,
          warning.emitter is leak_emitter)
    return out


def _js_name(err: BaseException) -> str:
    """The JS class a pynet error stands for (mapping §6: ValueError is RangeError)."""
    if isinstance(err, TypeError):
        return "TypeError"
    if isinstance(err, ValueError):
        return "RangeError"
    return "Error"


@pytest.mark.interop
def test_emitter_trace_matches_node() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: cannot compare with Node's EventEmitter")
    proc = subprocess.run([node, "--no-warnings", "-e", JS], capture_output=True, text=True, timeout=20)
    assert proc.returncode == 0, proc.stderr
    expected = [json.loads(line) for line in proc.stdout.splitlines()]
    got = json.loads(json.dumps(python_trace()))
    for index, (want, have) in enumerate(zip(expected, got, strict=False)):
        assert have == want, f"line {index}: node {want!r}, pynet {have!r}"
    assert len(got) == len(expected)
