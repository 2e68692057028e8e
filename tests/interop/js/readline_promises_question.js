const readline = require('readline/promises');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.on('close', () => console.log('bye'));
(async () => {
  const name = await rl.question('What is your name? ');
  const colour = await rl.question('Favourite colour? ');
  console.log(`Hello ${name}, you like ${colour}.`);
  const ac = new AbortController(); ac.abort('stop');
  try { await rl.question('never? ', { signal: ac.signal }); } catch (e) { console.log('rejected', e.name, e.code, e.cause); }
  const ac2 = new AbortController();
  const p = rl.question('later? ', { signal: ac2.signal });
  setTimeout(() => ac2.abort('late'), 10);
  try { await p; } catch (e) { console.log('rejected', e.name, e.code, e.cause); }
  rl.close();
  try { await rl.question('closed? '); } catch (e) { console.log('rejected', e.name, e.code); }
})();
