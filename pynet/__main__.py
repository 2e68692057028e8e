"""``python -m pynet script.py args…``: see :mod:`pynet._embed.runner`."""

from pynet._embed.runner import main

raise SystemExit(main())
