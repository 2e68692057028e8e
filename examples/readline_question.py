"""Two questions on the terminal (or on piped stdin) with ``readline``.

The Node program, line for line::

    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    rl.question('What is your name? ', (name) => {
      rl.question('Favourite colour? ', (colour) => {
        console.log(`Hello ${name}, you like ${colour}.`);
        rl.close();
      });
    });
    rl.on('close', () => console.log('bye'));

``rl.close()`` pauses stdin, which then no longer keeps the program alive; if
stdin ends before both answers, ``'close'`` comes at its end.

Run: ``python examples/readline_question.py`` (or ``printf 'Ann\\nblue\\n' |
python examples/readline_question.py``).
"""

from pynet import process, readline, run

rl = readline.createInterface({'input': process.stdin, 'output': process.stdout})


def ask_colour(name):
    def answer(colour):
        process.stdout.write(f'Hello {name}, you like {colour}.\n')
        rl.close()

    rl.question('Favourite colour? ', answer)


rl.question('What is your name? ', ask_colour)
rl.on('close', lambda: process.stdout.write('bye\n'))
run()
