"""The asyncio_protocol.py echo protocol, run on uvloop.

    python uvloop_protocol.py PORT

uvloop is installed by bench/run.py's setup step (into bench/build/), never
as a pynet dependency; run.py skips this row with a note if it is missing.
"""

from __future__ import annotations

import uvloop
from asyncio_protocol import main

if __name__ == "__main__":
    main(uvloop.run)
