"""Port of test/parallel/test-net-isip.js (Node v20).

net.isIP gives 4, 6 or 0 (zone ids allowed, non-strings 0, objects stringified); isIPv4 and
isIPv6 agree with it.
"""

from __future__ import annotations

import pytest

from pynet import net

IS_IP = [
    ("127.0.0.1", 4),
    ("x127.0.0.1", 0),
    ("example.com", 0),
    ("0000:0000:0000:0000:0000:0000:0000:0000", 6),
    ("0000:0000:0000:0000:0000:0000:0000:0000::0000", 0),
    ("1050:0:0:0:5:600:300c:326b", 6),
    ("2001:252:0:1::2008:6", 6),
    ("2001:dead:beef:1::2008:6", 6),
    ("2001::", 6),
    ("2001:dead::", 6),
    ("2001:dead:beef::", 6),
    ("2001:dead:beef:1::", 6),
    ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 6),
    (":2001:252:0:1::2008:6:", 0),
    (":2001:252:0:1::2008:6", 0),
    ("2001:252:0:1::2008:6:", 0),
    ("2001:252::1::2008:6", 0),
    ("::2001:252:1:2008:6", 6),
    ("::2001:252:1:1.1.1.1", 6),
    ("::2001:252:1:255.255.255.255", 6),
    ("::2001:252:1:255.255.255.255.76", 0),
    ("fe80::2008%eth0", 6),
    ("fe80::2008%eth0.0", 6),
    ("fe80::2008%eth0@1", 0),
    ("::anything", 0),
    ("::1", 6),
    ("::", 6),
    ("0000:0000:0000:0000:0000:0000:12345:0000", 0),
    ("0", 0),
    ("", 0),
]

# isIP(), isIP(null), isIP(123), isIP(true), isIP({}): undefined and null are both None.
NON_STRINGS = [None, 123, True, {}]


class ToString:
    """A JavaScript ``{ toString: () => s }`` object: Python's ``__str__``."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


@pytest.mark.parametrize(("value", "expected"), IS_IP)
def test_is_ip(value, expected):
    assert net.isIP(value) == expected


@pytest.mark.parametrize("value", NON_STRINGS, ids=repr)
def test_non_strings(value):
    assert net.isIP(value) == 0
    assert net.isIPv4(value) is False
    assert net.isIPv6(value) is False


def test_is_ipv4_is_ipv6():
    assert net.isIPv4("127.0.0.1") is True
    assert net.isIPv4("example.com") is False
    assert net.isIPv4("2001:252:0:1::2008:6") is False
    assert net.isIPv4("") is False

    assert net.isIPv6("127.0.0.1") is False
    assert net.isIPv6("example.com") is False
    assert net.isIPv6("2001:252:0:1::2008:6") is True
    assert net.isIPv6("") is False


def test_to_string_objects():
    # Node stringifies the argument (`${input}`), so an object whose toString() is an
    # address counts as that address.
    assert net.isIP(ToString("::2001:252:1:255.255.255.255")) == 6
    assert net.isIP(ToString("127.0.0.1")) == 4
    assert net.isIP(ToString("bla")) == 0

    assert net.isIPv4(ToString("::2001:252:1:255.255.255.255")) is False
    assert net.isIPv4(ToString("127.0.0.1")) is True
    assert net.isIPv4(ToString("bla")) is False

    assert net.isIPv6(ToString("::2001:252:1:255.255.255.255")) is True
    assert net.isIPv6(ToString("127.0.0.1")) is False
    assert net.isIPv6(ToString("bla")) is False
