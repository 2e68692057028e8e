// Node's dgram echo server, the program pynet_dgram.py transliterates.
'use strict';
const dgram = require('dgram');

const sock = dgram.createSocket('udp4');
sock.on('message', (msg, rinfo) => sock.send(msg, rinfo.port, rinfo.address));
sock.bind(Number(process.argv[2]), '127.0.0.1');
