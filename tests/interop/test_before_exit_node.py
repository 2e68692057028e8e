"""``'beforeExit'`` as node emits it: the listener's ticks run before liveness is checked.

A listener that only queues a ``nextTick`` is emitted once (the tick does not keep the
loop alive: Node's ``EmitProcessBeforeExit`` is a callback whose ticks drain before
``uv_loop_alive``); one that starts a timer is emitted again after the timer.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.interop

CASES = {
    "tick": ("process.nextTick(() => console.log('tick'))",
             "nextTick(lambda: print('tick'))"),
    "timer": ("setTimeout(() => console.log('timer'), 1)",
              "setTimeout(lambda: print('timer'), 1)"),
    "microtask": ("Promise.resolve().then(() => console.log('then'))",
                  "Promise.resolve(None).then(lambda v: print('then'))"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_before_exit_matches_node(node: str, case: str) -> None:
    js_work, py_work = CASES[case]
    js = textwrap.dedent(f"""
        let n = 0;
        process.on('beforeExit', () => {{
          console.log('beforeExit', ++n);
          if (n < 3) {js_work};
        }});
    """)
    py = textwrap.dedent(f"""
        from pynet import Promise, nextTick, process, run, setTimeout
        n = 0
        def on_before_exit():
            global n
            n += 1
            print('beforeExit', n)
            if n < 3:
                {py_work}
        process.on('beforeExit', on_before_exit)
        run()
    """)
    want = subprocess.run([node, "-e", js], capture_output=True, text=True, timeout=30)
    got = subprocess.run([sys.executable, "-c", py], capture_output=True, text=True, timeout=30)
    assert got.stdout.splitlines() == want.stdout.splitlines(), got.stderr
