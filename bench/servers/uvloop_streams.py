"""The asyncio_streams.py echo server (StreamReader/StreamWriter), run on uvloop.

    python uvloop_streams.py PORT

The peer of the compiled build's async echo (issue #16: async echo >= 1.0x uvloop).
uvloop is installed by bench/run.py's setup step (into bench/build/), never as a
pynet dependency; run.py skips this row with a note if it is missing.
"""

from __future__ import annotations

import uvloop
from asyncio_streams import main

if __name__ == "__main__":
    main(uvloop.run)
