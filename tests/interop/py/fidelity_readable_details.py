# ruff: noqa: E702  (one JS statement line, one Python line: the files read side by side)
# Readable details: unshift under an encoding, read(n) with odd n, readableLength in UTF-16 units.
import math

from pynet import nextTick, run
from pynet.stream import Readable


def mk():
    return Readable({'read': lambda n: None})


def show(v):
    if v is None:
        return 'null'
    if isinstance(v, bytes):
        return 'Buffer ' + v.hex()
    units = v.encode('utf-16-le', 'surrogatepass')
    out = ''
    for i in range(0, len(units), 2):
        c = units[i] | units[i + 1] << 8
        out += chr(c) if c < 0x7f else f'\\u{c:04x}'
    return '"' + out.replace('\\', '\\\\') + '"'


def t(label, f):
    try:
        f()
    except Exception as e:
        print(label, 'threw', e.code, e)


def js(n):
    if isinstance(n, float):
        if n != n:
            return 'NaN'
        if math.isinf(n):
            return 'Infinity' if n > 0 else '-Infinity'
        if n == int(n) and abs(n) < 1e21:
            return str(int(n))
        return {1e21: '1e+21', 1.5e-7: '1.5e-7'}.get(n, repr(n))
    if n is True:
        return 'true'
    if n is None:
        return 'null'
    if isinstance(n, list):
        return ','.join(map(js, n))
    return str(n)


def unshift_str_hex():
    r = mk(); r.setEncoding('hex'); r.push(b'ab'); r.unshift('ff'); print(r.readableLength, show(r.read()))


def unshift_hex_hex():
    r = mk(); r.setEncoding('hex'); r.push(b'ab'); r.unshift('ff', 'hex'); print(r.readableLength, show(r.read()))


def unshift_buf_utf8():
    r = mk(); r.setEncoding('utf8'); r.push('h\u00e9llo'.encode()); r.unshift('x\u00e9'.encode())
    print(r.readableLength, show(r.read()))


def unshift_buf_part():
    r = mk(); r.setEncoding('utf8'); r.push(b'hello'); r.unshift('x\u00e9'.encode())
    print(show(r.read(1)), show(r.read(3)), show(r.read()))


def unshift_buf_b64():
    r = mk(); r.setEncoding('base64'); r.push(b'abcd'); print(r.readableLength)
    r.unshift(b'q'); print(r.readableLength, show(r.read()))


def unshift_buf_flowing():
    f = mk(); f.setEncoding('utf8'); f.on('data', lambda d: print('data', show(d))); f.resume()

    def later():
        f.unshift('\u00e9'.encode()); f.push('\u00e9'.encode())
    nextTick(later)


def unshift_latin1():
    r = mk(); r.setEncoding('latin1'); r.push('\u00e9t\u00e9', 'latin1'); r.unshift('\u00e9')
    print(r.readableLength, show(r.read()))


t('unshift-str-hex', unshift_str_hex)
t('unshift-hex-hex', unshift_hex_hex)
t('unshift-buf-utf8', unshift_buf_utf8)
t('unshift-buf-part', unshift_buf_part)
t('unshift-buf-b64', unshift_buf_b64)
t('unshift-buf-flowing', unshift_buf_flowing)
t('unshift-latin1', unshift_latin1)
for n in [1.5, 2.7, 0.5, '3', ' 2x', math.nan, -1, -0.5, math.inf, -math.inf, 1e21, 1.5e-7,
          2 ** 30, True, None, [2], '']:
    def read_n(n=n):
        r = mk(); r.setEncoding('hex'); r.push(b'abcdef')
        print('read', js(n), show(r.read(n)), r.readableLength)
    t('read ' + js(n), read_n)
for n in [2 ** 30 + 1, 1e10, 2 ** 30 + 0.5]:
    def big(n=n):
        r = mk(); r.push(b'abcdef'); print(show(r.read(n)))
    t('big ' + js(n), big)


def utf16_split():
    r = mk(); r.setEncoding('utf16le'); r.push(bytes([0x3d, 0xd8])); print(r.readableLength)
    r.push(bytes([0x00, 0xde, 0x41, 0x00]))
    print(r.readableLength, show(r.read(1)), r.readableLength, show(r.read(1)), show(r.read()))


def utf16_join():
    r = mk(); r.setEncoding('utf8'); r.push('\U0001F600\U0001F601'.encode())
    print(r.readableLength, show(r.read(1)), r.readableLength, show(r.read(2)), show(r.read()))


def set_after():
    r = mk(); r.push('h\u00e9llo \U0001F600'.encode()); r.setEncoding('utf8'); print(r.readableLength)


def set_after_hex():
    r = mk(); r.push(b'abc'); r.setEncoding('hex'); print(r.readableLength, show(r.read(2)), r.readableLength)


def b64_len():
    r = mk(); r.setEncoding('base64'); r.push(b'abcd'); print(r.readableLength, show(r.read(3)), r.readableLength)


def push_bad_hex():
    r = mk(); r.setEncoding('utf8'); r.push('xyz', 'hex'); print(r.readableLength, show(r.read()))


t('utf16-split', utf16_split)
t('utf16-join', utf16_join)
t('set-after', set_after)
t('set-after-hex', set_after_hex)
t('b64-len', b64_len)
t('push-bad-hex', push_bad_hex)
run()
