"""Port of test/parallel/test-fs-read-stream-throw-type-error.js (Node v20).

createReadStream takes None, an encoding name or a dict as options; a number
or a boolean is ERR_INVALID_ARG_TYPE; a NaN start or end is ERR_OUT_OF_RANGE.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import fs, run
from tests.conformance._fs_fixtures import x_txt  # noqa: F401
from tests.conformance.common import assert_node_error


def test_good_options(x_txt: str) -> None:  # noqa: F811
    streams = [fs.createReadStream(x_txt, None), fs.createReadStream(x_txt),
               fs.createReadStream(x_txt, "utf8"),
               fs.createReadStream(x_txt, {"encoding": "utf8"})]
    for s in streams:
        s.resume()
    run()


@pytest.mark.parametrize("options", [123, 0, True, False])
def test_bad_options_type(x_txt: str, options: Any) -> None:  # noqa: F811
    with pytest.raises(TypeError) as info:
        fs.createReadStream(x_txt, options)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


@pytest.mark.parametrize("options", [{"start": math.nan}, {"end": math.nan},
                                     {"start": math.nan, "end": math.nan}])
def test_nan_range(x_txt: str, options: Any) -> None:  # noqa: F811
    with pytest.raises(ValueError) as info:
        fs.createReadStream(x_txt, options)
    assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
