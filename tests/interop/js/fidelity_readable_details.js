// Readable details: unshift under an encoding, read(n) with odd n, readableLength in UTF-16 units.
const { Readable } = require('stream');
const mk = () => new Readable({ read() {} });
function show(v) {
  if (v === null) return 'null';
  if (Buffer.isBuffer(v)) return 'Buffer ' + v.toString('hex');
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    out += c < 0x7f ? v[i] : '\\u' + c.toString(16).padStart(4, '0');
  }
  return JSON.stringify(out);
}
function t(label, f) {
  try { f(); } catch (e) { console.log(label, 'threw', e.code, e.message); }
}
let r;
t('unshift-str-hex', () => { r = mk(); r.setEncoding('hex'); r.push(Buffer.from('ab')); r.unshift('ff'); console.log(r.readableLength, show(r.read())); });
t('unshift-hex-hex', () => { r = mk(); r.setEncoding('hex'); r.push(Buffer.from('ab')); r.unshift('ff', 'hex'); console.log(r.readableLength, show(r.read())); });
t('unshift-buf-utf8', () => { r = mk(); r.setEncoding('utf8'); r.push(Buffer.from('h\u00e9llo')); r.unshift(Buffer.from('x\u00e9')); console.log(r.readableLength, show(r.read())); });
t('unshift-buf-part', () => { r = mk(); r.setEncoding('utf8'); r.push(Buffer.from('hello')); r.unshift(Buffer.from('x\u00e9')); console.log(show(r.read(1)), show(r.read(3)), show(r.read())); });
t('unshift-buf-b64', () => { r = mk(); r.setEncoding('base64'); r.push(Buffer.from('abcd')); console.log(r.readableLength); r.unshift(Buffer.from('q')); console.log(r.readableLength, show(r.read())); });
t('unshift-buf-flowing', () => { const f = mk(); f.setEncoding('utf8'); f.on('data', (d) => console.log('data', show(d))); f.resume(); process.nextTick(() => { f.unshift(Buffer.from('\u00e9')); f.push(Buffer.from('\u00e9')); }); });
t('unshift-latin1', () => { r = mk(); r.setEncoding('latin1'); r.push('\u00e9t\u00e9', 'latin1'); r.unshift('\u00e9'); console.log(r.readableLength, show(r.read())); });
for (const n of [1.5, 2.7, 0.5, '3', ' 2x', NaN, -1, -0.5, Infinity, -Infinity, 1e21, 1.5e-7, 2 ** 30, true, null, [2], '']) {
  t('read ' + String(n), () => { r = mk(); r.setEncoding('hex'); r.push(Buffer.from('abcdef')); console.log('read', String(n), show(r.read(n)), r.readableLength); });
}
for (const n of [2 ** 30 + 1, 1e10, 2 ** 30 + 0.5]) {
  t('big ' + String(n), () => { r = mk(); r.push(Buffer.from('abcdef')); console.log(show(r.read(n))); });
}
t('utf16-split', () => { r = mk(); r.setEncoding('utf16le'); r.push(Buffer.from([0x3d, 0xd8])); console.log(r.readableLength); r.push(Buffer.from([0x00, 0xde, 0x41, 0x00])); console.log(r.readableLength, show(r.read(1)), r.readableLength, show(r.read(1)), show(r.read())); });
t('utf16-join', () => { r = mk(); r.setEncoding('utf8'); r.push(Buffer.from('\u{1F600}\u{1F601}')); console.log(r.readableLength, show(r.read(1)), r.readableLength, show(r.read(2)), show(r.read())); });
t('set-after', () => { r = mk(); r.push(Buffer.from('h\u00e9llo \u{1F600}')); r.setEncoding('utf8'); console.log(r.readableLength); });
t('set-after-hex', () => { r = mk(); r.push(Buffer.from('abc')); r.setEncoding('hex'); console.log(r.readableLength, show(r.read(2)), r.readableLength); });
t('b64-len', () => { r = mk(); r.setEncoding('base64'); r.push(Buffer.from('abcd')); console.log(r.readableLength, show(r.read(3)), r.readableLength); });
t('push-bad-hex', () => { r = mk(); r.setEncoding('utf8'); r.push('xyz', 'hex'); console.log(r.readableLength, show(r.read())); });
