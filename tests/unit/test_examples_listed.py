"""Every example is listed in examples/README.md with its command, and is run by a test.

The README table is the site's Examples page; the tests that run each example
against its client live in tests/integration/test_examples.py and
tests/interop/test_examples_clients.py (and test_seed.py, test_timers_node.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").glob("*.py"))
TESTS = "".join(p.read_text() for p in (ROOT / "tests").rglob("test_*.py")
                if p.name != Path(__file__).name)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_in_the_readme_with_a_command(name: str) -> None:
    readme = (ROOT / "examples" / "README.md").read_text()
    assert f"python examples/{name}" in readme


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_run_by_a_test(name: str) -> None:
    assert name in TESTS or name.removesuffix(".py") in TESTS
