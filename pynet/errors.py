"""Node's error vocabulary, in Python.

Two families, exactly as in Node (``lib/internal/errors.js``):

* **Argument errors** (``ERR_*``) are raised synchronously by the call that got
  the bad argument.  Each Node code is a class named after it, whose builtin
  base is the nearest Python one: Node ``TypeError`` → :class:`TypeError`,
  ``RangeError`` → :class:`ValueError`, plain ``Error`` → :class:`Exception`.
  Every instance carries ``.code`` (the Node code string) and Node's message.
  All of them also derive from :class:`NodeError`, so ``except NodeError`` works.

* **System errors** are never raised into the caller: they are emitted as
  ``'error'`` (then ``'close'``).  :func:`errno_exception`,
  :func:`exception_with_host_port`, :func:`uv_exception_with_host_port` and
  :func:`dns_exception` build them, mirroring Node's ``ErrnoException``,
  ``ExceptionWithHostPort``, ``UVExceptionWithHostPort`` and
  ``DNSException``.  They are instances of the matching builtin
  :class:`OSError` subclass (``ConnectionRefusedError`` for ``ECONNREFUSED``…),
  with Node's fields ``.code``, ``.syscall``, ``.address``, ``.port`` and
  ``.hostname``.  ``.errno`` keeps Python's positive value (mapping §6).

Discussion: the classes are created from one table (``_CODES``) so the code,
the base class and the message template live together, as Node's ``E()`` calls
do.  Messages are Node's word for word; tests compare them with what ``node``
prints.
"""

from __future__ import annotations

import errno as _errno
import os
from typing import Any

__all__ = [
    "AggregateError",
    "NodeError",
    "SystemError",
    "coded_error",
    "dns_exception",
    "errno_exception",
    "exception_with_host_port",
    "uv_exception",
    "uv_exception_with_host_port",
]


class NodeError(Exception):
    """Base of every ``ERR_*`` error pynet raises or emits (Node's internal
    ``NodeError``: an ``Error`` with a ``code``).

    Each code is a subclass named after it whose other base is the nearest
    Python builtin (Node's ``TypeError`` is :class:`TypeError`, ``RangeError`` is
    :class:`ValueError`, a plain ``Error`` is :class:`Exception`), so both
    ``except ERR_SOCKET_BAD_PORT`` and ``except ValueError`` catch it.  Extra
    properties given to the constructor become attributes, as Node adds them.
    """

    #: The error's code, ``'ERR_SOCKET_BAD_PORT'`` and so on: Node's ``error.code``,
    #: the most stable way to identify an error.
    code: str = ""

    def __init__(self, message: str = "", **props: Any) -> None:
        super().__init__(message)
        self.message = message
        for key, value in props.items():
            setattr(self, key, value)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


# code -> (builtin base, message template).  Templates are Node's.
_CODES: dict[str, tuple[type[Exception], str]] = {
    "ERR_INVALID_ARG_TYPE": (TypeError, "{}"),
    "ERR_CONSOLE_WRITABLE_STREAM": (TypeError, "Console expects a writable stream instance for {}"),
    "ERR_INVALID_ARG_VALUE": (TypeError, "{}"),
    "ERR_INVALID_RETURN_VALUE": (TypeError, "{}"),
    "ERR_MISSING_ARGS": (TypeError, "{}"),
    "ERR_OUT_OF_RANGE": (ValueError, "{}"),
    "ERR_SOCKET_BAD_PORT": (ValueError, "{}"),
    "ERR_INVALID_IP_ADDRESS": (TypeError, "Invalid IP address: {}"),
    "ERR_INVALID_ADDRESS_FAMILY": (ValueError, "Invalid address family: {}"),
    "ERR_INVALID_ADDRESS": (Exception, "Invalid socket address"),
    "ERR_INVALID_FD_TYPE": (TypeError, "Unsupported fd type: {}"),
    "ERR_INVALID_HANDLE_TYPE": (TypeError, "This handle type cannot be sent"),
    "ERR_SERVER_ALREADY_LISTEN": (
        Exception,
        "Listen method has been called more than once without closing.",
    ),
    "ERR_SERVER_NOT_RUNNING": (Exception, "Server is not running."),
    "ERR_SOCKET_CLOSED": (Exception, "Socket is closed"),
    "ERR_SOCKET_CLOSED_BEFORE_CONNECTION": (
        Exception,
        "Socket closed before the connection was established",
    ),
    "ERR_SOCKET_CONNECTION_TIMEOUT": (Exception, "Socket connection timeout"),
    "ERR_STREAM_WRITE_AFTER_END": (Exception, "write after end"),
    "ERR_STREAM_DESTROYED": (Exception, "Cannot call {} after a stream was destroyed"),
    "ERR_STREAM_WRAP": (Exception, "Stream has StringDecoder set or is in objectMode"),
    "ERR_STREAM_ALREADY_FINISHED": (
        Exception,
        "Cannot call {} after a stream was finished",
    ),
    "ERR_STREAM_NULL_VALUES": (TypeError, "May not write null values to stream"),
    "ERR_STREAM_CANNOT_PIPE": (Exception, "Cannot pipe, not readable"),
    "ERR_STREAM_PREMATURE_CLOSE": (Exception, "Premature close"),
    "ERR_STREAM_PUSH_AFTER_EOF": (Exception, "stream.push() after EOF"),
    "ERR_STREAM_UNSHIFT_AFTER_END_EVENT": (Exception, "stream.unshift() after end event"),
    "ERR_UNKNOWN_ENCODING": (TypeError, "Unknown encoding: {}"),
    "ERR_UNHANDLED_ERROR": (Exception, "{}"),
    "ERR_UNHANDLED_REJECTION": (Exception, "{}"),
    "ERR_IP_BLOCKED": (Exception, "IP({}) is blocked by net.BlockList"),
    "ERR_METHOD_NOT_IMPLEMENTED": (Exception, "The {} method is not implemented"),
    "ERR_MULTIPLE_CALLBACK": (Exception, "Callback called multiple times"),
    "ERR_INVALID_THIS": (TypeError, "Value of \"this\" must be of type {}"),
    "ERR_EVENT_RECURSION": (Exception, "The event \"{}\" is already being dispatched"),
    "ABORT_ERR": (Exception, "The operation was aborted"),
    "ERR_USE_AFTER_CLOSE": (Exception, "{} was closed"),
    "ERR_INVALID_CURSOR_POS": (TypeError, "Cannot set cursor row without setting its column"),
    "ERR_INVALID_STATE": (Exception, "Invalid state: {}"),
    "ERR_BUFFER_OUT_OF_BOUNDS": (ValueError, "{}"),
    "ERR_SOCKET_ALREADY_BOUND": (Exception, "Socket is already bound"),
    "ERR_SOCKET_BAD_BUFFER_SIZE": (TypeError, "Buffer size must be a positive integer"),
    "ERR_SOCKET_BAD_TYPE": (TypeError, "Bad socket type specified. Valid types are: udp4, udp6"),
    "ERR_SOCKET_BUFFER_SIZE": (Exception, "Could not get or set buffer size: {}"),
    "ERR_SOCKET_DGRAM_IS_CONNECTED": (Exception, "Already connected"),
    "ERR_SOCKET_DGRAM_NOT_CONNECTED": (Exception, "Not connected"),
    "ERR_SOCKET_DGRAM_NOT_RUNNING": (Exception, "Not running"),
    "ERR_INTERNAL_ASSERTION": (
        Exception,
        "{}\nThis is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n"
        "Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n",
    ),
    "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM": (
        TypeError,
        "The feature {} is unavailable on the current platform, which is being used to run "
        "Node.js",
    ),
    "ERR_TLS_CERT_ALTNAME_FORMAT": (
        SyntaxError, "Invalid subject alternative name string"),
    "ERR_TLS_CERT_ALTNAME_INVALID": (
        Exception, "Hostname/IP does not match certificate's altnames: {}"),
    "ERR_TLS_DH_PARAM_SIZE": (Exception, "DH parameter size {} is less than 2048"),
    "ERR_TLS_HANDSHAKE_TIMEOUT": (Exception, "TLS handshake timeout"),
    "ERR_TLS_INVALID_CONTEXT": (TypeError, "{} must be a SecureContext"),
    "ERR_TLS_INVALID_PROTOCOL_METHOD": (TypeError, "{}"),
    "ERR_TLS_INVALID_PROTOCOL_VERSION": (
        TypeError, "{} is not a valid {} TLS protocol version"),
    "ERR_TLS_INVALID_STATE": (
        Exception, "TLS socket connection must be securely established"),
    "ERR_TLS_PROTOCOL_VERSION_CONFLICT": (
        TypeError, "TLS protocol version {} conflicts with secureProtocol {}"),
    "ERR_TLS_RENEGOTIATE": (Exception, "Attempt to renegotiate TLS session failed"),
    "ERR_TLS_RENEGOTIATION_DISABLED": (
        Exception, "TLS session renegotiation disabled for this socket"),
    "ERR_TLS_REQUIRED_SERVER_NAME": (
        Exception, '"servername" is required parameter for Server.addContext'),
    "ERR_TLS_SESSION_ATTACK": (Exception, "TLS session renegotiation attack detected"),
    "ERR_TLS_SNI_FROM_SERVER": (Exception, "Cannot issue SNI from a TLS server-side socket"),
    "ERR_IPC_CHANNEL_CLOSED": (Exception, "Channel closed"),
    "ERR_FALSY_VALUE_REJECTION": (Exception, "Promise was rejected with falsy value"),
    "ERR_INCOMPATIBLE_OPTION_PAIR": (TypeError,
                                     'Option "{}" cannot be used in combination with option "{}"'),
    "ERR_IPC_DISCONNECTED": (Exception, "IPC channel is already disconnected"),
}


# code -> Node's one-line description (doc/api/errors.md, v20).
_DESCRIPTIONS: dict[str, str] = {
    "ERR_CONSOLE_WRITABLE_STREAM": "Console was instantiated without stdout stream, or "
                                   "Console has a non-writable stdout or stderr stream.",
    "ERR_INVALID_ARG_TYPE": "An argument of the wrong type was passed to a Node.js API.",
    "ERR_FALSY_VALUE_REJECTION": "A Promise that was callbackified via util.callbackify() was "
                                 "rejected with a falsy value.",
    "ERR_INCOMPATIBLE_OPTION_PAIR": "An option pair is incompatible with each other and cannot "
                                    "be used at the same time.",
    "ERR_INVALID_ARG_VALUE": "An invalid or unsupported value was passed for a given argument.",
    "ERR_INVALID_RETURN_VALUE": "Thrown in case a function option does not provide a valid "
                                "value for one of its returned object properties on execution.",
    "ERR_MISSING_ARGS": "A required argument of a Node.js API was not passed.",
    "ERR_OUT_OF_RANGE": "A given value is out of the accepted range.",
    "ERR_SOCKET_BAD_PORT": "An API function expecting a port >= 0 and < 65536 received an "
                           "invalid value.",
    "ERR_INVALID_IP_ADDRESS": "An IP address is not valid.",
    "ERR_INVALID_ADDRESS_FAMILY": "The provided address family is not understood by the "
                                  "Node.js API.",
    "ERR_INVALID_ADDRESS": "The provided address is not understood by the Node.js API.",
    "ERR_INVALID_FD_TYPE": "A file descriptor ('fd') type was not valid.",
    "ERR_INVALID_HANDLE_TYPE": "An attempt was made to send an unsupported \"handle\" over an "
                               "IPC communication channel to a child process.",
    "ERR_IPC_CHANNEL_CLOSED": "An attempt was made to use an IPC communication channel that "
                              "was already closed.",
    "ERR_IPC_DISCONNECTED": "An attempt was made to disconnect an IPC communication channel "
                            "that was already disconnected.",
    "ERR_SERVER_ALREADY_LISTEN": "The server.listen() method was called while a net.Server "
                                 "was already listening.",
    "ERR_SERVER_NOT_RUNNING": "The server.close() method was called when a net.Server was "
                              "not running.",
    "ERR_SOCKET_CLOSED": "An attempt was made to operate on an already closed socket.",
    "ERR_SOCKET_CLOSED_BEFORE_CONNECTION": "When calling net.Socket.write() on a connecting "
                                           "socket and the socket was closed before the "
                                           "connection was established.",
    "ERR_SOCKET_CONNECTION_TIMEOUT": "The socket was unable to connect to any address "
                                     "returned by the DNS within the allowed timeout when "
                                     "using the family autoselection algorithm.",
    "ERR_STREAM_WRITE_AFTER_END": "An attempt was made to call stream.write() after "
                                  "stream.end() has been called.",
    "ERR_STREAM_WRAP": "A stream wrapped as a socket (TLS over a stream.Duplex) gave a string "
                       "or an object, not bytes.",
    "ERR_STREAM_DESTROYED": "A stream method was called that cannot complete because the "
                            "stream was destroyed using stream.destroy().",
    "ERR_STREAM_ALREADY_FINISHED": "A stream method was called that cannot complete because "
                                   "the stream was finished.",
    "ERR_STREAM_NULL_VALUES": "An attempt was made to call stream.write() with a null chunk.",
    "ERR_STREAM_PREMATURE_CLOSE": "An error returned by stream.finished() and "
                                  "stream.pipeline(), when a stream or a pipeline ends non "
                                  "gracefully with no explicit error.",
    "ERR_STREAM_PUSH_AFTER_EOF": "An attempt was made to call stream.push() after a null "
                                 "(EOF) had been pushed to the stream.",
    "ERR_STREAM_UNSHIFT_AFTER_END_EVENT": "An attempt was made to call stream.unshift() "
                                          "after the 'end' event was emitted.",
    "ERR_UNKNOWN_ENCODING": "An invalid or unknown encoding option was passed to an API.",
    "ERR_UNHANDLED_ERROR": "An unhandled error occurred (for instance, when an 'error' event "
                           "is emitted by an EventEmitter but an 'error' handler is not "
                           "registered).",
    "ERR_IP_BLOCKED": "IP is blocked by net.BlockList.",
    "ERR_METHOD_NOT_IMPLEMENTED": "A method is required but not implemented.",
    "ERR_MULTIPLE_CALLBACK": "A callback was called more than once.",
    "ERR_INVALID_THIS": "A Node.js API function was called with an incompatible this value.",
    "ERR_EVENT_RECURSION": "An attempt was made to recursively dispatch an event on "
                           "EventTarget.",
    "ABORT_ERR": "Used when an operation has been aborted (typically using an "
                 "AbortController).",
    "ERR_USE_AFTER_CLOSE": "An attempt was made to use something that was already closed.",
    "ERR_INVALID_CURSOR_POS": "A cursor on a given stream cannot be moved to a specified row "
                              "without a specified column.",
    "ERR_INVALID_STATE": "Indicates that an operation cannot be completed due to an invalid "
                         "state.",
    "ERR_STREAM_CANNOT_PIPE": "An attempt was made to call stream.pipe() on a Writable stream.",
    "ERR_INTERNAL_ASSERTION": "A failed internal assertion (Node's lib/internal/assert.js), "
                              "also raised on some incorrect uses of an API.",
    "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM": (
        "Used when a feature that is not available to the current platform which is running "
        "Node.js is used."
    ),
    "ERR_TLS_CERT_ALTNAME_FORMAT": (
        "This error is thrown by checkServerIdentity if a user-supplied subjectaltname "
        "property violates encoding rules."
    ),
    "ERR_TLS_CERT_ALTNAME_INVALID": (
        "While using TLS, the host name/IP of the peer did not match any of the "
        "subjectAltNames in its certificate."
    ),
    "ERR_TLS_DH_PARAM_SIZE": (
        "While using TLS, the parameter offered for the Diffie-Hellman (DH) key-agreement "
        "protocol is too small."
    ),
    "ERR_TLS_HANDSHAKE_TIMEOUT": (
        "A TLS/SSL handshake timed out. In this case, the server must also abort the "
        "connection."
    ),
    "ERR_TLS_INVALID_CONTEXT": (
        "The context must be a SecureContext."
    ),
    "ERR_TLS_INVALID_PROTOCOL_METHOD": (
        "The specified `secureProtocol` method is invalid (unknown, or an SSLv2/SSLv3 method)."
    ),
    "ERR_TLS_INVALID_PROTOCOL_VERSION": (
        "Valid TLS protocol versions are 'TLSv1', 'TLSv1.1', or 'TLSv1.2'."
    ),
    "ERR_TLS_INVALID_STATE": (
        "The TLS socket must be connected and securely established. Ensure the 'secure' event "
        "is emitted before continuing."
    ),
    "ERR_TLS_PROTOCOL_VERSION_CONFLICT": (
        "Attempting to set a TLS protocol minVersion or maxVersion conflicts with an attempt "
        "to set the secureProtocol explicitly."
    ),
    "ERR_TLS_RENEGOTIATE": (
        "An attempt to renegotiate the TLS session failed."
    ),
    "ERR_TLS_RENEGOTIATION_DISABLED": (
        "An attempt was made to renegotiate TLS on a socket instance with renegotiation "
        "disabled."
    ),
    "ERR_TLS_REQUIRED_SERVER_NAME": (
        "While using TLS, the server.addContext() method was called without providing a host "
        "name in the first parameter."
    ),
    "ERR_TLS_SESSION_ATTACK": (
        "An excessive amount of TLS renegotiations is detected, which is a potential vector "
        "for denial-of-service attacks."
    ),
    "ERR_TLS_SNI_FROM_SERVER": (
        "An attempt was made to issue Server Name Indication from a TLS server-side socket, "
        "which is only valid from a client."
    ),
    "ERR_UNHANDLED_REJECTION": "A promise was rejected with a value that is not an Error, and "
                               "no handler took it: the rejection is thrown as this error.",
    "ERR_BUFFER_OUT_OF_BOUNDS": "An operation outside the bounds of a Buffer was attempted.",
    "ERR_SOCKET_ALREADY_BOUND": "An attempt was made to bind a socket that has already been "
                                "bound.",
    "ERR_SOCKET_BAD_BUFFER_SIZE": "An invalid (negative) size was passed for either the "
                                  "recvBufferSize or sendBufferSize options in "
                                  "dgram.createSocket().",
    "ERR_SOCKET_BAD_TYPE": "An API function expecting a socket type (udp4 or udp6) received an "
                           "invalid value.",
    "ERR_SOCKET_BUFFER_SIZE": "While using dgram.createSocket(), the size of the receive or "
                              "send Buffer could not be determined.",
    "ERR_SOCKET_DGRAM_IS_CONNECTED": "A dgram.connect() call was made on an already connected "
                                     "socket.",
    "ERR_SOCKET_DGRAM_NOT_CONNECTED": "A dgram.disconnect() or dgram.remoteAddress() call was "
                                      "made on a disconnected socket.",
    "ERR_SOCKET_DGRAM_NOT_RUNNING": "A call was made and the UDP subsystem was not running.",
}


def _make(code: str, base: type[Exception], template: str) -> type[NodeError]:
    def __init__(self: NodeError, *args: Any, **props: Any) -> None:  # noqa: N807
        message = template.format(*args) if args or "{}" not in template else template
        NodeError.__init__(self, message, **props)

    cls = type(code, (NodeError, base), {"code": code, "__init__": __init__})
    cls.__module__ = __name__
    cls.__doc__ = (f"Node's ``{code}``: {_DESCRIPTIONS[code]}\n\n"
                   f"A :class:`NodeError` and a :class:`{base.__name__}`; the message is "
                   f"Node's: ``{_one_line(template)}``.")
    return cls


def _one_line(template: str) -> str:
    """A message template as one line, for an inline literal in a docstring."""
    return template.rstrip("\n").replace("\n", "\\n")


for _code, (_base, _template) in _CODES.items():
    globals()[_code] = _make(_code, _base, _template)
    __all__.append(_code)

# Discussion: the names are bound by the loop above; these annotations let
# mypy and readers see them.
ERR_INVALID_ARG_TYPE: type[NodeError]
ERR_CONSOLE_WRITABLE_STREAM: type[NodeError]
ERR_INVALID_ARG_VALUE: type[NodeError]
ERR_INVALID_RETURN_VALUE: type[NodeError]
ERR_MISSING_ARGS: type[NodeError]
ERR_OUT_OF_RANGE: type[NodeError]
ERR_SOCKET_BAD_PORT: type[NodeError]
ERR_INVALID_IP_ADDRESS: type[NodeError]
ERR_INVALID_ADDRESS_FAMILY: type[NodeError]
ERR_INVALID_ADDRESS: type[NodeError]
ERR_INVALID_FD_TYPE: type[NodeError]
ERR_INVALID_HANDLE_TYPE: type[NodeError]
ERR_SERVER_ALREADY_LISTEN: type[NodeError]
ERR_SERVER_NOT_RUNNING: type[NodeError]
ERR_SOCKET_CLOSED: type[NodeError]
ERR_IPC_CHANNEL_CLOSED: type[NodeError]
ERR_FALSY_VALUE_REJECTION: type[NodeError]
ERR_INCOMPATIBLE_OPTION_PAIR: type[NodeError]
ERR_IPC_DISCONNECTED: type[NodeError]
ERR_SOCKET_CLOSED_BEFORE_CONNECTION: type[NodeError]
ERR_SOCKET_CONNECTION_TIMEOUT: type[NodeError]
ERR_STREAM_WRITE_AFTER_END: type[NodeError]
ERR_STREAM_DESTROYED: type[NodeError]
ERR_STREAM_WRAP: type[NodeError]
ERR_STREAM_ALREADY_FINISHED: type[NodeError]
ERR_STREAM_NULL_VALUES: type[NodeError]
ERR_STREAM_CANNOT_PIPE: type[NodeError]
ERR_STREAM_PREMATURE_CLOSE: type[NodeError]
ERR_STREAM_PUSH_AFTER_EOF: type[NodeError]
ERR_STREAM_UNSHIFT_AFTER_END_EVENT: type[NodeError]
ERR_UNKNOWN_ENCODING: type[NodeError]
ERR_UNHANDLED_ERROR: type[NodeError]
ERR_UNHANDLED_REJECTION: type[NodeError]
ERR_IP_BLOCKED: type[NodeError]
ERR_METHOD_NOT_IMPLEMENTED: type[NodeError]
ERR_MULTIPLE_CALLBACK: type[NodeError]
ERR_INVALID_THIS: type[NodeError]
ERR_EVENT_RECURSION: type[NodeError]
ABORT_ERR: type[NodeError]
ERR_USE_AFTER_CLOSE: type[NodeError]
ERR_INVALID_CURSOR_POS: type[NodeError]
ERR_INVALID_STATE: type[NodeError]
ERR_BUFFER_OUT_OF_BOUNDS: type[NodeError]
ERR_SOCKET_ALREADY_BOUND: type[NodeError]
ERR_SOCKET_BAD_BUFFER_SIZE: type[NodeError]
ERR_SOCKET_BAD_TYPE: type[NodeError]
ERR_SOCKET_BUFFER_SIZE: type[NodeError]
ERR_SOCKET_DGRAM_IS_CONNECTED: type[NodeError]
ERR_SOCKET_DGRAM_NOT_CONNECTED: type[NodeError]
ERR_SOCKET_DGRAM_NOT_RUNNING: type[NodeError]
ERR_INTERNAL_ASSERTION: type[NodeError]
ERR_FEATURE_UNAVAILABLE_ON_PLATFORM: type[NodeError]
ERR_TLS_CERT_ALTNAME_FORMAT: type[NodeError]
ERR_TLS_CERT_ALTNAME_INVALID: type[NodeError]
ERR_TLS_DH_PARAM_SIZE: type[NodeError]
ERR_TLS_HANDSHAKE_TIMEOUT: type[NodeError]
ERR_TLS_INVALID_CONTEXT: type[NodeError]
ERR_TLS_INVALID_PROTOCOL_METHOD: type[NodeError]
ERR_TLS_INVALID_PROTOCOL_VERSION: type[NodeError]
ERR_TLS_INVALID_STATE: type[NodeError]
ERR_TLS_PROTOCOL_VERSION_CONFLICT: type[NodeError]
ERR_TLS_RENEGOTIATE: type[NodeError]
ERR_TLS_RENEGOTIATION_DISABLED: type[NodeError]
ERR_TLS_REQUIRED_SERVER_NAME: type[NodeError]
ERR_TLS_SESSION_ATTACK: type[NodeError]
ERR_TLS_SNI_FROM_SERVER: type[NodeError]


_DYNAMIC: dict[str, type[NodeError]] = {}


def coded_error(code: str, message: str, **props: Any) -> NodeError:
    """A plain Node ``Error`` whose code is only known at run time (OpenSSL's
    ``ERR_SSL_*``/``ERR_OSSL_*`` reasons, X.509 verification codes such as
    ``DEPTH_ZERO_SELF_SIGNED_CERT``): an instance of a class named after the
    code, derived from :class:`NodeError` and :class:`Exception`."""
    cls = _DYNAMIC.get(code)
    if cls is None:
        cls = _DYNAMIC[code] = type(code, (NodeError,), {"code": code})
        cls.__module__ = __name__
    return cls(message, **props)


class AggregateError(Exception):
    """JavaScript's ``AggregateError``: several errors in one (``.errors``).

    Node's happy-eyeballs connect emits one with an empty message and the
    ``code`` of its first error.
    """

    #: ``'AggregateError'``, JavaScript's ``err.name``.
    name = "AggregateError"

    def __init__(self, errors: list[BaseException], message: str = "") -> None:
        super().__init__(message)
        self.errors = list(errors)
        self.message = message
        self.code: str | None = getattr(errors[0], "code", None) if errors else None

    def __str__(self) -> str:
        return self.message


# --- system errors -----------------------------------------------------------

# Node's libuv texts for the codes net reports (uv_strerror), used by
# UVExceptionWithHostPort ('listen EADDRINUSE: address already in use ...').
_UV_TEXT: dict[str, str] = {
    "EADDRINUSE": "address already in use",
    "EADDRNOTAVAIL": "address not available",
    "EACCES": "permission denied",
    "EAFNOSUPPORT": "address family not supported",
    "EINVAL": "invalid argument",
    "ENOENT": "no such file or directory",
    "ENOTSOCK": "socket operation on non-socket",
    "EPERM": "operation not permitted",
    "EBADF": "bad file descriptor",
    "EMFILE": "too many open files",
    "ENFILE": "file table overflow",
    "ENAMETOOLONG": "name too long",
    "ENOTDIR": "not a directory",
    "EMSGSIZE": "message too long",
    "ECONNREFUSED": "connection refused",
    "ECANCELED": "operation canceled",
    # uv_strerror for the file-system codes (Node's fs errors carry them).
    "EISDIR": "illegal operation on a directory",
    "EEXIST": "file already exists",
    "ENOTEMPTY": "directory not empty",
    "ENOSPC": "no space left on device",
    "EROFS": "read-only file system",
    "EIO": "i/o error",
    "ELOOP": "too many symbolic links encountered",
    "EFBIG": "file too large",
    "ETXTBSY": "text file is busy",
    "EAGAIN": "resource temporarily unavailable",
    "ESPIPE": "invalid seek",
    "EXDEV": "cross-device link not permitted",
    "EDQUOT": "disk quota exceeded",
}

# DNS failures use getaddrinfo codes (negative libuv numbers in Node).
_EAI_CODES = {"ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME",
              "EAI_FAMILY", "EAI_SERVICE", "EAI_BADFLAGS", "EAI_MEMORY"}


class SystemError(OSError):  # noqa: A001 - Node's name for this family
    """Marker base for system errors built here (Node's ``SystemError`` family).

    Real instances are of a dynamically chosen ``OSError`` subclass too, so
    ``except ConnectionRefusedError`` works.  See :func:`errno_exception`.

    Node's fields: ``.code`` (``'ECONNREFUSED'``), ``.syscall`` (``'connect'``),
    ``.address``, ``.port``, ``.hostname`` (lookups) and ``.message``, read as in
    Node (``connect ECONNREFUSED 127.0.0.1:4000``).  The difference: ``.errno``
    is Python's positive number (``errno.ECONNREFUSED``; for a lookup, the
    ``socket.EAI_*`` value), not libuv's negative one (mapping §6).
    """

    code: str
    syscall: str
    address: str | None
    port: int | None
    hostname: str | None
    message: str

    def __str__(self) -> str:
        return self.message


_SUBCLASS_CACHE: dict[type[OSError], type[SystemError]] = {}


def _system_class(err: int) -> type[SystemError]:
    # OSError(err, ...) picks ConnectionRefusedError etc. from the errno.
    builtin = type(OSError(err, ""))
    cls = _SUBCLASS_CACHE.get(builtin)
    if cls is None:
        if builtin is OSError:
            cls = SystemError
        else:
            cls = type(builtin.__name__, (SystemError, builtin), {})
            cls.__module__ = __name__
        _SUBCLASS_CACHE[builtin] = cls
    return cls


def _code_of(err: int) -> str:
    return _errno.errorcode.get(err, f"Unknown system error {err}")


def _build(err: int, code: str, syscall: str, message: str,
           address: str | None = None, port: int | None = None) -> SystemError:
    exc = _system_class(err)(err, message)
    exc.code = code
    exc.syscall = syscall
    exc.address = address
    exc.port = port
    exc.hostname = None
    # OSError.__str__ would print "[Errno 111] ..."; Node prints the message.
    exc.message = message
    return exc


def errno_exception(err: int, syscall: str, original: str | None = None) -> SystemError:
    """Node's ``ErrnoException``: ``read ECONNRESET``, ``write EPIPE``…"""
    code = _code_of(err)
    message = f"{syscall} {code}" + (f" {original}" if original else "")
    return _build(err, code, syscall, message)


def _number_text(value: Any) -> Any:
    """A port as JavaScript's template literal shows it (``Infinity``, ``80`` for
    ``80.0``); only what a port can be (``_js.number`` is the general case, but
    this leaf module imports nothing from pynet)."""
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
    return value


def exception_with_host_port(err: int, syscall: str, address: str | None,
                             port: int | None, additional: str | None = None) -> SystemError:
    """Node's ``ExceptionWithHostPort``: ``connect ECONNREFUSED 127.0.0.1:80``.

    ``port`` is only shown (and only set) when it is truthy, as in Node.
    """
    code = _code_of(err)
    details = ""
    if port:
        details = f"{address}:{_number_text(port)}"
    elif address:
        details = address
    if additional:
        details += f" - Local ({additional})"
    message = f"{syscall} {code}" + (f" {details}" if details else "")
    return _build(err, code, syscall, message, address, port if port else None)


def uv_exception_with_host_port(err: int, syscall: str, address: str | None,
                                port: int | None) -> SystemError:
    """Node's ``UVExceptionWithHostPort``.

    For example ``listen EADDRINUSE: address already in use 127.0.0.1:80``.
    """
    code = _code_of(err)
    text = _UV_TEXT.get(code) or os.strerror(err).lower()
    details = f"{address}:{port}" if port and port > 0 else (address or "")
    message = f"{syscall} {code}: {text}" + (f" {details}" if details else "")
    return _build(err, code, syscall, message, address, port)


def uv_exception(err: int, syscall: str, path: str | None = None,
                 dest: str | None = None) -> SystemError:
    """Node's ``UVException``, the file-system errors' shape.

    For example ``ENOENT: no such file or directory, open '/x'``, with
    ``.path`` (and ``.dest`` for two-path calls) set only when given, as in
    Node.
    """
    code = _code_of(err)
    text = _UV_TEXT.get(code) or os.strerror(err).lower()
    message = f"{code}: {text}, {syscall}"
    if path is not None:
        message += f" '{path}'"
    if dest is not None:
        message += f" -> '{dest}'"
    exc = _build(err, code, syscall, message)
    if path is not None:
        exc.path = path  # type: ignore[attr-defined]
    if dest is not None:
        exc.dest = dest  # type: ignore[attr-defined]
    return exc


def dns_exception(code: str, syscall: str, hostname: str) -> SystemError:
    """Node's ``DNSException``: ``getaddrinfo ENOTFOUND example.invalid``.

    ``.errno`` has no Python counterpart for resolver codes; it is ``None``.
    """
    exc = SystemError(f"{syscall} {code} {hostname}")
    exc.code = code
    exc.syscall = syscall
    exc.hostname = hostname
    exc.address = None
    exc.port = None
    exc.message = f"{syscall} {code} {hostname}"
    return exc


def epipe_ended() -> Exception:
    """Node's synthetic EPIPE for writes after the peer ended the socket.

    It has ``code='EPIPE'`` but no ``errno`` or ``syscall``, as in Node.
    """
    exc = BrokenPipeError("This socket has been ended by the other party")
    exc.args = ("This socket has been ended by the other party",)
    exc.code = "EPIPE"  # type: ignore[attr-defined]
    return exc
