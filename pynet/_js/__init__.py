"""JavaScript value helpers, one copy of each JavaScript rule.

* :mod:`~pynet._js.number`: ``typeof 'number'``, ``Number(value)``, ``String(number)``;
* :mod:`~pynet._js.value`: ``Boolean(value)`` and ``String(value)`` of any value;
* :mod:`~pynet._js.inspect`: ``util.inspect``;
* :mod:`~pynet._js.validators`: Node's argument checks and their error messages;
* :mod:`~pynet._js.encoding`, :mod:`~pynet._js.ip`, :mod:`~pynet._js.nodeobject`: Buffer
  encodings, IP address text, plain objects.

Leaves: they import only :mod:`pynet.errors` and each other, and every layer may use them.
"""
