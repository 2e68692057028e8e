"""The part of Node's ``dns`` module that ``net`` needs: :func:`lookup`.

Mirrors Node v20's ``dns.lookup`` (lib/dns.js), its ``GetAddrInfoReqWrap``
and ``AfterGetAddrinfo`` (src/cares_wrap.cc), and libuv's ``uv_getaddrinfo``
(the system resolver run on libuv's thread pool).  Also here: Node's flag
constants :data:`ADDRCONFIG`, :data:`V4MAPPED`, :data:`ALL`, the c-ares error
code strings (:data:`NOTFOUND`…), :func:`getDefaultResultOrder` and
:func:`setDefaultResultOrder`.

Theory of operation
-------------------
``lookup(hostname, options, callback)`` validates its arguments exactly as
Node does (raising Node's ``ERR_*`` errors), then takes one of three paths:

1. **No hostname** (``''``, ``None``, ``0``, ``False``: JavaScript's falsy
   values): Node's compatibility case.  A ``DeprecationWarning`` (Node's
   ``DEP0118``) is issued once per process and the callback gets
   ``(None, None, 4)`` (``6`` when ``family`` is 6), or ``(None, [])`` with
   ``all``.
2. **An IP literal** (``net.isIP(hostname) != 0``, zone ids included): never
   reaches the resolver.  The callback gets the text back verbatim with its
   family, through ``process.nextTick``, so it runs after the current code
   and the ticks queued before it, and before any timer, immediate or I/O
   callback.
3. **A host name**: a :class:`GetAddrInfoReqWrap` request is handed to
   libuv's threadpool (:mod:`pynet._core.threadpool`: ``UV_THREADPOOL_SIZE``
   threads, default 4, started lazily), which runs
   ``getaddrinfo(host, None, family, SOCK_STREAM, 0, hints)`` on a worker.
   The outcome comes back through ``loop.call_from_thread``, so the callback
   runs on the loop thread, in the poll phase, like any libuv threadpool
   result.  The request holds a loop ref from submission until its result is
   delivered (released right before the callback), so ``pynet.run()`` does
   not return while a lookup is in flight.

Before a name is handed to the resolver it is converted to ASCII as Node 20
does (``ada::idna::to_ascii``, then libuv's 256-byte buffer): this is an
approximation of UTS #46 — labels are split on ``.``, U+3002, U+FF0E and U+FF61;
ASCII labels are lower-cased and an ``xn--`` label must be valid Punycode;
other labels are NFKC-normalised, lower-cased, stripped of ignorable code
points (soft hyphen, variation selectors…) and Punycode-encoded.  The result
is a C string for libuv, so it ends at the first NUL (``'localhost\\0junk'``
resolves ``localhost``, as in Node).  A lone surrogate, a non-ASCII
control/format/unassigned/private-use code point, bad Punycode, an empty
result (``'\\0x'``) or one longer than 255 bytes fails with
``getaddrinfo EINVAL <host>``, delivered via ``nextTick`` as in Node.

Results, as ``AfterGetAddrinfo`` builds them: only ``AF_INET``/``AF_INET6``
entries are kept, in getaddrinfo's order (``order: 'verbatim'``, Node 20's
default) or stably partitioned for ``'ipv4first'``/``'ipv6first'``; the
address is the bare ``inet_ntop`` text (no ``%scope``); duplicates are *not*
removed (``SOCK_STREAM`` already gives one entry per address, and Node does
not dedupe either).  An empty result is ``EAI_NODATA``.  The reported family
is ``options.family or isIP(address)`` — Node's expression, so with
``family: 4`` every address is reported as 4.

Errors are Node's ``DNSException`` (:func:`pynet.errors.dns_exception`):
``getaddrinfo ENOTFOUND nohost.invalid`` with ``.code``, ``.syscall``
(``'getaddrinfo'``) and ``.hostname``.  ``EAI_NONAME`` and ``EAI_NODATA``
become ``ENOTFOUND``; other ``EAI_*`` codes keep their name (``EAI_AGAIN``,
``EAI_FAIL``…); an ``EAI_SYSTEM`` failure (a plain :class:`OSError` in
Python) is named after its errno (``ENOMEM``…).  ``.errno`` is the *Python*
number of the failure, never Node's negative libuv number (mapping §6): the
``socket.EAI_*`` value of the :class:`socket.gaierror` (``socket.EAI_NONAME``,
negative on glibc), the positive errno of an ``OSError``, ``errno.EINVAL``
for a name that cannot be converted.

Invariants
----------
* The resolver is never called for an empty name or an IP literal, nor for a
  name that fails ASCII conversion.
* Every request that reached the pool adds exactly one loop ref and removes
  it exactly once, on the loop thread, before its callback runs — also when
  the resolver raised.
* Worker threads never run user code (only the resolver) and never touch the
  loop except through ``call_from_thread``; they own no file descriptor.
* The callback is called exactly once, with Node's arguments; as JavaScript
  would, pynet drops arguments the callback does not accept and passes
  ``None`` for missing ones it requires (so ``def cb(err, address, family)``
  works on errors too).
* An exception that is not an :class:`OSError` escaping the resolver (a bug,
  in a test resolver usually) is raised on the loop thread after the ref is
  released: it propagates out of ``pynet.run()`` like any callback's.

Testing hook: :func:`set_resolver` replaces ``socket.getaddrinfo`` (same
signature and results; the host is given as an ASCII ``str``), to simulate
slow or failing lookups without a network.

Not implemented: ``dns.resolve*``, ``Resolver``, ``lookupService``,
``dns.promises``, performance observers.
"""

from __future__ import annotations

import errno as _errno
import re
import socket
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pynet import errors
from pynet._core.calls import fit
from pynet._core.loop import Loop, get_loop
from pynet._core.promise import Promise
from pynet._core.threadpool import queue_work
from pynet._js.ip import isIP
from pynet._js.nodeobject import NodeObject
from pynet._js.number import is_number, to_uint32
from pynet._js.validators import (
    invalid_arg_type,
    invalid_arg_value,
    validate_boolean,
    validate_function,
    validate_number,
    validate_one_of,
    validate_string,
)
from pynet._js.value import to_string, truthy

__all__ = [
    "ADDRCONFIG",
    "ADDRGETNETWORKPARAMS",
    "ALL",
    "BADFAMILY",
    "BADFLAGS",
    "BADHINTS",
    "BADNAME",
    "BADQUERY",
    "BADRESP",
    "BADSTR",
    "CANCELLED",
    "CONNREFUSED",
    "DESTRUCTION",
    "EOF",
    "FILE",
    "FORMERR",
    "LOADIPHLPAPI",
    "NODATA",
    "NOMEM",
    "NONAME",
    "NOTFOUND",
    "NOTIMP",
    "NOTINITIALIZED",
    "REFUSED",
    "SERVFAIL",
    "TIMEOUT",
    "V4MAPPED",
    "GetAddrInfoReqWrap",
    "Resolver",
    "getDefaultResultOrder",
    "lookup",
    "setDefaultResultOrder",
    "set_resolver",
]

# --- constants ------------------------------------------------------------------

#: ``dns.ADDRCONFIG``: the system's ``AI_ADDRCONFIG`` (32 on Linux), as in Node.
ADDRCONFIG: int = getattr(socket, "AI_ADDRCONFIG", 0)
#: ``dns.V4MAPPED``: the system's ``AI_V4MAPPED`` (8 on Linux).
V4MAPPED: int = getattr(socket, "AI_V4MAPPED", 0)
#: ``dns.ALL``: the system's ``AI_ALL`` (16 on Linux).
ALL: int = getattr(socket, "AI_ALL", 0)

# c-ares error codes (Node exports them on ``dns``; ``lookup`` itself only
# produces NOTFOUND among these).
#: ``dns.NODATA``: DNS server returned an answer with no data.
NODATA = "ENODATA"
#: ``dns.FORMERR``: DNS server claims query was misformatted.
FORMERR = "EFORMERR"
#: ``dns.SERVFAIL``: DNS server returned general failure.
SERVFAIL = "ESERVFAIL"
#: ``dns.NOTFOUND``: Domain name not found (the code ``lookup`` reports for an unknown name).
NOTFOUND = "ENOTFOUND"
#: ``dns.NOTIMP``: DNS server does not implement the requested operation.
NOTIMP = "ENOTIMP"
#: ``dns.REFUSED``: DNS server refused query.
REFUSED = "EREFUSED"
#: ``dns.BADQUERY``: Misformatted DNS query.
BADQUERY = "EBADQUERY"
#: ``dns.BADNAME``: Misformatted host name.
BADNAME = "EBADNAME"
#: ``dns.BADFAMILY``: Unsupported address family.
BADFAMILY = "EBADFAMILY"
#: ``dns.BADRESP``: Misformatted DNS reply.
BADRESP = "EBADRESP"
#: ``dns.CONNREFUSED``: Could not contact DNS servers.
CONNREFUSED = "ECONNREFUSED"
#: ``dns.TIMEOUT``: Timeout while contacting DNS servers.
TIMEOUT = "ETIMEOUT"
#: ``dns.EOF``: End of file.
EOF = "EOF"
#: ``dns.FILE``: Error reading file.
FILE = "EFILE"
#: ``dns.NOMEM``: Out of memory.
NOMEM = "ENOMEM"
#: ``dns.DESTRUCTION``: Channel is being destroyed.
DESTRUCTION = "EDESTRUCTION"
#: ``dns.BADSTR``: Misformatted string.
BADSTR = "EBADSTR"
#: ``dns.BADFLAGS``: Illegal flags specified.
BADFLAGS = "EBADFLAGS"
#: ``dns.NONAME``: Given host name is not numeric.
NONAME = "ENONAME"
#: ``dns.BADHINTS``: Illegal hints flags specified.
BADHINTS = "EBADHINTS"
#: ``dns.NOTINITIALIZED``: c-ares library initialization not yet performed.
NOTINITIALIZED = "ENOTINITIALIZED"
#: ``dns.LOADIPHLPAPI``: Error loading ``iphlpapi.dll`` (Windows).
LOADIPHLPAPI = "ELOADIPHLPAPI"
#: ``dns.ADDRGETNETWORKPARAMS``: Could not find ``GetNetworkParams`` function (Windows).
ADDRGETNETWORKPARAMS = "EADDRGETNETWORKPARAMS"
#: ``dns.CANCELLED``: DNS query cancelled.
CANCELLED = "ECANCELLED"

_VALID_FAMILIES = (0, 4, 6)
_VALID_ORDERS = ("verbatim", "ipv4first", "ipv6first")
_AF = {0: socket.AF_UNSPEC, 4: socket.AF_INET, 6: socket.AF_INET6}
_VALID_HINTS = ADDRCONFIG | ALL | V4MAPPED

# socket.EAI_* number -> name, for codes libuv passes through by name.
_EAI_NAMES: dict[int, str] = {
    getattr(socket, name): name for name in dir(socket) if name.startswith("EAI_")
}
_NOT_FOUND = {getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA")
              if hasattr(socket, name)}
_EAI_NODATA: int | None = getattr(socket, "EAI_NODATA", None)

_default_order = "verbatim"
_invalid_hostname_warned = False


def getDefaultResultOrder() -> str:
    """``dns.getDefaultResultOrder()``: ``'verbatim'`` unless changed."""
    return _default_order


def setDefaultResultOrder(order: str) -> None:
    """``dns.setDefaultResultOrder(order)``: ``'verbatim'``, ``'ipv4first'`` or ``'ipv6first'``."""
    global _default_order
    validate_one_of(order, "dnsOrder", _VALID_ORDERS)
    _default_order = order


# --- the resolver (replaceable for tests) -------------------------------------------

#: ``socket.getaddrinfo``'s signature: ``(host, port, family, type, proto, flags)``.
Resolver = Callable[..., Iterable[tuple[Any, ...]]]


def _system_getaddrinfo(host: str, port: Any, family: int, type: int,  # noqa: A002
                        proto: int, flags: int) -> list[tuple[Any, ...]]:
    # Bytes: the name is ASCII already, and Python's own "idna" codec would
    # refuse names the C library accepts (a 64-character label).
    return socket.getaddrinfo(host.encode("ascii"), port, family, type, proto, flags)


_resolver: Resolver = _system_getaddrinfo


def set_resolver(resolver: Resolver | None) -> Resolver:
    """Replace the function the workers call instead of ``socket.getaddrinfo``.

    ``resolver(host, None, family, socket.SOCK_STREAM, 0, flags)`` gets the
    ASCII host name as a ``str`` and returns ``getaddrinfo``-shaped tuples
    (only ``[0]``, the family, and ``[4][0]``, the address text, are used), or
    raises :class:`socket.gaierror` / :class:`OSError`.  It runs on a worker
    thread.  ``None`` restores the system resolver.  Returns the previous one.
    A lookup uses the resolver that was current when it started.
    """
    global _resolver
    previous = _resolver
    _resolver = _system_getaddrinfo if resolver is None else resolver
    return previous


# --- host name to ASCII (ada::idna::to_ascii + libuv's buffer) ----------------------

_LABEL_SEPARATORS = re.compile("[.\u3002\uff0e\uff61]")
_IGNORED = frozenset([0xAD, 0x34F, 0x180B, 0x180C, 0x180D, 0x180F, 0x200B, 0x2060, 0xFEFF,
                      *range(0xFE00, 0xFE10)])
_DISALLOWED_CATEGORIES = frozenset(["Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"])
_MAX_HOSTNAME = 255  # libuv's hostname_ascii[256] holds the name and its NUL


def _disallowed(text: str) -> bool:
    return any(ord(ch) > 0x7F and unicodedata.category(ch) in _DISALLOWED_CATEGORIES
               for ch in text)


def _to_ascii(hostname: str) -> str | None:
    """The ASCII name handed to getaddrinfo, or ``None`` for ``EINVAL``."""
    if hostname.isascii():
        labels = hostname.split(".")
    else:
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in hostname):
            return None
        labels = _LABEL_SEPARATORS.split(hostname)
    out: list[str] = []
    for label in labels:
        if not label.isascii():
            label = "".join(ch for ch in label if ord(ch) not in _IGNORED)
            label = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", label).lower())
            if _disallowed(label):
                return None
            if not label.isascii():
                label = "xn--" + label.encode("punycode").decode("ascii")
        else:
            label = label.lower()
            if label.startswith("xn--"):
                try:
                    decoded = label[4:].encode("ascii").decode("punycode")
                except UnicodeError:
                    return None
                if not decoded or _disallowed(decoded):
                    return None
        out.append(label)
    # Node hands libuv a C string: it ends at the first NUL.
    ascii_name = ".".join(out).partition("\0")[0]
    if not ascii_name or len(ascii_name) > _MAX_HOSTNAME:
        return None
    return ascii_name


# --- requests ---------------------------------------------------------------------

def _addresses(infos: Iterable[tuple[Any, ...]], order: str) -> list[str]:
    """``AfterGetAddrinfo``: the address texts, in the requested order."""
    v4: list[str] = []
    v6: list[str] = []
    both: list[str] = []
    for info in infos:
        family = info[0]
        if family == socket.AF_INET:
            address = str(info[4][0])
            v4.append(address)
        elif family == socket.AF_INET6:
            address = str(info[4][0]).partition("%")[0]
            v6.append(address)
        else:
            continue
        both.append(address)
    if order == "ipv4first":
        return v4 + v6
    if order == "ipv6first":
        return v6 + v4
    return both


def _dns_error(exc: OSError | None, hostname: str) -> errors.SystemError:
    """``DNSException`` for a resolver failure (``None``: no usable address)."""
    number: int | None
    if exc is None:
        number, code = _EAI_NODATA, "ENOTFOUND"
    elif isinstance(exc, socket.gaierror):
        number = exc.errno
        if number in _NOT_FOUND:
            code = "ENOTFOUND"
        elif number is None:
            code = "EAI_FAIL"
        else:
            code = _EAI_NAMES.get(number, f"Unknown system error {number}")
    else:  # EAI_SYSTEM: Python raises the errno as a plain OSError
        number = exc.errno
        code = (_errno.errorcode.get(number, f"Unknown system error {number}")
                if number is not None else "EAI_FAIL")
    err = errors.dns_exception(code, "getaddrinfo", hostname)
    err.errno = number  # type: ignore[assignment,unused-ignore]
    if exc is not None:
        err.__cause__ = exc
    return err


class GetAddrInfoReqWrap:
    """One pending ``getaddrinfo`` (Node's ``GetAddrInfoReqWrap``); what :func:`lookup` returns.

    ``hostname``, ``family`` and ``callback`` are Node's fields; the rest is
    private to the worker and the loop.

    Attributes:
        ``hostname``: The name being looked up, as given to :func:`lookup`.
        ``family``: The requested family: 0 (any), 4 or 6.
        ``callback``: The function :func:`lookup` was given; called once with
            Node's ``(err, address, family)`` or ``(err, addresses)``.
    """

    __slots__ = ("_all", "_ascii", "_call", "_hints", "_order", "_resolver",
                 "callback", "family", "hostname")

    def __init__(self, hostname: str, family: int, hints: int, all: bool,  # noqa: A002
                 order: str, callback: Callable[..., Any],
                 call: Callable[..., Any] | None = None) -> None:
        self.hostname = hostname
        self.family = family
        self.callback = callback
        self._hints = hints
        self._all = all
        self._order = order
        self._call = call if call is not None else fit(callback)
        self._ascii = ""
        self._resolver = _resolver

    def _start(self, ascii_name: str, loop: Loop) -> None:
        """Hand the request to the threadpool (``uv_getaddrinfo``)."""
        self._ascii = ascii_name
        queue_work(loop, self._work, self._after_work, "dns")

    def _work(self) -> tuple[OSError | None, list[str]]:
        """On a worker thread: resolve (any other exception is raised on the loop)."""
        try:
            infos = self._resolver(self._ascii, None, _AF[self.family], socket.SOCK_STREAM, 0,
                                   self._hints)
        except OSError as exc:
            return exc, []
        return None, _addresses(infos, self._order)

    def _after_work(self, status: int, outcome: tuple[OSError | None, list[str]]) -> None:
        """On the loop thread: Node's ``onlookup`` / ``onlookupall``."""
        error, addresses = outcome
        if error is not None or not addresses:
            self._call(_dns_error(error, self.hostname))
            return
        family = self.family
        if self._all:
            self._call(None, [NodeObject(address=a, family=family or isIP(a)) for a in addresses])
        else:
            self._call(None, addresses[0], family or isIP(addresses[0]))

    def __repr__(self) -> str:
        return f"GetAddrInfoReqWrap(hostname={self.hostname!r}, family={self.family})"


# --- lookup -----------------------------------------------------------------------

class _Missing:
    """An argument that was not passed (JavaScript's ``undefined`` in messages)."""

    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()


def _validate_callback(callback: object) -> Callable[..., Any]:
    if callback is _MISSING:
        raise errors.ERR_INVALID_ARG_TYPE(
            'The "callback" argument must be of type function. Received undefined')
    return validate_function(callback, "callback")


def _get(options: object, key: str) -> Any:
    if options is None:
        return None
    if isinstance(options, Mapping):
        return options.get(key)
    return getattr(options, key, None)


def lookup(hostname: Any, options: Any = None, callback: Any = _MISSING,
           **kwargs: Any) -> GetAddrInfoReqWrap | NodeObject:
    """``dns.lookup(hostname[, options], callback)``.

    Overloads, as in Node: ``lookup(host, cb)``, ``lookup(host, family, cb)``
    (``family`` 0, 4 or 6), ``lookup(host, options, cb)`` with ``options`` a
    dict (or any object with the attributes) of ``family`` (0, 4, 6,
    ``'IPv4'``, ``'IPv6'``), ``hints`` (``ADDRCONFIG | V4MAPPED | ALL``),
    ``all``, ``verbatim`` and ``order``.  The option keys may also be given
    as keyword arguments (``lookup('example.org', cb, family=6)``); they
    override the dict's.

    The callback gets ``(err, address, family)``, or with ``all=True``
    ``(err, addresses)`` where each address is a :class:`NodeObject`
    ``{address, family}``.  Bad arguments raise Node's ``ERR_*`` errors; a
    failed lookup passes a ``DNSException`` to the callback.  Returns the
    request (``{}`` when no lookup was needed), as Node does.

    Unlike :mod:`net`, ``lookup`` adds no default hints: Node's ``net``
    passes ``hints=ADDRCONFIG`` itself.
    """
    hints = 0
    family: Any = 0
    all_ = False
    order = _default_order

    if truthy(hostname):
        validate_string(hostname, "hostname")

    if kwargs:
        if callable(options) and callback is _MISSING:
            options, callback = None, options
        if options is None:
            options = dict(kwargs)
        elif isinstance(options, Mapping):
            options = {**options, **kwargs}
        else:
            raise TypeError("lookup() takes option keywords only with an options dict, "
                            f"not with {type(options).__name__}")

    if callable(options):
        callback = options
        family = 0
    elif is_number(options):
        _validate_callback(callback)
        validate_one_of(options, "family", _VALID_FAMILIES)
        family = options
    elif options is not None and isinstance(options, (str, bool)):
        _validate_callback(options if callback is _MISSING else callback)
        raise invalid_arg_type("options", ["integer", "object"], options)
    else:
        _validate_callback(callback)
        raw_hints = _get(options, "hints")
        if raw_hints is not None:
            validate_number(raw_hints, "options.hints")
            hints = to_uint32(raw_hints)
            if hints & ~_VALID_HINTS:
                raise invalid_arg_value("hints", hints)
        raw_family = _get(options, "family")
        if raw_family is not None:
            if raw_family == "IPv4" and isinstance(raw_family, str):
                family = 4
            elif raw_family == "IPv6" and isinstance(raw_family, str):
                family = 6
            else:
                validate_one_of(raw_family, "options.family", _VALID_FAMILIES)
                family = raw_family
        raw_all = _get(options, "all")
        if raw_all is not None:
            all_ = validate_boolean(raw_all, "options.all")
        raw_verbatim = _get(options, "verbatim")
        if raw_verbatim is not None:
            order = "verbatim" if validate_boolean(raw_verbatim, "options.verbatim") \
                else "ipv4first"
        raw_order = _get(options, "order")
        if raw_order is not None:
            validate_one_of(raw_order, "options.order", _VALID_ORDERS)
            order = raw_order
    family = int(family)
    call = fit(callback)
    loop = get_loop()

    if not truthy(hostname):
        _warn_invalid_hostname(hostname)
        if all_:
            loop.next_tick(call, None, [])
        else:
            loop.next_tick(call, None, None, 6 if family == 6 else 4)
        return NodeObject()

    matched = isIP(hostname)
    if matched:
        if all_:
            loop.next_tick(call, None, [NodeObject(address=hostname, family=matched)])
        else:
            loop.next_tick(call, None, hostname, matched)
        return NodeObject()

    ascii_name = _to_ascii(hostname)
    if ascii_name is None:
        err = errors.dns_exception("EINVAL", "getaddrinfo", hostname)
        err.errno = _errno.EINVAL
        loop.next_tick(call, err)
        return NodeObject()
    req = GetAddrInfoReqWrap(hostname, family, hints, all_, order, callback, call)
    req._start(ascii_name, loop)
    return req


def _warn_invalid_hostname(hostname: object) -> None:
    """Node's ``emitInvalidHostnameWarning`` (``DEP0118``, once per process)."""
    global _invalid_hostname_warned
    if _invalid_hostname_warned:
        return
    _invalid_hostname_warned = True
    warning = DeprecationWarning(
        f'The provided hostname "{to_string(hostname)}" is not a valid hostname, '
        "and is supported in the dns module solely for compatibility.")
    warning.code = "DEP0118"  # type: ignore[attr-defined]
    warnings.warn(warning, stacklevel=3)


class _Promises:
    """``dns.promises`` (``require('dns').promises``): the promise forms."""

    @staticmethod
    def lookup(hostname: Any, options: Any = None, **kwargs: Any) -> Promise[Any]:
        """``dns.promises.lookup(hostname[, options])``: a Promise of
        ``{'address', 'family'}`` (a list of them with ``all=True``); rejects
        with the lookup's error.  Bad arguments raise synchronously, as in Node.

        Difference: the answer for an IP literal or an empty name comes one tick
        later than Node's (it goes through :func:`lookup`'s callback).
        """
        settle: list[Callable[..., None]] = []
        promise: Promise[Any] = Promise(lambda resolve, reject: settle.extend((resolve, reject)))
        resolve, reject = settle

        def done(err: Any, address: Any = None, family: Any = None) -> None:
            if err is not None:
                reject(err)
            elif isinstance(address, list):
                resolve(address)
            else:
                resolve(NodeObject(address=address, family=family))

        if options is None:
            lookup(hostname, done, **kwargs)
        else:
            lookup(hostname, options, done, **kwargs)
        return promise


promises = _Promises()
