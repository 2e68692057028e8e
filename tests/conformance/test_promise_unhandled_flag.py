"""Port of test/parallel/test-promise-unhandled-flag.js (Node v20).

An invalid ``--unhandled-rejections`` value stops the runner before the
script runs (``python -m pynet --unhandled-rejections=foobar script.py``):
nothing on stdout, ``invalid value for --unhandled-rejections`` on stderr,
and Node's status for an invalid argument, 9.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_unhandled_flag(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text("print('ran')\n")
    child = subprocess.run(
        [sys.executable, "-m", "pynet", "--unhandled-rejections=foobar", str(script)],
        capture_output=True, text=True, timeout=60)
    assert child.stdout == ""
    assert "invalid value for --unhandled-rejections" in child.stderr, child.stderr
    assert child.returncode == 9


def test_valid_values_run_the_script(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text("print('ran')\n")
    for mode in ("throw", "strict", "warn", "none", "warn-with-error-code"):
        child = subprocess.run(
            [sys.executable, "-m", "pynet", f"--unhandled-rejections={mode}", str(script)],
            capture_output=True, text=True, timeout=60)
        assert (child.returncode, child.stdout) == (0, "ran\n"), child.stderr
