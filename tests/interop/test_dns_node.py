"""``pynet.dns.lookup`` against ``node``'s ``dns.lookup``, on the same machine.

One ``node`` process (timeout 30 s) runs every case and prints JSON:

* **validation**: each bad call must raise the same error (``code``, message,
  ``TypeError``) in both;
* **lookups**: the callback's arguments must be the same — addresses and
  families, or the error's ``code``, ``syscall``, ``hostname`` and message.
  Only ``errno`` differs by design (Node's negative libuv number, pynet's
  Python number), so it is compared for presence only.  ``nohost.invalid``
  never resolves; on a machine without a working resolver both may report
  ``EAI_AGAIN`` instead of ``ENOTFOUND`` — the test only asks that they
  agree.

pynet uses the system resolver here (``localhost`` and the failures are all
the network this needs).
"""

from __future__ import annotations

import json
import shutil
import warnings
from typing import Any

import pytest

from pynet import dns
from pynet._core.loop import Loop
from tests.helpers import run_node

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(shutil.which("node") is None,
                       reason="node is not on PATH: interop tests need a real Node.js"),
]


def _cb(*args: Any) -> None:
    pass


# (id, JavaScript call with `cb`, Python positional args, Python keyword args)
VALIDATION: list[tuple[str, str, tuple[Any, ...], dict[str, Any]]] = [
    ("number host", "dns.lookup(1, cb)", (1, _cb), {}),
    ("object host", "dns.lookup({}, cb)", ({}, _cb), {}),
    ("array host", "dns.lookup([], cb)", ([], _cb), {}),
    ("true host", "dns.lookup(true, cb)", (True, _cb), {}),
    ("bad host and callback", "dns.lookup(1, 'x')", (1, "x"), {}),
    ("family 5", "dns.lookup('x', 5, cb)", ("x", 5, _cb), {}),
    ("family 1.5", "dns.lookup('x', 1.5, cb)", ("x", 1.5, _cb), {}),
    ("options.family 5", "dns.lookup('x', {family: 5}, cb)", ("x", {"family": 5}, _cb), {}),
    ("family keyword 5", "dns.lookup('x', {family: 5}, cb)", ("x", _cb), {"family": 5}),
    ("options.family ipv4", "dns.lookup('x', {family: 'ipv4'}, cb)",
     ("x", {"family": "ipv4"}, _cb), {}),
    ("options.family '4'", "dns.lookup('x', {family: '4'}, cb)",
     ("x", {"family": "4"}, _cb), {}),
    ("options.family true", "dns.lookup('x', {family: true}, cb)",
     ("x", {"family": True}, _cb), {}),
    ("hints 1", "dns.lookup('x', {hints: 1}, cb)", ("x", {"hints": 1}, _cb), {}),
    ("hints -1", "dns.lookup('x', {hints: -1}, cb)", ("x", {"hints": -1}, _cb), {}),
    ("hints 64", "dns.lookup('x', {hints: 64}, cb)", ("x", {"hints": 64}, _cb), {}),
    ("hints '32'", "dns.lookup('x', {hints: '32'}, cb)", ("x", {"hints": "32"}, _cb), {}),
    ("hints true", "dns.lookup('x', {hints: true}, cb)", ("x", {"hints": True}, _cb), {}),
    ("hints before family", "dns.lookup('x', {hints: 1, family: 5}, cb)",
     ("x", {"hints": 1, "family": 5}, _cb), {}),
    ("all 'yes'", "dns.lookup('x', {all: 'yes'}, cb)", ("x", {"all": "yes"}, _cb), {}),
    ("all 1", "dns.lookup('x', {all: 1}, cb)", ("x", {"all": 1}, _cb), {}),
    ("verbatim 1", "dns.lookup('x', {verbatim: 1}, cb)", ("x", {"verbatim": 1}, _cb), {}),
    ("order foo", "dns.lookup('x', {order: 'foo'}, cb)", ("x", {"order": "foo"}, _cb), {}),
    ("no callback", "dns.lookup('x')", ("x",), {}),
    ("no callback with options", "dns.lookup('x', {})", ("x", {}), {}),
    ("no callback with family", "dns.lookup('x', 4)", ("x", 4), {}),
    ("null callback", "dns.lookup('x', 4, null)", ("x", 4, None), {}),
    ("number callback", "dns.lookup('x', {}, 1)", ("x", {}, 1), {}),
    ("string options", "dns.lookup('x', 'a', cb)", ("x", "a", _cb), {}),
    ("string options, no callback", "dns.lookup('x', 'a')", ("x", "a"), {}),
    ("boolean options", "dns.lookup('x', true, cb)", ("x", True, _cb), {}),
    ("empty host, bad callback", "dns.lookup('', 5)", ("", 5), {}),
    ("setDefaultResultOrder", "dns.setDefaultResultOrder('x')", ("x",), {}),
]

# (id, JavaScript arguments before the callback, Python positional args)
LOOKUPS: list[tuple[str, str, tuple[Any, ...]]] = [
    ("localhost", "'localhost'", ("localhost",)),
    ("localhost all", "'localhost', {all: true}", ("localhost", {"all": True})),
    ("localhost 4", "'localhost', 4", ("localhost", 4)),
    ("localhost 6", "'localhost', 6", ("localhost", 6)),
    ("localhost ADDRCONFIG all", "'localhost', {hints: dns.ADDRCONFIG, all: true}",
     ("localhost", {"hints": dns.ADDRCONFIG, "all": True})),
    ("localhost ipv6first all", "'localhost', {order: 'ipv6first', all: true}",
     ("localhost", {"order": "ipv6first", "all": True})),
    ("LOCALHOST", "'LOCALHOST'", ("LOCALHOST",)),
    ("127.0.0.1", "'127.0.0.1'", ("127.0.0.1",)),
    ("127.0.0.1 family 6", "'127.0.0.1', 6", ("127.0.0.1", 6)),
    ("127.0.0.1 all", "'127.0.0.1', {all: true}", ("127.0.0.1", {"all": True})),
    ("::1", "'::1'", ("::1",)),
    ("::1 all", "'::1', {all: true}", ("::1", {"all": True})),
    ("::ffff:127.0.0.1", "'::ffff:127.0.0.1'", ("::ffff:127.0.0.1",)),
    ("fe80::1%lo", "'fe80::1%lo'", ("fe80::1%lo",)),
    ("empty", "''", ("",)),
    ("empty 6", "'', 6", ("", 6)),
    ("empty all", "'', {all: true}", ("", {"all": True})),
    ("null host", "null", (None,)),
    ("nohost.invalid", "'nohost.invalid'", ("nohost.invalid",)),
    ("nohost.invalid all", "'nohost.invalid', {all: true}", ("nohost.invalid", {"all": True})),
    ("nohost.invalid 6", "'nohost.invalid', 6", ("nohost.invalid", 6)),
    ("long label", "'a'.repeat(64) + '.invalid'", ("a" * 64 + ".invalid",)),
    ("255 bytes", "'a'.repeat(255)", ("a" * 255,)),
    ("256 bytes", "'a'.repeat(256)", ("a" * 256,)),
    ("NUL inside", "'a\\u0000b.invalid'", ("a\0b.invalid",)),
    ("NUL first", "'\\u0000localhost'", ("\0localhost",)),
    ("NUL after localhost", "'localhost\\u0000junk'", ("localhost\0junk",)),
    ("NUL in a unicode name", "'LOCALHOST\\u0000\\u00fc'", ("LOCALHOST\0\u00fc",)),
    ("NUL after 255 bytes", "'a'.repeat(255) + '\\u0000b'", ("a" * 255 + "\0b",)),
    ("bad punycode", "'xn--zz.invalid'", ("xn--zz.invalid",)),
    ("unicode", "'b\\u00fccher.invalid'", ("b\u00fccher.invalid",)),
    ("lone surrogate", "'\\ud800.invalid'", ("\ud800.invalid",)),
    ("zero-width joiner", "'a\\u200db.invalid'", ("a\u200db.invalid",)),
    ("ideographic full stop", "'localhost\\u3002'", ("localhost\u3002",)),
    ("fullwidth", "'\\uff4c\\uff4f\\uff43\\uff41\\uff4c\\uff48\\uff4f\\uff53\\uff54'",
     ("\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54",)),
    ("xn-- decoding to ASCII", "'xn--abc-.invalid'", ("xn--abc-.invalid",)),
]

NODE_SCRIPT = r"""
'use strict';
const dns = require('dns');
process.removeAllListeners('warning');
process.on('warning', () => {});
const cb = () => {};
const VALIDATION = %(validation)s;
const validation = {};
for (const [name, code] of VALIDATION) {
  try {
    eval(code);
    validation[name] = { ok: true };
  } catch (e) {
    validation[name] = { name: e.name, code: e.code, message: e.message };
  }
}
function enc(x) {
  if (x === undefined) return null;
  if (x instanceof Error) {
    return { $err: { code: x.code, syscall: x.syscall, hostname: x.hostname,
                     message: x.message, errno: typeof x.errno } };
  }
  return x;
}
const lookups = {};
for (const [name, args] of %(lookups)s) {
  eval(`dns.lookup(${args}, (...a) => { lookups[name] = a.map(enc); })`);
}
process.on('exit', () => console.log(JSON.stringify({ validation, lookups })));
"""


@pytest.fixture(scope="module")
def node_results() -> dict[str, Any]:
    script = NODE_SCRIPT % {
        "validation": json.dumps([[name, js] for name, js, _, _ in VALIDATION]),
        "lookups": json.dumps([[name, js] for name, js, _ in LOOKUPS]),
    }
    out = run_node(script, timeout=30)
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(("name", "args", "kwargs"), [(c[0], c[2], c[3]) for c in VALIDATION],
                         ids=[c[0] for c in VALIDATION])
def test_validation_matches_node(node_results: dict[str, Any], loop: Loop, name: str,
                                 args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    expected = node_results["validation"][name]
    assert "ok" not in expected, f"node accepted {name}"
    call = dns.setDefaultResultOrder if name == "setDefaultResultOrder" else dns.lookup
    with pytest.raises(Exception) as info:
        call(*args, **kwargs)
    err = info.value
    assert getattr(err, "code", None) == expected["code"]
    assert str(err) == expected["message"]
    assert expected["name"] == "TypeError" and isinstance(err, TypeError)
    assert dns.getDefaultResultOrder() == "verbatim"


def _encode(value: Any) -> Any:
    if isinstance(value, BaseException):
        return {"$err": {"code": getattr(value, "code", None),
                         "syscall": getattr(value, "syscall", None),
                         "hostname": getattr(value, "hostname", None),
                         "message": str(value),
                         "errno": "number" if isinstance(getattr(value, "errno", None), int)
                         else "undefined"}}
    if isinstance(value, list):
        return [dict(item) for item in value]
    return value


@pytest.mark.parametrize(("name", "args"), [(c[0], c[2]) for c in LOOKUPS],
                         ids=[c[0] for c in LOOKUPS])
def test_lookup_matches_node(node_results: dict[str, Any], loop: Loop, name: str,
                             args: tuple[Any, ...]) -> None:
    expected = node_results["lookups"][name]
    got: list[list[Any]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # DEP0118 for '' and null
        lookup: Any = dns.lookup
        lookup(*args, lambda *a: got.append([_encode(x) for x in a]))
    loop.run()
    assert got == [expected]
