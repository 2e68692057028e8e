"""bench/run.py's compiled-build rows (``pynet_*_mypyc``): which runs include them,
and the setup step's skips (never a failed run) when the build can't be had.

The build itself (minutes of mypyc) is not run here; CI builds the compiled
package in its own job.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_py() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["bench_run"]


def _names(run_py: ModuleType, *argv: str) -> list[str]:
    return [s.name for s in run_py.choose_servers(run_py.parse_args(list(argv)))]


def test_full_runs_have_both_builds_quick_runs_only_when_asked(run_py: ModuleType) -> None:
    full = _names(run_py)
    assert {"pynet_pipe", "pynet_data", "pynet_pipe_mypyc", "pynet_data_mypyc"} <= set(full)
    assert "pynet_pipe_mypyc" not in _names(run_py, "--quick")
    assert "pynet_pipe_mypyc" not in _names(run_py, "--no-compiled")
    assert _names(run_py, "--quick", "--servers", "pynet_pipe_mypyc,uvloop") == [
        "pynet_pipe_mypyc", "uvloop"]


def test_compiled_rows_import_the_venv_not_the_checkout(run_py: ModuleType) -> None:
    row = next(s for s in run_py.SERVERS if s.name == "pynet_pipe_mypyc")
    assert row.build == "compiled" and row.argv[0] == str(run_py.COMPILED_PY)
    parts = run_py.py_env("compiled")["PYTHONPATH"].split(":")
    assert str(ROOT) not in parts
    assert str(ROOT) in run_py.py_env("pure")["PYTHONPATH"].split(":") or (
        run_py.os.environ.get("PYNET_TEST_INSTALLED") == "1")


def _rows(run_py: ModuleType) -> list[Any]:
    return [run_py.Server(s.name, s.label, s.kind, s.argv, build=s.build)
            for s in run_py.SERVERS if s.name in ("pynet_pipe", "pynet_pipe_mypyc")]


def test_no_build_and_no_install_skips_the_compiled_rows(
        run_py: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_py, "COMPILED_VENV", tmp_path / "venv")
    monkeypatch.setattr(run_py, "COMPILED_PY", tmp_path / "venv" / "bin" / "python")
    monkeypatch.setattr(run_py, "COMPILED_STAMP", tmp_path / "venv" / "stamp")
    monkeypatch.setattr(run_py, "ROOT", tmp_path)
    rows = _rows(run_py)
    info = run_py.setup_compiled(rows, allow_install=False)
    pure, compiled = rows
    assert pure.status == "ok"
    assert compiled.status == "skipped" and "--no-install" in compiled.note
    assert info.startswith("not measured")


def test_no_c_compiler_skips_the_compiled_rows(
        run_py: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_py, "COMPILED_PY", tmp_path / "venv" / "bin" / "python")
    monkeypatch.setattr(run_py, "COMPILED_STAMP", tmp_path / "venv" / "stamp")
    monkeypatch.setattr(run_py.shutil, "which", lambda name: None)
    rows = _rows(run_py)
    run_py.setup_compiled(rows, allow_install=True)
    assert rows[1].status == "skipped" and "no C compiler" in rows[1].note
    assert not (tmp_path / "venv").exists()
