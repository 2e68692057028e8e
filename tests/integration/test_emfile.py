"""Accept under fd exhaustion: libuv's reserve-descriptor trick, as under node.

The server runs in a child process with a low RLIMIT_NOFILE; this process
opens more connections than it can accept.  Node (libuv's
``uv__emfile_trick``) accepts what it can, then turns the other waiting
clients away (accepts and closes them with a reserved descriptor) and emits no
``'error'``: a server without an ``'error'`` listener survives, a server with
one hears nothing, and no CPU is burnt.  pynet does the same; the interop
variant runs the same driver against node.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import textwrap
import time

import pytest

SERVER = textwrap.dedent("""
    import json, resource, sys, time
    from pynet import net, run, setTimeout

    resource.setrlimit(resource.RLIMIT_NOFILE, (40, 40))
    accepted, errors = [], []
    server = net.createServer(lambda s: (accepted.append(s), s.on('error', lambda e: None)))
    if sys.argv[1] == 'listen':
        server.on('error', lambda e: errors.append((e.code, e.syscall, str(e))))

    def report():
        cpu = time.process_time() - cpu_start
        print(json.dumps({'accepted': len(accepted), 'errors': errors[:3],
                          'n_errors': len(errors), 'cpu': cpu}), flush=True)
        for s in accepted:
            s.destroy()
        accepted.clear()
        setTimeout(final, 1000)

    def final():
        print(json.dumps({'accepted_after': len(accepted)}), flush=True)
        sys.stdin.readline()  # The test connects a new client, then says so.
        setTimeout(done, 300)

    def done():
        print(json.dumps({'accepted_late': len(accepted)}), flush=True)
        for s in accepted:
            s.destroy()
        server.close()

    def listening():
        print(json.dumps({'port': server.address()['port']}), flush=True)
        sys.stdin.readline()  # The test has connected everything.
        global cpu_start
        cpu_start = time.process_time()
        setTimeout(report, 1000)

    server.listen(0, '127.0.0.1', listening)
    run()
""")

NODE_SERVER = textwrap.dedent("""
    const net = require('net');
    const readline = require('readline');
    const accepted = [], errors = [];
    const server = net.createServer((s) => { accepted.push(s); s.on('error', () => {}); });
    if (process.argv[2] === 'listen') server.on('error', (e) => errors.push([e.code, e.syscall, e.message]));
    const lines = readline.createInterface({ input: process.stdin });
    const next = [];
    lines.on('line', () => next.shift()());
    let cpu;
    server.listen(0, '127.0.0.1', () => {
      console.log(JSON.stringify({ port: server.address().port }));
      next.push(() => {
        cpu = process.cpuUsage();
        setTimeout(() => {
          const c = process.cpuUsage(cpu);
          console.log(JSON.stringify({ accepted: accepted.length, errors: errors.slice(0, 3),
                                       n_errors: errors.length, cpu: (c.user + c.system) / 1e6 }));
          for (const s of accepted) s.destroy();
          accepted.length = 0;
          setTimeout(() => {
            console.log(JSON.stringify({ accepted_after: accepted.length }));
            next.push(() => setTimeout(() => {
              console.log(JSON.stringify({ accepted_late: accepted.length }));
              for (const s of accepted) s.destroy();
              server.close(); lines.close();
            }, 300));
          }, 1000);
        }, 1000);
      });
    });
""")


def drive(cmd: list[str]) -> dict[str, object]:
    """Run a server under a 40-descriptor limit, connect 60 clients, report what it saw."""
    clients: list[socket.socket] = []
    with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdin is not None
            port = json.loads(proc.stdout.readline())["port"]
            for _ in range(60):  # More than the child can hold open.
                clients.append(socket.create_connection(("127.0.0.1", port), timeout=10))
            time.sleep(0.2)
            proc.stdin.write("go\n")
            proc.stdin.flush()
            result = json.loads(proc.stdout.readline())
            result.update(json.loads(proc.stdout.readline()))
            # Descriptors are free again: a new client is served.
            late = socket.create_connection(("127.0.0.1", port), timeout=10)
            proc.stdin.write("go\n")
            proc.stdin.flush()
            result.update(json.loads(proc.stdout.readline()))
            proc.wait(timeout=20)
            late.close()
        finally:
            turned_away = 0
            for c in clients:
                c.settimeout(2)
                try:
                    turned_away += c.recv(1) == b""
                except ConnectionResetError:
                    turned_away += 1
                except OSError:
                    pass
                c.close()
            if proc.poll() is None:
                proc.kill()
    result["returncode"] = proc.returncode
    result["turned_away"] = turned_away
    return result


@pytest.mark.parametrize("listener", ["listen", "none"])
def test_emfile_turns_clients_away_without_error_or_spin(listener: str) -> None:
    result = drive([sys.executable, "-c", SERVER, listener])
    assert result["returncode"] == 0, result  # No crash, with or without a listener.
    assert 0 < result["accepted"] < 60, result  # type: ignore[operator]
    assert result["n_errors"] == 0, result  # Node reports nothing while the trick works.
    # A busy loop would burn about a second of CPU in that second.
    assert result["cpu"] < 0.3, result  # type: ignore[operator]
    # The clients past the limit were accepted and closed, not left waiting...
    assert result["accepted_after"] == 0, result
    assert result["turned_away"] == 60, result  # (all closed: served ones destroyed too)
    # ...and the server still serves once descriptors are free.
    assert result["accepted_late"] == 1, result


@pytest.mark.interop
@pytest.mark.parametrize("listener", ["listen", "none"])
def test_node_does_the_same(listener: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH")
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        pytest.skip("prlimit is not available")
    result = drive([prlimit, "--nofile=40:40", node, "-e", NODE_SERVER, listener])
    assert result["returncode"] == 0, result
    assert 0 < result["accepted"] < 60, result  # type: ignore[operator]
    assert result["n_errors"] == 0, result
    assert result["accepted_after"] == 0, result
    assert result["turned_away"] == 60, result
    assert result["accepted_late"] == 1, result


CONNECT_JS = r"""const net = require('net');
const srv = net.createServer((s) => s.on('error', () => {}));
srv.listen(0, '127.0.0.1', () => {
  const socks = [];
  let errs = 0, closes = 0, connects = 0;
  for (let i = 0; i < 50; i++) {
    const s = net.connect(srv.address().port, '127.0.0.1');
    s.on('connect', () => connects++);
    s.on('error', (e) => { if (errs++ < 2) console.log('error', e.code, e.errno, e.syscall, e.address, e.port, e.message); });
    s.on('close', (h) => { closes++; });
    socks.push(s);
  }
  setTimeout(() => { console.log('connects', connects > 0, 'errors', errs > 0, 'closes', closes, 'errors+connects', errs + connects); for (const s of socks) s.destroy(); srv.close(); }, 500);
});
"""

CONNECT_PY = r"""import resource
from pynet import net, run, setTimeout
resource.setrlimit(resource.RLIMIT_NOFILE, (40, 40))
srv = net.createServer(lambda s: s.on('error', lambda e: None))
st = {'errs': 0, 'closes': 0, 'connects': 0}
def listening():
    socks = []
    for i in range(50):
        s = net.connect(srv.address().port, '127.0.0.1')
        s.on('connect', lambda: st.__setitem__('connects', st['connects'] + 1))
        def err(e):
            st['errs'] += 1
            if st['errs'] <= 2:
                print('error', e.code, -e.errno, e.syscall, e.address, e.port, e)
        s.on('error', err)
        s.on('close', lambda: st.__setitem__('closes', st['closes'] + 1))
        socks.append(s)
    def done():
        print('connects', str(st['connects'] > 0).lower(), 'errors', str(st['errs'] > 0).lower(), 'closes', st['closes'], 'errors+connects', st['errs'] + st['connects'])
        for s in socks: s.destroy()
        srv.close()
    setTimeout(done, 500)
srv.listen(0, '127.0.0.1', listening)
run()
"""


def test_connect_emfile_is_an_error_then_close(tmp_path) -> None:
    """net.connect with no descriptor left: 'error' EMFILE (syscall 'connect', Node's
    message) then 'close' on each socket; nothing escapes run()."""
    got = subprocess.run([sys.executable, "-c", CONNECT_PY], capture_output=True, text=True,
                         timeout=60)
    assert got.returncode == 0, got.stderr
    lines = got.stdout.splitlines()
    assert lines[0].startswith("error EMFILE -24 connect 127.0.0.1 "), lines
    assert lines[0].endswith(" - Local (undefined:undefined)"), lines
    assert lines[-1] == "connects true errors true closes 50 errors+connects 50", lines
    node, prlimit = shutil.which("node"), shutil.which("prlimit")
    if node is None or prlimit is None:
        return
    script = tmp_path / "emc.js"
    script.write_text(CONNECT_JS)
    want = subprocess.run([prlimit, "--nofile=40:40", node, str(script)], capture_output=True,
                          text=True, timeout=60)
    port = lambda text: text.split()[5]  # noqa: E731 - the ports differ run to run
    assert [line.replace(port(line), "P") if line.startswith("error") else line
            for line in want.stdout.splitlines()] == [
        line.replace(port(line), "P") if line.startswith("error") else line for line in lines]
