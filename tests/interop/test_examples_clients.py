"""The examples of examples/, each driven by its real client over loopback.

* ``chat_server.py`` — two ``node`` clients chat through it;
* ``resp_server.py`` — ``redis-cli`` commands, then ``redis-benchmark``;
* ``http_responder.py`` — ``curl``, with keep-alive, a POST body and a 404;
* ``tcp_proxy.py`` — ``curl`` through the proxy to the HTTP responder;
* ``netcat.py`` — a ``node`` server's bytes on netcat's stdout, and stdin to
  the server, as the same program under ``node`` does;
* ``readline_question.py`` — answers on piped stdin, as under ``node``.

Every server binds port 0 (``PORT=0``) and prints the port it got on its first
line.  A missing tool skips its test on a developer's machine; under CI
(``CI`` set), where .ci/run installs node, curl and Debian's redis-tools, it
fails instead, so a green CI run has run every example.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import require_tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.interop




@contextmanager
def _example(script: str, **env: str) -> Iterator[int]:
    """Run an example server on port 0; yield the port it printed; stop it."""
    proc = subprocess.Popen([sys.executable, str(EXAMPLES / script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PORT="0", **env))
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", first)
        assert match, f"{script} printed {first!r}"
        yield int(match.group(1))
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == -15, f"{script} died: {err}"  # still running until terminated


CHAT_CLIENTS = r"""
const net = require('net');
const port = +process.argv[1];
const log = [];
function client(name, onLine) {
  const sock = net.connect(port, '127.0.0.1');
  sock.setEncoding('utf8');
  let pending = '';
  sock.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) { log.push(name + ' < ' + line); onLine(sock, line); }
  });
  return sock;
}
let b;
const a = client('A', (sock, line) => {
  if (line === 'you are guest1') b = client('B', (sockB, lineB) => {
    if (lineB === 'you are guest2') {
      sockB.write('hello from node\r\nsecond ');  // a line split across two writes
      setTimeout(() => sockB.write('line\n'), 50);
    }
    if (lineB === 'guest1: hi B') sockB.end();
  });
  if (line === 'guest2: second line') sock.write('hi B\n');
  if (line === 'guest2 left') { sock.end(); }
});
a.on('close', () => console.log(log.join('\n')));
"""


def test_chat_server_with_node_clients(node: str) -> None:
    with _example("chat_server.py") as port:
        out = subprocess.run([node, "-e", CHAT_CLIENTS, str(port)], capture_output=True,
                             text=True, timeout=30, check=True).stdout
    lines = out.splitlines()
    a = [line for line in lines if line.startswith("A")]
    b = [line for line in lines if line.startswith("B")]
    assert a == ["A < you are guest1", "A < guest2 joined", "A < guest2: hello from node",
                 "A < guest2: second line", "A < guest2 left"]
    assert b == ["B < you are guest2", "B < guest1: hi B"]


def test_resp_server_with_redis_cli_and_benchmark() -> None:
    cli = require_tool("redis-cli")
    bench = require_tool("redis-benchmark")
    with _example("resp_server.py") as port:
        def redis(*args: str) -> str:
            return subprocess.run([cli, "-p", str(port), *args], capture_output=True,
                                  text=True, timeout=30, check=True).stdout.strip()
        assert redis("ping") == "PONG"
        assert redis("set", "greeting", "hello world") == "OK"
        assert redis("get", "greeting") == "hello world"
        assert redis("get", "missing") == ""
        assert redis("incr", "n") == "1"
        assert redis("incr", "n") == "2"
        assert redis("incr", "greeting") == "ERR value is not an integer or out of range"
        assert redis("mset", "a", "1", "b", "2") == "OK"
        assert redis("--no-raw", "mget", "a", "b", "missing").splitlines() == [
            '1) "1"', '2) "2"', "3) (nil)"]
        assert redis("exists", "a", "b", "zz") == "2"
        assert redis("del", "a", "zz") == "1"
        big = "x" * 100_000  # arrives in several 'data' chunks
        assert redis("set", "big", big) == "OK"
        assert redis("get", "big") == big
        # Inline and pipelined requests, as redis-cli --pipe would send them.
        piped = subprocess.run([cli, "-p", str(port)], input="PING\nSET k v\nGET k\n",
                               capture_output=True, text=True, timeout=30, check=True)
        assert piped.stdout.split() == ["PONG", "OK", "v"]
        result = subprocess.run(
            [bench, "-p", str(port), "-t", "ping,set,get,incr,mset", "-n", "2000", "-c", "8",
             "-P", "4", "--csv"], capture_output=True, text=True, timeout=120, check=True)
        rows = {line.split(",")[0].strip('"'): line for line in result.stdout.splitlines()[1:]}
        for test in ("PING_INLINE", "PING_MBULK", "SET", "GET", "INCR", "MSET (10 keys)"):
            assert test in rows, result.stdout + result.stderr
            assert float(rows[test].split(",")[1].strip('"')) > 0
        assert "rror" not in result.stderr, result.stderr
        assert int(redis("dbsize")) >= 4
        assert redis("get", "counter:__rand_int__") == "2000"  # redis-benchmark's INCR key


def test_http_responder_with_curl() -> None:
    curl = require_tool("curl")
    with _example("http_responder.py") as port:
        base = f"http://127.0.0.1:{port}"
        # Two requests on one connection (keep-alive), a POST body, a 404.
        run = subprocess.run(
            [curl, "-sS", "-v", f"{base}/", f"{base}/", "-w", "%{http_code}\n"],
            capture_output=True, text=True, timeout=30, check=True)
        assert run.stdout == "hello from pynet\n200\nhello from pynet\n200\n"
        assert re.search(r"[Rr]e-?using existing connection", run.stderr), run.stderr
        post = subprocess.run([curl, "-sS", "--data-binary", "ping \u00e9\n" * 1000,
                               f"{base}/echo"], capture_output=True, timeout=30, check=True)
        assert post.stdout == ("ping \u00e9\n" * 1000).encode()
        missing = subprocess.run([curl, "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                                  f"{base}/nope"], capture_output=True, text=True, timeout=30,
                                 check=True)
        assert missing.stdout == "404"


def test_tcp_proxy_with_curl_through_it() -> None:
    curl = require_tool("curl")
    with _example("http_responder.py") as target, \
            _example("tcp_proxy.py", TARGET=f"127.0.0.1:{target}") as port:
        body = "x" * 2_000_000  # larger than the socket buffers: back-pressure both ways
        run = subprocess.run([curl, "-sS", f"http://127.0.0.1:{port}/", "--data-binary", "@-",
                              "--request-target", "/echo"], input=body, capture_output=True,
                             text=True, timeout=60, check=True)
        assert run.stdout == body
        get = subprocess.run([curl, "-sS", f"http://127.0.0.1:{port}/"], capture_output=True,
                             text=True, timeout=30, check=True)
        assert get.stdout == "hello from pynet\n"


SERVER_SENDS = r"""
const net = require('net');
const server = net.createServer((sock) => {
  sock.write(Buffer.from([0, 1, 2, 255]));
  setTimeout(() => { sock.end('second chunk\n'); server.close(); }, 20);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
"""


def test_netcat_prints_what_a_node_server_sends(node: str) -> None:
    server = subprocess.Popen([node, "-e", SERVER_SENDS], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        # stdin stays open (a terminal would): the server's close ends netcat.
        client = subprocess.Popen([sys.executable, str(EXAMPLES / "netcat.py"), "127.0.0.1",
                                   port], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert client.stdout is not None and client.stdin is not None
        out = client.stdout.read()
        assert client.wait(timeout=30) == 0
        client.stdout.close()
        client.stdin.close()
    finally:
        server.communicate(timeout=10)
    assert out == bytes([0, 1, 2, 255]) + b"second chunk\n"


UPPER_SERVER = r"""
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  sock.on('data', (d) => sock.write(d.toString().toUpperCase()));
  sock.on('end', () => { sock.end('bye\n'); server.close(); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
"""

NETCAT_JS = r"""
const net = require('net');
const sock = net.connect(+process.argv[3], process.argv[2]);
process.stdin.pipe(sock);
sock.pipe(process.stdout);
sock.on('error', (err) => { console.error(`netcat: ${err.message}`); process.exitCode = 1; });
"""


def _netcat_against_upper_server(argv: list[str], data: bytes) -> bytes:
    server = subprocess.Popen([require_tool("node"), "-e", UPPER_SERVER],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        run = subprocess.run([*argv, "127.0.0.1", port], input=data, capture_output=True,
                             timeout=30)
    finally:
        server.communicate(timeout=10)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_netcat_sends_stdin_to_a_node_server_as_node_does(node: str, tmp_path: Path) -> None:
    """``process.stdin.pipe(sock)``: every byte of stdin (2 MiB, with back-pressure)
    reaches the server, then the half-close; the server's answer and its 'bye'
    come back on stdout.  The same program under node prints the same."""
    data = b"hello\n" + bytes(range(97, 123)) * 80_000 + b"\nend\n"
    script = tmp_path / "netcat.js"
    script.write_text(NETCAT_JS)
    expected = _netcat_against_upper_server([node, str(script)], data)
    got = _netcat_against_upper_server([sys.executable, str(EXAMPLES / "netcat.py")], data)
    assert expected == data.upper() + b"bye\n"
    assert got == expected


READLINE_QUESTION_JS = r"""
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question('What is your name? ', (name) => {
  rl.question('Favourite colour? ', (colour) => {
    console.log(`Hello ${name}, you like ${colour}.`);
    rl.close();
  });
});
rl.on('close', () => console.log('bye'));
"""


@pytest.mark.parametrize("answers", [b"Ann\nblue\n", b"Ann\r\nblue", b"Ann\n", b""],
                         ids=["both", "crlf-no-final-newline", "one", "none"])
def test_readline_question_as_node(node: str, answers: bytes) -> None:
    """Questions and answers on piped stdin; an early end of input closes the
    interface ('bye') as in node."""
    expected = subprocess.run([node, "-e", READLINE_QUESTION_JS], input=answers,
                              capture_output=True, timeout=30)
    got = subprocess.run([sys.executable, str(EXAMPLES / "readline_question.py")],
                         input=answers, capture_output=True, timeout=30)
    assert (got.stdout, got.returncode) == (expected.stdout, expected.returncode)
    assert expected.stdout.endswith(b"bye\n")


def test_netcat_reports_a_refused_connection() -> None:
    import socket
    with socket.socket() as s:  # a port that was just free: nothing listens on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = subprocess.run([sys.executable, str(EXAMPLES / "netcat.py"), "127.0.0.1", str(port)],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 1
    assert "ECONNREFUSED" in run.stderr


def _close_stdin() -> None:
    os.close(0)


def test_readline_question_with_stdin_closed_as_node(node: str) -> None:
    """Bad input: fd 0 closed (``<&-``).  Node reads it as /dev/null: the first
    question is printed, the input ends at once, 'close' prints 'bye', status 0."""
    expected = subprocess.run([node, "-e", READLINE_QUESTION_JS], stdin=None,
                              preexec_fn=_close_stdin, capture_output=True, timeout=30)
    got = subprocess.run([sys.executable, str(EXAMPLES / "readline_question.py")], stdin=None,
                         preexec_fn=_close_stdin, capture_output=True, timeout=30)
    assert expected.stdout == b"What is your name? bye\n"
    assert (got.stdout, got.stderr, got.returncode) == (expected.stdout, expected.stderr,
                                                        expected.returncode)


def test_netcat_with_stdin_closed_as_node(node: str, tmp_path: Path) -> None:
    """Bad input: netcat with fd 0 closed.  stdin ends at once, so the socket
    is half-closed; the server's 'bye' is printed and the program exits 0."""
    script = tmp_path / "netcat.js"
    script.write_text(NETCAT_JS)
    outputs = []
    for argv in ([node, str(script)], [sys.executable, str(EXAMPLES / "netcat.py")]):
        server = subprocess.Popen([node, "-e", UPPER_SERVER], stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            port = server.stdout.readline().strip()
            run = subprocess.run([*argv, "127.0.0.1", port], stdin=None, preexec_fn=_close_stdin,
                                 capture_output=True, timeout=30)
        finally:
            server.communicate(timeout=10)
        outputs.append((run.stdout, run.stderr, run.returncode))
    assert outputs[0] == (b"bye\n", b"", 0)
    assert outputs[1] == outputs[0]
