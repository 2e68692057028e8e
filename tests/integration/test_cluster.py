"""pynet.cluster with real processes on loopback (mapping §12).

The primary either runs inside the test (``setupPrimary({'exec': script})``,
on the test's loop, so the fd and idle-loop checks of the conftest apply) or
as a script of its own in a subprocess.  Every wait is bounded.

What is checked: round-robin hands connections to every worker; under
``SCHED_RR`` only the primary holds the listening socket, under
``SCHED_NONE`` every worker holds the same one (seen through ``/proc``); a
worker whose listen fails gets Node's ``bind EADDRINUSE`` error; a worker
whose primary dies exits; ``disconnect`` lets workers finish and exit 0.
Event order against Node is in tests/interop/test_cluster_node.py.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import pynet
from pynet import cluster, net

TIMEOUT = 30

WORKER = textwrap.dedent("""
    import os
    from pynet import net, run
    net.createServer(lambda s: s.end(str(os.getpid()))).listen(0, '127.0.0.1')
    run()
""")


def test_round_robin_gives_connections_to_every_worker(loop: Any, tmp_path: Path) -> None:
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    cluster.setupPrimary({"exec": str(script), "args": [], "execArgv": []})
    workers = [cluster.fork(), cluster.fork()]
    listening: list[int] = []
    replies: list[str] = []
    exits: list[tuple[int, Any, Any, Any]] = []

    def connect_all(port: int) -> None:
        for _ in range(6):
            client = net.connect(port, "127.0.0.1")
            client.setEncoding("utf8")
            chunks: list[str] = []
            client.on("data", chunks.append)

            def on_end(chunks: list[str] = chunks) -> None:
                replies.append("".join(chunks))
                if len(replies) == 6:
                    cluster.disconnect()

            client.on("end", on_end)

    sent: list[str] = []

    def on_listening(worker: Any, address: Any) -> None:
        listening.append(address["port"])
        worker.send({"hello": worker.id}, lambda: sent.append("written"))  # Mapping §5.
        if len(listening) == 2:
            assert listening[0] == listening[1]
            connect_all(address["port"])

    def on_exit(worker: Any, code: Any, sig: Any) -> None:
        exits.append((worker.id, code, sig, worker.exitedAfterDisconnect))

    cluster.on("listening", on_listening)
    cluster.on("exit", on_exit)
    guard = pynet.setTimeout(lambda: [w.kill("SIGKILL") for w in workers], TIMEOUT * 1000)
    guard.unref()
    try:
        pynet.run()
    finally:
        cluster.removeAllListeners("listening")
        cluster.removeAllListeners("exit")
        guard.unref()
        pynet.clearTimeout(guard)
    assert sorted(set(replies)) == sorted(str(w.process.pid) for w in workers)
    assert sorted(exits) == [(w.id, 0, None, True) for w in workers]
    assert cluster.workers == {}
    assert sent == ["written", "written"]


def _run_primary(tmp_path: Path, source: str, *args: str, env: dict[str, str] | None = None
                 ) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "primary.py"
    script.write_text(textwrap.dedent(source))
    done = subprocess.run([sys.executable, str(script), *args], cwd=tmp_path, text=True,
                          capture_output=True, timeout=TIMEOUT, env={**os.environ, **(env or {})})
    assert done.returncode == 0, done.stderr
    return done


SHARING = """
    import os, sys
    from pynet import cluster, net, run

    def socket_inodes(pid):
        found = set()
        for fd in os.listdir(f'/proc/{pid}/fd'):
            try:
                link = os.readlink(f'/proc/{pid}/fd/{fd}')
            except OSError:
                continue
            if link.startswith('socket:['):
                found.add(link[8:-1])
        return found

    def listening_inode(port):
        for table in ('/proc/self/net/tcp', '/proc/self/net/tcp6'):
            for line in open(table).read().splitlines()[1:]:
                fields = line.split()
                if fields[3] == '0A' and int(fields[1].rsplit(':', 1)[1], 16) == port:
                    return fields[9]

    if cluster.isPrimary:
        if sys.argv[1] == 'none':
            cluster.schedulingPolicy = cluster.SCHED_NONE
        count = []
        def on_listening(worker, address):
            count.append(worker)
            if len(count) < 3:
                return
            inode = listening_inode(address['port'])
            holders = [w.id for w in count if inode in socket_inodes(w.process.pid)]
            print('primary holds', inode in socket_inodes(os.getpid()))
            print('workers holding it', len(holders))
            done = []
            for _ in range(9):
                c = net.connect(address['port'], '127.0.0.1')
                def on_data(d, c=c):
                    done.append(d)
                    c.end()
                    if len(done) == 9:
                        print('served', len(done))
                        cluster.disconnect()
                c.on('data', on_data)
        cluster.on('listening', on_listening)
        for _ in range(3):
            cluster.fork()
    else:
        net.createServer(lambda s: s.write('x')).listen(0, '127.0.0.1')
    run()
"""


def test_sched_rr_primary_alone_holds_the_listening_socket(tmp_path: Path) -> None:
    out = _run_primary(tmp_path, SHARING, "rr").stdout
    assert out.splitlines() == ["primary holds True", "workers holding it 0", "served 9"]


def test_sched_none_workers_share_the_listening_socket(tmp_path: Path) -> None:
    out = _run_primary(tmp_path, SHARING, "none").stdout
    # The primary keeps its bound copy until the last worker closes (Node's SharedHandle).
    assert out.splitlines() == ["primary holds True", "workers holding it 3", "served 9"]


def test_sched_policy_from_the_environment(tmp_path: Path) -> None:
    source = SHARING.replace("if sys.argv[1] == 'none':", "if False:")
    out = _run_primary(tmp_path, source, "x", env={"NODE_CLUSTER_SCHED_POLICY": "none"}).stdout
    assert "workers holding it 3" in out


def test_listen_error_in_a_worker_is_nodes_bind_error(tmp_path: Path) -> None:
    source = """
        import os, json
        from pynet import cluster, net, process, run
        if cluster.isPrimary:
            blocker = net.createServer()
            def forked():
                w = cluster.fork({'PORT': blocker.address()['port']})
                def on_message(m):
                    print(json.dumps(m))
                    blocker.close()
                w.on('message', on_message)
            blocker.listen(0, '127.0.0.1', forked)
        else:
            port = os.environ['PORT']
            def on_error(e):
                process.send([e.code, e.syscall, e.message.replace(port, 'PORT'), e.address,
                              type(e.port).__name__])
                cluster.worker.disconnect()
            net.createServer().listen(int(port), '127.0.0.1').on('error', on_error)
        run()
    """
    out = _run_primary(tmp_path, source).stdout
    assert out.strip() == ('["EADDRINUSE", "bind", "bind EADDRINUSE 127.0.0.1:PORT", '
                           '"127.0.0.1", "int"]')


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return any(line.startswith("State:") and "Z" in line for line in status)
    except FileNotFoundError:
        return True


def test_worker_exits_when_its_primary_dies(tmp_path: Path) -> None:
    script = tmp_path / "primary.py"
    script.write_text(textwrap.dedent("""
        from pynet import cluster, net, run
        if cluster.isPrimary:
            cluster.on('listening', lambda w, a: print(w.process.pid, flush=True))
            cluster.fork()
        else:
            net.createServer().listen(0, '127.0.0.1')
        run()
    """))
    primary = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert primary.stdout is not None
        worker_pid = int(primary.stdout.readline())
        assert not _gone(worker_pid)
        primary.send_signal(signal.SIGKILL)
        primary.wait(TIMEOUT)
        deadline = time.monotonic() + TIMEOUT
        while not _gone(worker_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(worker_pid)
    finally:
        primary.kill()
        primary.wait()
        if primary.stdout is not None:
            primary.stdout.close()


def test_fork_in_a_worker_is_refused() -> None:
    probe = socket.socket()
    probe.close()
    if cluster.isWorker:  # pragma: no cover - the test suite runs as a primary
        pytest.skip("running inside a worker")
    assert cluster.isPrimary and cluster.isMaster and not cluster.isWorker
    assert cluster.worker is None
    assert cluster.SCHED_NONE == 1 and cluster.SCHED_RR == 2


def test_unix_path_and_a_worker_that_closes_its_server(tmp_path: Path) -> None:
    source = """
        import os, sys
        from pynet import cluster, net, process, run
        path = os.path.join(os.getcwd(), 'svc.sock')
        if cluster.isPrimary:
            ready = []
            def on_listening(worker, address):
                ready.append(worker)
                print('address', address['address'] == path, address['addressType'], flush=True)
                if len(ready) == 2:
                    ready[0].send('close')
            def on_message(worker, m):
                if m != 'closed':
                    return
                served = []
                def one(i):
                    c = net.connect(path)
                    c.setEncoding('utf8')
                    def on_data(d):
                        served.append(d)
                        c.end()
                        if len(served) == 6:
                            print('served by', sorted(set(served)) == [str(ready[1].process.pid)])
                            cluster.disconnect()
                    c.on('data', on_data)
                for i in range(6):
                    one(i)
            cluster.on('listening', on_listening)
            cluster.on('message', on_message)
            cluster.fork(); cluster.fork()
        else:
            server = net.createServer(lambda s: s.end(str(os.getpid())))
            server.listen(path, lambda: process.send(['listening', server.address() == path]))
            def on_message(m):
                if m == 'close':
                    server.close(lambda: process.send('closed'))
            process.on('message', on_message)
        run()
    """
    out = _run_primary(tmp_path, source).stdout.splitlines()
    assert out == ["address True -1", "address True -1", "served by True"]
    assert not (tmp_path / "svc.sock").exists()


def test_primary_keeps_serving_when_a_worker_is_killed(tmp_path: Path) -> None:
    source = """
        import os
        from pynet import cluster, net, run
        if cluster.isPrimary:
            ready, served, failed, exits = [], [], [], []
            def next_conn(port):
                if len(served) + len(failed) == 40:
                    print('served', len(served), 'failed', len(failed) <= 2,
                          'after kill by survivor',
                          set(served[20:]) == {str(ready[1].process.pid)}, flush=True)
                    cluster.disconnect()
                    return
                if len(served) == 10 and not exits:
                    exits.append('killing')
                    ready[0].process.kill('SIGKILL')
                c = net.connect(port, '127.0.0.1')
                c.setEncoding('utf8')
                got = []
                c.on('data', got.append)
                c.on('error', lambda e: None)
                def on_close(*a):
                    (served if got else failed).append(''.join(got))
                    next_conn(port)
                c.on('close', on_close)
            def on_listening(worker, address):
                ready.append(worker)
                if len(ready) == 2:
                    next_conn(address['port'])
            cluster.on('listening', on_listening)
            cluster.on('exit', lambda w, code, sig: print(
                'exit', 'killed' if w is ready[0] else 'survivor', code, sig, flush=True))
            cluster.fork(); cluster.fork()
        else:
            net.createServer(lambda s: s.end(str(os.getpid()))).listen(0, '127.0.0.1')
        run()
    """
    out = _run_primary(tmp_path, source).stdout.splitlines()
    assert out[0] == "exit killed None SIGKILL"
    assert out[1].startswith("served ") and out[1].endswith("failed True after kill by survivor True")
    assert out[2] == "exit survivor 0 None"


def test_exclusive_listen_in_a_worker_stays_local(tmp_path: Path) -> None:
    source = """
        from pynet import cluster, net, process, run
        if cluster.isPrimary:
            ports, events = [], []
            cluster.on('listening', lambda w, a: events.append(a))
            def on_message(worker, port):
                ports.append(port)
                if len(ports) == 2:
                    print('distinct', ports[0] != ports[1], 'primary events', len(events))
                    for worker in cluster.workers.values():
                        worker.kill()  # (disconnect() would not close these servers, as in Node)
            cluster.on('message', on_message)
            cluster.fork(); cluster.fork()
        else:
            server = net.createServer()
            server.listen({'port': 0, 'host': '127.0.0.1', 'exclusive': True})
            process.send(server.address()['port'])  # Bound at once, as outside a cluster.
        run()
    """
    out = _run_primary(tmp_path, source).stdout.splitlines()
    assert out == ["distinct True primary events 0"]
