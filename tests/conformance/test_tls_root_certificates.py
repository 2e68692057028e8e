"""Port of test/parallel/test-tls-root-certificates.js (Node v20).

tls.rootCertificates is a non-empty immutable sequence of distinct PEM certificates, the
same object each time.  Node's child process with NODE_EXTRA_CA_CERTS is not ported
(pynet reads the system store Python's ssl loads; no such variable).  Node v20's strings
end with "-----END CERTIFICATE-----" (no final newline, which the newest test expects).
"""

from __future__ import annotations

import pytest

from pynet import tls


def test_root_certificates():
    roots = tls.rootCertificates
    assert isinstance(roots, tuple)
    assert len(roots) > 0
    assert tls.rootCertificates is roots
    with pytest.raises(TypeError):
        roots[0] = 0  # type: ignore[index]
    assert len(roots) == len(set(roots))
    assert all(s.startswith("-----BEGIN CERTIFICATE-----\n") for s in roots)
    assert all(s.endswith("\n-----END CERTIFICATE-----") for s in roots)
