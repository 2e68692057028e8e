"""Port of test/parallel/test-net-localerror.js (Node v20).

connect() with localAddress 'foobar' throws ERR_INVALID_IP_ADDRESS and with localPort 'foobar'
throws ERR_INVALID_ARG_TYPE, both synchronously and as TypeErrors.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


@pytest.mark.parametrize(("opts", "code", "message"), [
    ({"host": "localhost", "port": 0, "localAddress": "foobar"},
     "ERR_INVALID_IP_ADDRESS", "Invalid IP address: foobar"),
    ({"host": "localhost", "port": 0, "localPort": "foobar"},
     "ERR_INVALID_ARG_TYPE",
     "The \"options.localPort\" property must be of type number. Received type string ('foobar')"),
], ids=["localAddress", "localPort"])
def test_localerror(opts, code, message):
    with pytest.raises(TypeError) as info:
        net.connect(opts)
    assert info.value.code == code
    assert str(info.value) == message  # Node v20's text
    run()
