const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', l => { console.log('line', l); queueMicrotask(() => console.log('micro after', l)); process.nextTick(() => console.log('tick after', l)); });
rl.on('close', () => console.log('close'));
process.stdin.on('end', () => console.log('stdin end'));
