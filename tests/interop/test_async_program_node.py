"""A second async program end to end: a Redis-protocol server and client written
with ``async``/``await``, in Python and in JavaScript, cross-checked.

examples/resp_async.py (run with ``python -m pynet``) and its Node twin
tests/interop/js/resp_async.js serve; examples/resp_async_client.py and its
twin tests/interop/js/resp_async_client.js connect with ``await once(sock,
'connect')``, pipeline commands, read replies through an async generator over
``for await``, wait with ``timers/promises`` for a key to expire, split a
request across writes, then ``QUIT``.  Each client runs against each server:
the four transcripts must be identical, and the two servers' logs too.
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

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
SERVERS = {
    "pynet": [sys.executable, "-m", "pynet", str(ROOT / "examples" / "resp_async.py")],
    "node": ["node", str(ROOT / "tests" / "interop" / "js" / "resp_async.js")],
}
CLIENTS = {
    "pynet": [sys.executable, "-m", "pynet", str(ROOT / "examples" / "resp_async_client.py")],
    "node": ["node", str(ROOT / "tests" / "interop" / "js" / "resp_async_client.js")],
}


@contextmanager
def _server(cmd: list[str], log: list[str]) -> Iterator[int]:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PORT="0"))
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", first)
        assert match, f"{cmd} printed {first!r}"
        yield int(match.group(1))
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
        log.extend(out.splitlines())
    assert proc.returncode == -15, f"{cmd} died: {err}"


def test_transcripts_match_across_languages(node: str) -> None:
    transcripts: dict[tuple[str, str], str] = {}
    logs: dict[str, list[str]] = {}
    for server, server_cmd in SERVERS.items():
        logs[server] = []
        with _server(server_cmd, logs[server]) as port:
            for client, client_cmd in CLIENTS.items():
                result = subprocess.run([*client_cmd, str(port)], capture_output=True,
                                        text=True, timeout=60)
                assert result.returncode == 0, result.stderr
                transcripts[server, client] = result.stdout
    expected = transcripts["node", "node"]
    assert expected.splitlines()[0] == "connected"
    assert expected.splitlines()[-1] == "server closed the connection"
    assert "nil" in expected  # the key with PX 50 expired during the client's 150 ms wait
    for key, text in transcripts.items():
        assert text == expected, f"{key}:\n{text}"
    assert logs["pynet"] == logs["node"] == [
        "connection 1", "connection 1 ended, 0 keys", "connection 2", "connection 2 ended, 0 keys"]
