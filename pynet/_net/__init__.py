"""``net.Socket`` and ``net.Server`` (``lib/net.js``) and what they share.
"""
