"""Node's ``tls`` module: ``createServer``, ``connect``, ``TLSSocket``, ``Server``…

``lib/tls.js`` and ``lib/_tls_wrap.js`` (Node v20) on pynet's loop, with
OpenSSL through Python's :class:`ssl.SSLObject` over memory BIOs (see
:mod:`pynet._tls.handle`).  The machinery is in :mod:`pynet._tls`; this
module has Node's export list.  A ``TLSSocket`` runs over a ``net.Socket``
or over any ``stream.Duplex`` (Node's ``JSStreamSocket``, see
:mod:`pynet._net.js_stream_socket`).  ``docs/porting-guide.md`` lists what
Python's ``ssl`` cannot do as Node does (each raises
``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM``).
"""

from __future__ import annotations

import ssl as _ssl
import sys as _sys
import types as _types
from collections.abc import Callable
from typing import Any

from pynet._tls.context import (
    DEFAULT_CIPHERS,
    DEFAULT_ECDH_CURVE,
    DEFAULT_MAX_VERSION,
    DEFAULT_MIN_VERSION,
    SecureContext,
)
from pynet._tls.context import (
    DEFAULTS as _DEFAULTS,
)
from pynet._tls.wrap import Server, TLSSocket, checkServerIdentity, connect

__all__ = [
    "CLIENT_RENEG_LIMIT",
    "CLIENT_RENEG_WINDOW",
    "DEFAULT_CIPHERS",
    "DEFAULT_ECDH_CURVE",
    "DEFAULT_MAX_VERSION",
    "DEFAULT_MIN_VERSION",
    "SecureContext",
    "Server",
    "TLSSocket",
    "checkServerIdentity",
    "connect",
    "createSecureContext",
    "createServer",
    "getCiphers",
    "rootCertificates",
]

#: Node's renegotiation limit (renegotiation is not supported by Python's ``ssl``).
CLIENT_RENEG_LIMIT = 3
#: Node's renegotiation window in seconds (kept for API parity).
CLIENT_RENEG_WINDOW = 600


def createServer(options: Any = None, secureConnectionListener: Callable[..., Any] | None = None,
                 **kwargs: Any) -> Server:
    """A new :class:`Server`; the listener listens to ``'secureConnection'``."""
    return Server(options, secureConnectionListener, **kwargs)


def createSecureContext(options: Any = None, **kwargs: Any) -> SecureContext:
    """Node's ``tls.createSecureContext``: credentials and settings for TLS sockets."""
    return SecureContext(dict(options or {}, **kwargs))


def getCiphers() -> list[str]:
    """The names of the supported ciphers, lower-case, as Node lists them."""
    ctx = _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT)
    ctx.set_ciphers("ALL")
    names = sorted({c["name"].lower() for c in ctx.get_ciphers()})
    return names


def _root_certificates() -> tuple[str, ...]:
    import base64

    ctx = _ssl.create_default_context()
    out = []
    for der in ctx.get_ca_certs(binary_form=True):
        body = base64.b64encode(bytes(der)).decode("ascii")
        lines = [body[i:i + 64] for i in range(0, len(body), 64)]
        out.append("-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) +
                   "\n-----END CERTIFICATE-----")
    return tuple(out)


#: The trusted root certificates (PEM), here the system's store Python's ssl loads.
rootCertificates: tuple[str, ...] = _root_certificates()


class _TLSModule(_types.ModuleType):
    """``tls.DEFAULT_CIPHERS = …`` (and the version defaults) changes what later
    contexts use, as in Node."""

    def __setattr__(self, name: str, value: Any) -> None:
        key = {"DEFAULT_CIPHERS": "ciphers", "DEFAULT_MIN_VERSION": "minVersion",
               "DEFAULT_MAX_VERSION": "maxVersion"}.get(name)
        if key is not None:
            _DEFAULTS[key] = value
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _TLSModule
