// setEncoding('utf16le') on a socket: a surrogate pair split across TCP chunks arrives
// whole; a high surrogate left at the end is emitted alone, an odd last byte dropped.
const net = require('net');
const parts = [[0x3d, 0xd8], [0x00, 0xde, 0x41], [0x00, 0x3d], [0xd8, 0x42]];
const show = (v) => [...Array(v.length).keys()].map((i) => v.charCodeAt(i).toString(16)).join(' ');
const srv = net.createServer((c) => {
  let i = 0;
  const step = () => {
    if (i < parts.length) { c.write(Buffer.from(parts[i++])); setTimeout(step, 30); } else c.end();
  };
  step();
});
srv.listen(0, '127.0.0.1', () => {
  const s = net.connect(srv.address().port, '127.0.0.1');
  s.setEncoding('utf16le');
  s.on('data', (d) => console.log('data', d.length, show(d)));
  s.on('end', () => { console.log('end'); srv.close(); });
});
