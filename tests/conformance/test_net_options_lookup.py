"""Port of test/parallel/test-net-options-lookup.js (Node v20).

A non-function ``lookup`` option throws ERR_INVALID_ARG_TYPE synchronously; a function is
accepted; a lookup answering family 100 gives 'error' ERR_INVALID_ADDRESS_FAMILY with host and
port set.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet._net.address import NodeObject

pytestmark = pytest.mark.timeout(10)


# Using port 0 as lookup is emitted before connecting.
@pytest.mark.parametrize("lookup", ["foobar", 1, {}, []], ids=repr)
def test_lookup_not_a_function(lookup):
    with pytest.raises(TypeError) as info:
        net.connect({"host": "localhost", "port": 0, "lookup": lookup})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith(
        'The "options.lookup" property must be of type function. Received ')
    run()


def connect_does_not_throw(lookup):
    return net.connect({"host": "localhost", "port": 0, "lookup": lookup})


def test_lookup_function_accepted():
    # A lookup that never answers: the socket waits forever but keeps nothing alive.
    connect_does_not_throw(lambda *args: None)
    run()


def test_invalid_address_family(checker):
    # Verify that an error is emitted when an invalid address family is returned.
    def lookup(host, options, cb):
        if options.get("all"):
            cb(None, [NodeObject(address="127.0.0.1", family=100)])
        else:
            cb(None, "127.0.0.1", 100)

    def on_error(err):
        assert err.code == "ERR_INVALID_ADDRESS_FAMILY"
        assert err.host == "localhost"
        assert err.port == 0
        assert str(err) == "Invalid address family: 100 localhost:0"

    s = connect_does_not_throw(lookup)
    s.on("error", checker.must_call(on_error))
    run()
