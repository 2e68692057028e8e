"""pynet's EventTarget, Event, CustomEvent, NodeEventTarget and AbortSignal
against node's.

One scenario written twice, in JavaScript (run by ``node --expose-internals``,
for ``NodeEventTarget``) and in Python (run by ``pynet.run()``); each records a
trace, and the traces must be identical: listener order (``once``,
``capture``, listeners removed or added during a dispatch, ``on<event>``
handlers), ``stopImmediatePropagation``, ``dispatchEvent``'s value, errors and
rejections from listeners reaching ``'uncaughtException'`` (compared as a
set: after each uncaught exception node defers the rest of its tick queue to
its next callback, a loop matter outside this test), argument errors (codes and messages), ``AbortSignal`` as an
EventTarget, ``events.once``/``events.getEventListeners``/``setMaxListeners``,
the leak warning's text, and ``util.inspect`` (``timeStamp`` masked).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from typing import Any

import pytest

from pynet import errors, events, process, queueMicrotask, run, util
from pynet._core.loop import Loop
from pynet.abort import AbortController
from pynet.events import CustomEvent, Event, EventTarget, NodeEventTarget
from pynet.timers import setImmediate

JS = r"""
const { NodeEventTarget } = require('internal/event_target');
const events = require('events');
const util = require('util');
const out = [];
const T = (...a) => out.push(a);
const mask = (s) => s.replace(/timeStamp: [\d.e+-]+/g, 'timeStamp: N');
const E = (fn) => { try { fn(); T('ok'); } catch (e) { T('err', e.name, e.code, e.message); } };

// The order of several uncaught exceptions among other callbacks is the
// loop's business (node defers the rest of its tick queue after each one):
// they are compared as a sorted list, at exit.
const uncaught = [];
process.on('uncaughtException', (err, origin) => uncaught.push(`${err.message} ${origin}`));

// 1. order, once, capture, removal and addition during a dispatch.
let t = new EventTarget();
function a(e) { T('a', e.type, e.eventPhase, e.currentTarget === t); }
function b() { T('b'); t.removeEventListener('x', c); t.addEventListener('x', d); }
function c() { T('c'); }
function d() { T('d'); t.addEventListener('x', f); }
function f() { T('f'); }
t.addEventListener('x', a);
t.addEventListener('x', a);
t.addEventListener('x', a, true);
t.addEventListener('x', b, { once: true });
t.addEventListener('x', c);
T('dispatch', t.dispatchEvent(new Event('x')));
T('listeners', events.getEventListeners(t, 'x').map((fn) => fn.name));
T('dispatch', t.dispatchEvent(new Event('x')));
T('listeners', events.getEventListeners(t, 'x').map((fn) => fn.name));

// 2. stopImmediatePropagation, preventDefault, passive, returnValue.
t = new EventTarget();
t.addEventListener('y', (e) => { T('y1', e.cancelable); e.preventDefault(); e.stopImmediatePropagation(); });
t.addEventListener('y', () => T('y2'));
t.addEventListener('y', () => T('y3 passive'), { passive: true });
let ev = new Event('y', { cancelable: true });
T('y', t.dispatchEvent(ev), ev.defaultPrevented, ev.returnValue, ev.cancelBubble, ev.eventPhase);
ev = new Event('y');
T('y', t.dispatchEvent(ev), ev.defaultPrevented, ev.returnValue);

// 3. handleEvent objects, on<event>, CustomEvent.
const obj = { handleEvent(e) { T('handleEvent', e.type, e.detail); } };
t = new EventTarget();
t.addEventListener('z', obj);
t.addEventListener('z', obj);
t.dispatchEvent(new CustomEvent('z', { detail: { n: 1 } }));
T('sync after handleEvent');

// 4. AbortSignal: handler order, trusted event, the signal option, once.
const ac = new AbortController();
const s = ac.signal;
T('signal', s instanceof EventTarget, events.getMaxListeners(s), s.onabort);
s.addEventListener('abort', (e) => T('abort 1', e.type, e.isTrusted, e.target === s));
s.onabort = (e) => T('onabort', e.type);
s.addEventListener('abort', () => T('abort 2'), { once: true });
t = new EventTarget();
t.addEventListener('w', () => T('w'), { signal: s });
t.dispatchEvent(new Event('w'));
T('w listeners', events.getEventListeners(t, 'w').length, events.getEventListeners(s, 'abort').length);
ac.abort('why');
T('after abort', s.aborted, s.reason, events.getEventListeners(t, 'w').length,
  events.getEventListeners(s, 'abort').length);
t.dispatchEvent(new Event('w'));
t.addEventListener('w', () => T('never'), { signal: s });
T('aborted signal adds nothing', events.getEventListeners(t, 'w').length);

// 5. argument errors.
t = new EventTarget();
E(() => t.addEventListener('x'));
E(() => t.removeEventListener());
E(() => t.dispatchEvent());
E(() => t.dispatchEvent('x'));
E(() => t.dispatchEvent({}));
E(() => t.addEventListener('x', 1));
E(() => t.addEventListener('x', () => {}, 'opts'));
E(() => t.addEventListener('x', () => {}, { signal: 'no' }));
E(() => new Event());
E(() => new Event('x', 5));
E(() => events.setMaxListeners(-1, t));
E(() => events.setMaxListeners(1, {}));
E(() => events.getEventListeners({}, 'x'));
{
  const t1 = new EventTarget();
  const t2 = new EventTarget();
  const e1 = new Event('r');
  t1.addEventListener('r', (e) => E(() => t2.dispatchEvent(e)));
  t1.dispatchEvent(e1);
}
T('types', new Event(1).type, new Event(false).type, new Event(null).type);

// 6. NodeEventTarget.
const n = new NodeEventTarget();
n.on('m', (v) => T('m node-style', v));
n.addEventListener('m', (e) => T('m event', e.constructor.name, e.detail));
n.once('m', (v) => T('m once', v));
T('emit', n.emit('m', 42), n.emit('m', 43), n.emit('none', 1), n.listenerCount('m'), n.eventNames());

// 7. inspect.
T(mask(util.inspect(new Event('foo'))));
T(mask(util.inspect(new CustomEvent('bar', { detail: 1 }), { breakLength: Infinity })));
T(util.inspect(new EventTarget()), util.inspect(n), util.inspect({ a: { b: { c: new Event('x') } } }));
T(util.inspect(s), util.inspect(new Event('x'), { depth: -1 }));

// 8. the leak warning text (sync part), max listeners.
const lt = new EventTarget();
events.setMaxListeners(1, lt);
T('max', events.getMaxListeners(lt));
process.on('warning', (w) => T('warning', w.name, w.message, w.type, w.count, w.target === lt));
lt.addEventListener('leak', () => {});
lt.addEventListener('leak', () => {});
lt.addEventListener('leak', () => {});

// 9. errors from listeners, among ticks and microtasks.
t = new EventTarget();
t.addEventListener('boom', async () => { throw new Error('async fn'); });
t.addEventListener('boom', () => { throw new Error('sync fn'); });
t.addEventListener('boom', { handleEvent() { throw new Error('sync handleEvent'); } });
t.addEventListener('boom', { async handleEvent() { throw new Error('async handleEvent'); } });
t.addEventListener('boom', () => T('after the throwers'));
process.nextTick(() => T('tick before'));
queueMicrotask(() => T('microtask before'));
T('dispatch boom', t.dispatchEvent(new Event('boom')));
process.nextTick(() => T('tick after'));
queueMicrotask(() => T('microtask after'));

// 10. events.once on a target, with stopImmediatePropagation in the way.
t = new EventTarget();
t.addEventListener('o', (e) => e.stopImmediatePropagation());
events.once(t, 'o').then(([e]) => T('once resolved', e.type));
t.dispatchEvent(new Event('o'));
setImmediate(() => T('end'));
process.on('exit', () => { T('uncaught', uncaught.sort()); console.log(JSON.stringify(out)); });
"""


def python_trace() -> list[Any]:
    out: list[Any] = []

    def T(*a: Any) -> None:
        out.append(list(a))

    def mask(text: str) -> str:
        return re.sub(r"timeStamp: [\d.e+-]+", "timeStamp: N", text)

    def E(fn: Any) -> None:
        try:
            fn()
            T("ok")
        except errors.NodeError as err:
            name = "TypeError" if isinstance(err, TypeError) else \
                "RangeError" if isinstance(err, ValueError) else "Error"
            T("err", name, err.code, str(err))

    uncaught: list[str] = []
    process.on("uncaughtException", lambda err, origin: uncaught.append(f"{err} {origin}"))

    async def thrower_async() -> None:
        raise Exception("async fn")

    def thrower_sync() -> None:
        raise Exception("sync fn")

    class SyncHandler:
        def handleEvent(self) -> None:
            raise Exception("sync handleEvent")

    class AsyncHandler:
        async def handleEvent(self) -> None:
            raise Exception("async handleEvent")

    def main() -> None:
        # 1.
        t = EventTarget()

        def a(e: Event) -> None:
            T("a", e.type, e.eventPhase, e.currentTarget is t)

        def b() -> None:
            T("b")
            t.removeEventListener("x", c)
            t.addEventListener("x", d)

        def c() -> None:
            T("c")

        def d() -> None:
            T("d")
            t.addEventListener("x", f)

        def f() -> None:
            T("f")

        t.addEventListener("x", a)
        t.addEventListener("x", a)
        t.addEventListener("x", a, True)
        t.addEventListener("x", b, {"once": True})
        t.addEventListener("x", c)
        T("dispatch", t.dispatchEvent(Event("x")))
        T("listeners", [fn.__name__ for fn in events.getEventListeners(t, "x")])
        T("dispatch", t.dispatchEvent(Event("x")))
        T("listeners", [fn.__name__ for fn in events.getEventListeners(t, "x")])

        # 2.
        t = EventTarget()

        def y1(e: Event) -> None:
            T("y1", e.cancelable)
            e.preventDefault()
            e.stopImmediatePropagation()

        t.addEventListener("y", y1)
        t.addEventListener("y", lambda: T("y2"))
        t.addEventListener("y", lambda: T("y3 passive"), {"passive": True})
        ev = Event("y", {"cancelable": True})
        T("y", t.dispatchEvent(ev), ev.defaultPrevented, ev.returnValue, ev.cancelBubble,
          ev.eventPhase)
        ev = Event("y")
        T("y", t.dispatchEvent(ev), ev.defaultPrevented, ev.returnValue)

        # 3.
        class Obj:
            def handleEvent(self, e: CustomEvent) -> None:
                T("handleEvent", e.type, e.detail)

        obj = Obj()
        t = EventTarget()
        t.addEventListener("z", obj)
        t.addEventListener("z", obj)
        t.dispatchEvent(CustomEvent("z", {"detail": {"n": 1}}))
        T("sync after handleEvent")

        # 4.
        ac = AbortController()
        s = ac.signal
        T("signal", isinstance(s, EventTarget), events.getMaxListeners(s), s.onabort)
        s.addEventListener("abort", lambda e: T("abort 1", e.type, e.isTrusted, e.target is s))
        s.onabort = lambda e: T("onabort", e.type)
        s.addEventListener("abort", lambda: T("abort 2"), {"once": True})
        t = EventTarget()
        t.addEventListener("w", lambda: T("w"), {"signal": s})
        t.dispatchEvent(Event("w"))
        T("w listeners", len(events.getEventListeners(t, "w")),
          len(events.getEventListeners(s, "abort")))
        ac.abort("why")
        T("after abort", s.aborted, s.reason, len(events.getEventListeners(t, "w")),
          len(events.getEventListeners(s, "abort")))
        t.dispatchEvent(Event("w"))
        t.addEventListener("w", lambda: T("never"), {"signal": s})
        T("aborted signal adds nothing", len(events.getEventListeners(t, "w")))

        # 5.
        t = EventTarget()
        E(lambda: t.addEventListener("x"))
        E(lambda: t.removeEventListener())
        E(lambda: t.dispatchEvent())
        E(lambda: t.dispatchEvent("x"))
        E(lambda: t.dispatchEvent({}))
        E(lambda: t.addEventListener("x", 1))
        E(lambda: t.addEventListener("x", lambda: None, "opts"))
        E(lambda: t.addEventListener("x", lambda: None, {"signal": "no"}))
        E(lambda: Event())
        E(lambda: Event("x", 5))
        E(lambda: events.setMaxListeners(-1, t))
        E(lambda: events.setMaxListeners(1, {}))
        E(lambda: events.getEventListeners({}, "x"))
        t1, t2 = EventTarget(), EventTarget()
        t1.addEventListener("r", lambda e: E(lambda: t2.dispatchEvent(e)))
        t1.dispatchEvent(Event("r"))
        T("types", Event(1).type, Event(False).type, Event(None).type)

        # 6.
        n = NodeEventTarget()
        n.on("m", lambda v: T("m node-style", v))
        n.addEventListener("m", lambda e: T("m event", type(e).__name__, e.detail))
        n.once("m", lambda v: T("m once", v))
        T("emit", n.emit("m", 42), n.emit("m", 43), n.emit("none", 1), n.listenerCount("m"),
          n.eventNames())

        # 7.
        T(mask(util.inspect(Event("foo"))))
        T(mask(util.inspect(CustomEvent("bar", {"detail": 1}),
                            {"breakLength": float("inf")})))
        T(util.inspect(EventTarget()), util.inspect(n),
          util.inspect({"a": {"b": {"c": Event("x")}}}))
        T(util.inspect(s), util.inspect(Event("x"), {"depth": -1}))

        # 8.
        lt = EventTarget()
        events.setMaxListeners(1, lt)
        T("max", events.getMaxListeners(lt))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(3):
                lt.addEventListener("leak", lambda: None)
        for record in caught:  # node's 'warning' event comes on a tick
            process.nextTick(lambda w=record.message, tg=lt: T(
                "warning", w.name, str(w), w.type, w.count, w.target is tg))

        # 9.
        t = EventTarget()
        t.addEventListener("boom", thrower_async)
        t.addEventListener("boom", thrower_sync)
        t.addEventListener("boom", SyncHandler())
        t.addEventListener("boom", AsyncHandler())
        t.addEventListener("boom", lambda: T("after the throwers"))
        process.nextTick(lambda: T("tick before"))
        queueMicrotask(lambda: T("microtask before"))
        T("dispatch boom", t.dispatchEvent(Event("boom")))
        process.nextTick(lambda: T("tick after"))
        queueMicrotask(lambda: T("microtask after"))

        # 10.
        t = EventTarget()
        t.addEventListener("o", lambda e: e.stopImmediatePropagation())
        events.once(t, "o").then(lambda args: T("once resolved", args[0].type))
        t.dispatchEvent(Event("o"))
        setImmediate(lambda: T("end"))

    try:
        process.nextTick(main)  # node runs the script before its first tick
        run()
    finally:
        process.removeAllListeners("uncaughtException")
    T("uncaught", sorted(uncaught))
    return out


@pytest.mark.interop
def test_event_target_trace_matches_node(loop: Loop) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH")
    proc = subprocess.run([node, "--expose-internals", "-e", JS], capture_output=True,
                          text=True, timeout=30, check=False)
    assert proc.returncode == 0, proc.stderr
    expected = json.loads(proc.stdout.strip().splitlines()[-1])
    got = json.loads(json.dumps(python_trace()))
    for index, (want, have) in enumerate(zip(expected, got, strict=False)):
        assert have == want, f"entry {index}: node {want!r}, pynet {have!r}"
    assert len(got) == len(expected)
