"""examples/file_upload.py prints what its Node original (js/file_upload.js) prints.

The example uploads a file through a socket with
``fs.createReadStream(file).pipe(net.connect(...))``, the server saves it with
``fs.createWriteStream``, checks it with ``fs.stat``/``fs.readFile`` and removes
it with ``fs.unlink``.  Both programs run with the same arguments: no
arguments (a 1 MiB sample written with ``fs.writeFile`` first), a given file
and directory, and a missing file (``ENOENT``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / "examples" / "file_upload.py"
JS = ROOT / "tests" / "interop" / "js" / "file_upload.js"

pytestmark = pytest.mark.interop


def _run(cmd: list[str], tmp: Path, *args: str) -> list[str]:
    env = dict(os.environ, PORT="0", TMPDIR=str(tmp))
    out = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=60,
                         check=True, env=env)
    return out.stdout.splitlines()


@pytest.mark.parametrize("case", ["sample", "file", "missing"])
def test_upload_prints_what_node_prints(node: str, tmp_path: Path, case: str) -> None:
    outputs = []
    for name, cmd in (("node", [node, str(JS)]), ("py", [sys.executable, str(PY)])):
        work = tmp_path / name
        work.mkdir()
        if case == "sample":
            args: tuple[str, ...] = ()
        elif case == "file":
            src = work / "photo.jpg"
            src.write_bytes(os.urandom(200_000))
            args = (str(src), str(work))
        else:
            args = (str(tmp_path / "missing.jpg"), str(work))
        lines = _run(cmd, work, *args)
        outputs.append([line.replace(str(tmp_path), "$T") for line in lines])
        if case != "missing":
            assert not list(work.rglob("received.bin"))  # The copy was removed.
    assert outputs[1] == outputs[0]
    expected_last = {"sample": "server: copy removed", "file": "server: copy removed",
                     "missing": "client: ENOENT: no such file or directory, open "
                                "'$T/missing.jpg'"}
    assert outputs[0][-1] == expected_last[case]
    if case == "sample":
        assert "server: saved 1048576 bytes" in outputs[0]
        assert "server: same contents: yes" in outputs[0]
