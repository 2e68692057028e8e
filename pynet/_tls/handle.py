"""The TLS handle: OpenSSL over a stream handle, with memory BIOs (Node's ``TLSWrap``).

Theory of operation
-------------------
A :class:`TLSHandle` wraps a connected (or connecting) stream handle and
presents to :class:`~pynet._net.socket.Socket` the same interface the plain
handle does (``onread``, ``read_start``/``read_stop``, ``write``/``writev``
with completion callbacks, ``shutdown``, ``close``, ``ref``/``unref``,
``write_queue_size``…), so a ``TLSSocket`` is a ``net.Socket`` with Node's
events, backpressure and timeouts unchanged.  The TLS state machine is
Python's :class:`ssl.SSLObject` between two :class:`ssl.MemoryBIO` (as
asyncio's ``sslproto`` and trio do): ciphertext read from the inner handle
goes into ``incoming``; what OpenSSL produces in ``outgoing`` is written to
the inner handle, through its write queue.

* **Handshake.** :meth:`start` creates the ``SSLObject`` and runs
  ``do_handshake`` (a client's ClientHello leaves at once; a server waits for
  one).  A server with an SNICallback reads the ClientHello itself first
  (:func:`client_hello_server_name`) and asks for the context of the name it
  carries, so the answer may come later, as in Node; only then does OpenSSL
  see the bytes.  The inner handle reads during the handshake whatever the socket
  asked.  The end is reported with ``onhandshakedone()``; a failure with
  ``onerror(err)`` (an OpenSSL error made Node's by
  :func:`pynet._tls.context.openssl_error`).
* **Reading.** After the handshake the inner handle reads while the socket
  reads (``read_start``/``read_stop`` pass through), so TCP backpressure
  still reaches the peer.  Each chunk of ciphertext is decrypted at once and
  each plaintext chunk goes to ``onread``.  A ``close_notify`` or the inner
  EOF is ``onread(None, None)`` (an EOF without ``close_notify`` is an
  EOF, as Node treats it).  TLS 1.3 session tickets that arrive after the
  handshake are noticed by the session id changing: ``onsession(session)``.
* **Writing.** ``write`` encrypts at once (``SSLObject.write`` on a memory
  BIO never blocks) and writes the records to the inner handle with the
  caller's callback: the inner write queue is the only queue, and its
  completion is the caller's completion.  Writes before the end of the
  handshake wait in ``_pending`` and are encrypted when it ends.
* **Shutdown** sends ``close_notify`` then the inner shutdown (FIN), without
  waiting for the peer's ``close_notify``; reading goes on (TLS 1.3
  half-close).

Invariants
----------
* Plaintext is never written to the inner handle; ciphertext never reaches
  ``onread``.
* After :meth:`close` no callback but the close callback and the
  completions of unfinished writes runs.

Node reference: ``src/crypto/crypto_tls.cc`` (``TLSWrap``: ``ClearOut``,
``ClearIn``, ``EncOut``, ``OnStreamRead``), ``lib/_tls_wrap.js``.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

from pynet._core.loop import Loop
from pynet._handles.base import Stream
from pynet._handles.stream import READ_SIZE
from pynet._tls.context import SecureContext, openssl_error, ossl_error

__all__ = ["HEAP_BLOCK", "TLSHandle", "client_hello_server_name", "settle_heap"]

#: A TLS alert record: fatal (2), handshake_failure (40).
_HANDSHAKE_FAILURE_ALERT = b"\x15\x03\x03\x00\x02\x02\x28"
_BATCH = 4 * READ_SIZE  # Plaintext bytes per onread, at most (see _decrypt).
#: Where ``_decrypt`` has OpenSSL write plaintext (``SSLObject.read(n, buffer)``): one
#: buffer for every handle, copied out once per ``onread`` (the loop is single-threaded,
#: and the copy is made before any callback runs).
_VIEW = memoryview(bytearray(_BATCH))
#: Chunks of a ``writev`` at least this large are encrypted one by one (no join): each
#: fills whole records anyway (a TLS record carries 16 KiB of plaintext).
_RECORD = 16384
#: The block :func:`settle_heap` frees: glibc then keeps up to twice this much free
#: memory at the top of its heap instead of giving it back (see there).
HEAP_BLOCK = 4 * 1024 * 1024
_heap_settled = False

Buffer = bytes | bytearray | memoryview
WriteCallback = Callable[[Exception | None], None]


class TLSHandle:
    """A TLS session over a stream handle; the handle interface of a ``net.Socket``."""

    def __init__(self, loop: Loop, inner: Stream, context: SecureContext,
                 server: bool, verify: ssl.VerifyMode) -> None:
        self._loop = loop
        self.inner = inner
        self.context = context
        self._own_context = context  # The socket's; ``context`` may become SNI's.
        self.server_side = server
        self.verify = verify
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.ssl: ssl.SSLObject | None = None
        self.servername: str | None = None  # Client: what to send; server: what came.
        self.alpn: list[str] | None = None
        self.session: Any = None  # ssl.SSLSession to resume (client).
        self.onread: Callable[[bytes | None, Exception | None], None] | None = None
        self.onhandshakedone: Callable[[], None] | None = None
        self.onerror: Callable[[Exception], None] | None = None
        self.onsession: Callable[[Any], None] | None = None
        # 'keylog': each NSS key log line of this connection (see enable_keylog).
        self.onkeylog: Callable[[bytes], None] | None = None
        self._keylog = False
        # Node's ``onread`` option: plaintext is copied into the owner's buffers.
        self.read_into: Callable[[], Any] | None = None
        self.onread_into: Callable[[int, Any], Any] | None = None
        self._user_buffer: Any = None  # The next one to fill (see _read_into).
        self.reading = False
        self.handshaking = False
        self.established = False
        self.bytes_read = 0
        self.bytes_written = 0
        self._pending: list[tuple[bytes, WriteCallback | None]] = []
        self._shutdown_cb: WriteCallback | None = None
        self._eof = False
        self._errored = False
        self._session_id: bytes | None = None
        self._drain_scheduled = False
        # Server: (servername, answer(err, SecureContext | None)) before the session.
        self.onclienthello: Callable[[str | None, Callable[..., None]], None] | None = None
        self._hello_state: str | None = None  # None, "reading", "asked", "done"
        self._hello = bytearray()
        # Client reads left to feed record by record (see _decrypt_by_record).
        self._ticket_reads = 0 if server else 8
        inner.onread = self._on_inner_read
        if not _heap_settled:
            settle_heap()

    # -- the plain handle's interface ----------------------------------------------------

    @property
    def closed(self) -> bool:
        return self.inner.closed

    @property
    def is_pipe(self) -> bool:
        return self.inner.is_pipe

    @property
    def family(self) -> int:
        return self.inner.family

    def bind(self, address: Any) -> int:
        """``uv_tcp_bind`` of the wrapped handle (``localAddress``/``localPort``)."""
        return self.inner.bind(address)

    @property
    def write_queue_size(self) -> int:
        return self.inner.write_queue_size + sum(len(d) for d, _ in self._pending)

    def fileno(self) -> int:
        return self.inner.fileno()

    def ref(self) -> None:
        self.inner.ref()

    def unref(self) -> None:
        self.inner.unref()

    def has_ref(self) -> bool:
        return self.inner.has_ref()

    def getsockname(self) -> Any:
        return self.inner.getsockname()

    def getpeername(self) -> Any:
        return self.inner.getpeername()

    def set_no_delay(self, enable: bool) -> None:
        self.inner.set_no_delay(enable)

    def set_keep_alive(self, enable: bool, delay_s: int) -> None:
        self.inner.set_keep_alive(enable, delay_s)

    def connect(self, address: Any, cb: Callable[[Exception | None], None]) -> int:
        return self.inner.connect(address, cb)

    def close(self, cb: Callable[[], None] | None) -> None:
        if self._keylog:
            self._keylog = False
            self.context.release_keylog()
        self.reading = False
        self._shutdown_cb = None
        pending, self._pending = self._pending, []
        self.inner.close(cb if not pending else lambda: self._after_close(pending, cb))

    @staticmethod
    def _after_close(pending: list[tuple[bytes, WriteCallback | None]],
                     cb: Callable[[], None] | None) -> None:
        for _, write_cb in pending:
            if write_cb is not None:
                write_cb(None)
        if cb is not None:
            cb()

    def reset(self, cb: Callable[[], None] | None) -> None:
        if self._keylog:
            self._keylog = False
            self.context.release_keylog()
        self._pending = []
        self.inner.reset(cb)

    # -- the key log -----------------------------------------------------------------------

    def enable_keylog(self) -> None:
        """Report this connection's TLS secrets to ``onkeylog`` (Node's
        ``enableKeylogCallback``); see :meth:`SecureContext.enable_keylog`."""
        if not self._keylog and not self.inner.closed:
            self._keylog = True
            self.context.enable_keylog()

    def _take_keylog(self) -> None:
        """After an OpenSSL call: the key log lines it wrote are this connection's."""
        if self.context.keylog_fd is None:
            return
        lines = self.context.take_keylog()
        if self._keylog and self.onkeylog is not None:
            for line in lines:
                self.onkeylog(line)

    # -- handshake -------------------------------------------------------------------------

    def start(self) -> None:
        """Create the TLS session and begin the handshake (Node's ``ssl.start()``).

        A server with ``onclienthello`` first reads the ClientHello itself and asks
        for the context by the name it carries (Node's asynchronous SNICallback),
        then creates the session with that context and feeds it what it read.
        """
        if self.ssl is not None or self.inner.closed or self._hello_state is not None:
            return
        if self.server_side and self.onclienthello is not None:
            self._hello_state = "reading"
            self._hello = bytearray()
            self.handshaking = True
            if self.incoming.pending:
                # Read before the session began (a Duplex that flowed at once): the
                # ClientHello's first bytes.
                self._on_hello_data(self.incoming.read())
                if self._hello_state != "reading":
                    return
            self.inner.read_start()
            return
        self._create_ssl()
        self._handshake()

    def _create_ssl(self) -> None:
        if self._own_context.method_side not in (None, "server" if self.server_side
                                                 else "client"):
            # A ``*_client_method`` context accepting (or a server one connecting): no
            # session; the handshake fails as OpenSSL's would (see _handshake).
            self.handshaking = True
            self.inner.read_start()
            return
        ctx = self.context.ssl_context(self.server_side, self.verify,
                                       tuple(self.alpn) if self.alpn else None,
                                       self._own_context if self.context is not
                                       self._own_context else None)
        if self.server_side and ctx.sni_callback is None:
            ctx.sni_callback = _sni_dispatch
        hostname = self.servername if not self.server_side else None
        try:
            sslobj = ctx.wrap_bio(self.incoming, self.outgoing, server_side=self.server_side,
                                  server_hostname=hostname or None, session=self.session)
        except ValueError:
            # A session from a context with other settings cannot resume here
            # (Python ties a session to its context): a full handshake, as
            # OpenSSL does with a session it cannot use.
            sslobj = ctx.wrap_bio(self.incoming, self.outgoing, server_side=self.server_side,
                                  server_hostname=hostname or None)
        sslobj._pynet_handle = self  # type: ignore[attr-defined]
        self.ssl = sslobj
        self.handshaking = True
        self.inner.read_start()

    def _on_hello_data(self, data: bytes | None) -> None:
        """Before the session exists (server, ``onclienthello``): collect the ClientHello."""
        if data is None:
            self._eof = True
            self.incoming.write_eof()
            self._hello_state = "done"
            self.handshaking = False
            if self.onread is not None:
                self.onread(None, None)
            return
        self.incoming.write(data)  # OpenSSL reads it all once the session exists.
        if self._hello_state != "reading":
            return  # Waiting for the answer.
        self._hello += data
        status, name = client_hello_server_name(bytes(self._hello))
        if status == "more":
            return
        self._hello_state = "asked"
        self._hello = bytearray()
        if status == "bad" or self.onclienthello is None:
            self._hello_answer(None, None)  # Not TLS: OpenSSL reports it.
        else:
            self.onclienthello(name, self._hello_answer)

    def _hello_answer(self, err: BaseException | None, context: SecureContext | None) -> None:
        if self._hello_state != "asked" or self.inner.closed or self._errored:
            return
        self._hello_state = "done"
        if err is not None:
            self._fail(err if isinstance(err, Exception) else Exception(str(err)))
            return
        if context is not None and self.server_side and not context.own_certificates():
            # OpenSSL's SSL_set_SSL_CTX with a context without a certificate fails in
            # SSL_use_certificate, inside the handshake: the client gets an alert.
            self.inner.write(_HANDSHAKE_FAILURE_ALERT, None)
            self._fail(ossl_error("ERR_SSL_PASSED_A_NULL_PARAMETER", "0A0C0102",
                             "SSL routines", "passed a null parameter",
                             "SSL_use_certificate"))
            return
        if context is not None and context is not self.context:
            if self._keylog:
                self.context.release_keylog()
                context.enable_keylog()
            self.context = context
        self._create_ssl()
        self._handshake()

    def _handshake(self) -> None:
        if self.ssl is None:
            # Node builds the SSL_CTX with the secureProtocol's method, whose other
            # side is OpenSSL's ssl_undefined_function: SSL_do_handshake fails at
            # once on a client, and when the ClientHello comes on a server.
            if not self.server_side or self.incoming.pending:
                self._fail(ossl_error(
                    "ERR_SSL_CALLED_A_FUNCTION_YOU_SHOULD_NOT_CALL", "0A0C0101",
                    "SSL routines", "called a function you should not call",
                    "ssl_undefined_function"))
            return
        try:
            self.ssl.do_handshake()
        except ssl.SSLWantReadError:
            self._take_keylog()
            self._flush()
            return
        except ssl.SSLError as exc:
            self._take_keylog()
            self._flush()  # The alert goes to the peer, as OpenSSL wrote it.
            self._fail(openssl_error(exc))
            return
        self._take_keylog()
        # Discussion: the last flight (a TLS 1.3 client's Finished, a server's
        # tickets) leaves after 'secure' has been handled, as Node's TLSWrap
        # writes it after onhandshakedone: a client that rejects the server's
        # certificate there and destroys the socket never sends its Finished,
        # so a TLS 1.3 server sees the connection end before its handshake did.
        self.handshaking = False
        self.established = True
        if not self.reading:
            self.inner.read_stop()
        sslobj = self.ssl
        if not self.server_side and (sslobj.version() == "TLSv1.3" or sslobj.session_reused):
            # TLS 1.3 sessions come with the tickets, later; a resumed one is not new.
            session = sslobj.session
            self._session_id = session.id if session is not None else None
        else:
            self._note_session()
        # Writes made before the end of the handshake go after 'secure' too (as
        # Node's pending cleartext), before those made from its listeners.
        if self.onhandshakedone is not None:
            self.onhandshakedone()
        self._flush()
        while self._pending and not self.inner.closed:
            data, cb = self._pending.pop(0)
            err, done = self._write_now(data, cb)
            if done and cb is not None:
                cb(err)
        if self._shutdown_cb is not None and not self._pending:
            cb, self._shutdown_cb = self._shutdown_cb, None
            self.shutdown(cb)
        if self.incoming.pending and not self.inner.closed:
            self._decrypt()

    def _fail(self, err: Exception) -> None:
        if self._errored:
            return
        self._errored = True
        self.handshaking = False
        self.inner.read_stop()
        if self.onerror is not None:
            self.onerror(err)

    def _note_session(self) -> None:
        """Report a new session (TLS 1.3 tickets arrive after the handshake)."""
        if self.server_side or self.ssl is None or self.onsession is None:
            return
        session = self.ssl.session
        if session is None or (not session.has_ticket and self.ssl.version() == "TLSv1.3"):
            return
        sid = session.id
        if sid != self._session_id:
            self._session_id = sid
            self.onsession(session)

    # -- reading ---------------------------------------------------------------------------

    def read_start(self) -> None:
        if self.reading or self.inner.closed:
            return
        self.reading = True
        if self.incoming.pending and self.established and not self._drain_scheduled:
            self._drain_scheduled = True
            self._loop.call_pending(self._drain)
        if not self._eof:
            self.inner.read_start()

    def read_stop(self) -> None:
        self.reading = False
        if not self.handshaking:
            self.inner.read_stop()

    def _drain(self) -> None:
        self._drain_scheduled = False
        if self.reading and not self.inner.closed:
            self._decrypt()

    def _on_inner_read(self, data: bytes | None, err: Exception | None) -> None:
        if err is not None:
            if self.handshaking or self.onread is None:
                self._fail(err)
            else:
                self.onread(None, err)
            return
        if self._hello_state in ("reading", "asked"):
            self._on_hello_data(data)
            return
        if data is None:
            self._eof = True
            self.incoming.write_eof()
        elif not (self._ticket_reads and self.established):
            self.incoming.write(data)
        if self.ssl is None and not self.handshaking:
            if data is None and self.onread is not None:
                self.onread(None, None)
            return
        if self.handshaking:
            if self._eof:  # EOF mid-handshake: an EOF; the owner decides (ECONNRESET).
                self.handshaking = False
                if self.onread is not None:
                    self.onread(None, None)
                return
            self._handshake()
            return
        if self.established:
            if self._ticket_reads and data is not None:
                self._decrypt_by_record(data)
            else:
                self._decrypt()

    def _decrypt(self) -> None:
        """Decrypt what ``incoming`` holds and report it, a batch per ``onread``.

        Discussion: OpenSSL returns one record (at most 16 KiB) per read; Node
        emits each.  pynet joins the full records (16 KiB of plaintext each)
        decrypted from one wakeup (up to ``_BATCH``) into one chunk: the same
        bytes in fewer, larger ``'data'`` events, which is most of the Python
        cost per byte.  A shorter record ends the chunk, so small records come
        one per ``'data'``, as in Node.
        """
        sslobj = self.ssl
        assert sslobj is not None
        read = sslobj.read
        incoming = self.incoming
        while True:
            if not self.reading and not self._eof:
                # Stopped: leave the rest in ``incoming`` for read_start.
                return
            size = 0
            ending: str | None = None
            failure: ssl.SSLError | None = None
            while size < _BATCH:
                try:
                    # With a buffer, SSLObject.read returns a count (typeshed says bytes).
                    n: int = read(_BATCH - size, _VIEW[size:])  # type: ignore[assignment]
                except ssl.SSLWantReadError:
                    ending = "more"
                    break
                except ssl.SSLZeroReturnError:  # close_notify
                    ending = "close_notify"
                    break
                except ssl.SSLEOFError:  # EOF without close_notify: still an EOF.
                    ending = "eof"
                    break
                except ssl.SSLError as exc:
                    ending, failure = "error", exc
                    break
                if not n:
                    ending = "eof"
                    break
                size += n
                if not incoming.pending and not self._eof and not sslobj.pending():
                    # Nothing left to decrypt: the next read could only raise
                    # SSLWantReadError (OpenSSL reads no further ahead than the record
                    # it decrypts), which costs more than the read of a small record.
                    ending = "more"
                    break
                if n < _RECORD:
                    # A record shorter than a full one (small writes, or the peer's
                    # setMaxSendFragment) is a 'data' of its own, as each SSL_read
                    # is in Node; only full records are joined.
                    break
            if self.context.keylog_fd is not None:
                self._take_keylog()
            if size:
                # One copy out of the shared buffer, before any callback can reuse it.
                data = _VIEW[:size].tobytes()
                self.bytes_read += size
                if not self.server_side:
                    self._note_session()  # A ticket read with this data comes first.
                if self.read_into is not None:
                    self._read_into(data)
                elif self.onread is not None:
                    self.onread(data, None)
                if self.inner.closed:
                    return
            if ending == "more":
                self._after_records()
                return
            if ending == "close_notify":
                self._after_records()
                self._end()
                return
            if ending == "eof":
                self._end()
                return
            if failure is not None:
                self._flush()
                self._fail(openssl_error(failure))
                return

    def _read_into(self, data: bytes) -> None:
        """Plaintext for Node's ``onread`` option: copied into the owner's buffers,
        one ``onread_into(n, buf)`` per buffer filled (Node's ``ClearOut`` with a
        user buffer).  A buffer function is called for the first buffer and then
        after each callback, as Node's ``onStreamRead`` does."""
        view = memoryview(data)
        pos, size = 0, len(data)
        while pos < size and self.read_into is not None and not self.inner.closed:
            buf = self._user_buffer if self._user_buffer is not None else self.read_into()
            self._user_buffer = None
            target = memoryview(buf).cast("B")
            n = min(len(target), size - pos)
            if not n:
                break  # An empty buffer takes nothing (Node would spin on it).

            target[:n] = view[pos:pos + n]
            pos += n
            if self.onread_into is not None:
                self.onread_into(n, buf)
            if self.read_into is not None:
                self._user_buffer = self.read_into()

    def _decrypt_by_record(self, data: bytes) -> None:
        """Feed OpenSSL one record at a time, for the first reads after a client's
        handshake: each TLS 1.3 session ticket is then seen by itself (Node emits
        ``'session'`` once per ticket; Python has no new-session callback)."""
        self._ticket_reads -= 1
        pos, size = 0, len(data)
        while pos < size:
            end = pos + 5 + int.from_bytes(data[pos + 3:pos + 5], "big") if size - pos >= 5 \
                else size
            self.incoming.write(data[pos:end])
            pos = end
            self._decrypt()
            if self.inner.closed or self._errored:
                return

    def _after_records(self) -> None:
        if self.outgoing.pending:  # Key updates, or a reply OpenSSL owes.
            self._flush()
        self._note_session()
        if self._eof:
            self._end()

    def _end(self) -> None:
        if self.reading or self._eof:
            self.inner.read_stop()
        self._eof = True
        if self.onread is not None and not self.inner.closed:
            onread, self.onread = self.onread, None  # EOF once.
            onread(None, None)
            self.onread = onread

    # -- writing ---------------------------------------------------------------------------

    def write(self, data: Buffer, cb: WriteCallback | None) -> tuple[Exception | None, bool]:
        if not self.established or self._pending:
            self._pending.append((bytes(data), cb))
            if self.ssl is None and not self.server_side and self._hello_state is None:
                # SSL_write on a client that has not started begins the handshake:
                # a TLSSocket connected without tls.connect starts with its first write.
                self.start()
            return None, False
        return self._write_now(data, cb)

    def writev(self, chunks: list[Buffer], cb: WriteCallback | None
               ) -> tuple[Exception | None, bool]:
        if self.established and not self._pending and all(
                len(chunk) >= _RECORD for chunk in chunks):
            # Discussion: Node's TLSWrap copies a writev's buffers into one before
            # SSL_write; large buffers make the same records without the copy.
            return self._write_now(chunks, cb)
        return self.write(b"".join(chunks), cb)

    def _write_now(self, data: Buffer | list[Buffer], cb: WriteCallback | None
                   ) -> tuple[Exception | None, bool]:
        assert self.ssl is not None
        write = self.ssl.write
        for chunk in data if isinstance(data, list) else (data,):
            size = len(chunk) if not isinstance(chunk, memoryview) else chunk.nbytes
            self.bytes_written += size
            if size:
                try:
                    write(chunk)
                except ssl.SSLError as exc:
                    return openssl_error(exc), True
        records = self.outgoing.read()
        err, done = self.inner.write(records, cb) if records else (None, True)
        if done and cb is not None and err is None:
            # Discussion: Node's TLSWrap completes a write that the socket took at
            # once from a SetImmediate, never synchronously: a second write() in
            # the same tick is buffered by the Writable (bufferSize counts it, as
            # test-tls-buffersize checks).  Do the same.
            self._loop.set_immediate(cb, None)
            return None, False
        return err, done

    def receive(self, data: bytes) -> None:
        """Ciphertext that was read before the handle was wrapped (Node's ``receive``)."""
        self._on_inner_read(data, None)

    def _flush(self) -> None:
        """Write whatever OpenSSL produced (handshake records, alerts, tickets)."""
        if self.outgoing.pending and not self.inner.closed:
            self.inner.write(self.outgoing.read(), None)

    def shutdown(self, cb: WriteCallback) -> None:
        """``close_notify``, then FIN once the queue drains (``SSL_shutdown``)."""
        if not self.established:
            if self.ssl is None or self._errored or not self.handshaking:
                self.inner.shutdown(cb)  # No session to close (or none to come).
            else:
                self._shutdown_cb = cb  # After the handshake and the pending writes.
            return
        assert self.ssl is not None
        # Discussion: unwrap() calls SSL_shutdown twice: the first sends our
        # close_notify, the second reads, looking for the peer's, and would eat
        # application data still in ``incoming``.  Hide that data from it and
        # put it back: it is read as usual (TLS half-close).
        held = self.incoming.read() if self.incoming.pending and not self._eof else b""
        try:
            self.ssl.unwrap()
        except ssl.SSLError:
            pass  # WANT_READ: our close_notify is out; the peer's may never come.
        finally:
            if held:
                self.incoming.write(held)
        self._flush()
        self.inner.shutdown(cb)
        if held and self.reading and not self._drain_scheduled:
            self._drain_scheduled = True
            self._loop.call_pending(self._drain)


def settle_heap() -> None:
    """Raise glibc's heap thresholds once per process, as a large free does
    (asyncio's TLS gets there by chance; see docs/benchmarks.md, "asyncio's two
    modes").

    Discussion: a TLS stream's transient buffers (64 KiB socket reads, records
    read out of the outgoing BIO, plaintext chunks, a write queue of up to the
    peer's window) make the heap grow and shrink by megabytes.  glibc gives the
    top of its heap back to the kernel (``brk``) whenever more than its trim
    threshold (128 KiB at start) is free there, and the next allocations fault
    the pages in again, zeroed: in a bulk echo, up to 400 page faults per MiB
    (the system time doubles).  glibc raises that threshold to twice the size of
    the largest ``mmap``'d block freed so far (``M_MMAP_THRESHOLD`` becomes that
    size), so a run's cost depended on whether some large buffer happened to be
    freed early.  Freeing one 4 MiB block here does it at once: the heap may then
    keep up to 8 MiB free at its top, and blocks under 4 MiB come from the heap.
    ``bytes(n)`` is ``calloc``: a fresh mapping, never touched, so this costs an
    ``mmap`` and a ``munmap``.  Other allocators ignore it.
    """
    global _heap_settled
    _heap_settled = True
    bytes(HEAP_BLOCK)


def client_hello_server_name(buf: bytes) -> tuple[str, str | None]:
    """The server name of a TLS ClientHello at the start of ``buf`` (RFC 8446 §4.1.2,
    RFC 6066 §3): ``("more", None)`` until it is whole, ``("done", name or None)``,
    or ``("bad", None)`` when the bytes are not a ClientHello."""
    try:
        handshake = bytearray()
        pos = 0
        while True:
            if len(buf) - pos < 5:
                return "more", None
            if buf[pos] != 22:  # handshake record
                return "bad", None
            size = int.from_bytes(buf[pos + 3:pos + 5], "big")
            if len(buf) - pos - 5 < size:
                return "more", None
            handshake += buf[pos + 5:pos + 5 + size]
            pos += 5 + size
            if len(handshake) >= 4:
                if handshake[0] != 1:  # client_hello
                    return "bad", None
                length = int.from_bytes(handshake[1:4], "big")
                if len(handshake) >= 4 + length:
                    break
        body = bytes(handshake[4:4 + length])
        p = 2 + 32
        p += 1 + body[p]  # session id
        p += 2 + int.from_bytes(body[p:p + 2], "big")  # cipher suites
        p += 1 + body[p]  # compression methods
        if p + 2 > len(body):
            return "done", None
        end = p + 2 + int.from_bytes(body[p:p + 2], "big")
        p += 2
        while p + 4 <= end:
            kind = int.from_bytes(body[p:p + 2], "big")
            size = int.from_bytes(body[p + 2:p + 4], "big")
            if kind == 0:  # server_name
                data = body[p + 4:p + 4 + size]
                q = 2
                while q + 3 <= len(data):
                    name_len = int.from_bytes(data[q + 1:q + 3], "big")
                    if data[q] == 0:
                        return "done", data[q + 3:q + 3 + name_len].decode("ascii", "replace")
                    q += 3 + name_len
                return "done", None
            p += 4 + size
        return "done", None
    except IndexError:
        return "bad", None


def _sni_dispatch(sslobj: Any, servername: str | None, ctx: ssl.SSLContext) -> None:
    """The server contexts' ``sni_callback``: note the name the client sent (the
    context was chosen before, from the ClientHello: see :meth:`TLSHandle.start`)."""
    handle: TLSHandle | None = getattr(sslobj, "_pynet_handle", None)
    if handle is not None:
        handle.servername = servername
