"""Node's cluster internals (``lib/internal/cluster/*``, the IPC parts of ``child_process``).

One module per concern, as Node splits them: :mod:`~pynet._cluster.channel`
(``setupChannel``: JSON messages over an IPC pipe, and cluster's
``sendHelper``/``internal``), :mod:`~pynet._cluster.child_process` (the
worker's process as the primary sees it), :mod:`~pynet._cluster.worker`
(``Worker``), :mod:`~pynet._cluster.handles` (``RoundRobinHandle``,
``SharedHandle``), :mod:`~pynet._cluster.primary` and
:mod:`~pynet._cluster.child` (each side's ``cluster`` object).  The public
module is :mod:`pynet.cluster`.
"""
