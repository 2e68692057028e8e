"""Port of test/parallel/test-stream-pipe-unpipe-streams.js (Node v20).

Unpiping in any order; unpipe() of everything removes every listener pipe()
added, on the source and each destination; unpipe pauses the source.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable


def idle_pair() -> tuple[Readable, Writable, Writable]:
    return (Readable(read=lambda: None), Writable(write=lambda: None),
            Writable(write=lambda: None))


def test_unpipe_in_reverse_order(checker: Any) -> None:
    source, dest1, dest2 = idle_pair()
    source.pipe(dest1)
    source.pipe(dest2)
    dest1.on("unpipe", checker.must_call())
    dest2.on("unpipe", checker.must_call())
    assert source._r_pipes == [dest1, dest2]
    source.unpipe(dest2)
    assert source._r_pipes == [dest1]
    dest2.on("unpipe", checker.must_not_call())
    source.unpipe(dest2)
    source.unpipe(dest1)
    assert len(source._r_pipes) == 0
    run()


def test_unpipe_all_cleans_up(checker: Any) -> None:
    source, dest1, dest2 = idle_pair()
    dest_count = [0]

    def check_src_cleanup() -> None:
        assert len(source._r_pipes or []) == 0
        assert source.readableFlowing is False
        for name in ("end", "data"):
            assert source.listenerCount(name) == 0, name
    check_src = checker.must_call(check_src_cleanup)

    def check_dest_cleanup(dest: Writable) -> None:
        dest_count[0] += 1
        current = dest_count[0]
        source.pipe(dest)

        def unpipe_checker() -> None:
            assert dest.listeners("unpipe") == [checker_fn], current
            dest.removeListener("unpipe", checker_fn)
            for name in ("close", "finish", "drain", "error", "unpipe"):
                assert dest.listenerCount(name) == 0, (current, name)
            dest_count[0] -= 1
            if dest_count[0] == 0:
                check_src()
        checker_fn = checker.must_call(unpipe_checker)
        dest.on("unpipe", checker_fn)

    check_dest_cleanup(dest1)
    check_dest_cleanup(dest2)
    source.unpipe()
    run()


def test_unpipe_pauses(checker: Any) -> None:
    src = Readable(read=lambda: None)
    dst = Writable(write=lambda: None)
    src.pipe(dst)

    def on_resume() -> None:
        src.on("pause", checker.must_call())
        src.unpipe(dst)
    src.on("resume", checker.must_call(on_resume))
    run()
