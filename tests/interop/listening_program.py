"""A Node program and its pynet port run as a server under a scripted client.

The interop tests of whole programs (tests/interop/test_*_node.py for the SOCKS5
proxy, the job queue and the TLS terminator) start the program with ``PORT=0``,
read the port from its first line (``listening on 127.0.0.1:PORT``), wait for
log lines between the client's steps, and at the end compare everything the
program printed.  A thread pumps stdout into a queue, so a step never blocks
on the pipe and a program that exits early fails the step with what it printed.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import threading


class ListeningProgram:
    """``cmd`` started with ``PORT=0`` and ``env``; ``port`` is the one it listens on."""

    def __init__(self, cmd: list[str], env: dict[str, str], timeout: float) -> None:
        self.timeout = timeout
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=dict(os.environ, PORT="0", **env))
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []  # stdout so far, one entry per line
        threading.Thread(target=self._pump, daemon=True).start()
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", self.next_line() or "")
        assert match, self.seen
        self.port = int(match.group(1))

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self) -> str | None:
        """The next line of stdout (kept in ``seen``); ``None`` once it has ended."""
        line = self.lines.get(timeout=self.timeout)
        if line is not None:
            self.seen.append(line)
        return line

    def wait_for(self, pattern: str) -> None:
        """Read stdout up to a line matching ``pattern``; fail if the program exits first."""
        while True:
            line = self.next_line()
            assert line is not None, f"the program exited; seen {self.seen}"
            if re.search(pattern, line):
                return

    def finish(self) -> str:
        """Wait for the program to exit, read the rest of stdout into ``seen``,
        and return its stderr."""
        self.proc.wait(self.timeout)
        while self.next_line() is not None:
            pass
        assert self.proc.stdout is not None and self.proc.stderr is not None
        stderr = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return stderr
