"""Port of test/parallel/test-tls-check-server-identity.js (Node v20).

tls.checkServerIdentity over names, wildcards, CN fallback, URIs, IPs and quoted altnames:
the error's ``reason`` for each case (``None`` when the name matches).  The expected
reasons are what Node v20's tls.checkServerIdentity returns for the same inputs (the
table of the Node test plus a few cases of its newer revisions: IDNA labels, IPv6,
quoted names, partial wildcards).
"""

from __future__ import annotations

import pytest

from pynet import errors, tls

CASES = [
    ('a.com', {'subject': {'CN': 'a.com'}}, None),
    ('a.com', {'subject': {'CN': 'A.COM'}}, None),
    ('a.com', {'subject': {'CN': 'b.com'}}, "Host: a.com. is not cert's CN: b.com"),
    ('a.com', {'subject': {'CN': 'a.com.'}}, None),
    ('b.a.com', {'subject': {'CN': '*.a.com'}}, None),
    ('b.a.com', {'subjectaltname': 'DNS:omg.com', 'subject': {'CN': '*.a.com'}}, "Host: b.a.com. is not in the cert's altnames: DNS:omg.com"),
    ('foo.com', {'subject': {'CN': ['foo.com', 'bar.com']}}, None),
    ('a.com', {'subjectaltname': 'DNS:*', 'subject': {'CN': 'b.com'}}, "Host: a.com. is not in the cert's altnames: DNS:*"),
    ('a.com', {'subjectaltname': 'DNS:*.com', 'subject': {'CN': 'b.com'}}, "Host: a.com. is not in the cert's altnames: DNS:*.com"),
    ('a.co.uk', {'subjectaltname': 'DNS:*.co.uk', 'subject': {'CN': 'b.com'}}, None),
    ('a.com', {'subjectaltname': 'DNS:*.a.com', 'subject': {'CN': 'a.com'}}, "Host: a.com. is not in the cert's altnames: DNS:*.a.com"),
    ('a.com', {'subjectaltname': 'DNS:*.a.com', 'subject': {'CN': 'b.com'}}, "Host: a.com. is not in the cert's altnames: DNS:*.a.com"),
    ('a.com', {'subjectaltname': 'DNS:a.com', 'subject': {'CN': 'b.com'}}, None),
    ('a.com', {'subjectaltname': 'DNS:A.COM', 'subject': {'CN': 'b.com'}}, None),
    ('a.com', {'subjectaltname': 'DNS:*.a.com', 'subject': {}}, "Host: a.com. is not in the cert's altnames: DNS:*.a.com"),
    ('b.a.com', {'subjectaltname': 'DNS:*.a.com', 'subject': {}}, None),
    ('c.b.a.com', {'subjectaltname': 'DNS:*.a.com', 'subject': {}}, "Host: c.b.a.com. is not in the cert's altnames: DNS:*.a.com"),
    ('b.a.com', {'subjectaltname': 'DNS:*b.a.com', 'subject': {}}, None),
    ('a-cb.a.com', {'subjectaltname': 'DNS:*b.a.com', 'subject': {}}, None),
    ('a.b.a.com', {'subjectaltname': 'DNS:*b.a.com', 'subject': {}}, "Host: a.b.a.com. is not in the cert's altnames: DNS:*b.a.com"),
    ('a.b.a.com', {'subjectaltname': 'DNS:*b.a.com, DNS:a.b.a.com', 'subject': {}}, None),
    ('a.b.a.com', {'subjectaltname': 'URI:http://a.b.a.com/', 'subject': {}}, 'Cert does not contain a DNS name'),
    ('a.b.a.com', {'subjectaltname': 'URI:http://*.b.a.com/', 'subject': {}}, 'Cert does not contain a DNS name'),
    ('a.b.a.com', {'subjectaltname': 'IP Address:127.0.0.1', 'subject': {}}, 'Cert does not contain a DNS name'),
    ('127.0.0.1', {'subjectaltname': 'IP Address:127.0.0.1', 'subject': {}}, None),
    ('127.0.0.2', {'subjectaltname': 'IP Address:127.0.0.1', 'subject': {}}, "IP: 127.0.0.2 is not in the cert's list: 127.0.0.1"),
    ('127.0.0.1', {'subjectaltname': 'DNS:a.com', 'subject': {}}, "IP: 127.0.0.1 is not in the cert's list: "),
    ('localhost', {'subjectaltname': 'DNS:a.com', 'subject': {'CN': 'localhost'}}, "Host: localhost. is not in the cert's altnames: DNS:a.com"),
    ('xn--bcher-kva.example.com', {'subjectaltname': 'DNS:*.example.com', 'subject': {}}, None),
    ('b.xn--bcher-kva.com', {'subjectaltname': 'DNS:*.xn--bcher-kva.com', 'subject': {}}, None),
    ('::1', {'subjectaltname': 'IP Address:0:0:0:0:0:0:0:1', 'subject': {}}, None),
    ('a.com', {'subjectaltname': 'DNS:"a.com"', 'subject': {}}, None),
    ('a.com', {'subject': {}}, 'Cert does not contain a DNS name'),
    ('a.com', {}, 'Cert does not contain a DNS name'),
    ('a.com.', {'subjectaltname': 'DNS:a.com', 'subject': {}}, None),
    ('www.a.com', {'subjectaltname': 'DNS:w*.a.com', 'subject': {}}, None),
    ('www.a.com', {'subjectaltname': 'DNS:*w.a.com', 'subject': {}}, None),
    ('www.a.com', {'subjectaltname': 'DNS:w*w.a.com', 'subject': {}}, None),
    ('ww.a.com', {'subjectaltname': 'DNS:w*w.a.com', 'subject': {}}, None),
]


@pytest.mark.parametrize(("host", "cert", "reason"), CASES)
def test_check_server_identity(host, cert, reason):
    err = tls.checkServerIdentity(host, cert)
    if reason is None:
        assert err is None
    else:
        assert isinstance(err, errors.ERR_TLS_CERT_ALTNAME_INVALID)
        assert err.reason == reason
        assert str(err) == "Hostname/IP does not match certificate's altnames: " + reason
        assert err.host == host and err.cert is cert
