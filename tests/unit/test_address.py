"""Unit tests for pynet._net.address: isIP, SocketAddress, BlockList, NodeObject.

Expected values come from Node v20 (see tests/interop/test_address_node.py for
the live comparison); the pynet-only behaviours (inputs on which Node v20
aborts, ``None`` meaning "omitted", Node 22 extras) are marked as such.
"""

from __future__ import annotations

import copy
import ipaddress
import json
import pickle
import socket
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pynet import errors
from pynet._net.address import (
    AddressInfo,
    BlockList,
    NodeObject,
    SocketAddress,
    inet_ntop,
    inet_pton,
    isIP,
    isIPv4,
    isIPv6,
)

# --- isIP -------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("1.2.3.4", 4), ("0.0.0.0", 4), ("255.255.255.255", 4), ("256.0.0.0", 0),
    ("01.2.3.4", 0), ("1.2.3.04", 0), ("1.2.3", 0), ("1.2.3.4.5", 0), ("127.0.0.1/24", 0),
    ("1.2.3.4 ", 0), (" 1.2.3.4", 0), ("1.2.3.4\n", 0), ("\u0661.2.3.4", 0), ("\uff11.2.3.4", 0),
    ("127.1", 0), ("0x7f.0.0.1", 0), ("1.2.3.4%eth0", 0),
    ("::", 6), ("::1", 6), ("1::", 6), ("::1\n", 0), ("1:2:3:4:5:6:7:8", 6),
    ("1:2:3:4:5:6:7:8:9", 0), ("1:2:3:4:5:6:7::", 6), ("::ffff:1.2.3.4", 6),
    ("::FFFF:1.2.3.4", 6), ("::ffff:01.2.3.4", 0), ("1:2:3:4:5:6:1.2.3.4", 6),
    ("1:2:3:4:5:6:7:1.2.3.4", 0), ("1::2::3", 0), (":::", 0), ("fe80::1%eth0", 6),
    ("fe80::1%", 0), ("fe80::1%en-0.x:y", 6), ("fe80::1%eth 0", 0), ("fe80::1%eth0%1", 0),
    ("FE80::ABCD", 6), ("fe80::abcg", 0), ("12345::1", 0), ("[::1]", 0),
    ("0000:0000:0000:0000:0000:0000:0000:0001", 6), ("::1.2.3", 0),
    ("", 0), (" ", 0), ("localhost", 0), ("x" * 10_000, 0), ("1." * 1000, 0),
])
def test_isip_table(value: str, expected: int) -> None:
    assert isIP(value) == expected
    assert isIPv4(value) is (expected == 4)
    assert isIPv6(value) is (expected == 6)


@pytest.mark.parametrize("value", [None, 123, 1.5, True, b"1.2.3.4", object()])
def test_isip_non_string_is_zero(value: Any) -> None:
    assert isIP(value) == 0
    assert isIPv4(value) is False
    assert isIPv6(value) is False


def test_isip_stringifies_like_javascript() -> None:
    """Node's regex test applies String(): arrays join, objects use toString (__str__)."""

    class Address:
        def __str__(self) -> str:
            return "::1"

    assert isIP(["1.2.3.4"]) == 4
    assert isIP(Address()) == 6
    assert isIP(["1.2", "3.4"]) == 0  # "1.2,3.4"


@given(st.integers(0, 2**32 - 1))
def test_isip_agrees_with_ipaddress_v4(n: int) -> None:
    addr = ipaddress.IPv4Address(n)
    assert isIP(str(addr)) == 4
    assert inet_ntop(addr.packed) == str(addr)
    assert inet_pton(4, str(addr)) == addr.packed


@given(st.integers(0, 2**128 - 1))
def test_isip_agrees_with_ipaddress_v6(n: int) -> None:
    addr = ipaddress.IPv6Address(n)
    for text in (addr.compressed, addr.exploded, addr.compressed.upper(), inet_ntop(addr.packed)):
        assert isIP(text) == 6, text
        assert inet_pton(6, text) == addr.packed
    assert isIP(f"{addr.compressed}%eth0") == 6
    mapped = ipaddress.IPv6Address(b"\0" * 10 + b"\xff\xff" + addr.packed[:4])
    assert isIP(f"::ffff:{mapped.ipv4_mapped}") == 6


@given(st.text(alphabet="0123456789.", max_size=20))
def test_isipv4_agrees_with_ipaddress_on_digit_soup(text: str) -> None:
    try:
        ipaddress.IPv4Address(text)
        valid = True
    except ValueError:
        valid = False
    assert isIPv4(text) is valid
    assert (inet_pton(4, text) is not None) is valid


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's inet_ntop is the oracle")
@given(st.one_of(
    st.binary(min_size=16, max_size=16),
    st.lists(st.sampled_from([0, 0, 0, 1, 0xFFFF, 0x1234]), min_size=8, max_size=8)
    .map(lambda ws: b"".join(w.to_bytes(2, "big") for w in ws)),
))
def test_inet_ntop_matches_glibc(packed: bytes) -> None:
    assert inet_ntop(packed) == socket.inet_ntop(socket.AF_INET6, packed)


@pytest.mark.parametrize(("family", "text", "expected"), [
    (4, "1.2.3.4\0junk", "1.2.3.4"), (4, "1.2.3.4%x", None), (6, "fe80::1%eth0", "fe80::1"),
    (6, "fe80::1%", "fe80::1"), (6, "::1%x%y", "::1"),
    (6, "0000:0000:0000:0000:0000:0000:0000:00011%x", "::1"),  # cut to 39 characters
    (6, "0000:0000:0000:0000:0000:ffff:255.255.255.255%x", None),
    (6, "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:0:102:304"), (6, "1:2:3:4:5:6::1.2.3.4", None),
    (6, "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"), (6, "1:2:3:4:5:6:7:8::", None),
    (6, ":", None), (6, "", None), (4, "", None),
])
def test_inet_pton_libuv_quirks(family: int, text: str, expected: str | None) -> None:
    packed = inet_pton(family, text)
    assert (None if packed is None else inet_ntop(packed)) == expected


# --- SocketAddress ----------------------------------------------------------------

def test_socketaddress_defaults() -> None:
    sa = SocketAddress()
    assert (sa.address, sa.port, sa.family, sa.flowlabel) == ("127.0.0.1", 0, "ipv4", 0)
    assert SocketAddress({"family": "ipv6"}).address == "::"
    assert SocketAddress(family="IPv6").address == "::"
    assert SocketAddress({}).toJSON() == {"address": "127.0.0.1", "port": 0, "family": "ipv4",
                                          "flowlabel": 0}


@pytest.mark.parametrize(("address", "canonical"), [
    ("::ffff:1.2.3.4", "::ffff:1.2.3.4"), ("0:0:0:0:0:ffff:102:304", "::ffff:1.2.3.4"),
    ("::2", "::2"), ("::1.2.3.4", "::1.2.3.4"), ("::0.0.0.1", "::1"),
    ("::ffff:0:1.2.3.4", "::ffff:0:102:304"), ("1:0:0:0:0:0:0:1", "1::1"),
    ("1:0:0:1:0:0:0:1", "1:0:0:1::1"), ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"),
    ("0:0:0:0:0:0:1:0", "::0.1.0.0"), ("0:0:1:0:0:0:0:0", "0:0:1::"), ("FE80::1%eth0", "fe80::1"),
    ("::1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7"), ("ABCD:EF01::", "abcd:ef01::"),
])
def test_socketaddress_ipv6_canonical_text(address: str, canonical: str) -> None:
    sa = SocketAddress({"address": address, "family": "ipv6"})
    assert sa.address == canonical
    assert sa.family == "ipv6"


@pytest.mark.parametrize(("options", "exc", "message"), [
    ({"family": "IPv4"}, errors.ERR_INVALID_ADDRESS, "Invalid socket address"),
    ({"address": "01.2.3.4"}, errors.ERR_INVALID_ADDRESS, "Invalid socket address"),
    ({"address": "::1"}, errors.ERR_INVALID_ADDRESS, "Invalid socket address"),
    ({"address": "1.2.3.4", "family": "ipv6"}, errors.ERR_INVALID_ADDRESS, "Invalid socket address"),
    ({"family": 5}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' is invalid. Received 5"),
    ({"family": "x"}, errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' is invalid. Received 'x'"),
    ({"address": 5}, errors.ERR_INVALID_ARG_TYPE,
     'The "options.address" property must be of type string. Received type number (5)'),
    ({"port": "abc"}, errors.ERR_SOCKET_BAD_PORT,
     "options.port should be >= 0 and < 65536. Received type string ('abc')."),
    ({"port": True}, errors.ERR_SOCKET_BAD_PORT,
     "options.port should be >= 0 and < 65536. Received type boolean (true)."),
    ({"port": 65536}, errors.ERR_SOCKET_BAD_PORT,
     "options.port should be >= 0 and < 65536. Received type number (65536)."),
    ({"flowlabel": -1}, errors.ERR_OUT_OF_RANGE,
     'The value of "options.flowlabel" is out of range. It must be >= 0 && <= 4294967295. '
     "Received -1"),
    ({"flowlabel": "1"}, errors.ERR_INVALID_ARG_TYPE,
     'The "options.flowlabel" property must be of type number. Received type string (\'1\')'),
    ("x", errors.ERR_INVALID_ARG_TYPE,
     'The "options" argument must be of type object. Received type string (\'x\')'),
    ([], errors.ERR_INVALID_ARG_TYPE,
     'The "options" argument must be of type object. Received an instance of Array'),
    # pynet only: Node v20 aborts the process on a flow label above 0xFFFFF.
    ({"address": "::1", "family": "ipv6", "flowlabel": 0x100000}, errors.ERR_OUT_OF_RANGE,
     'The value of "options.flowlabel" is out of range. It must be >= 0 && <= 1048575. '
     "Received 1048576"),
])
def test_socketaddress_errors(options: Any, exc: type[Exception], message: str) -> None:
    with pytest.raises(exc) as info:
        SocketAddress(options)
    assert str(info.value) == message


def test_socketaddress_error_classes() -> None:
    with pytest.raises(errors.ERR_INVALID_ADDRESS) as info:
        SocketAddress(address="x")
    assert not isinstance(info.value, (TypeError, ValueError))


def test_socketaddress_pynet_choices() -> None:
    # None means "omitted" (Node's undefined), not null.
    assert SocketAddress({"address": None, "family": None, "port": None}).address == "127.0.0.1"
    # Node v20 aborts on these; pynet takes the number.
    assert SocketAddress(port="80").port == 80
    assert SocketAddress(port=-0.0).port == 0
    assert SocketAddress(port=80.0).port == 80 and type(SocketAddress(port=80.0).port) is int
    # Flow label is IPv6-only; IPv4 reads 0 (as in Node).
    assert SocketAddress(flowlabel=5).flowlabel == 0
    assert SocketAddress(address="::1", family="ipv6", flowlabel=0xFFFFF).flowlabel == 0xFFFFF
    # keywords win over the dict; other SocketAddresses (any object) are copied.
    sa = SocketAddress({"address": "1.2.3.4", "port": 1}, port=2)
    assert (sa.address, sa.port) == ("1.2.3.4", 2)
    assert SocketAddress(sa).toJSON() == sa.toJSON()
    assert sa.ip == ipaddress.IPv4Address("1.2.3.4")


def test_socketaddress_is_read_only_and_prints_like_node() -> None:
    sa = SocketAddress(address="::1", family="ipv6", port=5, flowlabel=7)
    with pytest.raises(AttributeError):
        sa.port = 6  # type: ignore[misc]
    assert repr(sa) == "SocketAddress { address: '::1', port: 5, family: 'ipv6', flowlabel: 7 }"
    assert isinstance(sa.toJSON(), NodeObject)
    assert json.dumps(sa.toJSON()) == '{"address": "::1", "port": 5, "family": "ipv6", "flowlabel": 7}'
    assert SocketAddress.isSocketAddress(sa) and not SocketAddress.isSocketAddress({})


@pytest.mark.parametrize(("text", "expected"), [
    ("1.2.3.4:80", ("1.2.3.4", 80, "ipv4")),  # Node 22 says port 0 here (URL default port)
    ("1.2.3.4", ("1.2.3.4", 0, "ipv4")), ("1.2.3.4:", ("1.2.3.4", 0, "ipv4")),
    ("[::1]:1234", ("::1", 1234, "ipv6")), ("[::1]", ("::1", 0, "ipv6")),
    ("[::ffff:1.2.3.4]:9", ("::ffff:1.2.3.4", 9, "ipv6")), ("1.2.3.4:65535", ("1.2.3.4", 65535, "ipv4")),
    ("1.2.3.4:65536", None), ("::1", None), ("[fe80::1%eth0]:1", None), ("localhost:80", None),
    ("1.2.3.4:x", None), ("01.2.3.4:80", None), ("", None), (" 1.2.3.4", None),
])
def test_socketaddress_parse(text: str, expected: tuple[str, int, str] | None) -> None:
    got = SocketAddress.parse(text)
    assert (None if got is None else (got.address, got.port, got.family)) == expected


def test_socketaddress_parse_needs_a_string() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"input" argument must be of type string'):
        SocketAddress.parse(5)


# --- BlockList --------------------------------------------------------------------

def test_blocklist_rules_newest_first_with_node_formatting() -> None:
    b = BlockList()
    b.addAddress("1.2.3.4")
    b.addAddress("::FFFF:5.6.7.8", "ipv6")
    b.addAddress("0:0:0:0:0:0:0:1", "IPv6")
    b.addRange("10.0.0.1", "10.0.0.10")
    b.addRange("::ffff:0a00:0101", "::ffff:a00:10a", "ipv6")
    b.addSubnet("8592:757c:efae:4e45:f::", 64, "ipv6")
    b.addSubnet("192.168.1.77", 24)
    assert b.rules == [
        "Subnet: IPv4 192.168.1.77/24",
        "Subnet: IPv6 8592:757c:efae:4e45:f::/64",
        "Range: IPv6 ::ffff:10.0.1.1-::ffff:10.0.1.10",
        "Range: IPv4 10.0.0.1-10.0.0.10",
        "Address: IPv6 ::1",
        "Address: IPv6 ::ffff:5.6.7.8",
        "Address: IPv4 1.2.3.4",
    ]
    assert b.rules is not b.rules


@pytest.mark.parametrize(("args", "expected"), [
    (("1.2.3.4",), True), (("::ffff:1.2.3.4", "ipv6"), True), (("::ffff:102:304", "ipv6"), True),
    (("::1.2.3.4", "ipv6"), False), (("5.6.7.8",), True), (("::1", "ipv6"), True),
    (("::1",), False), (("10.0.0.5",), True), (("::ffff:10.0.0.5", "ipv6"), True),
    (("10.0.0.11",), False), (("192.168.1.1",), True), (("::ffff:192.168.1.200", "ipv6"), True),
    (("192.168.2.1",), False), (("bogus",), False), (("1.2.3.4", "IPV4"), True),
    (("1.2.3.4", "x"), False), (("1.2.3.4", None), True),
])
def test_blocklist_check(args: tuple[Any, ...], expected: bool) -> None:
    b = BlockList()
    b.addAddress("1.2.3.4")
    b.addAddress("::ffff:5.6.7.8", "ipv6")
    b.addAddress("::1", "ipv6")
    b.addRange("10.0.0.1", "10.0.0.10")
    b.addSubnet("192.168.1.77", 24)
    assert b.check(*args) is expected


def test_blocklist_cross_family_rules() -> None:
    b = BlockList()
    b.addSubnet("::ffff:1.2.3.4", 100, "ipv6")  # IPv6 rule over mapped space: IPv4 matches
    assert b.check("1.9.9.9") and not b.check("17.9.9.9")
    c = BlockList()
    c.addRange(SocketAddress(address="40.0.0.1"),
               SocketAddress(address="::ffff:40.0.0.9", family="ipv6"))
    assert c.check("40.0.0.5") and c.check("::ffff:40.0.0.5", "ipv6") and not c.check("40.0.0.10")
    d = BlockList()
    d.addRange(SocketAddress(address="60.0.0.1"), SocketAddress(address="::1", family="ipv6"))
    assert d.rules == ["Range: IPv4 60.0.0.1-::1"]
    assert not d.check("60.0.0.5")  # not comparable: never matches
    e = BlockList()
    e.addSubnet("0.0.0.0", 0)
    assert e.check("9.9.9.9") and e.check("::ffff:1.1.1.1", "ipv6") and not e.check("::5", "ipv6")


@pytest.mark.parametrize(("call", "exc", "message"), [
    (lambda b: b.addAddress(5), errors.ERR_INVALID_ARG_TYPE,
     'The "address" argument must be of type string. Received type number (5)'),
    (lambda b: b.addAddress("1.2.3.4", 5), errors.ERR_INVALID_ARG_TYPE,
     'The "family" argument must be of type string. Received type number (5)'),
    (lambda b: b.addAddress("1.2.3.4", "x"), errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' is invalid. Received 'x'"),
    (lambda b: b.addAddress("x"), errors.ERR_INVALID_ADDRESS, "Invalid socket address"),
    (lambda b: b.addRange("1.2.3.10", "1.2.3.4"), errors.ERR_INVALID_ARG_VALUE,
     "The argument 'start' must come before end. Received SocketAddress "
     "{ address: '1.2.3.10', port: 0, family: 'ipv4', flowlabel: 0 }"),
    (lambda b: b.addRange(5, "1.2.3.4"), errors.ERR_INVALID_ARG_TYPE,
     'The "start" argument must be of type string. Received type number (5)'),
    (lambda b: b.addRange("1.2.3.4", 5), errors.ERR_INVALID_ARG_TYPE,
     'The "end" argument must be of type string. Received type number (5)'),
    (lambda b: b.addSubnet("1.2.3.4", 33), errors.ERR_OUT_OF_RANGE,
     'The value of "prefix" is out of range. It must be >= 0 && <= 32. Received 33'),
    (lambda b: b.addSubnet("::", 129, "ipv6"), errors.ERR_OUT_OF_RANGE,
     'The value of "prefix" is out of range. It must be >= 0 && <= 128. Received 129'),
    (lambda b: b.addSubnet("1.2.3.4", "8"), errors.ERR_INVALID_ARG_TYPE,
     'The "prefix" argument must be of type number. Received type string (\'8\')'),
    (lambda b: b.addSubnet("1.2.3.4", 1.5), errors.ERR_OUT_OF_RANGE,
     'The value of "prefix" is out of range. It must be an integer. Received 1.5'),
    (lambda b: b.addSubnet(5, 1), errors.ERR_INVALID_ARG_TYPE,
     'The "network" argument must be of type string. Received type number (5)'),
    (lambda b: b.check(5), errors.ERR_INVALID_ARG_TYPE,
     'The "address" argument must be of type string. Received type number (5)'),
    (lambda b: b.check("1.2.3.4", 5), errors.ERR_INVALID_ARG_TYPE,
     'The "family" argument must be of type string. Received type number (5)'),
])
def test_blocklist_errors(call: Any, exc: type[Exception], message: str) -> None:
    b = BlockList()
    with pytest.raises(exc) as info:
        call(b)
    assert str(info.value) == message
    assert b.rules == []


def test_blocklist_socketaddress_arguments_ignore_family() -> None:
    b = BlockList()
    b.addAddress(SocketAddress(address="::1", family="ipv6"), 5)  # type: ignore[arg-type]
    b.addSubnet(SocketAddress(address="::", family="ipv6"), 100, "ipv4")
    assert b.rules == ["Subnet: IPv6 ::/100", "Address: IPv6 ::1"]
    assert b.check(SocketAddress(address="::1", family="ipv6"), 5)  # type: ignore[arg-type]
    b.addSubnet("1.2.3.4", -0.0)  # type: ignore[arg-type]  # Node v20 aborts; pynet: 0
    assert b.rules[0] == "Subnet: IPv4 1.2.3.4/0"


def test_blocklist_node22_extras() -> None:
    b = BlockList()
    b.addAddress("1.2.3.4")
    b.addRange("::1", "::ffff:1.2.3.4", "ipv6")
    b.addSubnet("10.0.0.0", 8)
    assert BlockList.isBlockList(b) and not BlockList.isBlockList({})
    assert b.toJSON() == b.rules
    c = BlockList()
    c.fromJSON(b.toJSON())
    assert c.rules == list(reversed(b.rules))  # added in list order, as Node does
    d = BlockList()
    d.fromJSON(json.dumps(["Address: IPv4 5.6.7.8", "nonsense"]))
    assert d.rules == ["Address: IPv4 5.6.7.8"]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE,
                       match=r'The "data" argument must be of type string or string\[\]'):
        d.fromJSON([1])  # type: ignore[list-item]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        d.fromJSON('{"a": 1}')
    with pytest.raises(SyntaxError):
        d.fromJSON("[")


def test_blocklist_repr() -> None:
    b = BlockList()
    b.addSubnet("1.2.3.4", 32)
    b.addSubnet("::1", 128, "ipv6")
    assert repr(b) == "BlockList { rules: [ 'Subnet: IPv6 ::1/128', 'Subnet: IPv4 1.2.3.4/32' ] }"


# --- NodeObject / AddressInfo -----------------------------------------------------

def test_node_object_behaves_like_a_js_object_and_a_dict() -> None:
    a = AddressInfo(address="127.0.0.1", family="IPv4", port=6969)
    assert AddressInfo is NodeObject
    assert a.port == a["port"] == 6969
    assert a == {"address": "127.0.0.1", "family": "IPv4", "port": 6969}
    assert dict(a) == {"address": "127.0.0.1", "family": "IPv4", "port": 6969}
    assert "port" in a and "nope" not in a
    assert list(a.keys()) == ["address", "family", "port"]
    assert dict(a.items())["family"] == "IPv4"
    assert repr(a) == "{ address: '127.0.0.1', family: 'IPv4', port: 6969 }"
    assert not hasattr(a, "nope")
    with pytest.raises(AttributeError):
        _ = a.nope
    a.extra = 1
    assert a["extra"] == 1
    del a.extra
    assert "extra" not in a
    with pytest.raises(AttributeError):
        del a.extra
    assert isinstance(a.copy(), NodeObject) and a.copy() == a
    assert copy.deepcopy(a) == a and isinstance(copy.deepcopy(a), NodeObject)
    assert pickle.loads(pickle.dumps(a)) == a
    assert json.dumps(a) == '{"address": "127.0.0.1", "family": "IPv4", "port": 6969}'
    assert "port" in dir(a)
