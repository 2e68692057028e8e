"""JavaScript value helpers: numbers, ``inspect``, validators, encodings, IP text, plain objects.

Leaves: they import only :mod:`pynet.errors` and each other, and every layer may use them.
"""
