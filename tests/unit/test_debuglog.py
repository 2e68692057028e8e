"""NODE_DEBUG's parts: section matching, ``util.format``, the logger (pynet._js.debuglog).

The lines as a whole are compared with node's in
tests/interop/test_debuglog_node.py; the expected strings here are node
v20's own output for the same calls (``util.format``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pynet._js import debuglog
from pynet._net import socket as net_socket

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("env", "section", "on"), [
    ("net", "NET", True),
    ("NET", "net", True),
    ("tls,net", "NET", True),
    ("n*", "NET", True),
    ("*", "STREAM", True),
    ("netx", "NET", False),
    ("ne", "NET", False),
    ("stream", "NET", False),
    ("", "NET", False),
    ("n.t", "NET", False),  # A dot is a dot, not a regex wildcard.
])
def test_sections_are_matched_as_node_matches_them(env: str, section: str, on: bool) -> None:
    assert debuglog._compile(env)(section.upper()) is on


def f() -> None:
    pass


@pytest.mark.parametrize(("args", "expected"), [
    (("a %s b %d c %j", "x", 4.0, {"a": 1}), 'a x b 4 c {"a":1}'),
    (("%d", "12abc"), "NaN"),
    (("%i", 3.7), "3"),
    (("x", 1, "y", debuglog.NULL, None, True), "x 1 y null undefined true"),
    (("%s", None), "undefined"),
    (("%%s %s",), "%%s %s"),
    (("connect: dns options", {"family": None, "hints": 32}),
     "connect: dns options { family: undefined, hints: 32 }"),
    (("will try", [{"address": "::1", "family": 6}, {"address": "127.0.0.1", "family": 4}]),
     "will try [ { address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 } ]"),
    (("%s:%d", "/p", None), "/p:NaN"),
    (({"a-b": "it's"},), "{ 'a-b': \"it's\" }"),
    (([f, lambda: None],), "[ [Function: f], [Function (anonymous)] ]"),
    (("createConnection", debuglog.JsArray([{"port": 80, "host": "127.0.0.1"}, f],
                                           {"normalizedArgs": True})),
     "createConnection [\n  { port: 80, host: '127.0.0.1' },\n  [Function: f],\n"
     "  [Symbol(normalizedArgs)]: true\n]"),
])
def test_arguments_are_formatted_as_util_format(args: tuple[object, ...], expected: str) -> None:
    assert debuglog.format_args(*args) == expected


def test_disabled_costs_a_flag() -> None:
    """Without NODE_DEBUG (the test run's environment) the flags are off and
    the logger function does nothing."""
    if "NODE_DEBUG" in os.environ:
        pytest.skip("NODE_DEBUG is set for this run")
    assert net_socket._DEBUG is False
    assert debuglog.enabled("net") is False
    assert debuglog.debuglog("net")("anything", 1) is None


_PROGRAM = """
import logging, sys
records = []
class Keep(logging.Handler):
    def emit(self, record):
        records.append((record.name, record.levelname, record.getMessage()))
from pynet import net, run
logging.getLogger('pynet').handlers = [Keep()]   # the program takes the lines over
server = net.createServer()
server.listen(0, '127.0.0.1', lambda: server.close())
run()
for name, level, message in records[:3]:
    print(name, level, message.split(':', 1)[0], message.split(': ', 1)[1])
"""


def test_lines_go_through_the_pynet_net_logger() -> None:
    env = {**os.environ, "NODE_DEBUG": "net"}
    done = subprocess.run([sys.executable, "-c", _PROGRAM], capture_output=True, text=True,
                          timeout=30, env=env, cwd=ROOT, check=True)
    pid = done.stdout.split()[3]
    assert done.stdout.splitlines() == [
        f"pynet.net DEBUG NET {pid} setupListenHandle 127.0.0.1 0 4 false undefined",
        f"pynet.net DEBUG NET {pid} setupListenHandle: create a handle",
        f"pynet.net DEBUG NET {pid} bind to 127.0.0.1",
    ]
    assert done.stderr == ""  # Taken over: nothing printed by pynet's own handler.
