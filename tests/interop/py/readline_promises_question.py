"""Twin of ../js/readline_promises_question.js (tests/interop/test_readline_promises_node.py)."""

from pynet import abort, process, readline, run, timers

rl = readline.promises.createInterface({'input': process.stdin, 'output': process.stdout})


async def main():
    name = await rl.question('What is your name? ')
    colour = await rl.question('Favourite colour? ')
    print(f'Hello {name}, you like {colour}.', flush=True)
    ac = abort.AbortController()
    ac.abort('stop')
    try:
        await rl.question('never? ', {'signal': ac.signal})
    except Exception as e:
        print('rejected', e.name, e.code, e.cause, flush=True)
    ac2 = abort.AbortController()
    p = rl.question('later? ', {'signal': ac2.signal})
    timers.setTimeout(lambda: ac2.abort('late'), 10)
    try:
        await p
    except Exception as e:
        print('rejected', e.name, e.code, e.cause, flush=True)
    rl.close()
    try:
        await rl.question('closed? ')
    except Exception as e:
        print('rejected', 'Error', e.code, flush=True)  # JS's e.name of an ERR_*

rl.on('close', lambda: print('bye', flush=True))
run(main())
