"""Trace harness for the paired scenario scripts: the twin of js/trace_h.js.

Records what listeners can observe, one line per event, masking ports and paths.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

from pynet import net, run, timers

_lines: list[str] = []
_masks: list[tuple[str, str]] = []


def mask(value: Any, name: str) -> Any:
    if value is not None and value != "" and value != 0:
        _masks.append((str(value), name))
    return value


def _plain(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def fmt(a: Any) -> str:
    if a is None:
        return "undefined"
    if isinstance(a, BaseException):
        code = getattr(a, "code", None)
        return f"Error({code if code is not None else (a.args[0] if a.args else '')})"
    if isinstance(a, (bytes, bytearray, memoryview)):
        return "<Buffer " + json.dumps(bytes(a).decode("utf-8", "replace"), ensure_ascii=False) + ">"
    if isinstance(a, net.Socket):
        return "<Socket>"
    if isinstance(a, net.Server):
        return "<Server>"
    if isinstance(a, str):
        return json.dumps(a, ensure_ascii=False)
    if isinstance(a, bool):
        return "true" if a else "false"
    if isinstance(a, (int, float)):
        return str(_plain(a))
    if hasattr(a, "keys"):
        d = {k: _plain(a[k]) for k in sorted(a.keys())}
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    return str(a)


def log(*parts: Any) -> None:
    """Strings are printed as they are; everything else through fmt()."""
    _lines.append(" ".join(p if isinstance(p, str) else fmt(p) for p in parts))


SOCKET_EVENTS = ["lookup", "connectionAttempt", "connectionAttemptFailed",
                 "connectionAttemptTimeout", "connect", "ready", "data", "end", "finish",
                 "close", "error", "timeout", "drain", "pause", "resume"]
SERVER_EVENTS = ["listening", "connection", "close", "error", "drop"]


def trace(tag: str, em: Any, events: list[str] | None = None) -> Any:
    if events is None:
        events = SERVER_EVENTS if isinstance(em, net.Server) else SOCKET_EVENTS
    for ev in events:
        def listener(*args: Any, ev: str = ev) -> None:
            # A missing argument and an explicit None look the same to a listener.
            while args and args[-1] is None:
                args = args[:-1]
            log(f"[{tag}] {ev}" + (" " + ", ".join(fmt(a) for a in args) if args else ""))
        em.on(ev, listener)
    return em


def flush() -> None:
    out = []
    for line in _lines:
        for k, v in _masks:
            line = re.sub(rf"(?<![\w/]){re.escape(k)}(?![\w/])", v, line)
        out.append(line + "\n")
    _lines.clear()
    sys.stdout.write("".join(out))
    sys.stdout.flush()


def guard(ms: int = 10000) -> None:
    def fire() -> None:
        log("GUARD TIMEOUT")
        flush()
        os._exit(1)
    timers.setTimeout(fire, ms).unref()


def main(scenarios: dict[str, Any]) -> None:
    name = sys.argv[1]
    guard()
    try:
        scenarios[name]()
        run()
    finally:
        flush()
