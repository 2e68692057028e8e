"""``tls.createSecureContext``: Node's SecureContext over :class:`ssl.SSLContext`.

Theory of operation
-------------------
Node's ``SecureContext`` holds the credentials and settings, and each TLS
socket sets its own verify mode on its ``SSL`` object (``setVerifyMode``).
Python's ``ssl`` puts the verify mode and the side (client or server) on the
context.  So a :class:`SecureContext` keeps Node's options and builds one
:class:`ssl.SSLContext` per *(side, verify mode)* the first time it is asked
(:meth:`SecureContext.ssl_context`), then reuses it: sessions can be resumed
on it (Python accepts a session only on the context that made it), and the
costly loading of keys happens once.

``tls.connect`` makes a new context per call, as Node does; to keep sessions
resumable across connections (``session`` option) contexts made from equal
options are shared through a small cache (:func:`create_secure_context`).

PEM given in memory reaches OpenSSL through a pipe read as ``/dev/fd/N``,
never through a file on disk (Python's ``load_cert_chain`` takes paths only).

Verification (``lib/_tls_wrap.js``'s ``verifyError``), as Node does it:
OpenSSL verifies the peer's chain during the handshake with a verify callback
that accepts whatever the result (Node's ``VerifyCallback``), and the result
(``SSL_get_verify_result``) is read after it (:func:`verify_result`) and made
Node's error by :func:`verify_error` (``DEPTH_ZERO_SELF_SIGNED_CERT``,
"self-signed certificate").  Python's ``ssl`` offers neither the callback nor
the result, so pynet sets and reads them through ``ctypes`` on the OpenSSL
``_ssl`` is linked with (:func:`_openssl_ctx`), as it sets Node's ALPN
selection (:func:`_select_alpn_or_fail`).  Where that is not possible (not
CPython), a rejecting side verifies inside the handshake and a non-rejecting
one computes ``authorizationError`` with :func:`check_chain` from the peer's
leaf certificate, the trusted CAs and the signature (RSA PKCS#1 v1.5 and
ECDSA on P-256/P-384, checked here in Python).

``allowPartialTrustChain`` (Node v20.18): any truthy value sets OpenSSL's
``X509_V_FLAG_PARTIAL_CHAIN`` (``ssl.VERIFY_X509_PARTIAL_CHAIN``) on each
:class:`ssl.SSLContext` built, so an intermediate CA given as ``ca`` is an anchor.

``pfx`` (PKCS#12) is parsed by OpenSSL's ``PKCS12_parse`` through ``ctypes``
(:func:`_parse_pkcs12`) and loaded as PEM, its CAs as the chain and as trusted.

``secureProtocol`` (an OpenSSL method name) is Node's ``SecureContext::Init``:
the name becomes a version range (``TLSv1_2_method``: TLSv1.2 only;
``SSLv23_method``: up to TLSv1.2; ``TLS_method``: all) and, for
``*_client_method``/``*_server_method``, the one side the context can serve
(:func:`_secure_protocol`); SSLv2/SSLv3 and unknown names are Node's
``ERR_TLS_INVALID_PROTOCOL_METHOD``.

Without ``ca``, a context trusts the system's roots, read once per process and
given to each context in memory (:func:`system_roots`, Node's ``addRootCerts``),
never OpenSSL's hashed directory.

The key log (``'keylog'``): :meth:`SecureContext.enable_keylog`.

Node reference: ``lib/_tls_common.js`` (``SecureContext``,
``createSecureContext``), ``lib/internal/tls/secure-context.js``
(``configSecureContext``), ``src/crypto/crypto_context.cc``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import ssl
import tempfile
import time
import warnings
from collections import OrderedDict
from typing import Any

from pynet import errors
from pynet._js.validators import invalid_arg_type, invalid_arg_value, validate_int32
from pynet._js.value import truthy
from pynet._tls.x509 import Certificate, parse_certificate, pem_to_der_list

__all__ = [
    "DEFAULTS",
    "DEFAULT_CIPHERS",
    "DEFAULT_ECDH_CURVE",
    "DEFAULT_MAX_VERSION",
    "DEFAULT_MIN_VERSION",
    "SecureContext",
    "check_chain",
    "create_secure_context",
    "native_verify",
    "openssl_error",
    "ossl_error",
    "verify_error",
    "verify_result",
]

#: ``tls.DEFAULT_MIN_VERSION``: the lowest protocol version a context allows.
DEFAULT_MIN_VERSION = "TLSv1.2"
#: ``tls.DEFAULT_MAX_VERSION``: the highest protocol version a context allows.
DEFAULT_MAX_VERSION = "TLSv1.3"
#: ``tls.DEFAULT_ECDH_CURVE``: the ECDH curve setting of a new context.
DEFAULT_ECDH_CURVE = "auto"
#: ``tls.DEFAULT_CIPHERS``: Node 20's default cipher list.
DEFAULT_CIPHERS = (
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
    "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:"
    "DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:"
    "ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:"
    "!MD5:!PSK:!SRP:!CAMELLIA")
#: The values of ``tls.DEFAULT_CIPHERS``/``DEFAULT_MIN_VERSION``/``DEFAULT_MAX_VERSION``
#: now: Node reads them when a context is made, and a program may assign them
#: (``pynet.tls`` forwards the assignment here).
DEFAULTS: dict[str, str] = {"ciphers": DEFAULT_CIPHERS, "minVersion": DEFAULT_MIN_VERSION,
                            "maxVersion": DEFAULT_MAX_VERSION}
_TLS13_SUITES = {"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                 "TLS_AES_128_GCM_SHA256"}

_TLS13_ALL_SUITES = _TLS13_SUITES | {"TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"}


def _js_repr(value: Any) -> str:
    """How a template literal shows a non-string JS value (``${value}``)."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_VERSIONS = {
    "TLSv1": ssl.TLSVersion.TLSv1, "TLSv1.1": ssl.TLSVersion.TLSv1_1,
    "TLSv1.2": ssl.TLSVersion.TLSv1_2, "TLSv1.3": ssl.TLSVersion.TLSv1_3,
}

# X509_V_ERR_* numbers -> Node's codes (src/crypto/crypto_common.cc, X509_ERROR_CODES).
_X509_CODES = {
    2: "UNABLE_TO_GET_ISSUER_CERT", 3: "UNABLE_TO_GET_CRL",
    4: "UNABLE_TO_DECRYPT_CERT_SIGNATURE", 5: "UNABLE_TO_DECRYPT_CRL_SIGNATURE",
    6: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", 7: "CERT_SIGNATURE_FAILURE",
    8: "CRL_SIGNATURE_FAILURE", 9: "CERT_NOT_YET_VALID", 10: "CERT_HAS_EXPIRED",
    11: "CRL_NOT_YET_VALID", 12: "CRL_HAS_EXPIRED", 13: "ERROR_IN_CERT_NOT_BEFORE_FIELD",
    14: "ERROR_IN_CERT_NOT_AFTER_FIELD", 15: "ERROR_IN_CRL_LAST_UPDATE_FIELD",
    16: "ERROR_IN_CRL_NEXT_UPDATE_FIELD", 17: "OUT_OF_MEM",
    18: "DEPTH_ZERO_SELF_SIGNED_CERT", 19: "SELF_SIGNED_CERT_IN_CHAIN",
    20: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", 21: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    22: "CERT_CHAIN_TOO_LONG", 23: "CERT_REVOKED", 24: "INVALID_CA",
    25: "PATH_LENGTH_EXCEEDED", 26: "INVALID_PURPOSE", 27: "CERT_UNTRUSTED",
    28: "CERT_REJECTED", 62: "HOSTNAME_MISMATCH",
}
# Node's messages for the codes pynet computes itself (OpenSSL's texts).
_X509_MESSAGES = {
    "CERT_NOT_YET_VALID": "certificate is not yet valid",
    "CERT_HAS_EXPIRED": "certificate has expired",
    "DEPTH_ZERO_SELF_SIGNED_CERT": "self-signed certificate",
    "SELF_SIGNED_CERT_IN_CHAIN": "self-signed certificate in certificate chain",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY": "unable to get local issuer certificate",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE": "unable to verify the first certificate",
    "CERT_SIGNATURE_FAILURE": "certificate signature failure",
}


def _json(value: Any) -> str:
    """``%j`` in Node's error messages: ``JSON.stringify``."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return _js_repr(value)


# Node's SecureContext::Init (src/crypto/crypto_context.cc): the OpenSSL method names
# ``secureProtocol`` takes, as (minimum, maximum) versions; ``None`` keeps the
# context's (minVersion/maxVersion or their defaults).  ``TLS_method`` is "any
# version OpenSSL supports" (TLSv1 up: SSLv3 is not built).
_METHODS: dict[str, tuple[ssl.TLSVersion | None, ssl.TLSVersion]] = {
    "SSLv23": (None, ssl.TLSVersion.TLSv1_2),
    "TLS": (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_3),
    "TLSv1": (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1),
    "TLSv1_1": (ssl.TLSVersion.TLSv1_1, ssl.TLSVersion.TLSv1_1),
    "TLSv1_2": (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_2),
}


def _secure_protocol(name: str, minimum: ssl.TLSVersion, maximum: ssl.TLSVersion
                     ) -> tuple[ssl.TLSVersion, ssl.TLSVersion, str | None]:
    """The versions and side of a ``secureProtocol`` method name, or Node's
    ``ERR_TLS_INVALID_PROTOCOL_METHOD``.

    Discussion: Node builds the ``SSL_CTX`` with the named method and sets its
    version range; a ``*_client_method`` context can only connect and a
    ``*_server_method`` one only accept (OpenSSL's ``ssl_undefined_function``
    for the other side: see :class:`pynet._tls.handle.TLSHandle`).  Python
    makes one context per side, so pynet keeps the side and the range.
    """
    base, side = name, None
    for suffix, which in (("_client_method", "client"), ("_server_method", "server"),
                          ("_method", None)):
        if name.endswith(suffix):
            base, side = name[:-len(suffix)], which
            break
    else:
        base = ""
    if base in ("SSLv2", "SSLv3"):
        raise errors.ERR_TLS_INVALID_PROTOCOL_METHOD(
            f"{base} methods disabled")
    versions = _METHODS.get(base)
    if versions is None:
        raise errors.ERR_TLS_INVALID_PROTOCOL_METHOD(
            f"Unknown method: {name}")
    low, high = versions
    return (minimum if low is None else low), high, side


def verify_error(code: str, message: str | None = None) -> errors.NodeError:
    """Node's verification error: ``Error('self-signed certificate')`` with ``code``."""
    return errors.coded_error(code, message or _X509_MESSAGES.get(code, code.lower()))


def openssl_error(exc: ssl.SSLError) -> errors.NodeError:
    """An :class:`ssl.SSLError` as Node shows OpenSSL's errors.

    ``code`` is ``ERR_SSL_<REASON>`` (``ERR_SSL_WRONG_VERSION_NUMBER``), or
    ``ERR_OSSL_<REASON>`` outside the SSL library; ``library`` and
    ``reason`` as Node sets them; verification failures become Node's X.509
    errors.
    """
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = _X509_CODES.get(exc.verify_code or 0)
        if code is not None:
            return verify_error(code, exc.verify_message or None)
    reason = getattr(exc, "reason", None)
    library = getattr(exc, "library", None) or ""
    text = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
    if "] " in text:
        if text.startswith("[SSL] ") and not library:
            library = "SSL"  # A reason Python's table lacks: OpenSSL's text is there.
        text = text.split("] ", 1)[1]
    if " (_ssl.c" in text:
        text = text.rsplit(" (_ssl.c", 1)[0]
    if not reason:
        # OpenSSL's reason text is its code in lower case with spaces ("tlsv1 alert no
        # application protocol" is TLSV1_ALERT_NO_APPLICATION_PROTOCOL).
        reason = text.upper().replace(" ", "_") if text and all(
            ch.isalnum() or ch == " " for ch in text) else "UNKNOWN"
    lib_name = {"SSL": "SSL routines", "PEM": "PEM routines", "X509": "x509 certificate routines",
                "EVP": "digital envelope routines", "PROV": "Provider routines",
                "DECODER": "DECODER routines"}.get(library, library)
    prefix = "ERR_SSL_" if library == "SSL" else "ERR_OSSL_"
    return ossl_error(prefix + reason, _PACKED.get(reason, "00000000"), lib_name, text)


def ossl_error(code: str, packed: str, library: str, reason: str,
               function: str = "") -> errors.NodeError:
    """Node's error for an OpenSSL error: ``error:<packed>:<library>:<function>:<reason>``."""
    return errors.coded_error(code, f"error:{packed}:{library}:{function}:{reason}",
                              library=library, reason=reason)


# OpenSSL 3's packed error numbers for the reasons pynet meets most, for Node's text.
_PACKED = {
    "WRONG_VERSION_NUMBER": "0A00010B", "HTTP_REQUEST": "0A00009C",
    "UNSUPPORTED_PROTOCOL": "0A000102", "NO_SHARED_CIPHER": "0A0000C1",
    "TLSV1_ALERT_UNKNOWN_CA": "0A000418", "SSLV3_ALERT_BAD_CERTIFICATE": "0A000412",
    "TLSV13_ALERT_CERTIFICATE_REQUIRED": "0A00045C", "PEER_DID_NOT_RETURN_A_CERTIFICATE":
    "0A0000C7", "TLSV1_ALERT_PROTOCOL_VERSION": "0A000416",
    "SSLV3_ALERT_HANDSHAKE_FAILURE": "0A000410", "PACKET_LENGTH_TOO_LONG": "0A0000C6",
    "RECORD_LAYER_FAILURE": "0A000139", "TLSV1_ALERT_NO_APPLICATION_PROTOCOL": "0A000460",
    "CERTIFICATE_VERIFY_FAILED": "0A000086", "UNEXPECTED_EOF_WHILE_READING": "0A000126",
    "TLSV1_ALERT_INTERNAL_ERROR": "0A000438", "TLSV1_ALERT_DECODE_ERROR": "0A000432",
    "SSLV3_ALERT_UNEXPECTED_MESSAGE": "0A00040A", "UNEXPECTED_MESSAGE": "0A0000F4",
    "NO_APPLICATION_PROTOCOL": "0A0000EB",
    "PASSED_A_NULL_PARAMETER": "0A0C0102",
}


def _as_pem_list(value: Any, name: str) -> list[bytes]:
    # Node's configSecureContext: a false-y option (undefined, null, false, '', 0) is
    # skipped; anything else is a value or an array of values, each validated by
    # validateKeyOrCertOption.  Only a key array's items may be {pem, passphrase}.
    if value is None or value is False or (
            isinstance(value, (str, int, float)) and not isinstance(value, bool) and not value):
        return []
    is_list = isinstance(value, (list, tuple))
    items = value if is_list else [value]
    out = []
    for item in items:
        if is_list and isinstance(item, dict) and name == "options.key" \
                and item.get("pem") is not None:
            item = item["pem"]
        if isinstance(item, str):
            out.append(item.encode("latin-1"))
        elif isinstance(item, (bytes, bytearray, memoryview)):
            out.append(bytes(item))
        else:
            raise invalid_arg_type(name, ["string", "Buffer", "TypedArray", "DataView"], item)
    return out


def _memfd(data: bytes) -> tuple[str, int]:
    """A path that reads ``data`` from memory (``memfd_create``: nothing on disk).

    Discussion: a pipe would do for certificates, but OpenSSL seeks while it
    decodes an encrypted key, so the file must be seekable.
    """
    fd = os.memfd_create("pynet-tls", getattr(os, "MFD_CLOEXEC", 1))
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return f"/proc/self/fd/{fd}", fd


def _fd_path(fd: int) -> str:
    return f"/proc/self/fd/{fd}" if os.path.isdir("/proc/self/fd") else f"/dev/fd/{fd}"


_ROOTS: list[bytes] = []


def system_roots() -> bytes:
    """The system's trusted roots (the CA file Python's ``ssl`` loads by default), as
    concatenated DER, read once (Node's root store, built once per process).

    Discussion: a context given these in memory, rather than OpenSSL's default
    paths (``load_default_certs``), does not look in the hashed certificate
    directory: with the directory, OpenSSL lists and stats it on every
    handshake of a server whose certificate's issuer is not a system root (it
    builds the chain it sends from the store), most of the Python-independent
    cost of a handshake after the crypto.  Node's store is in memory too.
    """
    if not _ROOTS:
        ders = ssl.create_default_context().get_ca_certs(binary_form=True)
        _ROOTS.append(b"".join(bytes(d) for d in ders))
    return _ROOTS[0]


def _with_files(datas: list[bytes], fn: Any) -> Any:
    if hasattr(os, "memfd_create"):
        opened = [_memfd(d) for d in datas]
        try:
            return fn(*[p for p, _ in opened])
        finally:
            for _, fd in opened:
                os.close(fd)
    with tempfile.TemporaryDirectory() as tmp:  # pragma: no cover - not Linux
        paths = []
        for i, data in enumerate(datas):
            path = os.path.join(tmp, str(i))
            with open(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600), "wb") as f:
                f.write(data)
            paths.append(path)
        return fn(*paths)


class SecureContext:
    """Node's ``SecureContext`` (``tls.createSecureContext`` returns one)."""

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self._options = opts
        # Node validates (and loads) ca, then cert, then key.
        self._cas = _as_pem_list(opts.get("ca"), "options.ca")
        self._certs = _as_pem_list(opts.get("cert"), "options.cert")
        self._keys = _as_pem_list(opts.get("key"), "options.key")
        # Node: a given ``ca`` (even an empty list) replaces the root store.
        self._ca_given = bool(self._cas) or isinstance(opts.get("ca"), (list, tuple))
        passphrase = opts.get("passphrase")
        if passphrase is not None and not isinstance(passphrase, (str, bytes)):
            raise invalid_arg_type("options.passphrase", "string", passphrase)
        self._passphrase = passphrase
        keys = opts.get("key")
        self._key_passphrases: list[Any] = [
            item.get("passphrase") if isinstance(item, dict) else None
            for item in (keys if isinstance(keys, (list, tuple)) else [keys])
        ] if self._keys else []
        #: (key PEM, certificate chain PEM, CA DERs) of each ``pfx`` entry.
        self._pfx: list[tuple[bytes, bytes, list[bytes]]] = []
        if opts.get("pfx") is not None:
            self._pfx = _load_pfx(opts["pfx"], passphrase)
        if opts.get("sessionTimeout") is not None:
            # Node's configSecureContext validates it before setting it; pynet then
            # refuses it (below), but a bad value gets Node's error first.
            validate_int32(opts["sessionTimeout"], "options.sessionTimeout", 0)
        for unsupported in ("ticketKeys", "sessionTimeout", "clientCertEngine", "privateKeyEngine",
                            "privateKeyIdentifier", "crl", "sigalgs"):
            if opts.get(unsupported) is not None:
                raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(f"options.{unsupported}")
        protocol = opts.get("secureProtocol")
        if truthy(protocol):
            for version in (opts.get("minVersion"), opts.get("maxVersion")):
                if version is not None:
                    raise errors.ERR_TLS_PROTOCOL_VERSION_CONFLICT(  # type: ignore[call-arg]
                        _json(version), _json(protocol))
        self._min = self._version(opts.get("minVersion"), "minimum", DEFAULTS["minVersion"])
        self._max = self._version(opts.get("maxVersion"), "maximum", DEFAULTS["maxVersion"])
        #: The side a ``*_client_method``/``*_server_method`` is for (None: either).
        self.method_side: str | None = None
        if isinstance(protocol, str):  # Node's SecureContext::Init reads a string only.
            self._min, self._max, self.method_side = _secure_protocol(
                protocol, self._min, self._max)
        ciphers = opts.get("ciphers")
        if ciphers is not None and not isinstance(ciphers, str):
            raise invalid_arg_type("options.ciphers", "string", ciphers)
        if not ciphers:  # Node's processCiphers: undefined, null and '' mean the default.
            ciphers = DEFAULTS["ciphers"]  # Node's list, not Python's default one.
        parts = ciphers.split(":")
        if not any(parts):
            # Node: no TLS 1.2 cipher and no TLS 1.3 suite cannot handshake.
            raise invalid_arg_value("options.ciphers", parts)
        self._ciphers = ciphers
        curve = opts.get("ecdhCurve")
        if curve is not None and not isinstance(curve, str):
            raise invalid_arg_type("options.ecdhCurve", "string", curve)
        self._curve = curve
        self._dhparam = _as_pem_list(opts.get("dhparam"), "options.dhparam")
        # Node (v20.18+): a truthy allowPartialTrustChain, not validated, sets OpenSSL's
        # X509_V_FLAG_PARTIAL_CHAIN on the context's CA store (setAllowPartialTrustChain).
        self._partial_chain = truthy(opts.get("allowPartialTrustChain"))
        self._contexts: dict[tuple[bool, ssl.VerifyMode, tuple[str, ...] | None,
                                   SecureContext | None], ssl.SSLContext] = {}
        self._trusted: list[Certificate] | None = None
        #: The key log's memfd once a socket listens to 'keylog' (see enable_keylog).
        self.keylog_fd: int | None = None
        self._keylog_users = 0
        # Fail now, as Node does, on bad credentials or settings.
        self.context = self.ssl_context(True, ssl.CERT_NONE) if self._keys or self._certs \
            else self.ssl_context(False, ssl.CERT_NONE)

    @staticmethod
    def _version(value: Any, which: str, default: str) -> ssl.TLSVersion:
        if value is None:
            value = default
        if value not in _VERSIONS:
            shown = f'"{value}"' if isinstance(value, str) else _js_repr(value)
            raise errors.ERR_TLS_INVALID_PROTOCOL_VERSION(  # type: ignore[call-arg]
                shown, which)
        return _VERSIONS[value]

    # -- contexts -------------------------------------------------------------------------

    def ssl_context(self, server: bool, verify: ssl.VerifyMode,
                    alpn: tuple[str, ...] | None = None,
                    like: SecureContext | None = None) -> ssl.SSLContext:
        """The :class:`ssl.SSLContext` for one side, verify mode and ALPN list (made once:
        Python keeps ALPN on the context, Node on each socket).

        ``like``: the server's own context when this one was chosen by SNI.  OpenSSL
        switches the certificate, key and CA store of a connection to the SNI
        context, but the protocol versions, ciphers and options stay the first
        context's (they were copied into the ``SSL`` object); so here they are
        ``like``'s.
        """
        key = (server, verify, alpn, like)
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = self._contexts[key] = self._build(server, verify, like or self)
            if alpn:
                ctx.set_alpn_protocols(list(alpn))
                if server:
                    _select_alpn_or_fail(ctx, alpn)
            if self.keylog_fd is not None:
                ctx.keylog_filename = _fd_path(self.keylog_fd)
        return ctx

    # -- the key log ('keylog') -------------------------------------------------------------

    def enable_keylog(self) -> None:
        """Have OpenSSL log this context's TLS secrets (Node's ``enableKeylogCallback``).

        Discussion: Python's ``ssl`` has no key-log callback, only
        ``SSLContext.keylog_filename``, whose callback appends each NSS key log
        line to a file and flushes it.  The file here is an anonymous in-memory
        one (``memfd``), shared by every connection on this context; pynet runs
        each connection's OpenSSL calls on one thread, so the lines that appear
        during one connection's call are that connection's, and the handle
        takes them right after (:meth:`take_keylog`).
        """
        self._keylog_users += 1
        if self.keylog_fd is not None:
            return
        if hasattr(os, "memfd_create"):
            fd = os.memfd_create("pynet-keylog", getattr(os, "MFD_CLOEXEC", 1))
        else:  # pragma: no cover - not Linux
            fd, path = tempfile.mkstemp(prefix="pynet-keylog-")
            os.unlink(path)
        self.keylog_fd = fd
        for ctx in self._contexts.values():
            ctx.keylog_filename = _fd_path(fd)

    def release_keylog(self) -> None:
        """One socket that wanted the key log is gone; the last one turns it off."""
        self._keylog_users -= 1
        if self._keylog_users > 0 or self.keylog_fd is None:
            return
        for ctx in self._contexts.values():
            ctx.keylog_filename = None  # type: ignore[assignment]  # closes Python's file
        os.close(self.keylog_fd)
        self.keylog_fd = None

    def take_keylog(self) -> list[bytes]:
        """The key log lines written since the last call (each ending with ``\\n``)."""
        fd = self.keylog_fd
        if fd is None:
            return []
        size = os.fstat(fd).st_size
        if not size:
            return []
        data = os.pread(fd, size, 0)
        os.ftruncate(fd, 0)  # The writers append (O_APPEND): they go on from 0.
        # Python writes a '#' header line into a new log file: not a secret.
        return [line + b"\n" for line in data.split(b"\n") if line and not line.startswith(b"#")]

    def protocol_settings(self) -> tuple[ssl.TLSVersion, ssl.TLSVersion, dict[str, Any],
                                         str | None]:
        """(minimum version, maximum version, options, cipher list): what an
        SNI-selected context takes from this one (see :meth:`ssl_context`)."""
        return self._min, self._max, self._options, self._ciphers

    def _build(self, server: bool, verify: ssl.VerifyMode, like: SecureContext
               ) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)
        ctx._pynet_secure = self  # type: ignore[attr-defined]  # ``context.context`` -> self
        ctx.check_hostname = False
        ctx.verify_mode = verify
        minimum, maximum, options, ciphers = like.protocol_settings()
        with warnings.catch_warnings():
            # Python deprecates TLS 1.0/1.1; Node allows them when asked, silently.
            warnings.simplefilter("ignore", DeprecationWarning)
            ctx.minimum_version = minimum
            ctx.maximum_version = maximum
        if options.get("honorCipherOrder") is False:
            ctx.options &= ~ssl.OP_CIPHER_SERVER_PREFERENCE
        elif server:
            ctx.options |= ssl.OP_CIPHER_SERVER_PREFERENCE
        secure_options = options.get("secureOptions")
        if secure_options is not None and (isinstance(secure_options, bool) or
                                           not isinstance(secure_options, int)):
            raise invalid_arg_type("secureOptions", "number", secure_options)
        if secure_options:
            ctx.options |= secure_options
        if self._partial_chain:
            # A store setting: an SNI-selected context brings its own store, so this is
            # self's, not ``like``'s.
            ctx.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
        try:
            self._load(ctx, ciphers)
        except ssl.SSLError as exc:
            raise self._credential_error(exc) from None
        if verify != ssl.CERT_NONE:
            _accept_any_peer_certificate(ctx)
        return ctx

    def _load(self, ctx: ssl.SSLContext, ciphers: str | None) -> None:
        if ciphers is not None:
            legacy = [c for c in ciphers.split(":") if c and not c.startswith("TLS_")]
            modern = [c for c in ciphers.split(":") if c.startswith("TLS_")]
            if not set(modern) <= _TLS13_ALL_SUITES:
                raise ossl_error("ERR_SSL_NO_CIPHER_MATCH", "0A0000B9", "SSL routines",
                                 "no cipher match")
            if modern and not set(modern) <= _TLS13_SUITES:
                raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("TLSv1.3 ciphersuite selection")
            if legacy:
                try:
                    ctx.set_ciphers(":".join(legacy))
                except ssl.SSLError:
                    raise ossl_error("ERR_SSL_NO_CIPHER_MATCH", "0A0000B9", "SSL routines",
                                "no cipher match") from None
            elif not modern:
                ctx.set_ciphers("")
        if self._curve not in (None, "auto"):
            assert self._curve is not None
            if ":" in self._curve:
                raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("a list of ecdhCurve names")
            try:
                ctx.set_ecdh_curve(self._curve)
            except ValueError:
                raise errors.coded_error("ERR_CRYPTO_OPERATION_FAILED",
                                         "Failed to set ECDH curve") from None
        if self._dhparam:
            _with_files(self._dhparam[:1], ctx.load_dh_params)
        if self._ca_given:
            ders = [d for pem in self._cas for d in pem_to_der_list(pem)]
            if ders:
                ctx.load_verify_locations(cadata=b"".join(ders))
        else:
            roots = system_roots()
            if roots:
                ctx.load_verify_locations(cadata=roots)
            else:  # pragma: no cover - a system whose store is a hashed directory only
                ctx.load_default_certs()
        pfx_cas = [d for _, _, cas in self._pfx for d in cas]
        if pfx_cas:  # Node adds a PKCS#12 file's CAs to the context's store.
            ctx.load_verify_locations(cadata=b"".join(pfx_cas))
        for i, cert in enumerate(self._certs):
            k = i if i < len(self._keys) else 0
            key = self._keys[k] if self._keys else None
            # Node: a key object's own passphrase, else the options' one.
            own = self._key_passphrases[k] if self._keys else None
            password = own if own is not None else self._passphrase
            if key is not None and b"ENCRYPTED" in key and password is None:
                raise errors.coded_error(
                    "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt",
                    library="Provider routines", reason="bad decrypt")
            if not pem_to_der_list(cert):
                raise errors.coded_error(
                    "ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line",
                    library="PEM routines", reason="no start line")
            if key is None:
                continue
            pw = password if password is not None else (lambda: b"")
            _with_files([cert, key], lambda c, k, pw=pw: ctx.load_cert_chain(c, k, pw))
        for key_pem, chain_pem, _ in self._pfx:
            _with_files([chain_pem, key_pem], lambda c, k: ctx.load_cert_chain(c, k))

    def _credential_error(self, exc: ssl.SSLError) -> Exception:
        reason = getattr(exc, "reason", None) or ""
        library = getattr(exc, "library", None) or ""
        if library == "SSL" and reason == "NO_CIPHER_MATCH":
            return openssl_error(exc)
        if reason in ("KEY_VALUES_MISMATCH", "NO_CERTIFICATE_ASSIGNED"):
            return errors.coded_error(
                "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
                "error:05800074:x509 certificate routines::key values mismatch",
                library="x509 certificate routines", reason="key values mismatch")
        if any(b"ENCRYPTED" in k for k in self._keys):
            return errors.coded_error(
                "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt",
                library="Provider routines", reason="bad decrypt")
        if self._keys and not any(b"-----BEGIN" in k for k in self._keys):
            return errors.coded_error(
                "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported",
                library="DECODER routines", reason="unsupported")
        return openssl_error(exc)

    # -- verification without OpenSSL's verifier ---------------------------------------------

    def trusted(self) -> list[Certificate]:
        """The CAs this context trusts, parsed (``ca`` or the system store)."""
        if self._trusted is None:
            if self._ca_given:
                ders = [d for pem in self._cas for d in pem_to_der_list(pem)]
                ders += [d for _, _, cas in self._pfx for d in cas]
            else:
                ctx = self.ssl_context(False, ssl.CERT_REQUIRED)
                ders = [bytes(d) for d in ctx.get_ca_certs(binary_form=True)]
            parsed = (parse_certificate(d) for d in ders)
            self._trusted = [c for c in parsed if c is not None]
        return self._trusted

    def own_certificates(self) -> list[bytes]:
        """The DER of this context's own certificates (``getCertificate``)."""
        return [d for pem in self._certs for d in pem_to_der_list(pem)[:1]] + [
            d for _, chain, _ in self._pfx for d in pem_to_der_list(chain)[:1]]

    def issuer_of(self, cert: Certificate) -> Certificate | None:
        """The certificate of this context's CA store that issued ``cert``, or ``None``."""
        for ca in self.trusted():
            if ca.subject_der == cert.issuer_der and (ca.der == cert.der or
                                                      _signed_by(cert, ca)):
                return ca
        return None


_OPENSSL: list[Any] = []  # [(ctypes, lib)] once loaded; [None] when unavailable
# Python's verify modes as OpenSSL's SSL_VERIFY_* flags (PEER 1, FAIL_IF_NO_PEER_CERT 2).
_SSL_VERIFY = {ssl.CERT_NONE: 0, ssl.CERT_OPTIONAL: 1, ssl.CERT_REQUIRED: 3}


def _openssl_ctx(ctx: ssl.SSLContext) -> tuple[Any, Any, int] | None:
    """``(ctypes, libssl, SSL_CTX*)`` of a context, or ``None`` where unavailable.

    Discussion: Python's ``ssl`` has no verify callback and its ALPN callback
    cannot fail a handshake; Node's can.  pynet sets these two callbacks itself,
    through ``ctypes`` on the functions of the OpenSSL that ``_ssl`` is linked
    with.  The ``SSL_CTX`` pointer is the first field after the object header
    of ``_ssl._SSLContext``; it is checked against ``SSL_CTX_get_verify_mode``
    before use.  Where any of this is unavailable (not CPython), Python's
    behaviour stays, as the porting guide says.
    """
    try:
        if not _OPENSSL:
            import _ssl
            import ctypes
            import sys

            # The struct layout read below is CPython's release build (a debug build's
            # object header is larger): anywhere else, Python's behaviour.
            if sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
                raise ImportError("not a CPython release build")

            lib = ctypes.CDLL(_ssl.__file__)
            lib.SSL_CTX_get_verify_mode.argtypes = [ctypes.c_void_p]
            lib.SSL_CTX_get_verify_mode.restype = ctypes.c_int
            _OPENSSL.append((ctypes, lib))
        if _OPENSSL[0] is None:
            return None
        ctypes, lib = _OPENSSL[0]
        pointer = ctypes.c_void_p.from_address(id(ctx) + object.__basicsize__).value
        if not pointer or lib.SSL_CTX_get_verify_mode(pointer) != _SSL_VERIFY[ctx.verify_mode]:
            return None
        return ctypes, lib, pointer
    except (ImportError, OSError, AttributeError, ValueError):  # pragma: no cover
        if not _OPENSSL:
            _OPENSSL.append(None)
        return None


def _accept_any_peer_certificate(ctx: ssl.SSLContext) -> bool:
    """Node's ``VerifyCallback``: verify the peer's chain but never fail the handshake
    for it; the result is read after the handshake (:func:`verify_result`).

    Node's TLS sockets verify this way: a client always (``rejectUnauthorized``
    is applied after the handshake, in ``onConnectSecure``), a server that
    requests a certificate (``authorized`` / ``authorizationError``).  Python's
    ``ssl`` fails the handshake instead and has no verify callback; see
    :func:`_openssl_ctx`.  OpenSSL goes on past the first error with this
    callback, so the result is the last error, as in Node.
    """
    found = _openssl_ctx(ctx)
    if found is None:
        return False  # pragma: no cover
    ctypes, lib, pointer = found
    callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p)(
        lambda ok, store: 1)
    ctx._pynet_verify_cb = callback  # type: ignore[attr-defined]  # kept alive with ctx
    lib.SSL_CTX_set_verify.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    lib.SSL_CTX_set_verify.restype = None
    lib.SSL_CTX_set_verify(pointer, _SSL_VERIFY[ctx.verify_mode],
                           ctypes.cast(callback, ctypes.c_void_p))
    return True


def native_verify() -> bool:
    """Whether pynet verifies peers as Node does, with OpenSSL's verify callback."""
    if not _OPENSSL:
        probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        _openssl_ctx(probe)
    return bool(_OPENSSL and _OPENSSL[0] is not None)


def verify_result(sslobj: ssl.SSLObject) -> tuple[str, str] | None:
    """Node's ``verifyError``: ``(code, message)`` of OpenSSL's verification of the
    peer (``SSL_get_verify_result``), or ``None`` when it verified."""
    found = _openssl_ctx(sslobj.context)
    pointer = _ssl_pointer(sslobj, found)
    if found is None or pointer is None:
        return None  # pragma: no cover
    ctypes, lib, _ = found
    lib.SSL_get_verify_result.argtypes = [ctypes.c_void_p]
    lib.SSL_get_verify_result.restype = ctypes.c_long
    code = lib.SSL_get_verify_result(pointer)
    if code == 0:
        return None
    lib.X509_verify_cert_error_string.argtypes = [ctypes.c_long]
    lib.X509_verify_cert_error_string.restype = ctypes.c_char_p
    message = lib.X509_verify_cert_error_string(code).decode("latin-1")
    return _X509_CODES.get(code, "UNSPECIFIED"), message


def peer_chain(sslobj: ssl.SSLObject) -> list[bytes]:
    """The DER of the certificates the peer sent, leaf first (``SSL_get_peer_cert_chain``;
    Python 3.11's ``ssl`` shows the leaf only); ``[]`` where unavailable."""
    found = _openssl_ctx(sslobj.context)
    pointer = _ssl_pointer(sslobj, found)
    if found is None or pointer is None:
        return []  # pragma: no cover
    ctypes, lib, _ = found
    lib.SSL_get_peer_cert_chain.argtypes = [ctypes.c_void_p]
    lib.SSL_get_peer_cert_chain.restype = ctypes.c_void_p
    lib.OPENSSL_sk_num.argtypes = [ctypes.c_void_p]
    lib.OPENSSL_sk_num.restype = ctypes.c_int
    lib.OPENSSL_sk_value.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.OPENSSL_sk_value.restype = ctypes.c_void_p
    lib.i2d_X509.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.i2d_X509.restype = ctypes.c_int
    stack = lib.SSL_get_peer_cert_chain(pointer)
    if not stack:
        return []
    out = []
    for i in range(lib.OPENSSL_sk_num(stack)):
        x509 = lib.OPENSSL_sk_value(stack, i)
        size = lib.i2d_X509(x509, None)
        if size <= 0:
            continue
        buf = ctypes.create_string_buffer(size)
        cursor = ctypes.c_char_p(ctypes.addressof(buf))
        lib.i2d_X509(x509, ctypes.byref(cursor))
        out.append(buf.raw[:size])
    return out


def finished_message(sslobj: ssl.SSLObject, peer: bool) -> bytes | None:
    """The latest Finished message sent (or, ``peer``, received): ``SSL_get_finished`` /
    ``SSL_get_peer_finished``; ``None`` before there is one or where unavailable."""
    found = _openssl_ctx(sslobj.context)
    pointer = _ssl_pointer(sslobj, found)
    if found is None or pointer is None:
        return None  # pragma: no cover
    ctypes, lib, _ = found
    fn = lib.SSL_get_peer_finished if peer else lib.SSL_get_finished
    fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    fn.restype = ctypes.c_size_t
    size = fn(pointer, None, 0)
    if not size:
        return None
    buf = ctypes.create_string_buffer(size)
    fn(pointer, buf, size)
    return bytes(buf.raw[:size])


def _load_pfx(pfx: Any, passphrase: Any) -> list[tuple[bytes, bytes, list[bytes]]]:
    """Node's ``configSecureContext`` for ``pfx``: one PKCS#12 blob, or a list of blobs
    and ``{buf, passphrase}`` objects; each is parsed as ``SecureContext::LoadPKCS12``
    does (:func:`_parse_pkcs12`)."""
    entries = pfx if isinstance(pfx, (list, tuple)) else [pfx]
    out = []
    for val in entries:
        raw, password = val, passphrase
        if isinstance(val, dict):
            raw = val.get("buf") or val
            password = val.get("passphrase") or passphrase
        out.append(_parse_pkcs12(_to_buf(raw, "pfx"),
                                 None if password is None else _to_buf(password, "passphrase")))
    return out


def _to_buf(value: Any, name: str) -> bytes:
    """Node's ``toBuf``: a string is UTF-8; a Buffer is itself."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise invalid_arg_type(name, ["string", "Buffer"], value)


def _parse_pkcs12(data: bytes, password: bytes | None) -> tuple[bytes, bytes, list[bytes]]:
    """``(key PEM, certificate chain PEM, CA DERs)`` of a PKCS#12 blob.

    Discussion: Python's ``ssl`` loads PEM files only.  OpenSSL's ``PKCS12_parse``
    (through ``ctypes``, on the libcrypto ``_ssl`` is linked with) gives the key,
    the certificate and the CAs, which become PEM for ``load_cert_chain``; the
    CAs follow the certificate (the chain the peer gets) and join the trusted
    store, as Node's ``LoadPKCS12`` does.  Errors are Node's: OpenSSL's reason
    (``'mac verify failure'``, ``'not enough data'``) as a plain Error.
    """
    probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    found = _openssl_ctx(probe)
    if found is None:  # pragma: no cover - not CPython
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("pfx (PKCS#12)")
    ctypes, lib, _ = found
    vp = ctypes.c_void_p
    lib.ERR_clear_error.argtypes = []
    lib.ERR_get_error.restype = ctypes.c_ulong
    lib.ERR_reason_error_string.argtypes = [ctypes.c_ulong]
    lib.ERR_reason_error_string.restype = ctypes.c_char_p
    lib.BIO_s_mem.restype = vp
    lib.BIO_new.argtypes = [vp]
    lib.BIO_new.restype = vp
    lib.BIO_write.argtypes = [vp, ctypes.c_char_p, ctypes.c_int]
    lib.BIO_free.argtypes = [vp]
    lib.d2i_PKCS12_bio.argtypes = [vp, vp]
    lib.d2i_PKCS12_bio.restype = vp
    lib.PKCS12_parse.argtypes = [vp, ctypes.c_char_p, ctypes.POINTER(vp), ctypes.POINTER(vp),
                                 ctypes.POINTER(vp)]
    lib.PKCS12_parse.restype = ctypes.c_int
    lib.PKCS12_free.argtypes = [vp]
    lib.EVP_PKEY_free.argtypes = [vp]
    lib.X509_free.argtypes = [vp]
    lib.EVP_PKEY2PKCS8.argtypes = [vp]
    lib.EVP_PKEY2PKCS8.restype = vp
    lib.PKCS8_PRIV_KEY_INFO_free.argtypes = [vp]
    lib.i2d_PKCS8_PRIV_KEY_INFO.argtypes = [vp, vp]
    lib.i2d_PKCS8_PRIV_KEY_INFO.restype = ctypes.c_int
    lib.i2d_X509.argtypes = [vp, vp]
    lib.i2d_X509.restype = ctypes.c_int
    lib.OPENSSL_sk_num.argtypes = [vp]
    lib.OPENSSL_sk_num.restype = ctypes.c_int
    lib.OPENSSL_sk_value.argtypes = [vp, ctypes.c_int]
    lib.OPENSSL_sk_value.restype = vp
    lib.OPENSSL_sk_pop_free.argtypes = [vp, vp]

    def der(fn: Any, obj: int) -> bytes:
        size = fn(obj, None)
        buf = ctypes.create_string_buffer(max(size, 1))
        cursor = ctypes.c_char_p(ctypes.addressof(buf))
        fn(obj, ctypes.byref(cursor))
        return bytes(buf.raw[:size])

    def failure() -> Exception:
        reason = lib.ERR_reason_error_string(lib.ERR_get_error())
        lib.ERR_clear_error()
        return Exception(reason.decode("latin-1") if reason else "Unknown error")

    lib.ERR_clear_error()
    bio = lib.BIO_new(lib.BIO_s_mem())  # Node's LoadBIO: a writable memory BIO
    try:
        if data:
            lib.BIO_write(bio, data, len(data))
        p12 = lib.d2i_PKCS12_bio(bio, None)  # Node's reader, so Node's errors
    finally:
        lib.BIO_free(bio)
    if not p12:
        raise failure()
    pkey, cert, cas = vp(), vp(), vp()
    try:
        if lib.PKCS12_parse(p12, password, ctypes.byref(pkey), ctypes.byref(cert),
                            ctypes.byref(cas)) != 1:
            raise failure()
        if not pkey.value:
            raise Exception("Unable to load private key from PFX data")
        if not cert.value:
            raise Exception("Unable to load certificate from PFX data")
        info = lib.EVP_PKEY2PKCS8(pkey)
        try:
            key_der = der(lib.i2d_PKCS8_PRIV_KEY_INFO, info)
        finally:
            lib.PKCS8_PRIV_KEY_INFO_free(info)
        ca_ders = [der(lib.i2d_X509, lib.OPENSSL_sk_value(cas, i))
                   for i in range(lib.OPENSSL_sk_num(cas))] if cas.value else []
        chain = [der(lib.i2d_X509, cert.value), *ca_ders]
    finally:
        lib.PKCS12_free(p12)
        if pkey.value:
            lib.EVP_PKEY_free(pkey)
        if cert.value:
            lib.X509_free(cert)
        if cas.value:
            lib.OPENSSL_sk_pop_free(cas, ctypes.cast(lib.X509_free, vp))
    key_pem = (b"-----BEGIN PRIVATE KEY-----\n" + base64.encodebytes(key_der) +
               b"-----END PRIVATE KEY-----\n")
    chain_pem = b"".join(ssl.DER_cert_to_PEM_cert(d).encode("ascii") for d in chain)
    return key_pem, chain_pem, ca_ders


def set_max_send_fragment(sslobj: ssl.SSLObject, size: int) -> bool | None:
    """``SSL_set_max_send_fragment`` (a ``SSL_ctrl`` macro): whether OpenSSL took the
    size (512 to 16384); ``None`` where unavailable."""
    found = _openssl_ctx(sslobj.context)
    pointer = _ssl_pointer(sslobj, found)
    if found is None or pointer is None:
        return None  # pragma: no cover
    ctypes, lib, _ = found
    lib.SSL_ctrl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    lib.SSL_ctrl.restype = ctypes.c_long
    return bool(lib.SSL_ctrl(pointer, _SSL_CTRL_SET_MAX_SEND_FRAGMENT, size, None) == 1)


_SSL_CTRL_SET_MAX_SEND_FRAGMENT = 52


def export_keying_material(sslobj: ssl.SSLObject, length: int, label: bytes,
                           context: bytes | None) -> bytes | None:
    """RFC 5705 keying material (``SSL_export_keying_material``); ``None`` where
    unavailable or when OpenSSL refuses."""
    found = _openssl_ctx(sslobj.context)
    pointer = _ssl_pointer(sslobj, found)
    if found is None or pointer is None:
        return None  # pragma: no cover
    ctypes, lib, _ = found
    fn = lib.SSL_export_keying_material
    fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p,
                   ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    fn.restype = ctypes.c_int
    out = ctypes.create_string_buffer(length)
    ok = fn(pointer, out, length, label, len(label), context or b"",
            len(context or b""), 1 if context is not None else 0)
    return bytes(out.raw[:length]) if ok == 1 else None


def _ssl_pointer(sslobj: ssl.SSLObject, found: tuple[Any, Any, int] | None) -> int | None:
    """The ``SSL *`` of an :class:`ssl.SSLObject`, checked against its context's."""
    if found is None:
        return None  # pragma: no cover
    ctypes, lib, ctx_pointer = found
    inner = getattr(sslobj, "_sslobj", None)
    # PySSLSocket: the object header, the socket's weak reference, then ``SSL *``.
    pointer = ctypes.c_void_p.from_address(id(inner) + object.__basicsize__ + 8).value \
        if inner is not None else None
    lib.SSL_get_SSL_CTX.argtypes = [ctypes.c_void_p]
    lib.SSL_get_SSL_CTX.restype = ctypes.c_void_p
    if not pointer or lib.SSL_get_SSL_CTX(pointer) != ctx_pointer:
        return None  # pragma: no cover
    return int(pointer)


def _select_alpn_or_fail(ctx: ssl.SSLContext, protocols: tuple[str, ...]) -> bool:
    """A server's ALPN selection as Node's ``SelectALPNCallback``: the first of the
    server's protocols that the client offers, else a fatal
    ``no_application_protocol`` alert (Python's callback answers "no ALPN")."""
    found = _openssl_ctx(ctx)
    if found is None:
        return False  # pragma: no cover
    ctypes, lib, pointer = found
    wanted = [p.encode("latin-1") for p in protocols]

    def select(ssl_: Any, out: Any, outlen: Any, data: Any, size: int, arg: Any) -> int:
        offered = ctypes.string_at(data, size)
        offsets: dict[bytes, int] = {}
        pos = 0
        while pos < size:
            n = offered[pos]
            offsets.setdefault(offered[pos + 1:pos + 1 + n], pos + 1)
            pos += 1 + n
        for proto in wanted:
            at = offsets.get(proto)
            if at is not None:
                out[0] = data + at
                outlen[0] = len(proto)
                return 0  # SSL_TLSEXT_ERR_OK
        return 2  # SSL_TLSEXT_ERR_ALERT_FATAL

    callback = ctypes.CFUNCTYPE(
        ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_ubyte), ctypes.c_void_p, ctypes.c_uint, ctypes.c_void_p)(select)
    ctx._pynet_alpn_cb = callback  # type: ignore[attr-defined]  # kept alive with ctx
    lib.SSL_CTX_set_alpn_select_cb.argtypes = [ctypes.c_void_p, ctypes.c_void_p,
                                               ctypes.c_void_p]
    lib.SSL_CTX_set_alpn_select_cb.restype = None
    lib.SSL_CTX_set_alpn_select_cb(pointer, ctypes.cast(callback, ctypes.c_void_p), None)
    return True


def check_chain(context: SecureContext, der: bytes | None) -> str | None:
    """Node's ``verifyError`` code for a peer's leaf certificate, or None when trusted."""
    if der is None:
        return "UNABLE_TO_GET_ISSUER_CERT"
    cert = parse_certificate(der)
    if cert is None:
        return "CERT_REJECTED"
    now = time.time()
    trusted = context.trusted()
    if cert.self_signed:
        if not any(ca.der == cert.der for ca in trusted):
            return "DEPTH_ZERO_SELF_SIGNED_CERT"
    else:
        # OpenSSL (so Node) takes as issuer only a CA whose name matches and whose
        # key verifies the signature: an impostor with the right name is "no issuer".
        if not any(ca.subject_der == cert.issuer_der and _signed_by(cert, ca)
                   for ca in trusted):
            return "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
    if now < cert.not_before:
        return "CERT_NOT_YET_VALID"
    if now > cert.not_after:
        return "CERT_HAS_EXPIRED"
    return None


# -- signatures (RSA PKCS#1 v1.5, ECDSA P-256/P-384) -----------------------------------------

_HASHES = {
    "1.2.840.113549.1.1.5": ("sha1", bytes.fromhex("3021300906052b0e03021a05000414")),
    "1.2.840.113549.1.1.11": ("sha256", bytes.fromhex("3031300d060960864801650304020105000420")),
    "1.2.840.113549.1.1.12": ("sha384", bytes.fromhex("3041300d060960864801650304020205000430")),
    "1.2.840.113549.1.1.13": ("sha512", bytes.fromhex("3051300d060960864801650304020305000440")),
}
_ECDSA_HASHES = {"1.2.840.10045.4.3.2": "sha256", "1.2.840.10045.4.3.3": "sha384",
                 "1.2.840.10045.4.3.4": "sha512"}
_EC_PARAMS = {  # name -> (p, a, b, Gx, Gy, n)
    "prime256v1": (
        0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
        -3, 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
        0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
        0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
        0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551),
    "secp384r1": (
        int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000"
            "FFFFFFFF", 16),
        -3,
        int("B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8"
            "EDD3EC2AEF", 16),
        int("AA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E"
            "3872760AB7", 16),
        int("3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D"
            "7C90EA0E5F", 16),
        int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196A"
            "CCC52973", 16)),
}


def _signed_by(cert: Certificate, issuer: Certificate) -> bool:
    key = issuer.pubkey_info
    try:
        if cert.sig_alg in _HASHES and key.get("type") == "RSA":
            name, prefix = _HASHES[cert.sig_alg]
            n, e = key["n"], key["e"]
            size = (n.bit_length() + 7) // 8
            em = pow(int.from_bytes(cert.signature, "big"), e, n).to_bytes(size, "big")
            digest = prefix + hashlib.new(name, cert.tbs).digest()
            expected = b"\x00\x01" + b"\xff" * (size - len(digest) - 3) + b"\x00" + digest
            return bool(em == expected)
        if cert.sig_alg in _ECDSA_HASHES and key.get("type") == "EC":
            return bool(_ecdsa_verify(key, _ECDSA_HASHES[cert.sig_alg], cert.tbs,
                                      cert.signature))
    except (ValueError, OverflowError, KeyError, IndexError):
        return False
    return False


def _ecdsa_verify(key: dict[str, Any], hash_name: str, data: bytes, sig: bytes) -> bool:
    params = _EC_PARAMS.get(key["curve"])
    point = key["point"]
    if params is None or not point or point[0] != 4:
        return False
    p, a, _b, gx, gy, n = params
    size = (len(point) - 1) // 2
    qx = int.from_bytes(point[1:1 + size], "big")
    qy = int.from_bytes(point[1 + size:], "big")
    # ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
    if sig[0] != 0x30:
        return False
    pos = 2 if sig[1] < 0x80 else 2 + (sig[1] & 0x7F)
    r_len = sig[pos + 1]
    r = int.from_bytes(sig[pos + 2:pos + 2 + r_len], "big")
    pos += 2 + r_len
    s_len = sig[pos + 1]
    s = int.from_bytes(sig[pos + 2:pos + 2 + s_len], "big")
    if not (0 < r < n and 0 < s < n):
        return False
    digest = hashlib.new(hash_name, data).digest()
    z = int.from_bytes(digest, "big")
    if len(digest) * 8 > n.bit_length():
        z >>= len(digest) * 8 - n.bit_length()
    w = pow(s, -1, n)
    u1, u2 = z * w % n, r * w % n

    def add(P: tuple[int, int] | None, Q: tuple[int, int] | None) -> tuple[int, int] | None:
        if P is None:
            return Q
        if Q is None:
            return P
        if P[0] == Q[0] and (P[1] + Q[1]) % p == 0:
            return None
        if P == Q:
            lam = (3 * P[0] * P[0] + a) * pow(2 * P[1], -1, p) % p
        else:
            lam = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, p) % p
        x = (lam * lam - P[0] - Q[0]) % p
        return x, (lam * (P[0] - x) - P[1]) % p

    def mul(k: int, P: tuple[int, int]) -> tuple[int, int] | None:
        result: tuple[int, int] | None = None
        addend: tuple[int, int] | None = P
        while k:
            if k & 1:
                result = add(result, addend)
            addend = add(addend, addend)
            k >>= 1
        return result

    total = add(mul(u1, (gx, gy)), mul(u2, (qx, qy)))
    return total is not None and total[0] % n == r


# -- the cache behind tls.connect ------------------------------------------------------------

_CACHE: OrderedDict[tuple[Any, ...], SecureContext] = OrderedDict()
_CACHE_SIZE = 32
_CONTEXT_KEYS = ("key", "cert", "ca", "passphrase", "ciphers", "minVersion", "maxVersion",
                 "ecdhCurve", "dhparam", "honorCipherOrder", "secureOptions", "pfx",
                 "ticketKeys", "sessionTimeout", "crl", "sigalgs", "secureProtocol",
                 "clientCertEngine", "privateKeyEngine", "privateKeyIdentifier",
                 "allowPartialTrustChain")


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def create_secure_context(options: dict[str, Any] | None) -> SecureContext:
    """``tls.createSecureContext(options)``, shared among equal options (see module doc)."""
    opts = options or {}
    try:
        key = tuple((k, _freeze(opts.get(k))) for k in _CONTEXT_KEYS) + tuple(DEFAULTS.items())
        hash(key)
    except TypeError:
        return SecureContext(opts)
    ctx = _CACHE.get(key)
    if ctx is None:
        ctx = SecureContext({k: opts[k] for k in _CONTEXT_KEYS if k in opts})
        _CACHE[key] = ctx
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return ctx
