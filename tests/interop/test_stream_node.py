"""pynet._streams.duplex.Duplex against Node 20's stream.Duplex: identical event traces.

The scenarios of tests/unit/test_stream.py are written again here in JavaScript
(one ``node`` process runs them all, one after another, each until the event
loop is idle — ``beforeExit`` starts the next).  Each JavaScript scenario and
its Python twin print the same trace; the unit file keeps Node's traces as
``EXPECTED``, and this file checks both that they are still what ``node``
prints and that pynet prints the same.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pynet._core.loop import Loop
from tests.helpers import node_path, run_node
from tests.unit.test_stream import EXPECTED, KNOWN_DIFFERENCES, SCENARIOS, run_scenario

pytestmark = pytest.mark.interop

JS = r"""
'use strict';
const { Duplex } = require('stream');
const results = {};
const show = (x) => {
  if (x === null || x === undefined) return null;
  if (Buffer.isBuffer(x)) return 'b:' + x.toString('latin1');
  if (typeof x === 'string') return 's:' + x;
  if (x instanceof Error) return 'E:' + (x.code || x.message);
  return x;
};
class Mem extends Duplex {
  constructor(T, opts = {}, mode = 'sync', final = 'sync') {
    super({ emitClose: false, ...opts });
    this.T = T; this.mode = mode; this.finalMode = final; this.pending = [];
  }
  _done(mode, cb) {
    if (mode === 'sync') cb(); else if (mode === 'error') cb(new Error('fail')); else this.pending.push(cb);
  }
  _write(chunk, enc, cb) { this.T('_write', show(chunk)); this._done(this.mode, cb); }
  _writev(chunks, cb) { this.T('_writev', chunks.map((c) => show(c.chunk))); this._done(this.mode, cb); }
  _final(cb) { this.T('_final'); this._done(this.finalMode, cb); }
  _read(n) { this.T('_read', n); }
  _destroy(err, cb) { this.T('_destroy', show(err)); cb(err); }
}
function watch(T, s, name, events) {
  for (const ev of events) s.on(ev, (...a) => T(name + ':' + ev, ...a.map(show).filter((v) => typeof v !== 'object' || v === null)));
}
const cbT = (T, name) => (err) => T(name, show(err));
function pump(T, s, then) {
  setImmediate(() => {
    if (s.pending.length) { T('complete'); s.pending.shift()(); pump(T, s, then); } else if (then) then();
  });
}
const W = ['drain', 'prefinish', 'finish', 'error', 'close'];
const S = {};
S.write_hwm_drain_async = (T) => {
  const s = new Mem(T, { writableHighWaterMark: 10 }, 'async');
  watch(T, s, 's', W);
  T('w1', s.write('aaaaa', cbT(T, 'cb1')), s.writableLength, s.writableNeedDrain);
  T('w2', s.write('bbbbbb', cbT(T, 'cb2')), s.writableLength, s.writableNeedDrain);
  T('w3', s.write('c', cbT(T, 'cb3')), s.writableLength);
  pump(T, s, () => {
    T('drained', s.writableLength, s.writableNeedDrain);
    T('w4', s.write('d', cbT(T, 'cb4')));
    s.end(cbT(T, 'endcb'));
    pump(T, s);
  });
  T('sync done');
};
S.write_sync_callbacks_are_async = (T) => {
  const s = new Mem(T, { writableHighWaterMark: 10 });
  watch(T, s, 's', W);
  const cb = cbT(T, 'cb');
  T('w1', s.write('x'.repeat(20), cb), s.writableLength);
  T('w2', s.write('y', cb));
  T('w3', s.write('z', cbT(T, 'other')));
  T('sync done');
};
S.cork_uncork_writev = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W);
  s.cork();
  T('w', s.write('a', cbT(T, 'cba')), s.write('b', cbT(T, 'cbb')), s.write('c', cbT(T, 'cbc')));
  T('corked', s.writableLength, s.writableCorked, s.writableBuffer.length);
  s.uncork();
  T('uncorked', s.writableLength, s.writableCorked);
  s.cork(); s.cork();
  s.write('d', cbT(T, 'cbd'));
  s.uncork();
  T('still corked', s.writableCorked, s.writableLength);
  s.uncork();
  T('single chunk uses _write');
  s.cork();
  s.write('e'); s.write('f');
  s.end('g', cbT(T, 'endcb'));
  T('end uncorks', s.writableCorked);
};
S.end_order = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W);
  s.end('last', cbT(T, 'endcb'));
  T('after end', s.writableEnded, s.writableFinished, s.writable);
  s.on('finish', () => T('finished?', s.writableFinished));
};
S.end_async_final = (T) => {
  const s = new Mem(T, {}, 'sync', 'async');
  watch(T, s, 's', W);
  s.write('a', cbT(T, 'cba'));
  s.end(cbT(T, 'endcb'));
  T('after end');
  pump(T, s);
};
S.write_after_end = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W);
  s.end();
  T('write', s.write('x', cbT(T, 'wcb')), s.destroyed, s.writable);
  T('sync done');
};
S.end_after_finish = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W);
  s.end();
  s.on('finish', () => setImmediate(() => {
    T('end again', s.end(cbT(T, 'end2')) === s, s.destroyed);
  }));
};
S.destroy_with_error = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W.concat(['end']));
  s.destroy(new Error('boom'));
  T('destroyed', s.destroyed, show(s.errored), s.writable, s.readable);
  s.destroy(new Error('second'));
  T('sync done');
};
S.destroy_with_buffered_writes = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W);
  s.cork();
  s.write('a', cbT(T, 'cba'));
  s.destroy();
  T('sync done');
};
S.destroy_with_pending_final = (T) => {
  const s = new Mem(T, {}, 'sync', 'async');
  watch(T, s, 's', W);
  s.end(cbT(T, 'endcb'));
  setImmediate(() => { s.destroy(); T('destroyed'); });
};
S.write_hwm_zero = (T) => {
  const s = new Mem(T, { writableHighWaterMark: 0 });
  watch(T, s, 's', W);
  T('w', s.write('a', cbT(T, 'cba')), s.writableNeedDrain);
};
const R = ['data', 'end', 'pause', 'resume', 'error', 'close'];
S.push_while_flowing_is_sync = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', R);
  r.push('early');
  T('flowing', r.readableFlowing, r.readableLength);
  setImmediate(() => {
    T('before push', r.readableFlowing);
    T('push', r.push('x'));
    T('after push');
    r.push(null);
    T('after eof');
  });
};
S.paused_buffers_then_resume = (T) => {
  const r = new Mem(T, { readableHighWaterMark: 4 });
  r.pause();
  watch(T, r, 'r', R);
  T('p1', r.push('ab'), r.readableLength);
  T('p2', r.push('cd'), r.readableLength);
  T('p3', r.push('ef'), r.readableLength, r.isPaused(), r.readableFlowing);
  r.push(null);
  setImmediate(() => { T('resume'); r.resume(); T('after resume'); });
};
S.end_after_buffer_consumed = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['end']);
  r.push('abc');
  r.push(null);
  setImmediate(() => {
    T('not ended', r.readableEnded, r.readableLength);
    r.on('data', (c) => T('data', show(c)));
  });
};
S.set_encoding_utf8 = (T) => {
  const r = new Mem(T);
  r.setEncoding('utf8');
  T('encoding', r.readableEncoding);
  watch(T, r, 'r', ['data', 'end']);
  const bytes = Buffer.from('a\u20acb\u{1F600}\u00e9', 'utf8');
  for (const b of bytes) r.push(Buffer.from([b]));
  r.push(Buffer.from([0xe2, 0x82]));
  r.push(null);
};
S.set_encoding_converts_buffered = (T) => {
  const r = new Mem(T);
  r.push(Buffer.from([0x61, 0xe2, 0x82]));
  r.setEncoding('utf8');
  T('len', r.readableLength);
  r.push(Buffer.from([0xac, 0x62]));
  watch(T, r, 'r', ['data', 'end']);
  r.push(null);
};
S.read_n = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['end', 'readable']);
  r.push('abcdef');
  T('read2', show(r.read(2)), r.readableLength);
  T('read10', show(r.read(10)), r.readableLength);
  T('read0', show(r.read(0)));
  T('read', show(r.read()), r.readableLength);
  T('read100', show(r.read(100)), r.readableHighWaterMark);
  r.push('gh'); r.push('ij');
  r.push(null);
  T('read3', show(r.read(3)));
  T('read10 after eof', show(r.read(10)), r.readableEnded);
  T('read after', show(r.read()));
};
S.readable_event = (T) => {
  const r = new Mem(T);
  r.on('readable', () => {
    T('readable', r.readableLength);
    let c;
    while ((c = r.read()) !== null) T('read', show(c));
  });
  watch(T, r, 'r', ['end', 'data']);
  T('flowing', r.readableFlowing);
  setImmediate(() => {
    r.push('a'); r.push('b'); T('pushed');
    setImmediate(() => { r.push('c'); r.push(null); T('eof'); });
  });
};
S.readable_removed_resumes_data = (T) => {
  const r = new Mem(T);
  const rl = () => T('readable');
  r.on('readable', rl);
  r.on('data', (c) => T('data', show(c)));
  T('flowing', r.readableFlowing);
  r.removeListener('readable', rl);
  setImmediate(() => { T('flowing now', r.readableFlowing); r.push('x'); T('pushed'); });
};
S.pipe_backpressure = (T) => {
  const src = new Mem(T);
  const dest = new Mem(T, { writableHighWaterMark: 4 }, 'async');
  watch(T, src, 'src', ['pause', 'resume', 'end', 'data']);
  watch(T, dest, 'dest', ['drain', 'finish', 'prefinish']);
  dest.on('pipe', (s) => T('dest:pipe', s === src));
  dest.on('unpipe', (s) => T('dest:unpipe', s === src));
  src.push('aaa'); src.push('bbb'); src.push('ccc');
  T('pipe returns dest', src.pipe(dest) === dest);
  setImmediate(() => {
    T('state', src.isPaused(), src.readableLength, dest.writableLength);
    src.push(null);
    pump(T, dest, () => T('done', dest.writableFinished));
  });
};
S.pipe_end_false = (T) => {
  const src = new Mem(T);
  const dest = new Mem(T);
  watch(T, dest, 'dest', ['finish']);
  dest.on('unpipe', (s) => T('dest:unpipe', s === src));
  src.pipe(dest, { end: false });
  src.push('x'); src.push(null);
  src.on('end', () => setImmediate(() => T('dest ended', dest.writableEnded)));
};
S.unpipe_all = (T) => {
  const src = new Mem(T);
  const d1 = new Mem(T); const d2 = new Mem(T);
  watch(T, src, 'src', ['pause', 'resume']);
  d1.on('unpipe', (s) => T('d1:unpipe', s === src));
  d2.on('unpipe', (s) => T('d2:unpipe', s === src));
  src.pipe(d1); src.pipe(d2);
  setImmediate(() => { src.unpipe(); T('flowing', src.readableFlowing); src.push('x'); T('pushed', src.readableLength); });
};
class Gen extends Mem {
  constructor(T, items, opts = {}, mode = 'sync') { super(T, opts, mode); this.items = items.slice(); }
  _read(n) { this.T('_read', n); const x = this.items.shift(); this.push(x === undefined ? null : x); }
}
S.gen_sync_read_flowing = (T) => {
  const r = new Gen(T, ['a', 'b', 'c']);
  watch(T, r, 'r', R);
  T('sync done');
};
S.gen_pipe_backpressure = (T) => {
  const src = new Gen(T, ['x', 'y', 'z']);
  const dest = new Mem(T, { writableHighWaterMark: 2 }, 'async');
  watch(T, src, 'src', ['pause', 'resume', 'end']);
  watch(T, dest, 'dest', ['drain', 'finish']);
  src.pipe(dest);
  pump(T, dest, () => pump(T, dest));
};
S.allow_half_open_false = (T) => {
  const s = new Mem(T, { allowHalfOpen: false });
  watch(T, s, 's', W.concat(['end', 'data']));
  s.push('a'); s.push(null);
};
S.full_lifecycle_autodestroy = (T) => {
  const s = new Mem(T);
  watch(T, s, 's', W.concat(['end', 'data']));
  s.push('a'); s.push(null);
  setImmediate(() => { T('ending', s.destroyed); s.end('z'); });
};
S.sync_write_error = (T) => {
  const s = new Mem(T, {}, 'error');
  watch(T, s, 's', W);
  T('w1', s.write('a', cbT(T, 'cb1')), show(s.errored), s.destroyed);
  T('w2', s.write('b', cbT(T, 'cb2')));
  s.end(cbT(T, 'endcb'));
  T('sync done');
};
S.final_error = (T) => {
  const s = new Mem(T, {}, 'sync', 'error');
  watch(T, s, 's', W);
  s.end(cbT(T, 'endcb'));
  T('sync done', s.destroyed);
};
S.destroy_during_inflight_write = (T) => {
  const s = new Mem(T, {}, 'async');
  watch(T, s, 's', W);
  s.write('a', cbT(T, 'cb1'));
  s.write('b', cbT(T, 'cb2'));
  s.end(cbT(T, 'endcb'));
  s.destroy();
  T('destroyed');
  pump(T, s);
};
S.multiple_end_callbacks = (T) => {
  const s = new Mem(T, {}, 'sync', 'async');
  watch(T, s, 's', W);
  s.end(cbT(T, 'end1'));
  s.end(cbT(T, 'end2'));
  pump(T, s);
};
S.pause_in_data_handler = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['pause', 'resume', 'end']);
  r.push('a'); r.push('b'); r.push('c');
  r.on('data', (c) => { T('data', show(c)); if (show(c) === 'b:a') r.pause(); });
  setImmediate(() => { T('paused', r.isPaused(), r.readableLength); r.resume(); r.push(null); });
};
S.unshift_paused = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['end', 'readable']);
  r.push('cd');
  T('unshift', r.unshift('ab'), r.readableLength);
  T('read', show(r.read()));
  r.push(null);
  T('unshift after eof', r.unshift('z'), r.readableLength);
  T('read', show(r.read()));
};
S.unshift_flowing = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['data', 'end']);
  setImmediate(() => { T('unshift', r.unshift('u')); T('after unshift', r.readableLength); r.push(null); });
};
S.unshift_after_end = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['data', 'end', 'error']);
  r.push(null);
  r.on('end', () => setImmediate(() => { T('unshift', r.unshift('late')); }));
};
S.resume_without_listeners = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', ['end', 'resume']);
  r.push('lost'); r.push(null);
  r.resume();
  T('flowing', r.readableFlowing);
};
S.set_encoding_base64 = (T) => {
  const r = new Mem(T);
  r.setEncoding('base64');
  watch(T, r, 'r', ['data', 'end']);
  r.push(Buffer.from([1])); r.push(Buffer.from([2, 3, 4])); r.push(Buffer.from([5]));
  r.push(null);
};
S.pipe_dest_error = (T) => {
  const src = new Mem(T);
  const dest = new Mem(T);
  watch(T, src, 'src', ['pause', 'resume']);
  watch(T, dest, 'dest', ['error']);
  dest.on('unpipe', (s) => T('dest:unpipe', s === src));
  src.pipe(dest);
  setImmediate(() => { dest.destroy(new Error('dfail')); T('destroyed'); });
};
S.pipe_into_need_drain_dest = (T) => {
  const src = new Mem(T);
  const dest = new Mem(T, { writableHighWaterMark: 1 }, 'async');
  T('w', dest.write('xx'));
  watch(T, src, 'src', ['pause', 'resume', 'data']);
  watch(T, dest, 'dest', ['drain']);
  src.push('s');
  src.pipe(dest);
  T('paused', src.isPaused());
  pump(T, dest, () => pump(T, dest));
};
S.readable_removed_then_data = (T) => {
  const r = new Mem(T);
  const rl = () => T('readable');
  r.once('readable', rl);
  r.removeListener('readable', rl);
  setImmediate(() => {
    T('flowing', r.readableFlowing);
    r.on('data', (c) => T('data', show(c)));
    r.push('x');
  });
};
S.once_readable_cycle = (T) => {
  const r = new Mem(T);
  r.once('readable', () => { T('readable', show(r.read())); });
  r.push('a');
  setImmediate(() => { T('flowing', r.readableFlowing); r.on('data', (c) => T('data', show(c))); r.push('b'); });
};
S.pipe_two_dests_await_both = (T) => {
  const src = new Mem(T);
  const d1 = new Mem(T, { writableHighWaterMark: 1 }, 'async');
  const d2 = new Mem(T, { writableHighWaterMark: 1 }, 'async');
  watch(T, src, 'src', ['pause', 'resume', 'data']);
  watch(T, d1, 'd1', ['drain']);
  watch(T, d2, 'd2', ['drain']);
  src.pipe(d1); src.pipe(d2);
  setImmediate(() => {
    src.push('a'); src.push('b');
    T('paused', src.isPaused(), src.readableLength);
    setImmediate(() => {
      T('complete d1'); d1.pending.shift()();
      setImmediate(() => { T('paused', src.isPaused()); T('complete d2'); d2.pending.shift()(); });
    });
  });
};
S.destroy_while_flowing = (T) => {
  const r = new Mem(T);
  watch(T, r, 'r', R);
  r.push('a'); r.push('b');
  r.on('data', (c) => { if (show(c) === 'b:a') r.destroy(); });
  setImmediate(() => { T('after', r.destroyed, r.readableLength, show(r.read()), r.readableAborted); r.push('c'); r.push(null); });
};
S.read_throws = (T) => {
  const r = new Mem(T);
  r._read = function (n) { T('_read', n); throw new Error('rfail'); };
  watch(T, r, 'r', R);
  T('sync done');
};
const names = Object.keys(S);
let i = 0;
function next() {
  if (i >= names.length) { process.stdout.write(JSON.stringify(results) + '\n'); return; }
  const name = names[i++];
  const trace = results[name] = [];
  const T = (...a) => trace.push(a);
  setTimeout(() => S[name](T), 0);
}
process.on('beforeExit', next);
next();
"""


@pytest.fixture(scope="module")
def node_traces() -> dict[str, Any]:
    if node_path() is None:
        pytest.skip("node is not on PATH (CI installs it)")
    out: dict[str, Any] = json.loads(run_node(JS))
    return out


def test_node_runs_every_scenario(node_traces: dict[str, Any]) -> None:
    assert list(node_traces) == list(SCENARIOS)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_unit_expectations_are_nodes(node_traces: dict[str, Any], name: str) -> None:
    assert node_traces[name] == EXPECTED[name]


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_DIFFERENCES[n]))
    if n in KNOWN_DIFFERENCES else n for n in SCENARIOS])
def test_pynet_trace_matches_node(node_traces: dict[str, Any], loop: Loop, name: str) -> None:
    assert run_scenario(name, loop) == node_traces[name]
