"""Port of test/parallel/test-tls-no-sslv23.js (Node v20).

createSecureContext's secureProtocol: an unknown method name is
ERR_TLS_INVALID_PROTOCOL_METHOD 'Unknown method: …', the SSLv2 and SSLv3 methods
are refused ('SSLv2 methods disabled', 'SSLv3 methods disabled'), and the
SSLv23 and TLSv1* methods (generic, client and server) are accepted.
"""

from __future__ import annotations

import re

import pytest

from pynet import tls
from tests.conformance.common import assert_node_error


def test_unknown_method():
    with pytest.raises(Exception) as info:
        tls.createSecureContext({"secureProtocol": "blargh"})
    assert_node_error(info.value, "ERR_TLS_INVALID_PROTOCOL_METHOD", "TypeError")
    assert str(info.value) == "Unknown method: blargh"


@pytest.mark.parametrize("version", ["SSLv2", "SSLv3"])
@pytest.mark.parametrize("kind", ["", "client_", "server_"])
def test_sslv2_and_sslv3_methods_are_disabled(version, kind):
    with pytest.raises(Exception) as info:
        tls.createSecureContext({"secureProtocol": f"{version}_{kind}method"})
    assert re.search(f"{version} methods disabled", str(info.value))


@pytest.mark.parametrize("version", ["SSLv23", "TLSv1", "TLSv1_1", "TLSv1_2"])
@pytest.mark.parametrize("kind", ["", "client_", "server_"])
def test_sslv23_and_tls_methods_are_accepted(version, kind):
    # SSLv23_method is OpenSSL's "every protocol not disabled" (SSLv2/SSLv3 are).
    tls.createSecureContext({"secureProtocol": f"{version}_{kind}method"})
