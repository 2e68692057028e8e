"""pynet's types under mypy and pyright, in trio's style.

* ``pass/*.py`` and the README's Python example must type-check cleanly under
  ``mypy --strict`` and pyright's strict mode.
* ``fail/*.py``: every line marked ``# E: why`` must get at least one error
  from each checker, a line marked ``# E[pyright]: why`` (or ``E[mypy]``) from
  that checker only, and no unmarked line may get any.
* mypy, run from another directory, finds pynet's types through the
  README's editable install.

Each checker runs once per session over all the files (the slow part: a
cold mypy cache takes a while), then each file is judged on its own.
"""

from __future__ import annotations

import json
import os
import re
import site
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PASS = sorted((HERE / "pass").glob("*.py"))
FAIL = sorted((HERE / "fail").glob("*.py"))
CHECKERS = ("mypy", "pyright")
MARK = re.compile(r"#\s*E(?:\[(mypy|pyright)\])?:")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@dataclass
class Results:
    #: (checker, resolved path) -> {line: [messages]}
    errors: dict[tuple[str, Path], dict[int, list[str]]]

    def of(self, checker: str, path: Path) -> dict[int, list[str]]:
        return self.errors.get((checker, path.resolve()), {})


def _readme_example() -> str:
    """The Python half of the README's Node ↔ Python table."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## Node ↔ Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's Python example is missing"
    return match.group(1)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "MYPYPATH"):
        env.pop(name, None)
    return env


def _run_mypy(files: list[Path], cwd: Path) -> dict[tuple[str, Path], dict[int, list[str]]]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--hide-error-context",
         "--no-pretty", *map(str, files)],
        cwd=cwd, capture_output=True, text=True, env=_env(), check=False)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    found: dict[tuple[str, Path], dict[int, list[str]]] = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"(.+?):(\d+): error: (.*)", line)
        if m:
            path = (cwd / m.group(1)).resolve()
            found.setdefault(("mypy", path), {}).setdefault(int(m.group(2)), []).append(
                m.group(3))
    return found


def _run_pyright(files: list[Path]) -> dict[tuple[str, Path], dict[int, list[str]]]:
    proc = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", "-p", str(HERE), "--pythonpath",
         sys.executable, *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, env=_env(), check=False)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    # (The pyright wrapper may print its first-run npm install before the report.)
    report = json.loads(proc.stdout[proc.stdout.index("{"):])
    found: dict[tuple[str, Path], dict[int, list[str]]] = {}
    for diag in report["generalDiagnostics"]:
        if diag["severity"] != "error":
            continue
        path = Path(diag["file"]).resolve()
        line = diag["range"]["start"]["line"] + 1
        found.setdefault(("pyright", path), {}).setdefault(line, []).append(diag["message"])
    return found


@pytest.fixture(scope="session")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    readme = tmp_path_factory.mktemp("readme") / "readme_example.py"
    readme.write_text(_readme_example())
    errors: dict[tuple[str, Path], dict[int, list[str]]] = {}
    # mypy names a module after its file: the two directories run apart.
    errors.update(_run_mypy([*PASS, readme], ROOT))
    errors.update(_run_mypy(FAIL, ROOT))
    errors.update(_run_pyright([*PASS, *FAIL, readme]))
    return Results(errors)


def _show(errors: dict[int, list[str]]) -> str:
    return "\n".join(f"  line {n}: {msg}" for n, msgs in sorted(errors.items()) for msg in msgs)


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("path", PASS, ids=lambda p: p.name)
def test_pass(results: Results, checker: str, path: Path) -> None:
    errors = results.of(checker, path)
    assert not errors, f"{checker} reports errors in {path.name}:\n{_show(errors)}"


@pytest.mark.parametrize("checker", CHECKERS)
def test_readme_example(results: Results, checker: str) -> None:
    found = [errs for (name, path), errs in results.errors.items()
             if name == checker and path.name == "readme_example.py"]
    assert not found, f"{checker} reports errors in the README example:\n{_show(found[0])}"


def _expected(path: Path, checker: str) -> set[int]:
    lines = set()
    for number, text in enumerate(path.read_text().splitlines(), 1):
        m = MARK.search(text)
        if m and m.group(1) in (None, checker):
            lines.add(number)
    return lines


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("path", FAIL, ids=lambda p: p.name)
def test_fail(results: Results, checker: str, path: Path) -> None:
    expected = _expected(path, checker)
    assert expected, f"{path.name} has no marked lines"
    errors = results.of(checker, path)
    missed = sorted(expected - set(errors))
    unexpected = {n: msgs for n, msgs in errors.items() if n not in expected}
    assert not missed, f"{checker} accepts lines marked as errors in {path.name}: {missed}"
    assert not unexpected, (f"{checker} reports errors on unmarked lines of {path.name}:\n"
                            f"{_show(unexpected)}")


def test_fail_markers_name_a_checker() -> None:
    """A typo in a marker (``# E[pyrght]:``) would silently drop the line."""
    for path in FAIL:
        for number, text in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"#\s*E\[", text):
                assert MARK.search(text), f"{path.name}:{number}: unknown checker in marker"


@pytest.mark.parametrize("checker", CHECKERS)
def test_installed_package_is_found_from_another_directory(tmp_path: Path,
                                                           checker: str) -> None:
    """After ``pip install -e '.[test]'`` a checker run anywhere finds pynet's
    types: setuptools' default editable install is an import hook, which mypy
    and pyright do not run (setup.cfg's ``package_dir`` makes it a plain path)."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from typing import assert_type\n"
        "from pynet import net\n"
        "server = net.createServer()\n"
        "assert_type(server, net.Server)\n"
        "addr = server.address()\n"
        "assert isinstance(addr, net.AddressInfo)\n"
        "assert_type(addr.port, int)\n")
    if checker == "mypy":
        cmd = [sys.executable, "-m", "mypy", "--strict", "probe.py"]
    else:
        cmd = [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "probe.py"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=_env(),
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_editable_install_is_a_static_path() -> None:
    """The reason the test above passes: the editable install's .pth names this
    directory (a hook, ``import __editable__…``, would hide pynet from checkers)."""
    pths = [path for site_dir in site.getsitepackages()
            for path in Path(site_dir).glob("__editable__*pynet_node*.pth")]
    if not pths:
        pytest.skip("pynet is not installed in editable mode here")
    lines = [line for path in pths for line in path.read_text().splitlines() if line.strip()]
    assert not [line for line in lines if line.startswith("import ")], lines
    assert [Path(line).resolve() for line in lines] == [ROOT]
