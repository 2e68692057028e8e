"""process: the standard streams, argv, exitCode and 'exit', as a script uses them."""

from __future__ import annotations

from pynet import net, process


def main() -> None:
    sock = net.connect(7000, "127.0.0.1")
    process.stdin.pipe(sock)
    sock.pipe(process.stdout)
    width: int = process.stdout.columns or 80 if process.stdout.isTTY else 80
    process.stderr.write(f"{width} {process.stdout.fd} {process.argv[1:]}\n")
    process.stdin.setEncoding("utf8")
    process.exitCode = 1
    code = process.exitCode

    def on_exit(c: int) -> None:
        print(c, code)

    process.on("exit", on_exit)
    args: list[str] = process.argv
    home: str | None = process.env.get("HOME")
    print(args, home, process.pid, process.platform, process.cwd(), process.hrtime.bigint())
    if len(args) > 5:
        process.exit(2)
