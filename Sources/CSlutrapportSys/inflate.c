#include "CSlutrapportSys.h"
#include <stdlib.h>
#include <zlib.h>

struct slutrapport_inflater { z_stream z; };

slutrapport_inflater *slutrapport_inflater_new(void) {
    slutrapport_inflater *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    // Raw deflate (no zlib header), as zip members hold it.
    if (inflateInit2(&s->z, -MAX_WBITS) != Z_OK) { free(s); return NULL; }
    return s;
}

void slutrapport_inflater_free(slutrapport_inflater *s) {
    if (!s) return;
    inflateEnd(&s->z);
    free(s);
}

int slutrapport_inflate(slutrapport_inflater *s, const uint8_t *in, size_t in_len, size_t *consumed,
                        uint8_t *out, size_t out_len, size_t *produced) {
    // zlib counts in 32 bits: the caller's chunks are far smaller.
    s->z.next_in = (Bytef *)in;
    s->z.avail_in = (uInt)(in_len > 0x40000000 ? 0x40000000 : in_len);
    s->z.next_out = out;
    s->z.avail_out = (uInt)(out_len > 0x40000000 ? 0x40000000 : out_len);
    uInt in_before = s->z.avail_in, out_before = s->z.avail_out;
    int r = inflate(&s->z, Z_NO_FLUSH);
    *consumed = in_before - s->z.avail_in;
    *produced = out_before - s->z.avail_out;
    if (r == Z_STREAM_END) return 1;
    if (r == Z_OK || r == Z_BUF_ERROR) return 0;
    return -1;
}

uint32_t slutrapport_crc32(uint32_t crc, const uint8_t *buf, size_t len) {
    uLong c = crc;
    // zlib takes lengths in 32 bits.
    while (len > 0) {
        uInt n = (uInt)(len > 0x40000000 ? 0x40000000 : len);
        c = crc32(c, buf, n);
        buf += n;
        len -= n;
    }
    return (uint32_t)c;
}
