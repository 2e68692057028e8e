"""bench/dgram_echo.py: a server is started on the port the load generator then uses,
wherever ``{port}`` sits in its command line (the ``uvloop`` row passes an argument
after it; the port used to be drawn once per argument, so such a server listened on
another port than the one probed).

Not a performance assertion: only that one short measurement succeeds.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

ECHO = """\
import socket, sys
assert sys.argv[2] == "extra", sys.argv
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    data, addr = s.recvfrom(2048)
    s.sendto(data, addr)
"""


def _dgram_echo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dgram_echo", ROOT / "bench" / "dgram_echo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_server_with_an_argument_after_the_port(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux" or shutil.which("gcc") is None:
        pytest.skip("bench/ needs Linux and gcc")
    bench = _dgram_echo()
    if not bench.build():
        pytest.skip("the UDP load generator did not build")
    script = tmp_path / "echo.py"
    script.write_text(ECHO)
    monkeypatch.setitem(bench.ALL_SERVERS, "plain_extra",
                        [sys.executable, str(script), "{port}", "extra"])
    result = bench.measure("plain_extra", 64, 4, 0.2)
    assert result is not None
    rate, cpu = result
    assert rate > 0 and cpu >= 0
