"""Twin of ../js/stdin_lines_scopes.js (tests/interop/test_readline_promises_node.py)."""

from pynet import process, queueMicrotask, readline, run

rl = readline.createInterface({'input': process.stdin})
def on_line(line):
    print('line', line, flush=True)
    queueMicrotask(lambda: print('micro after', line, flush=True))
    process.nextTick(lambda: print('tick after', line, flush=True))
rl.on('line', on_line)
rl.on('close', lambda: print('close', flush=True))
process.stdin.on('end', lambda: print('stdin end', flush=True))
run()
