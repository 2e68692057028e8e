'use strict';
// The Node original of examples/file_upload.py: a file upload over TCP with
// fs.createReadStream(file).pipe(net.connect(...)), saved by the server with
// fs.createWriteStream, checked (stat, readFile) and removed (unlink).
// Usage: node file_upload.js [FILE [DIR]]
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2);
const folder = args.length > 1 ? args[1] : fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));
const port = +(process.env.PORT || 0);

function upload(source) {
  const server = net.createServer((sock) => {
    const target = path.join(folder, 'received.bin');
    const out = fs.createWriteStream(target);
    sock.pipe(out);

    out.on('close', () => {
      console.log(`server: saved ${out.bytesWritten} bytes`);
      fs.stat(target, (err, stats) => {
        console.log(`server: the copy is a file of ${stats.size} bytes: ${stats.isFile()}`);
        fs.readFile(source, (err, original) => fs.readFile(
          target, (err, copy) => compared(original, copy, target)));
      });
    });
  });

  function compared(original, copy, target) {
    console.log(`server: same contents: ${original.equals(copy) ? 'yes' : 'no'}`);
    fs.unlink(target, (err) => {
      console.log(err == null ? 'server: copy removed' : `server: ${err.message}`);
      server.close();
    });
  }

  server.listen(port, '127.0.0.1', () => {
    console.log('server: listening');
    const file = fs.createReadStream(source);
    file.on('open', (fd) => {
      console.log(`client: sending ${path.basename(source)}`);
      file.pipe(net.connect(server.address().port, '127.0.0.1'));
    });
    file.on('end', () => console.log(`client: sent ${file.bytesRead} bytes`));
    file.on('error', (err) => { console.log(`client: ${err.message}`); server.close(); });
  });
}

if (args.length) {
  upload(args[0]);
} else {
  const sample = path.join(folder, 'sample.bin');
  const data = Buffer.alloc(256 * 4096);
  for (let i = 0; i < data.length; i++) data[i] = i % 256;
  fs.writeFile(sample, data, (err) => {
    console.log('client: wrote sample.bin');
    upload(sample);
  });
}
