"""``pynet.dns.lookup``: overloads, validation, fast paths, errors, the worker pool.

Every test but the last uses a fake resolver (``dns.set_resolver``), so no
network is needed; the last resolves ``localhost`` with the system resolver.
Node's messages below were taken from node v20 (the interop test compares
them live).
"""

from __future__ import annotations

import errno
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from pynet import dns, errors, process, timers
from pynet._core import threadpool
from pynet._core.loop import Loop
from pynet._net.address import NodeObject
from pynet.errors import NodeError
from tests.helpers import CallChecker

V4 = socket.AF_INET
V6 = socket.AF_INET6


def info(address: str, family: int | None = None) -> tuple[Any, ...]:
    """One getaddrinfo result tuple for ``address``."""
    if family is None:
        family = V6 if ":" in address else V4
    sockaddr: tuple[Any, ...] = (address, 0) if family == V4 else (address, 0, 0, 0)
    return (family, socket.SOCK_STREAM, 6, "", sockaddr)


class FakeResolver:
    """Records calls; answers from a table (host -> results or an exception).

    A list of results is filtered by the requested family, as getaddrinfo
    does; a callable ``(host, family) -> results`` answers as it likes.
    """

    def __init__(self, table: dict[str, Any] | None = None, delay: float = 0.0) -> None:
        self.table = table or {}
        self.delay = delay
        self.calls: list[tuple[Any, ...]] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, host: str, port: Any, family: int, type: int,  # noqa: A002
                 proto: int, flags: int) -> list[tuple[Any, ...]]:
        with self._lock:
            self.calls.append((host, port, family, type, proto, flags))
            self.threads.add(threading.current_thread().name)
        if self.delay:
            time.sleep(self.delay)
        answer = self.table.get(host, socket.gaierror(socket.EAI_NONAME, "Name or service not known"))
        if isinstance(answer, BaseException):
            raise answer
        if callable(answer):
            return list(answer(host, family))
        return [i for i in answer if family in (socket.AF_UNSPEC, i[0])]


@pytest.fixture
def resolver() -> Iterator[FakeResolver]:
    fake = FakeResolver({
        "example.test": [info("10.0.0.1"), info("fd00::1"), info("10.0.0.2")],
        "v6.test": [info("fd00::6")],
    })
    previous = dns.set_resolver(fake)
    try:
        yield fake
    finally:
        dns.set_resolver(previous)


@pytest.fixture
def fresh_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dns, "_invalid_hostname_warned", False)


def run_lookup(loop: Loop, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    """Call ``dns.lookup(*args, cb, **kwargs)``, run the loop, return the callback's args."""
    got: list[tuple[Any, ...]] = []
    lookup: Any = dns.lookup
    lookup(*args, lambda *a: got.append(a), **kwargs)
    loop.run()
    assert len(got) == 1
    return got[0]


# --- constants --------------------------------------------------------------------

def test_flag_constants_are_the_systems_and_nodes() -> None:
    assert dns.ADDRCONFIG == socket.AI_ADDRCONFIG
    assert dns.V4MAPPED == socket.AI_V4MAPPED
    assert dns.ALL == socket.AI_ALL
    if hasattr(socket, "AF_NETLINK"):  # Linux: node prints 32 8 16
        assert (dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL) == (32, 8, 16)
    assert dns.NOTFOUND == "ENOTFOUND"
    assert dns.CANCELLED == "ECANCELLED"


def test_default_result_order(resolver: FakeResolver, loop: Loop) -> None:
    assert dns.getDefaultResultOrder() == "verbatim"
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as info_:
        dns.setDefaultResultOrder("x")
    assert str(info_.value) == ("The argument 'dnsOrder' must be one of: 'verbatim', "
                                "'ipv4first', 'ipv6first'. Received 'x'")
    dns.setDefaultResultOrder("ipv4first")
    try:
        assert dns.getDefaultResultOrder() == "ipv4first"
        _, addresses = run_lookup(loop, "example.test", {"all": True})
        assert [a.address for a in addresses] == ["10.0.0.1", "10.0.0.2", "fd00::1"]
    finally:
        dns.setDefaultResultOrder("verbatim")


# --- overloads ----------------------------------------------------------------------

def test_lookup_host_callback(resolver: FakeResolver, loop: Loop) -> None:
    assert run_lookup(loop, "example.test") == (None, "10.0.0.1", 4)
    # Node's dns.lookup adds no hints of its own (net passes ADDRCONFIG itself).
    assert resolver.calls == [("example.test", None, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, 0)]


def test_lookup_family_number(resolver: FakeResolver, loop: Loop) -> None:
    assert run_lookup(loop, "v6.test", 6) == (None, "fd00::6", 6)
    assert resolver.calls[0][2] == socket.AF_INET6
    run_lookup(loop, "example.test", 4.0)
    assert resolver.calls[1][2] == socket.AF_INET


def test_lookup_options_dict(resolver: FakeResolver, loop: Loop) -> None:
    result = run_lookup(loop, "example.test",
                        {"family": "IPv4", "hints": dns.ADDRCONFIG | dns.V4MAPPED})
    assert result == (None, "10.0.0.1", 4)
    assert resolver.calls[0][2:] == (socket.AF_INET, socket.SOCK_STREAM, 0,
                                     dns.ADDRCONFIG | dns.V4MAPPED)


def test_lookup_options_as_keywords(resolver: FakeResolver, loop: Loop, checker: CallChecker) -> None:
    dns.lookup("example.test", checker.must_call(
        lambda err, addresses: addresses == [NodeObject(address="10.0.0.1", family=4),
                                             NodeObject(address="10.0.0.2", family=4)]
        or pytest.fail(repr(addresses))), family="IPv4", all=True)
    dns.lookup("v6.test", family=6, callback=checker.must_call(
        lambda err, address, family: (address, family) == ("fd00::6", 6) or pytest.fail()))
    # Keywords override the dict's keys.
    dns.lookup("example.test", {"family": 4, "all": False}, checker.must_call(
        lambda err, addresses: len(addresses) == 3 or pytest.fail()), family=0, all=True)
    loop.run()
    # The pool's threads may start the three lookups in any order.
    assert sorted((c[0], c[2]) for c in resolver.calls) == sorted([
        ("example.test", socket.AF_INET), ("v6.test", socket.AF_INET6),
        ("example.test", socket.AF_UNSPEC)])


def test_option_keywords_need_a_dict() -> None:
    with pytest.raises(TypeError, match="option keywords"):
        dns.lookup("example.test", 4, lambda *a: None, all=True)


def test_options_may_be_any_object(resolver: FakeResolver, loop: Loop) -> None:
    class Options:
        family = 6
        all = True

    _, addresses = run_lookup(loop, "v6.test", Options())
    assert addresses == [{"address": "fd00::6", "family": 6}]
    # An array is an object without those keys, as in Node.
    assert run_lookup(loop, "example.test", []) == (None, "10.0.0.1", 4)


def test_returns_the_request_or_an_empty_object(resolver: FakeResolver, loop: Loop) -> None:
    req = dns.lookup("example.test", 4, lambda *a: None)
    assert isinstance(req, dns.GetAddrInfoReqWrap)
    assert (req.hostname, req.family) == ("example.test", 4)
    assert dns.lookup("127.0.0.1", lambda *a: None) == {}
    loop.run()


# --- validation ---------------------------------------------------------------------

def _cb(*args: Any) -> None:
    pass


MISSING: Any = dns._MISSING

VALIDATION_CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], type[NodeError], str]] = [
    ("number host", (1, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "hostname" argument must be of type string. Received type number (1)'),
    ("object host", ({}, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "hostname" argument must be of type string. Received an instance of Object'),
    ("true host", (True, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "hostname" argument must be of type string. Received type boolean (true)'),
    ("bad host before bad callback", (1, "x"), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "hostname" argument must be of type string. Received type number (1)'),
    ("family 5 number", ("x", 5, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The argument 'family' must be one of: 0, 4, 6. Received 5"),
    ("family 5 option", ("x", {"family": 5}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' must be one of: 0, 4, 6. Received 5"),
    ("family 5 keyword", ("x", _cb), {"family": 5}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' must be one of: 0, 4, 6. Received 5"),
    ("family lower-case string", ("x", {"family": "ipv4"}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' must be one of: 0, 4, 6. Received 'ipv4'"),
    ("family IPV4", ("x", {"family": "IPV4"}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' must be one of: 0, 4, 6. Received 'IPV4'"),
    ("family true", ("x", {"family": True}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' must be one of: 0, 4, 6. Received true"),
    ("hints 1", ("x", {"hints": 1}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The argument 'hints' is invalid. Received 1"),
    ("hints -1", ("x", {"hints": -1}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The argument 'hints' is invalid. Received 4294967295"),
    ("hints string", ("x", {"hints": "32"}, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     "The \"options.hints\" property must be of type number. Received type string ('32')"),
    ("hints before family", ("x", {"hints": 1, "family": 5}, _cb), {},
     errors.ERR_INVALID_ARG_VALUE, "The argument 'hints' is invalid. Received 1"),
    ("all string", ("x", {"all": "yes"}, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     "The \"options.all\" property must be of type boolean. Received type string ('yes')"),
    ("verbatim number", ("x", {"verbatim": 1}, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "options.verbatim" property must be of type boolean. Received type number (1)'),
    ("order", ("x", {"order": "foo"}, _cb), {}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.order' must be one of: 'verbatim', 'ipv4first', 'ipv6first'. "
     "Received 'foo'"),
    ("no callback", ("x",), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received undefined'),
    ("no callback, options", ("x", {}), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received undefined'),
    ("no callback, family", ("x", 4), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received undefined'),
    ("null callback", ("x", 4, None), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received null'),
    ("number callback", ("x", {}, 1), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received type number (1)'),
    ("string options", ("x", "a", _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     "The \"options\" argument must be of type object or integer. Received type string ('a')"),
    ("string options, no callback", ("x", "a"), {}, errors.ERR_INVALID_ARG_TYPE,
     "The \"callback\" argument must be of type function. Received type string ('a')"),
    ("boolean options", ("x", True, _cb), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "options" argument must be of type object or integer. Received type boolean (true)'),
    ("empty host still checks the callback", ("", 5), {}, errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received undefined'),
]


@pytest.mark.parametrize(("args", "kwargs", "cls", "message"),
                         [c[1:] for c in VALIDATION_CASES], ids=[c[0] for c in VALIDATION_CASES])
def test_validation(resolver: FakeResolver, loop: Loop, args: tuple[Any, ...],
                    kwargs: dict[str, Any], cls: type[NodeError], message: str) -> None:
    with pytest.raises(cls) as info_:
        dns.lookup(*args, **kwargs)
    assert str(info_.value) == message
    assert isinstance(info_.value, TypeError)
    assert resolver.calls == []
    assert loop.statistics().idle


def test_lenient_hints_as_node(resolver: FakeResolver, loop: Loop) -> None:
    # hints go through `>>> 0`: 32.5 -> 32, NaN -> 0, 2**32 + 32 -> 32.
    for hints, flags in ((32.5, 32), (float("nan"), 0), (2**32 + dns.ADDRCONFIG, dns.ADDRCONFIG)):
        run_lookup(loop, "example.test", {"hints": hints})
        assert resolver.calls[-1][5] == flags
    # None options are no options (Node's `null`).
    assert run_lookup(loop, "example.test", None) == (None, "10.0.0.1", 4)


# --- fast paths ---------------------------------------------------------------------

def test_ip_literals_never_reach_the_resolver(resolver: FakeResolver, loop: Loop) -> None:
    assert run_lookup(loop, "127.0.0.1") == (None, "127.0.0.1", 4)
    assert run_lookup(loop, "::1") == (None, "::1", 6)
    # The literal comes back verbatim, whatever family was asked for (Node).
    assert run_lookup(loop, "127.0.0.1", 6) == (None, "127.0.0.1", 4)
    assert run_lookup(loop, "fe80::1%lo", {"all": True}) == (
        None, [{"address": "fe80::1%lo", "family": 6}])
    assert resolver.calls == []


def test_ip_literal_answers_on_next_tick_before_timers(resolver: FakeResolver,
                                                       fake_loop: Loop) -> None:
    log: list[str] = []
    timers.setTimeout(log.append, 0, "timeout")
    timers.setImmediate(log.append, "immediate")
    process.nextTick(log.append, "tick before")
    dns.lookup("127.0.0.1", lambda err, address, family: log.append(f"lookup {address}"))
    process.nextTick(log.append, "tick after")
    log.append("sync")
    fake_loop.run()
    assert log[:4] == ["sync", "tick before", "lookup 127.0.0.1", "tick after"]
    assert sorted(log[4:]) == ["immediate", "timeout"]


def test_empty_hostname(resolver: FakeResolver, loop: Loop, fresh_warning: None) -> None:
    with pytest.warns(DeprecationWarning, match='The provided hostname "" is not a valid '
                      "hostname, and is supported in the dns module solely for compatibility."):
        assert run_lookup(loop, "") == (None, None, 4)
    # Once per process, as Node's.
    assert run_lookup(loop, None, 6) == (None, None, 6)
    assert run_lookup(loop, 0, {"all": True}) == (None, [])
    assert run_lookup(loop, False, {"family": 4}) == (None, None, 4)
    assert resolver.calls == []


def test_falsy_hostname_warning_text(loop: Loop, fresh_warning: None) -> None:
    with pytest.warns(DeprecationWarning, match='hostname "null"') as record:
        dns.lookup(None, lambda *a: None)
    assert record[0].message.code == "DEP0118"  # type: ignore[union-attr]
    assert record[0].filename == __file__
    loop.run()


# --- results ------------------------------------------------------------------------

def test_all_true_shape(resolver: FakeResolver, loop: Loop) -> None:
    err, addresses = run_lookup(loop, "example.test", {"all": True})
    assert err is None
    assert addresses == [{"address": "10.0.0.1", "family": 4},
                         {"address": "fd00::1", "family": 6},
                         {"address": "10.0.0.2", "family": 4}]
    assert all(isinstance(a, NodeObject) for a in addresses)
    assert addresses[1].address == addresses[1]["address"] == "fd00::1"
    assert repr(addresses[0]) == "{ address: '10.0.0.1', family: 4 }"


@pytest.mark.parametrize(("options", "expected"), [
    ({}, ["10.0.0.1", "fd00::1", "10.0.0.2"]),
    ({"verbatim": True}, ["10.0.0.1", "fd00::1", "10.0.0.2"]),
    ({"verbatim": False}, ["10.0.0.1", "10.0.0.2", "fd00::1"]),
    ({"order": "ipv4first"}, ["10.0.0.1", "10.0.0.2", "fd00::1"]),
    ({"order": "ipv6first"}, ["fd00::1", "10.0.0.1", "10.0.0.2"]),
    ({"verbatim": False, "order": "verbatim"}, ["10.0.0.1", "fd00::1", "10.0.0.2"]),
])
def test_result_order(resolver: FakeResolver, loop: Loop, options: dict[str, Any],
                      expected: list[str]) -> None:
    _, addresses = run_lookup(loop, "example.test", {**options, "all": True})
    assert [a.address for a in addresses] == expected
    assert run_lookup(loop, "example.test", options)[1] == expected[0]


def test_family_reported_is_the_requested_one(resolver: FakeResolver, loop: Loop) -> None:
    # Node: `family: this.family || isIP(addr)`.
    resolver.table["mapped.test"] = lambda host, family: [info("::ffff:10.0.0.1")]
    assert run_lookup(loop, "mapped.test", {"family": 4}) == (None, "::ffff:10.0.0.1", 4)
    assert run_lookup(loop, "mapped.test") == (None, "::ffff:10.0.0.1", 6)


def test_scope_ids_dropped_other_families_ignored_duplicates_kept(resolver: FakeResolver,
                                                                  loop: Loop) -> None:
    unix = (socket.AF_UNIX, socket.SOCK_STREAM, 0, "", "/tmp/x")
    resolver.table["odd.test"] = [unix, info("fe80::1%eth0"), info("10.0.0.1"), info("10.0.0.1")]
    _, addresses = run_lookup(loop, "odd.test", {"all": True})
    assert [a.address for a in addresses] == ["fe80::1", "10.0.0.1", "10.0.0.1"]


def test_ascii_conversion_before_the_resolver(resolver: FakeResolver, loop: Loop) -> None:
    for host, sent in (("Bücher.Example", "xn--bcher-kva.example"),
                       ("LOCALHOST", "localhost"),
                       ("a\u3002b", "a.b"),
                       ("\uff21\uff22\uff23.test", "abc.test"),
                       ("a\u00adb.test", "ab.test"),
                       ("xn--ls8h.test", "xn--ls8h.test"),
                       ("a" * 64 + ".test", "a" * 64 + ".test"),
                       ("a" * 255, "a" * 255),
                       # A C string for libuv: it ends at the first NUL.
                       ("nothere.test\0junk", "nothere.test"),
                       ("a" * 255 + "\0b", "a" * 255),
                       ("A\0\u00fc", "xn--a")):
        err, *_ = run_lookup(loop, host)
        assert err.code == "ENOTFOUND"
        assert err.hostname == host  # the error names what the caller passed
        assert resolver.calls[-1][0] == sent


@pytest.mark.parametrize("host", ["\0x", "\0localhost", "a" * 256, "xn--zz", "xn--a.test", "xn--.test",
                                  "a\u200db.test", "\x80.test", "\ud800.test", "a\uffffb"])
def test_names_that_cannot_be_converted_fail_with_einval(resolver: FakeResolver, loop: Loop,
                                                         host: str) -> None:
    log: list[Any] = []
    dns.lookup(host, lambda err: log.append(err))
    process.nextTick(log.append, "tick after")
    loop.run()
    err = log[0]
    assert log[1] == "tick after"  # delivered on nextTick, as Node does
    assert (err.code, err.syscall, err.hostname, err.errno) == (
        "EINVAL", "getaddrinfo", host, errno.EINVAL)
    assert str(err) == f"getaddrinfo EINVAL {host}"
    assert resolver.calls == []


# --- errors -------------------------------------------------------------------------

@pytest.mark.parametrize(("exc", "code", "number"), [
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "ENOTFOUND",
     socket.EAI_NONAME),
    (socket.gaierror(socket.EAI_NODATA, "No address associated with hostname"), "ENOTFOUND",
     socket.EAI_NODATA),
    (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), "EAI_AGAIN",
     socket.EAI_AGAIN),
    (socket.gaierror(socket.EAI_FAIL, "Non-recoverable failure"), "EAI_FAIL", socket.EAI_FAIL),
    (socket.gaierror(socket.EAI_FAMILY, "ai_family not supported"), "EAI_FAMILY",
     socket.EAI_FAMILY),
    (socket.gaierror(-12345, "?"), "Unknown system error -12345", -12345),
    (OSError(errno.ENOMEM, "Cannot allocate memory"), "ENOMEM", errno.ENOMEM),
    ([], "ENOTFOUND", socket.EAI_NODATA),  # no usable address: EAI_NODATA
])
def test_error_shape(resolver: FakeResolver, loop: Loop, exc: Any, code: str,
                     number: int) -> None:
    resolver.table["fail.test"] = exc
    got = run_lookup(loop, "fail.test")
    assert len(got) == 1  # Node calls back with the error only
    err = got[0]
    assert isinstance(err, OSError)
    assert isinstance(err, errors.SystemError)
    assert (err.code, err.syscall, err.hostname) == (code, "getaddrinfo", "fail.test")
    assert err.errno == number  # Python's number, never Node's -3008
    assert str(err) == err.message == f"getaddrinfo {code} fail.test"
    if isinstance(exc, OSError):
        assert err.__cause__ is exc


def test_callback_arity_as_javascript(resolver: FakeResolver, loop: Loop) -> None:
    log: list[Any] = []

    def three(err: Any, address: Any, family: Any) -> None:
        log.append((err.code if err else None, address, family))

    def one(err: Any) -> None:
        log.append(err)

    dns.lookup("nohost.test", three)  # error: address and family are None
    dns.lookup("example.test", one)  # success: extra arguments dropped
    dns.lookup("127.0.0.1", one)
    dns.lookup("nohost.test", {"all": True}, lambda err, addresses: log.append(addresses))
    loop.run()
    assert sorted(log, key=repr) == sorted([("ENOTFOUND", None, None), None, None, None],
                                           key=repr)


def test_resolver_bug_propagates_out_of_run_and_releases_the_ref(resolver: FakeResolver,
                                                                 loop: Loop) -> None:
    resolver.table["bug.test"] = ZeroDivisionError("resolver bug")
    dns.lookup("bug.test", lambda *a: pytest.fail("called"))
    with pytest.raises(ZeroDivisionError):
        loop.run()
    assert loop.statistics().refs == 0


def _wait_for_results(loop: Loop, count: int) -> None:
    """Wait until ``count`` lookup results are queued on ``loop`` (same poll batch)."""
    deadline = time.monotonic() + 5
    while loop.statistics().thread_calls < count:
        assert time.monotonic() < deadline, "the workers did not answer"
        time.sleep(0.001)


def test_callback_exception_propagates_and_the_loop_stays_consistent(resolver: FakeResolver,
                                                                     loop: Loop) -> None:
    def boom(*args: Any) -> None:
        raise RuntimeError("from callback")

    dns.lookup("example.test", boom)
    with pytest.raises(RuntimeError):
        loop.run()
    assert loop.statistics().refs == 0
    assert run_lookup(loop, "v6.test") == (None, "fd00::6", 6)


def test_other_results_of_the_same_batch_survive_a_callback_exception(
        resolver: FakeResolver, loop: Loop) -> None:
    def boom(*args: Any) -> None:
        raise RuntimeError("from callback")

    got: list[Any] = []

    def stuck() -> None:
        raise AssertionError("the second result was never delivered")

    dns.lookup("example.test", boom)
    dns.lookup("v6.test", lambda *args: got.append(args))
    _wait_for_results(loop, 2)  # Both results queued, in either order.
    with pytest.raises(RuntimeError):
        loop.run()
    # If the other result was left behind, the loop would spin on it: the
    # (unref'd) guard then fails the test instead of hanging it.
    guard = timers.setTimeout(stuck, 1000).unref()
    try:
        loop.run()
    finally:
        guard.close()
    assert got == [(None, "fd00::6", 6)]


# --- the worker pool and the loop ---------------------------------------------------

def test_run_waits_for_a_pending_lookup(loop: Loop) -> None:
    release = threading.Event()
    fake = FakeResolver({"slow.test": lambda host, family: (release.wait(5), [info("10.1.1.1")])[1]})
    previous = dns.set_resolver(fake)
    try:
        got: list[Any] = []
        dns.lookup("slow.test", lambda *a: got.append(a))
        assert loop.statistics().refs == 1  # the request holds the loop
        timers.setTimeout(release.set, 50)
        started = time.monotonic()
        loop.run()
        assert time.monotonic() - started >= 0.04
        assert got == [(None, "10.1.1.1", 4)]
        assert loop.statistics().refs == 0
    finally:
        dns.set_resolver(previous)


def test_callback_runs_on_the_loop_thread_resolver_on_a_worker(resolver: FakeResolver,
                                                               loop: Loop) -> None:
    where: list[str] = []
    dns.lookup("example.test", lambda *a: where.append(threading.current_thread().name))
    loop.run()
    assert where == [threading.current_thread().name]
    assert all(name.startswith("pynet-dns-") for name in resolver.threads)


def test_many_concurrent_lookups_none_lost(loop: Loop) -> None:
    fake = FakeResolver({f"h{i}.test": [info(f"10.0.{i // 256}.{i % 256}")] for i in range(200)},
                        delay=0.005)
    previous = dns.set_resolver(fake)
    try:
        results: dict[int, Any] = {}
        for i in range(200):
            dns.lookup(f"h{i}.test", {"all": i % 2 == 0},
                       lambda err, res, *rest, i=i: results.setdefault(i, (err, res)))
        assert loop.statistics().refs == 200
        loop.run()
        assert len(results) == 200
        for i, (err, res) in results.items():
            expected = f"10.0.{i // 256}.{i % 256}"
            assert err is None
            assert res == ([{"address": expected, "family": 4}] if i % 2 == 0 else expected)
        assert len(fake.calls) == 200
        assert 1 <= len(fake.threads) <= threadpool.get_pool().size
    finally:
        dns.set_resolver(previous)


def test_pool_is_bounded_by_uv_threadpool_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "2")
    assert threadpool.pool_size() == 2
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "0")
    assert threadpool.pool_size() == 1
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "nonsense")
    assert threadpool.pool_size() == 4
    monkeypatch.delenv("UV_THREADPOOL_SIZE")
    assert threadpool.pool_size() == 4


def test_a_lookup_uses_the_resolver_current_when_it_started(resolver: FakeResolver,
                                                            loop: Loop) -> None:
    got: list[Any] = []
    dns.lookup("example.test", lambda *a: got.append(a))
    other = FakeResolver({"example.test": [info("10.9.9.9")]})
    dns.set_resolver(other)
    loop.run()
    assert got == [(None, "10.0.0.1", 4)]
    assert other.calls == []


def test_lookup_from_a_callback(resolver: FakeResolver, loop: Loop) -> None:
    got: list[Any] = []

    def first(err: Any, address: str, family: int) -> None:
        got.append(address)
        dns.lookup("v6.test", lambda err, address, family: got.append(address))

    dns.lookup("example.test", first)
    loop.run()
    assert got == ["10.0.0.1", "fd00::6"]


# --- the system resolver (loopback only) --------------------------------------------

def test_localhost_with_the_system_resolver(loop: Loop) -> None:
    previous = dns.set_resolver(None)
    try:
        err, addresses = run_lookup(loop, "localhost", {"all": True})
        assert err is None
        assert addresses
        for a in addresses:
            assert a.family in (4, 6)
            assert a.address == "::1" or a.address.startswith("127."), a
        err, address, family = run_lookup(loop, "localhost", 4)
        assert err is None and address.startswith("127.") and family == 4
    finally:
        dns.set_resolver(previous)
