"""IP address helpers: ``isIP``, ``BlockList``, ``SocketAddress``, ``AddressInfo``.

What this mirrors in Node v20:

* :func:`isIP`, :func:`isIPv4`, :func:`isIPv6` — ``lib/internal/net.js``
  (``IPv4Reg``/``IPv6Reg``), translated regex for regex.  Only ``str`` input
  is tested; anything else is ``0``/``False`` and never raises.  (Node coerces
  with ``String()``, so ``net.isIP(['1.2.3.4'])`` is ``4`` there; Python has no
  implicit ``toString``, so it is ``0`` here.)
* :class:`SocketAddress` — ``lib/internal/socketaddress.js`` plus the C++
  ``SocketAddress`` of ``src/node_sockaddr.cc``.  Addresses are parsed as
  libuv's ``uv_ip4_addr``/``uv_ip6_addr`` (``inet_pton4``/``inet_pton6``) do:
  no leading zeros in dotted quads, a C string (text after a NUL byte is
  ignored), an IPv6 zone id (``%eth0``) accepted and dropped, the part before
  ``%`` cut to 39 characters.  The ``address`` property is the canonical text
  ``inet_ntop`` gives (``::ffff:1.2.3.4``, ``1::1``, ``::0.1.0.0``), not the
  input.
* :class:`BlockList` — ``lib/internal/blocklist.js`` plus
  ``SocketAddressBlockList`` of ``src/node_sockaddr.cc``: rules are listed
  newest first, an IPv4 rule matches the IPv4-mapped IPv6 form of its
  addresses and an IPv6 rule over ``::ffff:0:0/96`` matches plain IPv4
  addresses, exactly as Node's ``is_match``/``compare``/``is_in_network`` do.
  Node 22's ``BlockList.isBlockList``, ``toJSON`` and ``fromJSON`` are here too.
* :data:`AddressInfo` — what ``address()`` returns: a
  :class:`~pynet._js.nodeobject.NodeObject` (mapping §4).

Invariants: parsed values are held as :mod:`ipaddress` objects (comparisons
and masks use them); ``None`` for an option means "omitted" (Node's
``undefined``); every error is the ``pynet.errors`` class named after Node's
code, with Node's message.

Deliberate differences, where Node v20 aborts the process instead of throwing
(``new SocketAddress({port: '80'})``, ``{port: -0}``, ``{flowlabel: 2 ** 20}``
with ``ipv6``, ``addSubnet(net, -0)``): a string port is taken as its number,
``-0`` as ``0``, and an IPv6 flow label above ``0xFFFFF`` raises
``ERR_OUT_OF_RANGE``.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeAlias

from pynet import errors
from pynet._js.inspect import inspect
from pynet._js.ip import inet_ntop, inet_pton, isIP, isIPv4, isIPv6
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import (
    invalid_arg_type,
    invalid_arg_value,
    out_of_range,
    validate_int32,
    validate_object,
    validate_port,
    validate_string,
    validate_uint32,
)

__all__ = [
    "AddressInfo",
    "BlockList",
    "NodeObject",
    "SocketAddress",
    "inet_ntop",
    "inet_pton",
    "isIP",
    "isIPv4",
    "isIPv6",
]

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address
Family = Literal["ipv4", "ipv6"]

#: The type of ``server.address()`` / ``socket.address()`` results.
AddressInfo = NodeObject


# --- SocketAddress ----------------------------------------------------------------

_FLOWLABEL_MAX = 0xFFFFF  # kLabelMask in src/node_sockaddr.h


def _option(options: object, key: str) -> Any:
    if isinstance(options, Mapping):
        return options.get(key)
    return getattr(options, key, None)


class SocketAddress:
    """``net.SocketAddress``: an immutable (address, port, family, flowlabel).

    ``SocketAddress({'address': '::1', 'family': 'ipv6', 'port': 80})`` or the
    same keys as keyword arguments (keywords win); any object with those
    attributes (another ``SocketAddress``) works too.  ``family`` is
    ``'ipv4'`` (default) or ``'ipv6'``, case-insensitive.  The default address
    is ``'127.0.0.1'`` when ``family`` is exactly ``'ipv4'`` and ``'::'``
    otherwise, so, as in Node, ``{'family': 'IPv4'}`` alone raises
    ``ERR_INVALID_ADDRESS``.  ``port`` is validated as ``options.port``
    (``ERR_SOCKET_BAD_PORT``); ``flowlabel`` is kept for IPv6 and reads ``0``
    for IPv4.
    """

    __slots__ = ("_family", "_flowlabel", "_ip", "_port", "_text")

    def __init__(self, options: object = None, /, **kwargs: Any) -> None:
        if options is not None:
            validate_object(options, "options")
        opts = {key: _option(options, key) for key in ("address", "family", "port", "flowlabel")}
        opts.update(kwargs)
        original_family = opts["family"]
        family: Any = "ipv4" if original_family is None else original_family
        address = opts["address"]
        if address is None:
            # Chosen before lower-casing, as in Node: {'family': 'IPv4'} gets '::'.
            address = "127.0.0.1" if family == "ipv4" else "::"
        port = 0 if opts["port"] is None else opts["port"]
        flowlabel = 0 if opts["flowlabel"] is None else opts["flowlabel"]

        if isinstance(family, str):
            family = family.lower()
        if family not in ("ipv4", "ipv6"):
            raise invalid_arg_value("options.family", original_family)
        validate_string(address, "options.address")
        port_number = validate_port(port, "options.port")
        label = validate_uint32(flowlabel, "options.flowlabel", False)
        packed = inet_pton(4 if family == "ipv4" else 6, address)
        if packed is None:
            raise errors.ERR_INVALID_ADDRESS()
        if family == "ipv6" and label > _FLOWLABEL_MAX:
            # Node v20 aborts the process here (CHECK in set_flow_label).
            raise out_of_range("options.flowlabel", f">= 0 && <= {_FLOWLABEL_MAX}", flowlabel)
        self._family: Family = family
        self._ip: IPAddress = ipaddress.ip_address(packed)
        self._text = inet_ntop(packed)
        self._port = port_number
        self._flowlabel = label if family == "ipv6" else 0

    @staticmethod
    def isSocketAddress(value: object) -> bool:
        """``SocketAddress.isSocketAddress(value)``."""
        return isinstance(value, SocketAddress)

    @classmethod
    def parse(cls, input: object) -> SocketAddress | None:  # noqa: A002
        """``SocketAddress.parse(input)`` (Node 22): ``'1.2.3.4:80'``, ``'[::1]:80'``.

        Returns ``None`` when ``input`` is not ``host[:port]`` with an IP
        literal host (IPv6 in brackets, no zone id) and a decimal port up to
        65535 (empty or missing means ``0``).  ``input`` must be a ``str``
        (``ERR_INVALID_ARG_TYPE``).

        Node 22 implements this as ``URL.parse('http://' + input)``, which
        drops ``80`` as http's default port: there ``parse('1.2.3.4:80').port``
        is ``0``.  pynet does not copy that quirk and returns ``80``; it also
        does not accept the URL-only host forms (``'127.1'``, ``'0x7f.1'``).
        """
        text = validate_string(input, "input")
        match = re.fullmatch(r"\[([0-9a-fA-F:.]+)\](?::([0-9]*))?|([0-9.]+)(?::([0-9]*))?", text)
        if match is None:
            return None
        if match.group(1) is not None:
            host, port_text, family = match.group(1), match.group(2), "ipv6"
        else:
            host, port_text, family = match.group(3), match.group(4), "ipv4"
        port = int(port_text) if port_text else 0
        if port > 0xFFFF:
            return None
        try:
            return cls({"address": host, "port": port, "family": family})
        except errors.NodeError:
            return None

    @property
    def address(self) -> str:
        """The address in canonical ``inet_ntop`` form."""
        return self._text

    @property
    def port(self) -> int:
        """The port, an int from 0 to 65535."""
        return self._port

    @property
    def family(self) -> Family:
        """``'ipv4'`` or ``'ipv6'`` (lower case, unlike a socket's ``'IPv4'``)."""
        return self._family

    @property
    def flowlabel(self) -> int:
        """The IPv6 flow label (0 for IPv4 addresses)."""
        return self._flowlabel

    @property
    def ip(self) -> IPAddress:
        """The address as an :mod:`ipaddress` object (pynet extra, not in Node)."""
        return self._ip

    def toJSON(self) -> NodeObject:
        """``{ address, port, family, flowlabel }``."""
        return NodeObject(address=self._text, port=self._port, family=self._family,
                          flowlabel=self._flowlabel)

    def __node_inspect__(self) -> str:
        return f"SocketAddress {inspect(dict(self.toJSON()))}"

    def __repr__(self) -> str:
        return self.__node_inspect__()


# --- BlockList --------------------------------------------------------------------

def _compare(a: IPAddress, b: IPAddress) -> int | None:
    """``SocketAddress::compare``: -1, 0, 1, or ``None`` (NOT_COMPARABLE)."""
    if a.version == b.version:
        x, y = int(a), int(b)
    elif isinstance(b, ipaddress.IPv6Address):  # IPv4 against IPv6: only ::ffff:a.b.c.d
        if b.ipv4_mapped is None:
            return None
        x, y = int(a), int(b.ipv4_mapped)
    else:
        back = _compare(b, a)
        return None if back is None else -back
    return (x > y) - (x < y)


def _in_network(ip: IPAddress, net: IPAddress, prefix: int) -> bool:
    """``SocketAddress::is_in_network`` (IPv4 and IPv6 cross-matched via ``::ffff:0:0/96``)."""
    if isinstance(ip, ipaddress.IPv4Address) and net.version == 6:
        ip = ipaddress.IPv6Address(b"\0" * 10 + b"\xff\xff" + ip.packed)
    elif isinstance(ip, ipaddress.IPv6Address) and net.version == 4:
        mapped = ip.ipv4_mapped
        if mapped is None:
            return False
        ip = mapped
    bits = ip.max_prefixlen
    shift = bits - prefix
    return (int(ip) >> shift) == (int(net) >> shift)


class _Rule:
    kind: ClassVar[str]

    def __init__(self, *addresses: SocketAddress, prefix: int = 0) -> None:
        self.addresses = addresses
        self.prefix = prefix

    def applies(self, ip: IPAddress) -> bool:
        first = self.addresses[0].ip
        if self.kind == "Address":
            if first.version == ip.version:
                return first == ip
            return _compare(first, ip) == 0
        if self.kind == "Range":
            low = _compare(ip, first)
            high = _compare(ip, self.addresses[1].ip)
            return low is not None and low >= 0 and high is not None and high <= 0
        return _in_network(ip, first, self.prefix)

    def __str__(self) -> str:
        first = self.addresses[0]
        label = "IPv4" if first.family == "ipv4" else "IPv6"
        if self.kind == "Address":
            return f"Address: {label} {first.address}"
        if self.kind == "Range":
            return f"Range: {label} {first.address}-{self.addresses[1].address}"
        return f"Subnet: {label} {first.address}/{self.prefix}"


class _AddressRule(_Rule):
    kind = "Address"


class _RangeRule(_Rule):
    kind = "Range"


class _SubnetRule(_Rule):
    kind = "Subnet"


_JSON_RULE = {
    "Address": re.compile(r"Address: (IPv4|IPv6) (\S+)\Z"),
    "Range": re.compile(r"Range: (IPv4|IPv6) ([^\s-]+)-([^\s-]+)\Z"),
    "Subnet": re.compile(r"Subnet: (IPv4|IPv6) (\S+)/([0-9]{1,3})\Z"),
}


class BlockList:
    """``net.BlockList``: rules over IP addresses, ranges and subnets.

    ``family`` arguments are ``'ipv4'`` (default) or ``'ipv6'``,
    case-insensitive; they are ignored when the address is a
    :class:`SocketAddress`.  ``None`` for ``family`` means "omitted".
    """

    def __init__(self) -> None:
        self._rules: list[_Rule] = []  # newest first

    @staticmethod
    def isBlockList(value: object) -> bool:
        """``BlockList.isBlockList(value)`` (Node 22)."""
        return isinstance(value, BlockList)

    @staticmethod
    def _to_address(value: object, family: object, name: str) -> SocketAddress:
        if isinstance(value, SocketAddress):
            return value
        validate_string(value, name)
        family = "ipv4" if family is None else family
        validate_string(family, "family")
        return SocketAddress({"address": value, "family": family})

    def addAddress(self, address: str | SocketAddress, type: str | None = "ipv4") -> None:  # noqa: A002
        """Block one address."""
        self._rules.insert(0, _AddressRule(self._to_address(address, type, "address")))

    def addRange(self, start: str | SocketAddress, end: str | SocketAddress,
                 type: str | None = "ipv4") -> None:  # noqa: A002
        """Block ``start`` to ``end`` inclusive (``start > end``: ``ERR_INVALID_ARG_VALUE``)."""
        first = self._to_address(start, type, "start")
        last = self._to_address(end, type, "end")
        if _compare(first.ip, last.ip) == 1:
            raise invalid_arg_value("start", first, "must come before end")
        self._rules.insert(0, _RangeRule(first, last))

    def addSubnet(self, net: str | SocketAddress, prefix: int,
                  type: str | None = "ipv4") -> None:  # noqa: A002
        """Block ``net/prefix``; prefix 0-32 (IPv4) or 0-128 (IPv6) else ``ERR_OUT_OF_RANGE``."""
        network = self._to_address(net, type, "network")
        bits = validate_int32(prefix, "prefix", 0, 32 if network.family == "ipv4" else 128)
        self._rules.insert(0, _SubnetRule(network, prefix=bits))

    def check(self, address: str | SocketAddress, type: str | None = "ipv4") -> bool:  # noqa: A002
        """``True`` if a rule matches; an unparsable address or family gives ``False``."""
        if isinstance(address, SocketAddress):
            ip = address.ip
        else:
            validate_string(address, "address")
            family = "ipv4" if type is None else type
            validate_string(family, "family")
            try:
                ip = SocketAddress({"address": address, "family": family}).ip
            except errors.NodeError:
                return False
        return any(rule.applies(ip) for rule in self._rules)

    @property
    def rules(self) -> list[str]:
        """The rules as strings, newest first (a new list each time)."""
        return [str(rule) for rule in self._rules]

    def toJSON(self) -> list[str]:
        """``blockList.toJSON()`` (Node 22): the :attr:`rules`."""
        return self.rules

    def fromJSON(self, data: str | list[str]) -> None:
        """``blockList.fromJSON(data)`` (Node 22): add rules from ``rules`` strings.

        ``data`` is a list of rule strings or its JSON text; anything else is
        ``ERR_INVALID_ARG_TYPE``.  Rules are added in list order, as Node does,
        so they end up listed in reverse; unrecognised strings are ignored.
        Unlike Node 22, mixed IPv6 forms (``::ffff:1.2.3.4``) are understood.
        """
        items: object = data
        if isinstance(data, str):
            try:
                items = json.loads(data)
            except ValueError as exc:
                raise SyntaxError(str(exc)) from exc
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise invalid_arg_type("data", ["string", "string[]"], items)
        for item in items:
            self._parse_rule(item)

    def _parse_rule(self, item: str) -> None:
        for kind, pattern in _JSON_RULE.items():
            match = pattern.match(item)
            if match is None:
                continue
            family = match.group(1).lower()
            if kind == "Address":
                self.addAddress(match.group(2), family)
            elif kind == "Range":
                self.addRange(match.group(2), match.group(3), family)
            else:
                self.addSubnet(match.group(2), int(match.group(3)), family)
            return

    def __node_inspect__(self) -> str:
        return f"BlockList {inspect({'rules': self.rules})}"

    def __repr__(self) -> str:
        return self.__node_inspect__()
