"""The README demo: the seed server and client, talking over loopback.

Starts ``seed_server.py`` in a child process, waits until it listens, runs
``seed_client.py``, then stops the server once it has seen the client go. Both
sides' output is shown as it happens, prefixed with who printed it.
"""

import os
import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _relay(stream, prefix: str, closed: threading.Event | None = None) -> None:
    for line in stream:
        print(prefix + line, end="", flush=True)
        if closed is not None and line.startswith("CLOSED"):
            closed.set()


def main() -> int:
    server = subprocess.Popen([sys.executable, str(HERE / "seed_server.py")],
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    first = server.stdout.readline()  # "Server listening on 127.0.0.1:6969": it listens now.
    print("[server] " + first, end="", flush=True)
    port = first.strip().rpartition(":")[2]  # The client connects where the server listens.
    closed = threading.Event()
    relay = threading.Thread(target=_relay, args=(server.stdout, "[server] ", closed))
    relay.start()
    try:
        client = subprocess.Popen([sys.executable, str(HERE / "seed_client.py")],
                                  stdout=subprocess.PIPE, text=True,
                                  env=dict(os.environ, PYNET_SEED_PORT=port))
        assert client.stdout is not None
        _relay(client.stdout, "[client] ")
        code = client.wait(timeout=30)
        closed.wait(timeout=10)  # The server prints the close, then it is stopped.
    finally:
        server.terminate()
        server.wait(timeout=10)
        relay.join(timeout=10)
    return code


if __name__ == "__main__":
    sys.exit(main())
