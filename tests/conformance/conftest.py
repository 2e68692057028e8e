"""Every conformance test gets a fresh real-clock loop and a must_call checker.

The loop is checked idle and the fds unleaked at teardown (tests/conftest.py),
like Node's test harness checks ``common.mustCall`` counts at exit.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pynet._core.loop import Loop
from tests.conformance._rejections import rejections  # noqa: F401 - a fixture
from tests.helpers import CallChecker


@pytest.fixture(autouse=True)
def _conformance_loop(loop: Loop, checker: CallChecker) -> Iterator[None]:
    yield
