"""Accept under fd exhaustion: the server reports EMFILE, does not spin, and recovers.

The server runs in a child process with a low RLIMIT_NOFILE; this process
opens more connections than it can accept.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import time

SERVER = textwrap.dedent("""
    import json, resource, sys, time
    from pynet import net, run, setTimeout

    resource.setrlimit(resource.RLIMIT_NOFILE, (40, 40))
    accepted, errors = [], []
    server = net.createServer(lambda s: (accepted.append(s), s.on('error', lambda e: None)))
    server.on('error', lambda e: errors.append((e.code, e.syscall, str(e))))

    def report():
        cpu = time.process_time() - cpu_start
        print(json.dumps({'accepted': len(accepted), 'errors': errors[:3],
                          'n_errors': len(errors), 'cpu': cpu}), flush=True)
        # Free descriptors: the connections waiting in the backlog get in.
        for s in accepted:
            s.destroy()
        accepted.clear()
        setTimeout(final, 1000)

    def final():
        print(json.dumps({'accepted_after': len(accepted)}), flush=True)
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


def test_emfile_reports_error_does_not_spin_and_recovers() -> None:
    clients: list[socket.socket] = []
    with subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdin is not None
            port = json.loads(proc.stdout.readline())["port"]
            for _ in range(60):  # More than the child can hold open.
                clients.append(socket.create_connection(("127.0.0.1", port), timeout=10))
            time.sleep(0.2)
            proc.stdin.write("go\n")
            proc.stdin.flush()
            first = json.loads(proc.stdout.readline())
            second = json.loads(proc.stdout.readline())
            proc.wait(timeout=20)
        finally:
            for c in clients:
                c.close()
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0
    assert 0 < first["accepted"] < 60
    assert first["n_errors"] >= 1
    code, syscall, message = first["errors"][0]
    assert (code, syscall, message) == ("EMFILE", "accept", "accept EMFILE")
    # A busy loop would burn about a second of CPU in that second.
    assert first["cpu"] < 0.3, first
    # Back-off, not a drop: the waiting connections are served afterwards.
    assert first["accepted"] + second["accepted_after"] >= 50
