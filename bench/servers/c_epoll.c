/*
 * c_epoll.c - single-threaded epoll echo server: the hardware reference.
 *
 *   c_epoll PORT        listens on 127.0.0.1:PORT
 *
 * Level-triggered epoll; one shared 256 KiB read buffer; a per-connection
 * pending buffer only when a write was partial.  While a connection has a
 * backlog, it is watched for EPOLLOUT only (no reading: back-pressure).
 * Raises RLIMIT_NOFILE soft to hard at start (for the idle test).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define RBUF (256 * 1024)

typedef struct {
    char *pend;   /* unsent bytes, or NULL */
    size_t plen, poff;
} conn_t;

static conn_t *conns;
static int ep;

static void drop(int fd) {
    free(conns[fd].pend);
    conns[fd].pend = NULL;
    conns[fd].plen = conns[fd].poff = 0;
    close(fd); /* also removes it from the epoll set */
}

static void watch(int fd, uint32_t events, int op) {
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(ep, op, fd, &ev);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: c_epoll PORT\n");
        return 64;
    }
    int port = atoi(argv[1]);
    signal(SIGPIPE, SIG_IGN);
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
    size_t maxfd = rl.rlim_cur > 1048576 ? 1048576 : (size_t)rl.rlim_cur;
    conns = calloc(maxfd, sizeof *conns);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 4096) != 0) {
        perror("bind/listen");
        return 1;
    }
    ep = epoll_create1(EPOLL_CLOEXEC);
    watch(lfd, EPOLLIN, EPOLL_CTL_ADD);
    static char buf[RBUF];
    struct epoll_event evs[512];
    for (;;) {
        int n = epoll_wait(ep, evs, 512, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            uint32_t e = evs[i].events;
            if (fd == lfd) {
                for (;;) {
                    int c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (c < 0) break; /* EAGAIN, or EMFILE: retried on next readiness */
                    if ((size_t)c >= maxfd) { close(c); continue; }
                    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    watch(c, EPOLLIN, EPOLL_CTL_ADD);
                }
                continue;
            }
            conn_t *cn = &conns[fd];
            if (cn->pend) {
                if (!(e & (EPOLLOUT | EPOLLERR | EPOLLHUP))) continue;
                ssize_t w = write(fd, cn->pend + cn->poff, cn->plen - cn->poff);
                if (w < 0 && errno == EAGAIN) continue;
                if (w <= 0) { drop(fd); continue; }
                cn->poff += (size_t)w;
                if (cn->poff == cn->plen) {
                    free(cn->pend);
                    cn->pend = NULL;
                    watch(fd, EPOLLIN, EPOLL_CTL_MOD);
                }
                continue;
            }
            ssize_t r = read(fd, buf, RBUF);
            if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (r <= 0) { drop(fd); continue; }
            ssize_t w = write(fd, buf, (size_t)r);
            if (w < 0 && errno != EAGAIN) { drop(fd); continue; }
            if (w < 0) w = 0;
            if (w < r) {
                cn->plen = (size_t)(r - w);
                cn->poff = 0;
                cn->pend = malloc(cn->plen);
                memcpy(cn->pend, buf + w, cn->plen);
                watch(fd, EPOLLOUT, EPOLL_CTL_MOD);
            }
        }
    }
}
