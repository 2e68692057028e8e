"""Node's file-system internals (``lib/internal/fs/*``) for :mod:`pynet.fs`.

* :mod:`pynet._fs.ops`: the ``uv_fs_*`` requests on the threadpool, the
  argument rules of ``internal/fs/utils`` (paths, flags, modes, options) and
  ``Stats``;
* :mod:`pynet._fs.streams`: ``ReadStream`` and ``WriteStream``
  (``internal/fs/streams``) on the public stream classes.
"""
