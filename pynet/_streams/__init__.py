"""Node's stream machinery (``lib/internal/streams/*``): Readable, Writable, Duplex, pipe.
"""
