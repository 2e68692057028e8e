"""readline over a TCP socket: js/readline_tcp.js transliterated."""

import base64
import json
import sys

from pynet import net, readline, run, setTimeout

chunks = json.loads(sys.argv[1])


def on_connection(sock):
    rl = readline.createInterface({'input': sock, 'output': sock})
    rl.on('line', lambda line: print('line', json.dumps(line, ensure_ascii=False)))
    rl.on('pause', lambda: print('pause'))
    rl.on('resume', lambda: print('resume'))

    def on_close():
        print('close', 'true' if rl.closed else 'false')
        sock.end()
        server.close()
    rl.on('close', on_close)
    rl.question('name? ', lambda answer: print('answer', json.dumps(answer, ensure_ascii=False),
                                               json.dumps(rl.getPrompt())))


server = net.createServer(on_connection)


def on_listening():
    c = net.connect(server.address().port, '127.0.0.1')
    got = []
    c.setEncoding('utf8')
    c.on('data', got.append)
    c.on('end', lambda: print('client got', json.dumps(''.join(got), ensure_ascii=False)))
    state = {'i': 0}

    def next_chunk():
        if state['i'] < len(chunks):
            c.write(base64.b64decode(chunks[state['i']]))
            state['i'] += 1
            setTimeout(next_chunk, 5)
        else:
            c.end()
    next_chunk()


server.listen(0, '127.0.0.1', on_listening)
run()
