"""Differential fuzzing of pynet against node: see :mod:`core`."""
