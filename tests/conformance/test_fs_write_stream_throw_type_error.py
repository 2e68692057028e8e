"""Port of test/parallel/test-fs-write-stream-throw-type-error.js (Node v20).

createWriteStream takes None, an encoding name or a dict as options; a number
or a boolean is ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from tests.conformance.common import assert_node_error


def test_good_options(tmp_path: Path) -> None:
    example = str(tmp_path / "dummy")
    fs.createWriteStream(example, None).end()
    fs.createWriteStream(example).end()
    fs.createWriteStream(example, "utf8").end()
    fs.createWriteStream(example, {"encoding": "utf8"}).end()
    run()


@pytest.mark.parametrize("options", [123, 0, True, False])
def test_bad_options(tmp_path: Path, options: Any) -> None:
    with pytest.raises(TypeError) as info:
        fs.createWriteStream(str(tmp_path / "dummy"), options)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
