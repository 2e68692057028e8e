"""The README demo: the seed server and client, talking over loopback.

Starts ``seed_server.py`` in a child process, waits until it listens, runs
``seed_client.py``, then stops the server and shows both sides' output.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    server = subprocess.Popen([sys.executable, str(HERE / "seed_server.py")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        print("[server] " + first, end="")
        client = subprocess.run([sys.executable, str(HERE / "seed_client.py")],
                                capture_output=True, text=True, timeout=30)
        for line in client.stdout.splitlines():
            print("[client] " + line)
        if client.returncode != 0:
            print(client.stderr, file=sys.stderr)
            return client.returncode
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=10)
    for line in out.splitlines():
        print("[server] " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
