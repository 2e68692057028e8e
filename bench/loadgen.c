/*
 * loadgen.c - small single-threaded epoll load generator for echo servers.
 *
 * Loopback only: it always connects to 127.0.0.1.  Every mode is bounded in
 * time (and in connection count) and exits by itself; the result is printed
 * as ONE JSON line on stdout.  Diagnostics go to stderr.
 *
 *   loadgen rr    -p PORT [-c CONNS] [-s SIZE] [-d SECS] [-w WARMUP]
 *       CONNS connections; each sends SIZE bytes and waits for the complete
 *       echo before sending the next request.  Reports req/s and latency
 *       percentiles from a log-linear histogram of every request timed after
 *       the warm-up.
 *   loadgen bulk  -p PORT [-m MIB] [-d MAX_SECS]
 *       One connection; sends MIB MiB of a deterministic pseudo-random byte
 *       stream while reading the echo concurrently, verifies every byte and
 *       reports MB/s (1 MB = 10^6 bytes).  -d is a time cap, not a target.
 *   loadgen churn -p PORT [-W WORKERS] [-d SECS] [-w WARMUP]
 *       WORKERS concurrent workers, each looping: connect, send 16 B, read the
 *       16 B echo, close.  Reports connections/s and cycle latency.
 *   loadgen idle  -p PORT [-k IDLE] [-P SERVER_PID] [-d SECS] [-w WARMUP]
 *       Opens IDLE connections (each does a 1-byte echo so the server has
 *       certainly accepted it), keeps them open and silent, samples the
 *       server's VmRSS (from /proc/PID/status) before and after, then runs
 *       rr with 1 connection of 64 B for SECS and reports its latency.
 *
 * Common: -T SECS  hard cap for connection set-up / drain phases (default 30)
 *         -b       busy-poll (epoll_wait with timeout 0) in rr and in idle's
 *                  active connection: the client never sleeps, so its own
 *                  wake-up latency (large on VMs) is not part of the timings
 *         -B BYTES SO_RCVBUF/SO_SNDBUF for bulk (default: kernel autotuning)
 *         -R FILE  rr: also write every measured request's send and receive
 *                  times (CLOCK_MONOTONIC ns, two native uint64 per request,
 *                  in order) to FILE, to line them up with a trace of the
 *                  server (bench/rr1_tail.py)
 *
 * File descriptors: the generator raises its own RLIMIT_NOFILE soft limit to
 * the hard limit.  The server under test must do the same (or be started
 * with a high enough limit) for -k 10000.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ util */

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void die(const char *msg) {
    /* Still emit a JSON line so the harness can record the failure. */
    printf("{\"error\": \"%s: %s\"}\n", msg, strerror(errno));
    fflush(stdout);
    exit(2);
}

static void fail_json(const char *mode, const char *msg) {
    printf("{\"mode\": \"%s\", \"error\": \"%s\"}\n", mode, msg);
    fflush(stdout);
    exit(3);
}

static int port = 0;
static double opt_timeout = 30.0;
static int opt_sockbuf = 0; /* -B: SO_RCVBUF/SO_SNDBUF for bulk (0 = kernel autotuning) */
static int opt_spin = 0; /* -b: busy-poll (epoll_wait timeout 0) instead of sleeping */
static const char *opt_raw = NULL; /* -R: raw per-request times for rr */
static uint64_t *raw_t;            /* pairs (t0, t1) */
static size_t raw_n, raw_cap;

static void raw_add(uint64_t t0, uint64_t t1) {
    if (raw_n + 2 > raw_cap) {
        raw_cap = raw_cap ? raw_cap * 2 : 1 << 20;
        raw_t = realloc(raw_t, raw_cap * sizeof *raw_t);
        if (!raw_t) die("realloc");
    }
    raw_t[raw_n++] = t0;
    raw_t[raw_n++] = t1;
}

static void raw_write(void) {
    if (!opt_raw) return;
    FILE *f = fopen(opt_raw, "wb");
    if (!f) die("open -R file");
    if (raw_n && fwrite(raw_t, sizeof *raw_t, raw_n, f) != raw_n) die("write -R file");
    fclose(f);
}

static long raise_nofile(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return -1;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    return (long)rl.rlim_cur;
}

static struct sockaddr_in server_addr(void) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1, always */
    return a;
}

static void set_nodelay(int fd) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

/* Blocking connect, then switch to non-blocking. */
static int connect_blocking(void) {
    struct sockaddr_in a = server_addr();
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    set_nodelay(fd);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

/* Non-blocking connect; returns fd (connect in progress or done) or -1. */
static int connect_nonblocking(void) {
    struct sockaddr_in a = server_addr();
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    set_nodelay(fd);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0 && errno != EINPROGRESS) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static long read_vmrss_kb(int pid) {
    char path[64], line[256];
    long kb = -1;
    if (pid <= 0) return -1;
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(f);
    return kb;
}

/* ------------------------------------------------------------- histogram */
/* Log-linear: values < 32 ns exact; above, 32 sub-buckets per power of two
 * (relative error < 3.2%).  Covers up to 2^63 ns. */

#define HSUB_BITS 5
#define HSUB (1 << HSUB_BITS)
#define HBUCKETS (HSUB * 64)

typedef struct {
    uint64_t c[HBUCKETS];
    uint64_t n, max, min;
    double sum;
} hist_t;

static void h_init(hist_t *h) {
    memset(h, 0, sizeof *h);
    h->min = UINT64_MAX;
}

static inline int h_idx(uint64_t v) {
    if (v < HSUB) return (int)v;
    int m = 63 - __builtin_clzll(v); /* m >= HSUB_BITS */
    int shift = m - HSUB_BITS;
    return (shift * HSUB) + (int)(v >> shift);
}

static inline void h_add(hist_t *h, uint64_t v) {
    h->c[h_idx(v)]++;
    h->n++;
    h->sum += (double)v;
    if (v > h->max) h->max = v;
    if (v < h->min) h->min = v;
}

/* lower bound and width of bucket idx */
static void h_bounds(int idx, double *lo, double *width) {
    if (idx < 2 * HSUB) { *lo = idx; *width = 1; return; }
    int shift = idx / HSUB - 1;
    uint64_t top = (uint64_t)(idx - shift * HSUB);
    *lo = (double)(top << shift);
    *width = (double)(1ull << shift);
}

static double h_pct(const hist_t *h, double p) {
    if (h->n == 0) return 0;
    uint64_t rank = (uint64_t)(p / 100.0 * (double)h->n);
    if (rank >= h->n) rank = h->n - 1;
    uint64_t acc = 0;
    for (int i = 0; i < HBUCKETS; i++) {
        acc += h->c[i];
        if (acc > rank) {
            double lo, w;
            h_bounds(i, &lo, &w);
            double v = lo + w / 2;
            if (v > (double)h->max) v = (double)h->max;
            if (v < (double)h->min) v = (double)h->min;
            return v;
        }
    }
    return (double)h->max;
}

static void print_hist_json(const hist_t *h) {
    printf("\"p50_us\": %.2f, \"p90_us\": %.2f, \"p99_us\": %.2f, \"p999_us\": %.2f, "
           "\"max_us\": %.2f, \"mean_us\": %.2f",
           h_pct(h, 50) / 1e3, h_pct(h, 90) / 1e3, h_pct(h, 99) / 1e3, h_pct(h, 99.9) / 1e3,
           (double)(h->n ? h->max : 0) / 1e3, h->n ? h->sum / (double)h->n / 1e3 : 0.0);
}

/* ----------------------------------------------------------------- rr */

typedef struct {
    int fd;
    int size;
    int sent, rcvd;
    int busy; /* request in flight */
    int dead;
    uint64_t t0;
} rrconn_t;

typedef struct {
    uint64_t done;       /* requests completed inside the measured window */
    uint64_t total;      /* all completed requests incl. warm-up */
    uint64_t mismatches; /* echoed bytes differing from the request */
    uint64_t errors;     /* connections lost */
    double secs;         /* measured window */
    hist_t h;
} rr_result_t;

static unsigned char *rr_req;

static int rr_send(rrconn_t *c, int ep) {
    while (c->sent < c->size) {
        ssize_t n = write(c->fd, rr_req + c->sent, (size_t)(c->size - c->sent));
        if (n > 0) { c->sent += (int)n; continue; }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) {
            struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.ptr = c};
            epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
            return 0;
        }
        return -1;
    }
    return 0;
}

static void rr_start(rrconn_t *c, int ep, uint64_t t) {
    c->sent = 0;
    c->rcvd = 0;
    c->busy = 1;
    c->t0 = t;
    if (rr_send(c, ep) != 0) { c->dead = 1; c->busy = 0; }
}

static void run_rr(int nconns, int size, double duration, double warmup, rr_result_t *r) {
    memset(r, 0, sizeof *r);
    h_init(&r->h);
    rr_req = malloc((size_t)size);
    for (int i = 0; i < size; i++) rr_req[i] = (unsigned char)('a' + (i * 7 + i / 26) % 26);
    rr_req[size - 1] = '\n';
    unsigned char *rbuf = malloc((size_t)size);

    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) die("epoll_create1");
    rrconn_t *cs = calloc((size_t)nconns, sizeof *cs);
    for (int i = 0; i < nconns; i++) {
        cs[i].fd = connect_blocking();
        if (cs[i].fd < 0) die("connect");
        cs[i].size = size;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &cs[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &ev);
    }

    uint64_t t_start = now_ns();
    uint64_t t_meas = t_start + (uint64_t)(warmup * 1e9);
    uint64_t t_end = t_meas + (uint64_t)(duration * 1e9);
    uint64_t t_drain = t_end + (uint64_t)(opt_timeout * 1e9);
    for (int i = 0; i < nconns; i++) rr_start(&cs[i], ep, now_ns());

    struct epoll_event evs[512];
    int stopping = 0;
    for (;;) {
        uint64_t t = now_ns();
        if (!stopping && t >= t_end) stopping = 1;
        if (stopping) {
            int busy = 0;
            for (int i = 0; i < nconns; i++) busy += cs[i].busy;
            if (!busy || t >= t_drain) break;
        }
        int n = epoll_wait(ep, evs, 512, opt_spin ? 0 : 50);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            rrconn_t *c = evs[i].data.ptr;
            if (c->dead) continue;
            if (evs[i].events & EPOLLOUT) {
                if (rr_send(c, ep) != 0) { c->dead = 1; c->busy = 0; r->errors++; continue; }
                if (c->sent == c->size) {
                    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                }
            }
            if (evs[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
                ssize_t got = read(c->fd, rbuf, (size_t)(c->size - c->rcvd));
                if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                if (got <= 0 || !c->busy) {
                    /* EOF/error, or bytes nobody asked for */
                    c->dead = 1;
                    c->busy = 0;
                    r->errors++;
                    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
                    continue;
                }
                if (memcmp(rbuf, rr_req + c->rcvd, (size_t)got) != 0) r->mismatches++;
                c->rcvd += (int)got;
                if (c->rcvd == c->size) {
                    uint64_t t1 = now_ns();
                    c->busy = 0;
                    r->total++;
                    if (c->t0 >= t_meas && t1 <= t_end) {
                        r->done++;
                        h_add(&r->h, t1 - c->t0);
                        if (opt_raw) raw_add(c->t0, t1);
                    }
                    if (t1 < t_end) rr_start(c, ep, t1);
                    else stopping = 1;
                }
            }
        }
    }
    r->secs = duration;
    for (int i = 0; i < nconns; i++) {
        if (cs[i].busy) r->errors++; /* still waiting after the drain cap */
        close(cs[i].fd);
    }
    close(ep);
    free(cs);
    free(rbuf);
    free(rr_req);
}

static void print_rr(const char *mode, int nconns, int size, double warmup, rr_result_t *r) {
    printf("{\"mode\": \"%s\", \"conns\": %d, \"size\": %d, \"duration\": %.3f, \"warmup\": %.3f, "
           "\"requests\": %llu, \"rps\": %.1f, ",
           mode, nconns, size, r->secs, warmup, (unsigned long long)r->done,
           r->secs > 0 ? (double)r->done / r->secs : 0.0);
    print_hist_json(&r->h);
    printf(", \"errors\": %llu, \"mismatches\": %llu", (unsigned long long)r->errors,
           (unsigned long long)r->mismatches);
}

/* ----------------------------------------------------------------- bulk */

#define PAT_PERIOD 1048573 /* prime: the pattern never lines up with buffer sizes */
#define CHUNK (128 * 1024) /* 128 KiB measured fastest on loopback here (cache-warm copies) */

static void run_bulk(double mib, double max_secs) {
    uint64_t total = (uint64_t)(mib * 1048576.0);
    unsigned char *pat = malloc(PAT_PERIOD + CHUNK);
    uint64_t x = 0x9E3779B97F4A7C15ull; /* xorshift64* */
    for (size_t i = 0; i < PAT_PERIOD; i++) {
        x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
        pat[i] = (unsigned char)((x * 0x2545F4914F6CDD1Dull) >> 56);
    }
    memcpy(pat + PAT_PERIOD, pat, CHUNK); /* so any offset < PERIOD has CHUNK contiguous bytes */
    unsigned char *rbuf = malloc(CHUNK);

    int fd = connect_blocking();
    if (fd < 0) die("connect");
    if (opt_sockbuf > 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &opt_sockbuf, sizeof opt_sockbuf);
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &opt_sockbuf, sizeof opt_sockbuf);
    }
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);

    uint64_t sent = 0, rcvd = 0, mismatch_at = UINT64_MAX;
    int writing = 1, eof = 0;
    const char *err = NULL;
    uint64_t t0 = now_ns();
    uint64_t deadline = t0 + (uint64_t)(max_secs * 1e9);
    while (rcvd < total) {
        if (now_ns() > deadline) { err = "timeout"; break; }
        struct epoll_event evs[4];
        int n = epoll_wait(ep, evs, 4, 100);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        if (n == 0) continue;
        uint32_t e = evs[0].events;
        if ((e & EPOLLOUT) && writing) {
            for (;;) {
                uint64_t left = total - sent;
                size_t len = left < CHUNK ? (size_t)left : CHUNK;
                ssize_t w = write(fd, pat + (sent % PAT_PERIOD), len);
                if (w > 0) { sent += (uint64_t)w; if (sent == total) break; continue; }
                if (w < 0 && errno == EINTR) continue;
                if (w < 0 && errno == EAGAIN) break;
                err = "write failed"; break;
            }
            if (err) break;
            if (sent == total) {
                writing = 0;
                struct epoll_event ev2 = {.events = EPOLLIN, .data.fd = fd};
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev2);
            }
        }
        if (e & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
            for (int k = 0; k < 4; k++) {
                ssize_t got = read(fd, rbuf, CHUNK);
                if (got < 0 && errno == EINTR) continue;
                if (got < 0 && errno == EAGAIN) break;
                if (got <= 0) { eof = 1; break; }
                if (mismatch_at == UINT64_MAX &&
                    memcmp(rbuf, pat + (rcvd % PAT_PERIOD), (size_t)got) != 0) {
                    for (ssize_t j = 0; j < got; j++)
                        if (rbuf[j] != pat[(rcvd + (uint64_t)j) % PAT_PERIOD]) {
                            mismatch_at = rcvd + (uint64_t)j;
                            break;
                        }
                }
                rcvd += (uint64_t)got;
                if (rcvd > sent) { err = "received more than sent"; break; }
                if (rcvd >= total) break;
            }
            if (err) break;
            if (eof && rcvd < total) { err = "server closed early"; break; }
        }
    }
    double secs = (double)(now_ns() - t0) / 1e9;
    close(fd);
    close(ep);
    if (!err && mismatch_at != UINT64_MAX) err = "payload mismatch";
    printf("{\"mode\": \"bulk\", \"bytes\": %llu, \"sent\": %llu, \"received\": %llu, "
           "\"secs\": %.4f, \"mbps\": %.1f, \"verified\": %s",
           (unsigned long long)total, (unsigned long long)sent, (unsigned long long)rcvd, secs,
           secs > 0 ? (double)rcvd / secs / 1e6 : 0.0,
           (!err && rcvd == total) ? "true" : "false");
    if (mismatch_at != UINT64_MAX) printf(", \"first_mismatch_at\": %llu", (unsigned long long)mismatch_at);
    if (err) printf(", \"error\": \"%s\"", err);
    printf("}\n");
}

/* ----------------------------------------------------------------- churn */

enum { W_CONNECTING, W_SENDING, W_READING };

typedef struct {
    int fd;
    int state;
    int sent, rcvd;
    uint64_t t0;
} worker_t;

static const unsigned char churn_msg[16] = "churn-0123456789";

static uint64_t churn_errors, churn_mismatch;
static uint64_t churn_err_by[4]; /* refused, addrnotavail, reset, other */

static void churn_err(int e) {
    churn_errors++;
    if (e == ECONNREFUSED) churn_err_by[0]++;
    else if (e == EADDRNOTAVAIL) churn_err_by[1]++;
    else if (e == ECONNRESET || e == EPIPE) churn_err_by[2]++;
    else churn_err_by[3]++;
}

/* Start a cycle.  On loopback a non-blocking connect() usually completes
 * inside the call, so try the write at once and only wait for EPOLLOUT when
 * the socket is not writable yet: fewer syscalls per connection keeps the
 * generator cheap (loopback makes the client CPU do most handshake work). */
static void w_begin(worker_t *w, int ep) {
    struct sockaddr_in a = server_addr();
    for (int tries = 0;; tries++) {
        w->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (w->fd < 0) die("socket");
        if (connect(w->fd, (struct sockaddr *)&a, sizeof a) == 0 || errno == EINPROGRESS) break;
        int e = errno;
        close(w->fd);
        w->fd = -1;
        churn_err(e);
        if ((e != EADDRNOTAVAIL && e != EAGAIN) || tries >= 1000) {
            errno = e;
            die("connect");
        }
        usleep(1000);
    }
    w->sent = w->rcvd = 0;
    w->t0 = now_ns();
    ssize_t n = write(w->fd, churn_msg, 16);
    if (n == 16) {
        w->sent = 16;
        w->state = W_READING;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = w};
        epoll_ctl(ep, EPOLL_CTL_ADD, w->fd, &ev);
    } else {
        if (n > 0) w->sent = (int)n;
        w->state = n > 0 ? W_SENDING : W_CONNECTING;
        struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = w};
        epoll_ctl(ep, EPOLL_CTL_ADD, w->fd, &ev);
    }
}

/* returns 1 when the cycle completed, -1 on error (fd closed), 0 otherwise */
static int w_step(worker_t *w, int ep, uint32_t events) {
    if (w->state == W_CONNECTING) {
        int err = 0;
        socklen_t l = sizeof err;
        getsockopt(w->fd, SOL_SOCKET, SO_ERROR, &err, &l);
        if (err) { churn_err(err); close(w->fd); return -1; }
        w->state = W_SENDING;
    }
    if (w->state == W_SENDING) {
        ssize_t n = write(w->fd, churn_msg + w->sent, 16 - (size_t)w->sent);
        if (n < 0 && errno == EAGAIN) return 0;
        if (n <= 0) { churn_err(errno); close(w->fd); return -1; }
        w->sent += (int)n;
        if (w->sent < 16) return 0;
        w->state = W_READING;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = w};
        epoll_ctl(ep, EPOLL_CTL_MOD, w->fd, &ev);
        return 0;
    }
    (void)events;
    unsigned char buf[16];
    ssize_t n = read(w->fd, buf, 16 - (size_t)w->rcvd);
    if (n < 0 && errno == EAGAIN) return 0;
    if (n <= 0) { churn_err(n == 0 ? ECONNRESET : errno); close(w->fd); return -1; }
    if (memcmp(buf, churn_msg + w->rcvd, (size_t)n) != 0) churn_mismatch++;
    w->rcvd += (int)n;
    if (w->rcvd < 16) return 0;
    close(w->fd); /* client closes first: TIME_WAIT stays on our side */
    return 1;
}

static void run_churn(int nworkers, double duration, double warmup) {
    hist_t *h = malloc(sizeof *h);
    h_init(h);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    worker_t *ws = calloc((size_t)nworkers, sizeof *ws);
    uint64_t t_start = now_ns();
    uint64_t t_meas = t_start + (uint64_t)(warmup * 1e9);
    uint64_t t_end = t_meas + (uint64_t)(duration * 1e9);
    uint64_t t_drain = t_end + (uint64_t)(opt_timeout * 1e9);
    for (int i = 0; i < nworkers; i++) w_begin(&ws[i], ep);
    int active = nworkers;
    uint64_t done = 0;
    struct epoll_event evs[256];
    while (active > 0) {
        uint64_t t = now_ns();
        if (t >= t_drain) break;
        int n = epoll_wait(ep, evs, 256, 50);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            worker_t *w = evs[i].data.ptr;
            int r = w_step(w, ep, evs[i].events);
            if (r == 0) continue;
            uint64_t t1 = now_ns();
            if (r == 1 && w->t0 >= t_meas && t1 <= t_end) {
                done++;
                h_add(h, t1 - w->t0);
            }
            w->fd = -1;
            if (t1 < t_end) w_begin(w, ep);
            else active--;
        }
    }
    for (int i = 0; i < nworkers; i++)
        if (ws[i].fd >= 0 && active > 0) close(ws[i].fd);
    printf("{\"mode\": \"churn\", \"workers\": %d, \"duration\": %.3f, \"warmup\": %.3f, "
           "\"connections\": %llu, \"cps\": %.1f, ",
           nworkers, duration, warmup, (unsigned long long)done, (double)done / duration);
    print_hist_json(h);
    printf(", \"errors\": %llu, \"errors_refused\": %llu, \"errors_addrnotavail\": %llu, "
           "\"errors_reset\": %llu, \"errors_other\": %llu, \"mismatches\": %llu}\n",
           (unsigned long long)churn_errors, (unsigned long long)churn_err_by[0],
           (unsigned long long)churn_err_by[1], (unsigned long long)churn_err_by[2],
           (unsigned long long)churn_err_by[3], (unsigned long long)churn_mismatch);
    close(ep);
    free(ws);
    free(h);
}

/* ----------------------------------------------------------------- idle */

#define IDLE_INFLIGHT 64

static void run_idle(int k, int pid, double duration, double warmup, long nofile) {
    char note[160] = "";
    if (k > nofile - 64) {
        snprintf(note, sizeof note, "RLIMIT_NOFILE %ld too low: idle reduced from %d", nofile, k);
        k = (int)(nofile - 64);
        if (k < 0) k = 0;
    }
    long rss0 = read_vmrss_kb(pid);
    int *fds = malloc(sizeof(int) * (size_t)(k + 1));
    int *st = calloc((size_t)k + 1, sizeof(int)); /* 0 new, 1 connecting, 2 waiting echo, 3 idle, 4 failed */
    int ep = epoll_create1(EPOLL_CLOEXEC);
    int next = 0, inflight = 0, opened = 0, failed = 0;
    uint64_t t0 = now_ns();
    uint64_t deadline = t0 + (uint64_t)(opt_timeout * 1e9);
    struct epoll_event evs[256];
    while (opened + failed < k) {
        while (inflight < IDLE_INFLIGHT && next < k) {
            int fd = connect_nonblocking();
            if (fd < 0) { st[next] = 4; fds[next] = -1; failed++; next++; continue; }
            fds[next] = fd;
            st[next] = 1;
            struct epoll_event ev = {.events = EPOLLOUT, .data.u32 = (uint32_t)next};
            epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
            next++;
            inflight++;
        }
        if (now_ns() > deadline) break;
        int n = epoll_wait(ep, evs, 256, 100);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            int j = (int)evs[i].data.u32;
            int fd = fds[j];
            if (st[j] == 1) {
                int err = 0;
                socklen_t l = sizeof err;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &l);
                if (err || write(fd, "i", 1) != 1) {
                    close(fd); fds[j] = -1; st[j] = 4; failed++; inflight--;
                    continue;
                }
                st[j] = 2;
                struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)j};
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
            } else if (st[j] == 2) {
                char c;
                ssize_t r = read(fd, &c, 1);
                if (r < 0 && errno == EAGAIN) continue;
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
                inflight--;
                if (r == 1 && c == 'i') { st[j] = 3; opened++; }
                else { close(fd); fds[j] = -1; st[j] = 4; failed++; }
            }
        }
    }
    double open_secs = (double)(now_ns() - t0) / 1e9;
    /* let the server settle (GC, deferred frees) before sampling RSS */
    usleep(300 * 1000);
    long rss1 = read_vmrss_kb(pid);

    rr_result_t *r = malloc(sizeof *r);
    run_rr(1, 64, duration, warmup, r);
    raw_write();
    long rss2 = read_vmrss_kb(pid);

    printf("{\"mode\": \"idle\", \"idle_requested\": %d, \"idle_open\": %d, \"idle_failed\": %d, "
           "\"open_secs\": %.3f, \"rss_before_kb\": %ld, \"rss_idle_kb\": %ld, \"rss_after_kb\": %ld, ",
           k, opened, failed, open_secs, rss0, rss1, rss2);
    if (rss0 > 0 && rss1 > 0 && opened > 0)
        printf("\"rss_per_conn_kb\": %.3f, ", (double)(rss1 - rss0) / opened);
    printf("\"rr\": ");
    print_rr("rr", 1, 64, warmup, r);
    printf("}");
    if (note[0]) printf(", \"note\": \"%s\"", note);
    if (opened < k) printf(", \"error\": \"only %d of %d idle connections opened\"", opened, k);
    else if (r->errors) printf(", \"error\": \"active connection failed\"");
    printf("}\n");
    for (int i = 0; i < k; i++)
        if (fds[i] >= 0) close(fds[i]);
    close(ep);
    free(r);
    free(fds);
    free(st);
}

/* ----------------------------------------------------------------- main */

static void usage(void) {
    fprintf(stderr,
            "usage: loadgen rr|bulk|churn|idle -p PORT [-c CONNS] [-s SIZE] [-d SECS] [-w WARMUP]\n"
            "               [-m MIB] [-W WORKERS] [-k IDLE] [-P SERVER_PID] [-T TIMEOUT]\n");
    exit(64);
}

int main(int argc, char **argv) {
    if (argc < 2) usage();
    const char *mode = argv[1];
    int conns = 1, size = 64, workers = 50, idle = 10000, pid = 0;
    double duration = 2.0, warmup = 0.0, mib = 512;
    int opt;
    optind = 2;
    while ((opt = getopt(argc, argv, "p:c:s:d:w:m:W:k:P:T:bB:R:")) != -1) {
        switch (opt) {
        case 'p': port = atoi(optarg); break;
        case 'c': conns = atoi(optarg); break;
        case 's': size = atoi(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'm': mib = atof(optarg); break;
        case 'W': workers = atoi(optarg); break;
        case 'k': idle = atoi(optarg); break;
        case 'P': pid = atoi(optarg); break;
        case 'T': opt_timeout = atof(optarg); break;
        case 'b': opt_spin = 1; break;
        case 'B': opt_sockbuf = atoi(optarg); break;
        case 'R': opt_raw = optarg; break;
        default: usage();
        }
    }
    if (port <= 0 || port > 65535) usage();
    /* bounds: keep every run finite and modest */
    if (duration <= 0 || duration > 600) fail_json(mode, "duration out of range (0, 600]");
    if (warmup < 0 || warmup > 60) fail_json(mode, "warmup out of range [0, 60]");
    if (opt_timeout <= 0 || opt_timeout > 600) fail_json(mode, "timeout out of range (0, 600]");
    if (conns < 1 || conns > 10000) fail_json(mode, "conns out of range [1, 10000]");
    if (size < 1 || size > (1 << 24)) fail_json(mode, "size out of range [1, 16 MiB]");
    if (workers < 1 || workers > 1000) fail_json(mode, "workers out of range [1, 1000]");
    if (idle < 0 || idle > 60000) fail_json(mode, "idle out of range [0, 60000]");
    if (mib <= 0 || mib > 65536) fail_json(mode, "mib out of range (0, 65536]");

    signal(SIGPIPE, SIG_IGN);
    long nofile = raise_nofile();
    /* hard stop, whatever happens: duration + warm-up + generous slack */
    alarm((unsigned)(duration + warmup + 2 * opt_timeout + 10));

    if (strcmp(mode, "rr") == 0) {
        rr_result_t *r = malloc(sizeof *r);
        run_rr(conns, size, duration, warmup, r);
        raw_write();
        print_rr("rr", conns, size, warmup, r);
        printf("}\n");
        free(r);
    } else if (strcmp(mode, "bulk") == 0) {
        run_bulk(mib, duration);
    } else if (strcmp(mode, "churn") == 0) {
        run_churn(workers, duration, warmup);
    } else if (strcmp(mode, "idle") == 0) {
        run_idle(idle, pid, duration, warmup, nofile);
    } else {
        usage();
    }
    fflush(stdout);
    return 0;
}
