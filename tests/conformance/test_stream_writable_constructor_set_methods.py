"""Port of test/parallel/test-stream-writable-constructor-set-methods.js (Node v20).

Without _write, end(chunk) throws ERR_METHOD_NOT_IMPLEMENTED; the 'write' and
'writev' options become _write and _writev, and corked writes go to _writev.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, run
from pynet.stream import Writable


def test_constructor_set_methods(checker: Any) -> None:
    buffer_blerg = b"blerg"
    w = Writable()
    with pytest.raises(errors.ERR_METHOD_NOT_IMPLEMENTED,
                       match=r"^The _write\(\) method is not implemented$"):
        w.end(buffer_blerg)

    _write = checker.must_call(lambda chunk, _, next_: next_())

    def writev(chunks: list[Any], next_: Any) -> None:
        assert len(chunks) == 2
        next_()
    _writev = checker.must_call(writev)

    w2 = Writable(write=_write, writev=_writev)
    assert w2._write is _write
    assert w2._writev is _writev
    w2.write(buffer_blerg)
    w2.cork()
    w2.write(buffer_blerg)
    w2.write(buffer_blerg)
    w2.end()
    run()
