'use strict';
// Trace harness for the paired scenario scripts (js/trace_scenarios.js <-> py/trace_scenarios.py).
// Records what listeners can observe, one line per event, masking ports and paths.
const net = require('net');
const fs = require('fs');

const lines = [];
const masks = [];

function mask(value, name) {
  if (value !== undefined && value !== null && value !== '' && value !== 0) {
    masks.push([String(value), name]);
  }
  return value;
}

function sortKeys(o) {
  const r = {};
  for (const k of Object.keys(o).sort()) r[k] = o[k] === undefined ? null : o[k];
  return r;
}

function fmt(a) {
  if (a === undefined || a === null) return 'undefined';
  if (a instanceof Error) return `Error(${a.code !== undefined ? a.code : a.message})`;
  if (Buffer.isBuffer(a)) return `<Buffer ${JSON.stringify(a.toString())}>`;
  if (a instanceof net.Socket) return '<Socket>';
  if (a instanceof net.Server) return '<Server>';
  if (typeof a === 'string') return JSON.stringify(a);
  if (typeof a === 'boolean' || typeof a === 'number') return String(a);
  if (typeof a === 'object') return JSON.stringify(sortKeys(a));
  return String(a);
}

// Strings are printed as they are; everything else through fmt().
function log(...parts) {
  lines.push(parts.map((p) => (typeof p === 'string' ? p : fmt(p))).join(' '));
}

const SOCKET_EVENTS = ['lookup', 'connectionAttempt', 'connectionAttemptFailed',
  'connectionAttemptTimeout', 'connect', 'ready', 'data', 'end', 'finish', 'close', 'error',
  'timeout', 'drain', 'pause', 'resume'];
const SERVER_EVENTS = ['listening', 'connection', 'close', 'error', 'drop'];

function trace(tag, em, events) {
  if (events === undefined) events = em instanceof net.Server ? SERVER_EVENTS : SOCKET_EVENTS;
  for (const ev of events) {
    em.on(ev, (...args) => {
      // A missing argument and an explicit undefined look the same to a listener.
      while (args.length && (args[args.length - 1] === undefined || args[args.length - 1] === null)) args.pop();
      log(`[${tag}] ${ev}` + (args.length ? ' ' + args.map(fmt).join(', ') : ''));
    });
  }
  return em;
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

function flush() {
  let text = '';
  for (let line of lines) {
    for (const [k, v] of masks) line = line.replace(new RegExp(`(?<![\\w/])${escapeRe(k)}(?![\\w/])`, 'g'), v);
    text += line + '\n';
  }
  lines.length = 0;
  fs.writeSync(1, text);
}
process.on('exit', flush);

function guard(ms = 10000) {
  setTimeout(() => { log('GUARD TIMEOUT'); process.exit(1); }, ms).unref();
}

module.exports = { net, log, trace, fmt, mask, guard, flush };
