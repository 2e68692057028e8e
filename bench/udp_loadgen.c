/* UDP echo load generator for bench/dgram_echo.py.
 *
 *   udp_loadgen PORT SIZE WINDOW SECONDS
 *
 * Keeps WINDOW datagrams of SIZE bytes in flight to 127.0.0.1:PORT from one
 * connected socket, sends one more for every echo received (checking its
 * length), and after SECONDS prints "echoes lost": echoes received and the
 * datagrams given up for lost (a 100 ms silence refills the window).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: udp_loadgen PORT SIZE WINDOW SECONDS\n");
        return 2;
    }
    int port = atoi(argv[1]), size = atoi(argv[2]), window = atoi(argv[3]);
    double seconds = atof(argv[4]);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int rcvbuf = 4 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); return 1; }
    char *out = malloc(size), *in = malloc(65536);
    memset(out, 'x', size);
    long echoes = 0, lost = 0, bad = 0;
    int inflight = 0;
    double end = now() + seconds;
    for (; inflight < window; inflight++) send(fd, out, size, 0);
    struct pollfd p = {fd, POLLIN, 0};
    while (now() < end) {
        int r = poll(&p, 1, 100);
        if (r == 0) {  /* silence: count the window as lost and refill it */
            lost += inflight;
            for (inflight = 0; inflight < window; inflight++) send(fd, out, size, 0);
            continue;
        }
        for (;;) {
            ssize_t n = recv(fd, in, 65536, MSG_DONTWAIT);
            if (n < 0) {
                if (errno == ECONNREFUSED) { fprintf(stderr, "refused\n"); return 1; }
                break;
            }
            if (n != size) bad++;
            echoes++;
            send(fd, out, size, 0);
        }
    }
    printf("%ld %ld %ld\n", echoes, lost, bad);
    return bad ? 1 : 0;
}
