"""``TLSSocket``, ``tls.Server`` and ``tls.connect`` (Node v20's ``lib/_tls_wrap.js``).

Theory of operation
-------------------
A :class:`TLSSocket` is a :class:`~pynet._net.socket.Socket` whose handle is a
:class:`~pynet._tls.handle.TLSHandle`: everything a ``net.Socket`` does
(events, ``write``/``'drain'``, ``allowHalfOpen``, timeouts, ``pipe``)
works unchanged on plaintext, and this module adds what ``_tls_wrap.js``
adds on top:

* ``new TLSSocket(socket, options)`` takes over a connected ``net.Socket``'s
  handle (Node's ``_wrapHandle``: STARTTLS, both sides); the raw socket is
  destroyed with the TLS socket.  ``tls.connect`` without a ``socket``
  connects a fresh handle, wrapped by the :meth:`Socket._wrap_handle` hook
  as it is created, and starts the handshake on ``'connect'`` (``_start``).
* The end of the handshake is ``'secure'`` (``_finishInit``), on which the
  client checks the peer (``onConnectSecure``: verification result, then
  ``checkServerIdentity``) and emits ``'secureConnect'``, and a server socket
  (``onSocketSecure``) makes the server emit ``'secureConnection'``.
* Until a server socket is handed to the user (``_releaseControl``), its
  errors go to the server's ``'tlsClientError'``; an EOF before a client's
  handshake ends is Node's ``ECONNRESET`` "Client network socket
  disconnected before secure TLS connection was established".
* A :class:`Server` is a ``net.Server`` whose ``'connection'`` listener
  wraps each raw socket (``tlsConnectionListener``).

``NODE_DEBUG=tls`` prints Node's debug lines (``TLS 1234: client _start
handle? true connecting? false requestOCSP? false``) at the points where
``_tls_wrap.js`` calls ``debug()``.

Node reference: ``lib/_tls_wrap.js`` (``TLSSocket``, ``Server``, ``connect``,
``normalizeConnectArgs``), ``lib/tls.js`` (``checkServerIdentity``).
"""

from __future__ import annotations

import hashlib
import re
import ssl
import sys
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from pynet import errors
from pynet._core.calls import call as _call
from pynet._core.loop import get_loop
from pynet._handles.base import Stream
from pynet._js import debuglog
from pynet._js.ip import isIP as _isIP
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import (
    invalid_arg_type,
    validate_function,
    validate_int32,
    validate_string,
    validate_uint32,
)
from pynet._net.js_stream_socket import JSStreamSocket
from pynet._net.normalize import normalize_args
from pynet._net.server import Server as NetServer
from pynet._net.socket import Socket
from pynet._tls.context import (
    SecureContext,
    check_chain,
    create_secure_context,
    export_keying_material,
    finished_message,
    native_verify,
    peer_chain,
    set_max_send_fragment,
    verify_error,
    verify_result,
)
from pynet._tls.handle import TLSHandle
from pynet._tls.x509 import certificate_object, parse_certificate

if TYPE_CHECKING:
    from pynet._net.types import ServerOpts, SocketConnectOpts, SocketConstructorOpts

__all__ = ["Server", "TLSSession", "TLSSocket", "checkServerIdentity", "connect"]

# NODE_DEBUG=tls (_tls_wrap.js's debug()): tested before any argument is built.
_DEBUG = debuglog.enabled("tls")
_debug = debuglog.debuglog("tls")


def _side(sock: TLSSocket) -> str:
    return "server" if sock._tlsOptions.get("isServer") else "client"


class TLSSession(bytes):
    """A TLS session as ``'session'`` gives it and the ``session`` option takes.

    Node's is the DER of OpenSSL's ``SSL_SESSION``; Python's ``ssl`` cannot
    serialise one, so pynet's is ``bytes`` holding the session id, carrying the
    live :class:`ssl.SSLSession`: it resumes a session within one process,
    not across processes (porting guide).
    """

    ssl_session: ssl.SSLSession

    @staticmethod
    def of(session: ssl.SSLSession) -> TLSSession:
        value = TLSSession(session.id)
        value.ssl_session = session
        return value


class TLSSocket(Socket):
    """Node's ``tls.TLSSocket``: a ``net.Socket`` that speaks TLS."""

    # util.inspect (pynet/_js/inspect.py): Node's own properties of a
    # tls.TLSSocket in Node's order (TLSSocket's, then net.Socket's).
    __node_properties__: ClassVar[tuple[str, ...]] = (
        "secureConnecting", "servername", "alpnProtocol", "authorized", "authorizationError",
        "encrypted", *Socket.__node_properties__)

    def __init__(self, socket: Any = None, options: Any = None, **kwargs: Any) -> None:
        opts: dict[str, Any] = dict(options or {}, **kwargs)
        duplex = socket
        if socket is not None and not isinstance(socket, Socket):
            # Node's JSStreamSocket: TLS talks to a handle that reads and writes the Duplex.
            socket = JSStreamSocket(socket)
        self._tlsOptions = opts
        self._secureEstablished = False
        self._controlReleased = False
        self._SNICallback: Callable[..., Any] | None = None
        self._connect_options: dict[str, Any] | None = None
        self._parent: Socket | None = socket if isinstance(socket, Socket) else None
        self._tls_handle: TLSHandle | None = None
        self._on_connect_end_listener: Callable[[], None] | None = None
        self._session: TLSSession | None = None
        # Node's kIsVerified / kPendingSession: a client from tls.connect emits
        # 'session' only once onConnectSecure has emitted 'secureConnect'.
        self._is_verified = False
        self._pending_session: TLSSession | None = None
        self._had_tls_error = False
        self._tls_error_reported = False
        self._want_keylog = False
        #: Whether the handshake is still going (False from ``'secure'`` on).
        self.secureConnecting = True
        self.servername: Any = None
        self.alpnProtocol: Any = None
        self.authorized = False
        self.authorizationError: Any = None
        self.encrypted = True
        context = opts.get("secureContext")
        if context is None:
            context = create_secure_context(opts)
        elif not isinstance(context, SecureContext):
            raise errors.ERR_TLS_INVALID_CONTEXT("options.secureContext")
        self._secureContext: SecureContext = context
        is_server = bool(opts.get("isServer"))
        request_cert = bool(opts.get("requestCert")) or not is_server
        reject = bool(opts.get("rejectUnauthorized"))
        self._requestCert = request_cert
        self._rejectUnauthorized = reject
        handle: TLSHandle | None = None
        if self._parent is not None and self._parent._handle is not None:
            inner = self._parent._handle
            handle = self._make_handle(inner)
        super().__init__(cast("SocketConstructorOpts", {
            "handle": handle,
            "allowHalfOpen": duplex.allowHalfOpen if duplex is not None
            else opts.get("allowHalfOpen"),
            "pauseOnCreate": opts.get("pauseOnConnect"),
            "manualStart": True,
            "highWaterMark": opts.get("highWaterMark"),
            "signal": opts.get("signal"),
            # Node: the onread option only for a TLSSocket that makes its own socket.
            "onread": opts.get("onread") if socket is None else None,
        }))
        self._tls_error_listener = self._tls_error
        self.on("error", self._tls_error_listener)
        self.on("newListener", _refuse_unsupported_events)
        self.on("newListener", self._keylog_new_listener)
        self._init(socket)
        self._loop.next_tick(self._init_read, socket)

    # -- the handle --------------------------------------------------------------------

    def _verify_mode(self) -> ssl.VerifyMode:
        if self._tlsOptions.get("isServer"):
            if not self._tlsOptions.get("requestCert"):
                return ssl.CERT_NONE
            return ssl.CERT_REQUIRED if self._rejectUnauthorized else ssl.CERT_OPTIONAL
        if native_verify():
            # Node's client: OpenSSL verifies, the callback accepts, and
            # onConnectSecure applies rejectUnauthorized after the handshake.
            return ssl.CERT_REQUIRED
        return ssl.CERT_REQUIRED if self._rejectUnauthorized else ssl.CERT_NONE

    def _make_handle(self, inner: Stream) -> TLSHandle:
        opts = self._tlsOptions
        handle = TLSHandle(get_loop(), inner, self._secureContext, bool(opts.get("isServer")),
                           self._verify_mode())
        handle.onhandshakedone = self._on_handshake_done
        handle.onerror = self._on_handle_error
        handle.onsession = self._on_session
        handle.onkeylog = self._on_keylog
        if self._want_keylog:
            handle.enable_keylog()
        alpn = opts.get("ALPNProtocols")
        if alpn is not None:
            handle.alpn = _alpn_list(alpn)
        if opts.get("isServer"):
            handle.onclienthello = self._on_client_hello
        session = opts.get("session")
        if session is not None:
            handle.session = _ssl_session(session)
        self._tls_handle = handle
        return handle

    def _wrap_handle(self, handle: Stream) -> Stream:
        """``tls.connect``: every handle a connect attempt makes is wrapped."""
        tls = self._make_handle(handle)
        if self._tlsOptions.get("_servername") is not None:
            tls.servername = self._tlsOptions["_servername"]
        return tls

    def _init(self, socket: Socket | None) -> None:
        opts = self._tlsOptions
        if _DEBUG:
            # Node's handle exists from the start (a new one for tls.connect).
            _debug("%s _init", _side(self), "handle?", socket is None or (
                socket._handle is not None or bool(socket.connecting)))
        self.server: Any = opts.get("server")
        if opts.get("isServer"):
            sni = opts.get("SNICallback")
            if sni is not None and (sni is not _default_sni or (
                    self.server is not None and self.server._contexts)):
                self._SNICallback = sni
        timeout = opts.get("handshakeTimeout")
        if timeout and timeout > 0:
            self.setTimeout(timeout, self._handle_timeout)
        if socket is not None:
            self.connecting = socket.connecting or socket._handle is None

            def on_connect() -> None:
                if self._handle is None and socket._handle is not None and not self._destroyed:
                    # pynet makes a connecting socket's handle a tick later than
                    # Node does: take it over now.
                    self._attach(self._make_handle(socket._handle))
                self.connecting = False
                self.emit("connect")

            socket.once("connect", on_connect)
            socket.on("error", lambda err: self._emit_tls_error(err))

    def _init_read(self, socket: Socket | None) -> None:
        """Node's ``initRead``: feed data the raw socket buffered, then read."""
        if _DEBUG:
            # pynet wraps a connecting client's handle once it exists; Node's exists already.
            _debug("%s initRead", _side(self), "handle?", self._handle is not None or (
                       self._parent is None and bool(self.connecting)),
                   "buffered?", socket is not None and socket.readableLength)
        handle = self._tls_handle
        if handle is None or self._handle is None:
            return
        if socket is not None and socket.readableLength:
            handle.start()
            while True:
                chunk = socket.read()
                if chunk is None:
                    break
                handle.receive(chunk if isinstance(chunk, bytes) else chunk.encode("latin-1"))
        if handle.server_side:
            handle.start()
        self.read(0)

    def _start(self) -> None:
        """Node's ``_start``: begin the client handshake once connected."""
        if _DEBUG:
            _debug("%s _start", _side(self), "handle?", self._handle is not None,
                   "connecting?", bool(self.connecting),
                   "requestOCSP?", bool(self._tlsOptions.get("requestOCSP")))
        if self.connecting:
            self.once("connect", self._start)
            return
        handle = self._tls_handle
        if handle is None or self._handle is None:
            return
        handle.start()

    # -- handshake events ----------------------------------------------------------------

    def _on_handshake_done(self) -> None:
        """The handle's ``onhandshakedone`` (Node's, client and server)."""
        if _DEBUG:
            _debug(f"{_side(self)} onhandshakedone")
        self._finish_init()

    def _finish_init(self) -> None:
        """Node's ``_finishInit``: the handshake is done."""
        handle = self._tls_handle
        assert handle is not None and handle.ssl is not None
        self.alpnProtocol = handle.ssl.selected_alpn_protocol() or False
        # Server: the name the client asked for; client: the name it sent.
        self.servername = handle.servername or False
        if _DEBUG:
            _debug("%s _finishInit", _side(self), "handle?", self._handle is not None,
                   "alpn", self.alpnProtocol, "servername", self.servername)
        self._secureEstablished = True
        self.secureConnecting = False
        if (self._tlsOptions.get("handshakeTimeout") or 0) > 0:
            self.setTimeout(0, self._handle_timeout)
        self.emit("secure")

    def _on_handle_error(self, err: Exception) -> None:
        """Node's ``onerror`` for the TLS handle."""
        if _DEBUG:
            _debug("%s onerror %s had? %j", _side(self), err, self._had_tls_error)
        if self._had_tls_error:
            return
        self._had_tls_error = True
        if not self._secureEstablished:
            # Node: the handle stays until a microtask after destroy, so the
            # 'tlsClientError'/'error' listeners can read the addresses.
            self._close_after_handling_error = True
        # Discussion: Node's onerror emits a late error without destroying, and
        # the failed read that follows destroys the socket (one 'error', then
        # 'close'); destroying with the error does both.
        self.destroy(err)

    def _keylog_new_listener(self, event: Any, listener: Any = None) -> None:
        """Node's ``keylogNewListener``: the first ``'keylog'`` listener turns the key log on."""
        if event != "keylog":
            return
        self._want_keylog = True
        if self._tls_handle is not None:
            self._tls_handle.enable_keylog()
        self.removeListener("newListener", self._keylog_new_listener)

    def _on_keylog(self, line: bytes) -> None:
        self.emit("keylog", line)

    def _on_session(self, session: ssl.SSLSession) -> None:
        value = TLSSession.of(session)
        self._session = value
        if self._connect_options is not None and not self._is_verified:
            self._pending_session = value
            return
        self.emit("session", value)

    def _on_client_hello(self, servername: str | None,
                         answer: Callable[[BaseException | None, SecureContext | None], None]
                         ) -> None:
        """Node's ``loadSNI``: ask the SNICallback for the context of ``servername``.

        The TLS handle reads the ClientHello before OpenSSL sees it, so the
        callback may answer later, as in Node (the handle waits).
        """
        if _DEBUG:
            _debug("server onhandshakestart")  # OpenSSL starts on this ClientHello
        callback = self._SNICallback
        if servername:
            self.servername = servername  # Known to 'tlsClientError' listeners too.
        if not servername or callback is None:
            answer(None, None)
            return
        answered = [False]

        def done(err: Any = None, context: Any = None) -> None:
            if answered[0]:
                self.destroy(errors.ERR_MULTIPLE_CALLBACK())
                return
            answered[0] = True
            if err:
                self.destroy(err)
                return
            if self._handle is None:
                self.destroy(errors.ERR_SOCKET_CLOSED())
                return
            if isinstance(context, ssl.SSLContext):  # Node accepts ``secureContext.context``.
                context = getattr(context, "_pynet_secure", None) or context
            if context is None or context is False:
                context = None  # Node's ``if (context)``: no context, the server's own.
            elif not isinstance(context, SecureContext):
                # Node's TLSWrap throws this plain Error (no code) for anything that is
                # not a SecureContext (a plain object included).
                self.destroy(Exception("Invalid SNI context"))
                return
            answer(None, context)

        if callback is _default_sni:
            _default_sni(self, servername, done)
        else:
            _call(callback, servername, done)

    def _handle_timeout(self) -> None:
        self._emit_tls_error(errors.ERR_TLS_HANDSHAKE_TIMEOUT())

    def _emit_tls_error(self, err: BaseException) -> None:
        e = self._tls_error(err)
        if e is not None:
            self.emit("error", e)

    def _tls_error(self, err: BaseException) -> BaseException | None:
        self.emit("_tlsError", err)
        if self._controlReleased:
            return err
        return None

    def _release_control(self) -> bool:
        if self._controlReleased:
            return False
        self._controlReleased = True
        self.removeListener("error", self._tls_error_listener)
        return True

    # -- destroy -----------------------------------------------------------------------------

    def _destroy(self, exception: BaseException | None,
                 cb: Callable[[BaseException | None], None]) -> None:
        parent = self._parent
        if parent is not None and self._handle is None and not parent.destroyed:
            parent.destroy()  # Destroyed before the raw socket connected.
        handle = self._tls_handle
        if parent is not None and handle is not None and parent._handle is handle.inner:
            # Node's TLSWrap.close: the raw socket goes with the TLS socket.
            handle.inner = _ClosingInner(parent, handle.inner)
        super()._destroy(exception, cb)

    # -- Node's API ---------------------------------------------------------------------------

    def setServername(self, name: Any) -> None:
        """Set the SNI host name to send (a client socket, before the handshake)."""
        validate_string(name, "name")
        if self._tlsOptions.get("isServer"):
            raise errors.ERR_TLS_SNI_FROM_SERVER()
        self._tlsOptions["_servername"] = name
        if self._tls_handle is not None:
            self._tls_handle.servername = name

    def setSession(self, session: Any) -> None:
        """Set the session to resume (the ``session`` option, before the handshake)."""
        if self._tls_handle is not None:
            self._tls_handle.session = _ssl_session(session)
        self._tlsOptions["session"] = session

    def _ssl(self) -> ssl.SSLObject | None:
        handle = self._tls_handle
        return handle.ssl if handle is not None and self._handle is not None else None

    def getPeerCertificate(self, detailed: bool = False) -> NodeObject | None:
        """The peer's certificate as Node's object (``detailed=True`` adds ``issuerCertificate``);
        ``{}`` before the handshake or when the peer sent none; ``None`` without a handle."""
        if self._handle is None:
            return None
        sslobj = self._ssl()
        der = sslobj.getpeercert(binary_form=True) if sslobj is not None and \
            self._secureEstablished else None
        if not der:
            return NodeObject()
        cert = parse_certificate(der)
        if cert is None:
            return NodeObject()
        obj = certificate_object(cert)
        if detailed and sslobj is not None:
            # Node's GetPeerCert: the issuers the peer sent, then the trusted store's.
            parsed = (parse_certificate(d) for d in peer_chain(sslobj)[1:])
            sent = [c for c in parsed if c is not None]
            current, current_obj = cert, obj
            seen = {cert.der: obj}
            while True:
                if current.self_signed:
                    current_obj["issuerCertificate"] = current_obj
                    break
                issuer = next((c for c in sent if c.subject_der == current.issuer_der
                               and c.der != current.der), None) or \
                    self._secureContext.issuer_of(current)
                if issuer is None:
                    break
                if issuer.der in seen:
                    current_obj["issuerCertificate"] = seen[issuer.der]
                    break
                issuer_obj = certificate_object(issuer)
                seen[issuer.der] = issuer_obj
                current_obj["issuerCertificate"] = issuer_obj
                current, current_obj = issuer, issuer_obj
        return obj

    def getCertificate(self) -> NodeObject | None:
        """The local certificate as Node's certificate object; ``{}`` before the handshake or
        without a certificate; ``None`` without a handle."""
        if self._handle is None:
            return None
        handle = self._tls_handle
        if handle is None or not self._secureEstablished:
            return NodeObject()
        # The connection's context: an SNI-selected one serves its own certificate
        # (Node reads it from the SSL object, SSL_get_certificate).
        ders = handle.context.own_certificates()
        cert = parse_certificate(ders[0]) if ders else None
        return certificate_object(cert) if cert is not None else NodeObject()

    def getProtocol(self) -> str | None:
        """The negotiated protocol version (``'TLSv1.3'``…); ``'unknown'`` before the handshake
        ends; ``None`` without a TLS session (not connected, or closed)."""
        sslobj = self._ssl()
        if sslobj is None:
            return None
        return sslobj.version() or "unknown"

    def getCipher(self) -> NodeObject | None:
        """The negotiated cipher suite: ``{'name', 'standardName', 'version'}``."""
        sslobj = self._ssl()
        if sslobj is None:
            return None
        info = sslobj.cipher()
        if info is None:
            return NodeObject()
        name, version, _bits = info
        standard = _STANDARD_NAMES.get(name, name)
        return NodeObject(name=name, standardName=standard, version=version)

    def getSession(self) -> TLSSession | None:
        """The TLS session, as ``bytes`` to pass back as the ``session`` option (``None`` before
        one is known)."""
        sslobj = self._ssl()
        if sslobj is None or sslobj.session is None:
            return None
        return TLSSession.of(sslobj.session)

    def isSessionReused(self) -> bool:
        """Whether the handshake resumed a previous session."""
        sslobj = self._ssl()
        return bool(sslobj is not None and sslobj.session_reused)

    def getFinished(self) -> bytes | None:
        """The latest Finished message sent to the peer, as ``bytes`` (``None`` before the
        handshake)."""
        return self._finished(False)

    def getPeerFinished(self) -> bytes | None:
        """The latest Finished message received from the peer, as ``bytes`` (``None`` before the
        handshake)."""
        return self._finished(True)

    def _finished(self, peer: bool) -> bytes | None:
        sslobj = self._ssl()
        if sslobj is None:
            return None
        return finished_message(sslobj, peer)

    def getEphemeralKeyInfo(self) -> NodeObject | None:
        """Node's ``getEphemeralKeyInfo()``: ``None`` (Node's ``null``) on a server socket
        and without a handle, as in Node; on a client Python's ``ssl`` does not expose the
        key exchange (``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM``)."""
        if self._tlsOptions.get("isServer") or self._handle is None:
            return None  # Node's TLSWrap::GetEphemeralKeyInfo: null on a server
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("getEphemeralKeyInfo")

    def exportKeyingMaterial(self, length: int, label: str, context: Any = None) -> bytes:
        """Node's ``tlsSocket.exportKeyingMaterial(length, label[, context])``: RFC 5705 keying
        material (``bytes``), once the handshake is done."""
        validate_uint32(length, "length", True)
        validate_string(label, "label")
        if context is not None and not isinstance(context, (bytes, bytearray, memoryview)):
            raise invalid_arg_type("context", ["Buffer", "TypedArray", "DataView"], context)
        sslobj = self._ssl()
        if not self._secureEstablished or sslobj is None:
            raise errors.ERR_TLS_INVALID_STATE()
        out = export_keying_material(sslobj, length, label.encode("latin-1"),
                                     bytes(context) if context is not None else None)
        if out is None:
            raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("exportKeyingMaterial")
        return out

    def setMaxSendFragment(self, size: Any = None) -> bool:
        """Limit the plaintext of each TLS record this socket sends to ``size`` bytes
        (512 to 16384; ``False`` outside it): OpenSSL's ``SSL_set_max_send_fragment``,
        reached through ``ctypes`` (``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM`` where that is
        not possible)."""
        size = validate_int32(size, "size")
        sslobj = self._ssl()
        if sslobj is None:
            return False
        taken = set_max_send_fragment(sslobj, size)
        if taken is None:  # pragma: no cover - not CPython
            raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("setMaxSendFragment")
        return taken

    def renegotiate(self, options: Any = None, callback: Any = None) -> bool:
        """Node's ``renegotiate(options, callback)``: not available with Python's ``ssl`` (raises
        ``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM``)."""
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("renegotiate")

    def disableRenegotiation(self) -> None:
        """Python's ``ssl`` never renegotiates: nothing to disable."""

    def getTLSTicket(self) -> None:
        """Node's ``getTLSTicket()``: not available with Python's ``ssl`` (raises
        ``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM``)."""
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("getTLSTicket")

    def __repr__(self) -> str:
        return f"<TLSSocket {self.readyState} {self.remoteAddress}:{self.remotePort}>"


_UNSUPPORTED_EVENTS = {
    "OCSPResponse": "the 'OCSPResponse' event",
    "OCSPRequest": "the 'OCSPRequest' event",
    "newSession": "the 'newSession' event (an external session cache)",
    "resumeSession": "the 'resumeSession' event (an external session cache)",
}


def _refuse_unsupported_events(event: Any, listener: Any = None) -> None:
    """Listening to an event Python's ``ssl`` cannot produce raises at once (porting
    guide) rather than waiting forever for it."""
    what = _UNSUPPORTED_EVENTS.get(event) if isinstance(event, str) else None
    if what is not None:
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(what)


class _ClosingInner:
    """Closes the inner handle by destroying the raw socket that owns it (Node's
    ``TLSWrap.close`` with ``_parentWrap``), so the raw socket emits ``'close'``."""

    def __init__(self, parent: Socket, inner: Stream) -> None:
        self._parent = parent
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def close(self, cb: Callable[[], None] | None) -> None:
        if cb is not None:
            self._parent.once("close", lambda *a: cb())
        self._parent.destroy()

    def reset(self, cb: Callable[[], None] | None) -> None:
        self._parent._reset_and_closing = True
        self.close(cb)


# OpenSSL's cipher names -> the IANA names (``SSL_CIPHER_standard_name``, which Python's
# ``ssl`` does not expose): ``openssl ciphers -stdname 'ALL:@SECLEVEL=0'`` of OpenSSL 3.0.
# TLS 1.3 suites have one name.
_STANDARD_NAMES = dict(line.split() for line in """
    ECDHE-ECDSA-AES256-GCM-SHA384 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
    ECDHE-RSA-AES256-GCM-SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
    DHE-DSS-AES256-GCM-SHA384 TLS_DHE_DSS_WITH_AES_256_GCM_SHA384
    DHE-RSA-AES256-GCM-SHA384 TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
    ECDHE-ECDSA-CHACHA20-POLY1305 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
    ECDHE-RSA-CHACHA20-POLY1305 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
    DHE-RSA-CHACHA20-POLY1305 TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256
    ECDHE-ECDSA-AES256-CCM8 TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8
    ECDHE-ECDSA-AES256-CCM TLS_ECDHE_ECDSA_WITH_AES_256_CCM
    DHE-RSA-AES256-CCM8 TLS_DHE_RSA_WITH_AES_256_CCM_8
    DHE-RSA-AES256-CCM TLS_DHE_RSA_WITH_AES_256_CCM
    ECDHE-ECDSA-ARIA256-GCM-SHA384 TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384
    ECDHE-ARIA256-GCM-SHA384 TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384
    DHE-DSS-ARIA256-GCM-SHA384 TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384
    DHE-RSA-ARIA256-GCM-SHA384 TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384
    ADH-AES256-GCM-SHA384 TLS_DH_anon_WITH_AES_256_GCM_SHA384
    ECDHE-ECDSA-AES128-GCM-SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
    ECDHE-RSA-AES128-GCM-SHA256 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
    DHE-DSS-AES128-GCM-SHA256 TLS_DHE_DSS_WITH_AES_128_GCM_SHA256
    DHE-RSA-AES128-GCM-SHA256 TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
    ECDHE-ECDSA-AES128-CCM8 TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8
    ECDHE-ECDSA-AES128-CCM TLS_ECDHE_ECDSA_WITH_AES_128_CCM
    DHE-RSA-AES128-CCM8 TLS_DHE_RSA_WITH_AES_128_CCM_8
    DHE-RSA-AES128-CCM TLS_DHE_RSA_WITH_AES_128_CCM
    ECDHE-ECDSA-ARIA128-GCM-SHA256 TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256
    ECDHE-ARIA128-GCM-SHA256 TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256
    DHE-DSS-ARIA128-GCM-SHA256 TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256
    DHE-RSA-ARIA128-GCM-SHA256 TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256
    ADH-AES128-GCM-SHA256 TLS_DH_anon_WITH_AES_128_GCM_SHA256
    ECDHE-ECDSA-AES256-SHA384 TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384
    ECDHE-RSA-AES256-SHA384 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
    DHE-RSA-AES256-SHA256 TLS_DHE_RSA_WITH_AES_256_CBC_SHA256
    DHE-DSS-AES256-SHA256 TLS_DHE_DSS_WITH_AES_256_CBC_SHA256
    ECDHE-ECDSA-CAMELLIA256-SHA384 TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384
    ECDHE-RSA-CAMELLIA256-SHA384 TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384
    DHE-RSA-CAMELLIA256-SHA256 TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256
    DHE-DSS-CAMELLIA256-SHA256 TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256
    ADH-AES256-SHA256 TLS_DH_anon_WITH_AES_256_CBC_SHA256
    ADH-CAMELLIA256-SHA256 TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256
    ECDHE-ECDSA-AES128-SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256
    ECDHE-RSA-AES128-SHA256 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
    DHE-RSA-AES128-SHA256 TLS_DHE_RSA_WITH_AES_128_CBC_SHA256
    DHE-DSS-AES128-SHA256 TLS_DHE_DSS_WITH_AES_128_CBC_SHA256
    ECDHE-ECDSA-CAMELLIA128-SHA256 TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256
    ECDHE-RSA-CAMELLIA128-SHA256 TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256
    DHE-RSA-CAMELLIA128-SHA256 TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256
    DHE-DSS-CAMELLIA128-SHA256 TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256
    ADH-AES128-SHA256 TLS_DH_anon_WITH_AES_128_CBC_SHA256
    ADH-CAMELLIA128-SHA256 TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256
    ECDHE-ECDSA-AES256-SHA TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
    ECDHE-RSA-AES256-SHA TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
    DHE-RSA-AES256-SHA TLS_DHE_RSA_WITH_AES_256_CBC_SHA
    DHE-DSS-AES256-SHA TLS_DHE_DSS_WITH_AES_256_CBC_SHA
    DHE-RSA-CAMELLIA256-SHA TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA
    DHE-DSS-CAMELLIA256-SHA TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA
    AECDH-AES256-SHA TLS_ECDH_anon_WITH_AES_256_CBC_SHA
    ADH-AES256-SHA TLS_DH_anon_WITH_AES_256_CBC_SHA
    ADH-CAMELLIA256-SHA TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA
    ECDHE-ECDSA-AES128-SHA TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
    ECDHE-RSA-AES128-SHA TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
    DHE-RSA-AES128-SHA TLS_DHE_RSA_WITH_AES_128_CBC_SHA
    DHE-DSS-AES128-SHA TLS_DHE_DSS_WITH_AES_128_CBC_SHA
    DHE-RSA-CAMELLIA128-SHA TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA
    DHE-DSS-CAMELLIA128-SHA TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA
    AECDH-AES128-SHA TLS_ECDH_anon_WITH_AES_128_CBC_SHA
    ADH-AES128-SHA TLS_DH_anon_WITH_AES_128_CBC_SHA
    ADH-CAMELLIA128-SHA TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA
    RSA-PSK-AES256-GCM-SHA384 TLS_RSA_PSK_WITH_AES_256_GCM_SHA384
    DHE-PSK-AES256-GCM-SHA384 TLS_DHE_PSK_WITH_AES_256_GCM_SHA384
    RSA-PSK-CHACHA20-POLY1305 TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256
    DHE-PSK-CHACHA20-POLY1305 TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256
    ECDHE-PSK-CHACHA20-POLY1305 TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256
    DHE-PSK-AES256-CCM8 TLS_PSK_DHE_WITH_AES_256_CCM_8
    DHE-PSK-AES256-CCM TLS_DHE_PSK_WITH_AES_256_CCM
    RSA-PSK-ARIA256-GCM-SHA384 TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384
    DHE-PSK-ARIA256-GCM-SHA384 TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384
    AES256-GCM-SHA384 TLS_RSA_WITH_AES_256_GCM_SHA384
    AES256-CCM8 TLS_RSA_WITH_AES_256_CCM_8
    AES256-CCM TLS_RSA_WITH_AES_256_CCM
    ARIA256-GCM-SHA384 TLS_RSA_WITH_ARIA_256_GCM_SHA384
    PSK-AES256-GCM-SHA384 TLS_PSK_WITH_AES_256_GCM_SHA384
    PSK-CHACHA20-POLY1305 TLS_PSK_WITH_CHACHA20_POLY1305_SHA256
    PSK-AES256-CCM8 TLS_PSK_WITH_AES_256_CCM_8
    PSK-AES256-CCM TLS_PSK_WITH_AES_256_CCM
    PSK-ARIA256-GCM-SHA384 TLS_PSK_WITH_ARIA_256_GCM_SHA384
    RSA-PSK-AES128-GCM-SHA256 TLS_RSA_PSK_WITH_AES_128_GCM_SHA256
    DHE-PSK-AES128-GCM-SHA256 TLS_DHE_PSK_WITH_AES_128_GCM_SHA256
    DHE-PSK-AES128-CCM8 TLS_PSK_DHE_WITH_AES_128_CCM_8
    DHE-PSK-AES128-CCM TLS_DHE_PSK_WITH_AES_128_CCM
    RSA-PSK-ARIA128-GCM-SHA256 TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256
    DHE-PSK-ARIA128-GCM-SHA256 TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256
    AES128-GCM-SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256
    AES128-CCM8 TLS_RSA_WITH_AES_128_CCM_8
    AES128-CCM TLS_RSA_WITH_AES_128_CCM
    ARIA128-GCM-SHA256 TLS_RSA_WITH_ARIA_128_GCM_SHA256
    PSK-AES128-GCM-SHA256 TLS_PSK_WITH_AES_128_GCM_SHA256
    PSK-AES128-CCM8 TLS_PSK_WITH_AES_128_CCM_8
    PSK-AES128-CCM TLS_PSK_WITH_AES_128_CCM
    PSK-ARIA128-GCM-SHA256 TLS_PSK_WITH_ARIA_128_GCM_SHA256
    AES256-SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256
    CAMELLIA256-SHA256 TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256
    AES128-SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256
    CAMELLIA128-SHA256 TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256
    ECDHE-PSK-AES256-CBC-SHA384 TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384
    ECDHE-PSK-AES256-CBC-SHA TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA
    SRP-DSS-AES-256-CBC-SHA TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA
    SRP-RSA-AES-256-CBC-SHA TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA
    SRP-AES-256-CBC-SHA TLS_SRP_SHA_WITH_AES_256_CBC_SHA
    RSA-PSK-AES256-CBC-SHA384 TLS_RSA_PSK_WITH_AES_256_CBC_SHA384
    DHE-PSK-AES256-CBC-SHA384 TLS_DHE_PSK_WITH_AES_256_CBC_SHA384
    RSA-PSK-AES256-CBC-SHA TLS_RSA_PSK_WITH_AES_256_CBC_SHA
    DHE-PSK-AES256-CBC-SHA TLS_DHE_PSK_WITH_AES_256_CBC_SHA
    ECDHE-PSK-CAMELLIA256-SHA384 TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384
    RSA-PSK-CAMELLIA256-SHA384 TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384
    DHE-PSK-CAMELLIA256-SHA384 TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384
    AES256-SHA TLS_RSA_WITH_AES_256_CBC_SHA
    CAMELLIA256-SHA TLS_RSA_WITH_CAMELLIA_256_CBC_SHA
    PSK-AES256-CBC-SHA384 TLS_PSK_WITH_AES_256_CBC_SHA384
    PSK-AES256-CBC-SHA TLS_PSK_WITH_AES_256_CBC_SHA
    PSK-CAMELLIA256-SHA384 TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384
    ECDHE-PSK-AES128-CBC-SHA256 TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256
    ECDHE-PSK-AES128-CBC-SHA TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA
    SRP-DSS-AES-128-CBC-SHA TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA
    SRP-RSA-AES-128-CBC-SHA TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA
    SRP-AES-128-CBC-SHA TLS_SRP_SHA_WITH_AES_128_CBC_SHA
    RSA-PSK-AES128-CBC-SHA256 TLS_RSA_PSK_WITH_AES_128_CBC_SHA256
    DHE-PSK-AES128-CBC-SHA256 TLS_DHE_PSK_WITH_AES_128_CBC_SHA256
    RSA-PSK-AES128-CBC-SHA TLS_RSA_PSK_WITH_AES_128_CBC_SHA
    DHE-PSK-AES128-CBC-SHA TLS_DHE_PSK_WITH_AES_128_CBC_SHA
    ECDHE-PSK-CAMELLIA128-SHA256 TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256
    RSA-PSK-CAMELLIA128-SHA256 TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256
    DHE-PSK-CAMELLIA128-SHA256 TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256
    AES128-SHA TLS_RSA_WITH_AES_128_CBC_SHA
    CAMELLIA128-SHA TLS_RSA_WITH_CAMELLIA_128_CBC_SHA
    PSK-AES128-CBC-SHA256 TLS_PSK_WITH_AES_128_CBC_SHA256
    PSK-AES128-CBC-SHA TLS_PSK_WITH_AES_128_CBC_SHA
    PSK-CAMELLIA128-SHA256 TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256
""".strip().splitlines())


def _alpn_list(value: Any) -> list[str]:
    """Node's ``convertALPNProtocols``: a list of names, or the wire format."""
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if isinstance(item, (bytes, bytearray, memoryview)):
                out.append(bytes(item).decode("latin-1"))
            elif isinstance(item, str):
                out.append(item)
            else:
                raise invalid_arg_type("options.ALPNProtocols", ["Array", "Buffer"], value)
        return out
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        out, pos = [], 0
        while pos < len(raw):
            n = raw[pos]
            out.append(raw[pos + 1:pos + 1 + n].decode("latin-1"))
            pos += 1 + n
        return out
    raise invalid_arg_type("options.ALPNProtocols", ["Array", "Buffer", "TypedArray",
                                                     "DataView"], value)


def _ssl_session(value: Any) -> ssl.SSLSession | None:
    if value is None:
        return None
    session = getattr(value, "ssl_session", None)
    if isinstance(session, ssl.SSLSession):
        return session
    if isinstance(value, ssl.SSLSession):
        return value
    raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(
        "resuming a serialised session (only sessions from this process resume)")


# -- the client ----------------------------------------------------------------------------------


def _on_connect_secure(sock: TLSSocket) -> None:
    """Node's ``onConnectSecure``."""
    options = sock._connect_options or {}
    verify: BaseException | None = None
    handle = sock._tls_handle
    if native_verify():
        result = verify_result(handle.ssl) if handle and handle.ssl else None
        if result is not None:
            verify = verify_error(*result)
    elif not sock._rejectUnauthorized:
        der = handle.ssl.getpeercert(binary_form=True) if handle and handle.ssl else None
        code = check_chain(sock._secureContext, der)
        if code is not None:
            verify = verify_error(code)
    if verify is None and not sock.isSessionReused():
        raw = options.get("socket")
        hostname = options.get("servername") or options.get("host") or (
            getattr(raw, "_host", None) if raw is not None else None) or "localhost"
        cert = sock.getPeerCertificate(True)
        check = options.get("checkServerIdentity") or checkServerIdentity
        verify = _call(check, hostname, cert)
    if verify is not None:
        sock.authorized = False
        sock.authorizationError = getattr(verify, "code", None) or str(verify)
        if options.get("rejectUnauthorized"):
            sock.destroy(verify)
            return
        if _DEBUG:
            _debug("client emit secureConnect. rejectUnauthorized: %s, "
                   "authorizationError: %s", options.get("rejectUnauthorized"),
                   sock.authorizationError)
        sock.emit("secureConnect")
    else:
        sock.authorized = True
        if _DEBUG:
            _debug("client emit secureConnect. authorized:", sock.authorized)
        sock.emit("secureConnect")
    sock._is_verified = True
    session, sock._pending_session = sock._pending_session, None
    if session is not None:
        sock.emit("session", session)
    if sock._on_connect_end_listener is not None:
        sock.removeListener("end", sock._on_connect_end_listener)


def _on_connect_end(sock: TLSSocket) -> None:
    """Node's ``onConnectEnd``: EOF before the handshake ended."""
    if not sock._hadError:
        options = sock._connect_options or {}
        sock._hadError = True
        error = _connection_reset(
            "Client network socket disconnected before secure TLS connection was established")
        error.path = options.get("path")  # type: ignore[attr-defined]
        error.host = options.get("host")  # type: ignore[attr-defined]
        error.port = options.get("port")  # type: ignore[attr-defined]
        error.localAddress = options.get("localAddress")  # type: ignore[attr-defined]
        sock.destroy(error)


def _connection_reset(message: str) -> OSError:
    import errno as _errno

    err = _ResetError(_errno.ECONNRESET, message)
    err.code = "ECONNRESET"  # type: ignore[attr-defined]
    err.message = message  # type: ignore[attr-defined]
    return err


class _ResetError(ConnectionResetError):
    """A Node ``Error`` with code ``ECONNRESET`` (no syscall): prints its message."""

    def __str__(self) -> str:
        return str(getattr(self, "message", ""))


def _normalize_connect_args(args: tuple[Any, ...], kwargs: dict[str, Any]
                            ) -> tuple[dict[str, Any], Callable[..., Any] | None]:
    """Node's ``normalizeConnectArgs``: net's overloads plus an options object."""
    options, cb = normalize_args(args, {})
    if len(args) > 1 and isinstance(args[1], dict):
        options.update(args[1])
    elif len(args) > 2 and isinstance(args[2], dict):
        options.update(args[2])
    options.update(kwargs)
    return options, cb


def connect(*args: Any, **kwargs: Any) -> TLSSocket:
    """``tls.connect(options[, cb])``, ``(port[, host][, options][, cb])``, ``(path…)``."""
    given, cb = _normalize_connect_args(args, kwargs)
    options: dict[str, Any] = {"rejectUnauthorized": True,
                               "checkServerIdentity": checkServerIdentity,
                               "minDHSize": 1024}
    options.update(given)
    if options.get("rejectUnauthorized") is None:
        options["rejectUnauthorized"] = True
    check = options["checkServerIdentity"]
    validate_function(check, "options.checkServerIdentity")
    context = options.get("secureContext") or create_secure_context(options)
    tlssock = TLSSocket(options.get("socket"), {
        "pipe": bool(options.get("path")),
        "secureContext": context,
        "isServer": False,
        "requestCert": True,
        "rejectUnauthorized": options.get("rejectUnauthorized") is not False,
        "session": options.get("session"),
        "ALPNProtocols": options.get("ALPNProtocols"),
        "allowHalfOpen": options.get("allowHalfOpen"),
        "highWaterMark": options.get("highWaterMark"),
        "onread": options.get("onread"),
        "signal": options.get("signal"),
    })
    tlssock._connect_options = options
    if cb is not None:
        tlssock.once("secureConnect", cb)
    servername = options.get("servername")
    if servername is None and options.get("host") and not _isIP(options["host"]):
        servername = options["host"]  # Node's ssl default: SNI is the host name.
    if servername:
        if isinstance(servername, str) and _isIP(servername):
            _warn_ip_servername()
        tlssock.setServername(servername)
    if options.get("socket") is None:
        connect_opts = {k: options[k] for k in (
            "path", "port", "host", "family", "hints", "localAddress", "localPort", "lookup",
            "autoSelectFamily", "autoSelectFamilyAttemptTimeout", "timeout")
            if options.get(k) is not None}
        if options.get("timeout"):
            tlssock.setTimeout(options["timeout"])
        tlssock.connect(cast("SocketConnectOpts", connect_opts), tlssock._start)
    tlssock._release_control()
    if options.get("session") is not None:
        tlssock.setSession(options["session"])
    if options.get("socket") is not None:
        tlssock._start()
    tlssock.on("secure", lambda: _on_connect_secure(tlssock))
    tlssock._on_connect_end_listener = lambda: _on_connect_end(tlssock)
    tlssock.once("end", tlssock._on_connect_end_listener)
    return tlssock


# -- the server ----------------------------------------------------------------------------------


_ip_servername_warned = False


def _warn_ip_servername() -> None:
    """Node's ``DEP0123`` (once per process): a ``servername`` that is an IP address."""
    global _ip_servername_warned
    if _ip_servername_warned:
        return
    _ip_servername_warned = True
    warning = DeprecationWarning(
        "Setting the TLS ServerName to an IP address is not permitted by RFC 6066. "
        "This will be ignored in a future version.")
    warning.code = "DEP0123"  # type: ignore[attr-defined]
    warnings.warn(warning, stacklevel=3)


def _default_sni(sock: TLSSocket, servername: str, callback: Callable[..., Any]) -> None:
    """Node's ``SNICallback``: the most recently added ``addContext`` pattern that matches."""
    server = sock.server
    for pattern, context in reversed(server._contexts if server is not None else []):
        if pattern.match(servername):
            callback(None, context)
            return
    callback(None, None)


# Node's setOptions: the secure context options a tls.Server keeps as its own
# properties, in Node's order (honorCipherOrder and the rest follow).
_CONTEXT_OPTIONS = (
    "pfx", "key", "passphrase", "cert", "clientCertEngine", "ca", "minVersion", "maxVersion",
    "secureProtocol", "crl", "sigalgs", "ciphers", "ecdhCurve", "dhparam")
_CONTEXT_OPTIONS_ORDER = (
    *_CONTEXT_OPTIONS, "honorCipherOrder", "secureOptions", "sessionIdContext",
    "privateKeyIdentifier", "privateKeyEngine")


class Server(NetServer):
    """Node's ``tls.Server``: a ``net.Server`` whose connections speak TLS."""

    # util.inspect (pynet/_js/inspect.py): Node's own properties of a
    # tls.Server in Node's order (tls.Server's, then net.Server's).
    __node_properties__: ClassVar[tuple[str, ...]] = (
        "requestCert", "rejectUnauthorized", "ALPNCallback", "ALPNProtocols?",
        *_CONTEXT_OPTIONS_ORDER, *NetServer.__node_properties__)

    def __init__(self, options: Any = None, listener: Callable[..., Any] | None = None,
                 **kwargs: Any) -> None:
        if callable(options):
            listener, options = options, {}
        elif options is None or isinstance(options, dict):
            options = dict(options or {})
        else:
            raise invalid_arg_type("options", "Object", options)
        options.update(kwargs)
        self._contexts: list[tuple[re.Pattern[str], SecureContext]] = []
        self.requestCert = options.get("requestCert") is True
        self.rejectUnauthorized = options.get("rejectUnauthorized") is not False
        #: Node's ``ALPNCallback`` option (pynet does not call it).
        self.ALPNCallback: Any = options.get("ALPNCallback")
        self.ALPNProtocols = _alpn_list(options["ALPNProtocols"]) \
            if options.get("ALPNProtocols") is not None else None
        self._set_context_options(options)
        self._sharedCreds: SecureContext = options.get("secureContext") or SecureContext(
            {k: v for k, v in options.items() if k in (
                "key", "cert", "ca", "passphrase", "pfx", "ciphers", "minVersion",
                "maxVersion", "ecdhCurve", "dhparam", "honorCipherOrder", "secureOptions",
                "ticketKeys", "sessionTimeout", "crl", "sigalgs", "secureProtocol")})
        timeout = options.get("handshakeTimeout") or 120 * 1000
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
            raise invalid_arg_type("options.handshakeTimeout", "number",
                                   options.get("handshakeTimeout"))
        self._handshakeTimeout = timeout
        sni = options.get("SNICallback")
        if sni is not None and not callable(sni):
            raise invalid_arg_type("options.SNICallback", "function", sni)
        self._SNICallback = sni
        super().__init__(cast("ServerOpts", {k: v for k, v in options.items() if k in (
            "allowHalfOpen", "pauseOnConnect", "noDelay", "keepAlive", "keepAliveInitialDelay",
            "highWaterMark", "blockList")}), self._tls_connection_listener)
        self.on("newListener", _refuse_unsupported_events)
        if listener is not None:
            self.on("secureConnection", listener)

    def _tls_connection_listener(self, raw: Socket) -> None:
        """Node's ``tlsConnectionListener``."""
        if _DEBUG:
            _debug("net.Server.on(connection): new TLSSocket")
        sock = TLSSocket(raw, {
            "secureContext": self._sharedCreds,
            "isServer": True,
            "server": self,
            "requestCert": self.requestCert,
            "rejectUnauthorized": self.rejectUnauthorized,
            "handshakeTimeout": self._handshakeTimeout,
            "pauseOnConnect": self.pauseOnConnect,
            "ALPNProtocols": self.ALPNProtocols,
            "SNICallback": self._SNICallback or _default_sni,
        })
        sock.on("secure", lambda: _on_socket_secure(sock))
        if self.listenerCount("keylog") > 0:
            sock.on("keylog", lambda line: self.emit("keylog", line, sock))
        sock.on("close", lambda had_error=False: _on_socket_close(sock, had_error))
        sock.on("_tlsError", lambda err: _on_socket_tls_error(sock, err))

    def nodejsRejection(self, err: Any, event: Any = None, sock: Any = None, *rest: Any) -> None:
        """Node's ``tls.Server.prototype[EventEmitter.captureRejectionSymbol]``: a rejected
        ``'secureConnection'`` listener destroys that socket with the error; other
        events go to ``net.Server``'s."""
        if event == "secureConnection":
            sock.destroy(err)
        else:
            super().nodejsRejection(err, event, sock, *rest)

    def addContext(self, servername: str, context: Any) -> None:
        """Node's ``server.addContext(hostname, context)``: a secure context for SNI ``hostname``
        (wildcards allowed)."""
        if not servername:
            raise errors.ERR_TLS_REQUIRED_SERVER_NAME()
        escaped = re.sub(r"([.^$+?\-\\[\]{}])", r"\\\1", servername).replace("*", "[^.]*")
        secure = context if isinstance(context, SecureContext) else SecureContext(context)
        self._contexts.append((re.compile("^" + escaped + "$"), secure))

    def setSecureContext(self, options: Any) -> None:
        """Node's ``server.setSecureContext(options)``: replace the server's secure context for new
        connections."""
        if not isinstance(options, dict):
            raise invalid_arg_type("options", "Object", options)
        self._set_context_options(options)
        self._sharedCreds = SecureContext(options)

    def _set_context_options(self, options: dict[str, Any]) -> None:
        """Node's ``setOptions``/``setSecureContext``: the secure context's
        options as the server's own properties (``server.key``, ``server.ciphers``…)."""
        for name in _CONTEXT_OPTIONS:
            setattr(self, name, options.get(name))
        honor = options.get("honorCipherOrder")
        self.honorCipherOrder = True if honor is None else bool(honor)
        self.secureOptions = options.get("secureOptions")
        # Discussion: Node hashes process.argv; pynet's argv is the
        # interpreter and the script, so the default differs from node's.
        self.sessionIdContext = options.get("sessionIdContext") or hashlib.sha1(
            " ".join([sys.executable, *sys.argv]).encode()).hexdigest()[:32]
        self.privateKeyIdentifier = options.get("privateKeyIdentifier")
        self.privateKeyEngine = options.get("privateKeyEngine")

    def getTicketKeys(self) -> bytes:
        """Node's ``server.getTicketKeys()``: not available with Python's ``ssl`` (raises
        ``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM``)."""
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("getTicketKeys")

    def setTicketKeys(self, keys: Any) -> None:
        """Node's ``server.setTicketKeys(keys)``: the argument is validated as Node does
        (``ERR_INVALID_ARG_TYPE`` unless a Buffer/TypedArray/DataView,
        ``ERR_INTERNAL_ASSERTION`` unless 48 bytes); setting the keys is not available with
        Python's ``ssl`` (raises ``ERR_FEATURE_UNAVAILABLE_ON_PLATFORM``)."""
        if not isinstance(keys, (bytes, bytearray, memoryview)):
            raise invalid_arg_type("buffer", ["Buffer", "TypedArray", "DataView"], keys)
        if memoryview(keys).nbytes != 48:
            raise errors.ERR_INTERNAL_ASSERTION("Session ticket keys must be a 48-byte buffer")
        raise errors.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM("setTicketKeys")


def _on_socket_secure(sock: TLSSocket) -> None:
    """Node's ``onSocketSecure``."""
    if sock._requestCert:
        handle = sock._tls_handle
        der = handle.ssl.getpeercert(binary_form=True) if handle and handle.ssl else None
        code: str | None = "UNABLE_TO_GET_ISSUER_CERT" if der is None else None
        if der is None and handle is not None and handle.ssl is not None and (
                handle.ssl.session_reused and handle.ssl.version() == "TLSv1.3"):
            # Node's VerifyPeerCertificate: a resumed TLS 1.3 session without a
            # certificate "looks like" PSK authentication and is X509_V_OK.
            code = None
        if code is None and handle is not None and handle.ssl is not None:
            if native_verify():  # Node's verifyError: OpenSSL's verification result.
                result = verify_result(handle.ssl)
                code = result[0] if result is not None else None
            elif not sock._rejectUnauthorized:
                code = check_chain(handle.context, der)
        if code is not None:
            sock.authorizationError = code
            if sock._rejectUnauthorized:
                sock.destroy()
        else:
            sock.authorized = True
    if not sock.destroyed and sock._release_control():
        if _DEBUG:
            _debug("server emit secureConnection")
        server = sock._tlsOptions.get("server")
        if server is not None:
            server.emit("secureConnection", sock)


def _on_socket_tls_error(sock: TLSSocket, err: BaseException) -> None:
    if not sock._controlReleased and not sock._tls_error_reported:
        sock._tls_error_reported = True
        if _DEBUG:
            _debug("server emit tlsClientError:", err)
        server = sock._tlsOptions.get("server")
        if server is not None:
            server.emit("tlsClientError", err, sock)


def _on_socket_close(sock: TLSSocket, had_error: bool) -> None:
    if had_error:
        return
    if not sock._controlReleased and not sock._tls_error_reported:
        sock._tls_error_reported = True
        server = sock._tlsOptions.get("server")
        if server is not None:
            server.emit("tlsClientError", _connection_reset("socket hang up"), sock)


# -- tls.checkServerIdentity ------------------------------------------------------------------


def _unfqdn(host: str) -> str:
    return host[:-1] if host.endswith(".") else host


def _split_host(host: str) -> list[str]:
    return _unfqdn(host).lower().split(".")


def _check(hostname_parts: list[str], pattern: str, wildcards: bool) -> bool:
    if not pattern:
        return False
    pattern_parts = _split_host(pattern)
    if len(hostname_parts) != len(pattern_parts):
        return False
    if "" in pattern_parts:
        return False
    if any(not re.fullmatch(r"[\x00-\x7f]*", p) for p in pattern_parts):
        return False
    for i in range(len(hostname_parts) - 1, 0, -1):
        if hostname_parts[i] != pattern_parts[i]:
            return False
    host_sub, pattern_sub = hostname_parts[0], pattern_parts[0]
    pattern_subparts = pattern_sub.split("*")
    if len(pattern_subparts) == 1 or "xn--" in pattern_sub:
        return host_sub == pattern_sub
    if not wildcards:
        return False
    if len(pattern_subparts) > 2:
        return False
    if len(pattern_parts) <= 2:
        return False
    prefix, suffix = pattern_subparts
    if len(prefix) + len(suffix) > len(host_sub):
        return False
    return host_sub.startswith(prefix) and host_sub.endswith(suffix)


_JS_STRING_RE = re.compile(r'^"(?:[^"\\]|\\.)*"')


def _split_escaped_altnames(altnames: str) -> list[str]:
    result = []
    current = ""
    offset = 0
    while offset != len(altnames):
        next_sep = altnames.find(", ", offset)
        next_quote = altnames.find('"', offset)
        if next_quote != -1 and (next_sep == -1 or next_quote < next_sep):
            current += altnames[offset:next_quote]
            match = _JS_STRING_RE.match(altnames[next_quote:])
            if not match:
                raise errors.ERR_TLS_CERT_ALTNAME_FORMAT()
            import json

            current += json.loads(match.group(0))
            offset = next_quote + len(match.group(0))
        elif next_sep != -1:
            current += altnames[offset:next_sep]
            result.append(current)
            current = ""
            offset = next_sep + 2
        else:
            current += altnames[offset:]
            offset = len(altnames)
    result.append(current)
    return result


def checkServerIdentity(hostname: str, cert: Any) -> BaseException | None:
    """Node's ``tls.checkServerIdentity``: an ``ERR_TLS_CERT_ALTNAME_INVALID`` or None."""
    subject = cert.get("subject") if cert else None
    altnames = cert.get("subjectaltname") if cert else None
    dns_names: list[str] = []
    ips: list[str] = []
    hostname = str(hostname)
    if altnames:
        for name in _split_escaped_altnames(altnames):
            if name.startswith("DNS:"):
                dns_names.append(name[4:])
            elif name.startswith("IP Address:"):
                ips.append(_canonical_ip(name[11:]))
    valid = False
    reason = "Unknown reason"
    hostname = _unfqdn(hostname)
    if _isIP(hostname):
        valid = _canonical_ip(hostname) in ips
        if not valid:
            reason = f"IP: {hostname} is not in the cert's list: " + ", ".join(ips)
    elif dns_names or subject:
        host_parts = _split_host(hostname)
        if dns_names:
            valid = any(_check(host_parts, name, True) for name in dns_names)
            if not valid:
                reason = f"Host: {hostname}. is not in the cert's altnames: {altnames}"
        else:
            cn = subject.get("CN") if subject else None
            if isinstance(cn, list):
                valid = any(_check(host_parts, c, True) for c in cn)
            elif cn:
                valid = _check(host_parts, cn, True)
            if not valid:
                reason = f"Host: {hostname}. is not cert's CN: {cn}"
    else:
        reason = "Cert does not contain a DNS name"
    if not valid:
        return errors.ERR_TLS_CERT_ALTNAME_INVALID(reason, reason=reason, host=hostname,
                                                   cert=cert)
    return None


def _canonical_ip(text: str) -> str:
    import ipaddress

    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return text
