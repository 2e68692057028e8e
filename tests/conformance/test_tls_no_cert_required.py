"""Port of test/parallel/test-tls-no-cert-required.js (Node v20).

A server without cert or pfx can be created and listen (with an anonymous cipher list,
a listener, an empty or no options object); a string as options is
ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import pytest

from pynet import errors, run, tls


def test_no_cert_required(checker):
    servers = [tls.createServer({"ciphers": "AECDH-NULL-SHA"}),
               tls.createServer(lambda s: 1 / 0), tls.createServer({}), tls.createServer()]
    for server in servers:
        server.listen(0, checker.must_call((lambda s: lambda: s.close())(server)))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        tls.createServer("this is not valid")
    assert str(info.value) == ("The \"options\" argument must be of type object. "
                               "Received type string ('this is not valid')")
    run()
