"""Port of test/parallel/test-net-autoselectfamily.js (Node v20).

Happy eyeballs: IPv4 fallback, interleaved attempts, attempted-address list, AggregateError, opt-out.

Node's test answers the lookups from a fake UDP DNS server; they are mocked here with the
same answers (IPv6 records sorted first).  The second case's remote addresses
(2606:4700::6810:85e5, 104.20.22.46, ...) are replaced by loopback ones that refuse
(``::ffff:127.0.0.2``, ``127.0.0.2``, ...), as these tests stay on loopback; the
attempt order checked is the same.
"""

from __future__ import annotations

from pynet import net
from pynet.process import nextTick
from tests.conformance.common import finish, track

# Node's test/common multiplies the default attempt timeout by 5 for slow CI machines.
ATTEMPT_TIMEOUT = 250 * 5

def make_lookup(checker, ipv6: list[str], ipv4: list[str]):
    def lookup(hostname, options, cb) -> None:
        assert options.get("family") != 4
        hosts = ([{"address": a, "family": 6} for a in ipv6]
                 + [{"address": a, "family": 4} for a in ipv4])
        if options.get("all") is True:
            nextTick(cb, None, hosts)
        else:
            nextTick(cb, None, hosts[0]["address"], hosts[0]["family"])
    return checker.must_call(lookup)


def responder(checker, text: str, times: int = 1):
    def on_connection(socket) -> None:
        def on_data(_chunk) -> None:
            socket.write(text)
            socket.end()
        socket.on("data", checker.must_call(on_data, times) if times else
                  checker.must_not_call())
    return on_connection


def connect_and_expect(checker, port: int, lookup, expected_attempts: list[str],
                       expected_response: str, on_done) -> net.Socket:
    connection = net.createConnection({
        "host": "example.org",
        "port": port,
        "lookup": lookup,
        "autoSelectFamily": True,
        "autoSelectFamilyAttemptTimeout": ATTEMPT_TIMEOUT,
    })
    response = []
    connection.setEncoding("utf-8")

    def on_ready() -> None:
        assert connection.autoSelectFamilyAttemptedAddresses == expected_attempts

    def on_end() -> None:
        assert "".join(response) == expected_response
        on_done()

    connection.on("ready", checker.must_call(on_ready))
    connection.on("data", response.append)
    connection.on("end", checker.must_call(on_end))
    connection.write("request")
    return connection


def test_ipv4_reached_if_ipv6_unreachable(checker) -> None:
    ipv4_server = net.createServer(responder(checker, "response-ipv4"))
    clients: list = []

    def on_listening() -> None:
        port = ipv4_server.address().port
        track(clients, connect_and_expect(
            checker, port, make_lookup(checker, ["::1"], ["127.0.0.1"]),
            [f"::1:{port}", f"127.0.0.1:{port}"], "response-ipv4", ipv4_server.close))

    ipv4_server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    finish(checker, ipv4_server, clients)


def test_only_last_successful_connection_is_established(checker) -> None:
    ipv4_server = net.createServer(responder(checker, "response-ipv4"))
    clients: list = []
    ipv6 = ["::ffff:127.0.0.2", "::ffff:127.0.0.3", "::1"]
    ipv4 = ["127.0.0.2", "127.0.0.3", "127.0.0.1"]

    def on_listening() -> None:
        port = ipv4_server.address().port
        expected = [f"{ipv6[0]}:{port}", f"{ipv4[0]}:{port}", f"{ipv6[1]}:{port}",
                    f"{ipv4[1]}:{port}", f"::1:{port}", f"127.0.0.1:{port}"]
        track(clients, connect_and_expect(
            checker, port, make_lookup(checker, ipv6, ipv4), expected, "response-ipv4",
            ipv4_server.close))

    ipv4_server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    finish(checker, ipv4_server, clients)


def test_ipv4_not_reached_if_ipv6_reachable(checker) -> None:
    ipv4_server = net.createServer(responder(checker, "response-ipv4", times=0))
    ipv6_server = net.createServer(responder(checker, "response-ipv6"))
    clients: list = []

    def on_ipv4_listening() -> None:
        port = ipv4_server.address().port

        def on_ipv6_listening() -> None:
            def done() -> None:
                ipv4_server.close()
                ipv6_server.close()
            track(clients, connect_and_expect(
                checker, port, make_lookup(checker, ["::1"], ["127.0.0.1"]),
                [f"::1:{port}"], "response-ipv6", done))

        ipv6_server.listen(port, "::1", checker.must_call(on_ipv6_listening))

    ipv4_server.listen(0, "127.0.0.1", checker.must_call(on_ipv4_listening))
    finish(checker, ipv4_server, ipv6_server, clients)


def test_all_errors_returned_when_no_connection_succeeded(checker) -> None:
    connection = net.createConnection({
        "host": "example.org",
        "port": 10,
        "lookup": make_lookup(checker, ["::1"], ["127.0.0.1"]),
        "autoSelectFamily": True,
        "autoSelectFamilyAttemptTimeout": ATTEMPT_TIMEOUT,
    })
    connection.on("ready", checker.must_not_call())

    def on_error(error) -> None:
        assert connection.autoSelectFamilyAttemptedAddresses == ["::1:10", "127.0.0.1:10"]
        assert type(error).__name__ == "AggregateError"
        assert len(error.errors) == 2
        messages = [e.message for e in error.errors]
        assert "connect ECONNREFUSED 127.0.0.1:10" in messages
        assert "connect ECONNREFUSED ::1:10" in messages

    connection.on("error", checker.must_call(on_error))
    finish(checker, connection)


def test_option_can_be_disabled(checker) -> None:
    ipv4_server = net.createServer(checker.must_not_call())
    clients: list = []

    def on_listening() -> None:
        port = ipv4_server.address().port
        connection = track(clients, net.createConnection({
            "host": "example.org",
            "port": port,
            "lookup": make_lookup(checker, ["::1"], ["127.0.0.1"]),
            "autoSelectFamily": False,
        }))
        connection.on("ready", checker.must_not_call())

        def on_error(error) -> None:
            assert connection.autoSelectFamilyAttemptedAddresses is None
            assert error.code == "ECONNREFUSED"
            assert error.message == f"connect ECONNREFUSED ::1:{port}"
            ipv4_server.close()

        connection.on("error", checker.must_call(on_error))

    ipv4_server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    finish(checker, ipv4_server, clients)
