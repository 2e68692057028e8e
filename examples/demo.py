"""The README demo: Node's event loop order, reproduced by pynet."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).with_name("timers_order.py")), run_name="__main__")
