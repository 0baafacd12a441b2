/*
 * floor-server PORT PUBLIC_KEY_HEX: the least any server can spend per signed request on this
 * machine, as a reference row of the load table (issue 7). One thread, one level-triggered epoll
 * set, and per request: read, the Ed25519 check of X-Signature-Ed25519 over X-Signature-Timestamp +
 * body with the libsodium NSec ships (linked from the published app's folder), write a constant
 * PONG. Two system calls per request and no HTTP framework. Not the bot, not a product: it answers
 * wrk's well-formed keep-alive requests and nothing else.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

/* libsodium's own prototypes (its headers are not needed to link against NSec's copy). */
int sodium_init(void);
int crypto_sign_verify_detached(const unsigned char *sig, const unsigned char *m, unsigned long long mlen, const unsigned char *pk);

#define BUFFER 16384

struct connection {
    int fd;
    size_t length;
    char buffer[BUFFER];
};

static unsigned char public_key[32];
static const char pong[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"type\":1}";
static const char refused[] = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n";

static int from_hex(const char *text, unsigned char *out, size_t bytes) {
    for (size_t i = 0; i < bytes; i++) {
        unsigned value;
        if (sscanf(text + 2 * i, "%2x", &value) != 1) return -1;
        out[i] = (unsigned char)value;
    }
    return 0;
}

/* The value after "Name:" in the header block [start, end), spaces skipped; NULL if absent. */
static const char *header(const char *start, const char *end, const char *name) {
    size_t length = strlen(name);
    for (const char *p = start; p + length < end; p++) {
        if ((p == start || p[-1] == '\n') && strncasecmp(p, name, length) == 0) {
            p += length;
            while (*p == ' ') p++;
            return p;
        }
    }
    return NULL;
}

/* Answers every complete request in the connection's buffer; keeps a partial one for the next read. */
static void answer(struct connection *c) {
    for (;;) {
        char *end = memmem(c->buffer, c->length, "\r\n\r\n", 4);
        if (end == NULL) return;
        const char *content_length = header(c->buffer, end, "Content-Length:");
        size_t body = content_length ? strtoul(content_length, NULL, 10) : 0;
        size_t head = (size_t)(end + 4 - c->buffer);
        if (c->length < head + body) return;
        const char *signature = header(c->buffer, end, "X-Signature-Ed25519:");
        const char *timestamp = header(c->buffer, end, "X-Signature-Timestamp:");
        int valid = 0;
        if (signature != NULL && timestamp != NULL) {
            size_t timestamp_length = strcspn(timestamp, "\r");
            unsigned char raw[64], message[BUFFER];
            if (from_hex(signature, raw, sizeof raw) == 0 && timestamp_length + body < sizeof message) {
                memcpy(message, timestamp, timestamp_length);
                memcpy(message + timestamp_length, end + 4, body);
                valid = crypto_sign_verify_detached(raw, message, timestamp_length + body, public_key) == 0;
            }
        }
        const char *reply = valid ? pong : refused;
        if (write(c->fd, reply, strlen(reply)) < 0) return;
        memmove(c->buffer, c->buffer + head + body, c->length - head - body);
        c->length -= head + body;
    }
}

int main(int argc, char **argv) {
    if (argc != 3 || strlen(argv[2]) != 64 || from_hex(argv[2], public_key, sizeof public_key) != 0) {
        fprintf(stderr, "usage: floor-server PORT PUBLIC_KEY_HEX\n");
        return 2;
    }
    if (sodium_init() < 0) return 1;
    int one = 1;
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1])) };
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 512) != 0) {
        perror("floor-server");
        return 1;
    }
    int poller = epoll_create1(0);
    struct epoll_event event = { .events = EPOLLIN, .data.ptr = NULL };
    epoll_ctl(poller, EPOLL_CTL_ADD, listener, &event);
    struct epoll_event ready[64];
    for (;;) {
        int count = epoll_wait(poller, ready, 64, -1);
        for (int i = 0; i < count; i++) {
            struct connection *c = ready[i].data.ptr;
            if (c == NULL) {
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    c = calloc(1, sizeof *c);
                    if (c == NULL) { close(fd); continue; }
                    c->fd = fd;
                    struct epoll_event added = { .events = EPOLLIN, .data.ptr = c };
                    epoll_ctl(poller, EPOLL_CTL_ADD, fd, &added);
                }
                continue;
            }
            ssize_t read_bytes = read(c->fd, c->buffer + c->length, BUFFER - c->length);
            if (read_bytes < 0 && errno == EAGAIN) continue;
            if (read_bytes <= 0 || c->length + (size_t)read_bytes == BUFFER) {
                close(c->fd);
                free(c);
                continue;
            }
            c->length += (size_t)read_bytes;
            answer(c);
        }
    }
}
