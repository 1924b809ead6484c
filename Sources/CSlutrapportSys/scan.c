#include "CSlutrapportSys.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// One byte of interest: a delimiter ends a field, a line feed a record;
// a quote or a carriage return hands the record to the full tokenizer.
// Returns 0 to go on, 1 when the record needs the full tokenizer, 2 when
// max_records are found.
static inline int step(const uint8_t *buf, size_t k, uint8_t delimiter, uint32_t fields,
                       uint32_t **out, uint32_t *field, size_t *record_start,
                       slutrapport_scan_result *r, size_t max_records) {
    uint8_t b = buf[k];
    if (b == delimiter) {
        if (*field + 1 >= fields) return 1;  // more fields than the header
        (*out)[(*field)++] = (uint32_t)k;
        return 0;
    }
    if (b != '\n') return 1;  // a quote or a carriage return
    // Fewer fields than the header, or a blank line: the tokenizer decides.
    if (*field + 1 != fields || k == *record_start) return 1;
    (*out)[*field] = (uint32_t)k;
    *out += fields;
    *field = 0;
    *record_start = k + 1;
    r->records++;
    r->consumed = k + 1;
    return r->records == max_records ? 2 : 0;
}

// Hands each set bit of `bits` (byte offsets from `i`) to step(); nonzero
// when the scan stops.
#define STEP_BITS(bits, i)                                                                                  \
    while (bits) {                                                                                          \
        size_t k = (i) + (size_t)__builtin_ctz(bits);                                                       \
        bits &= bits - 1;                                                                                   \
        if ((stop = step(buf, k, delimiter, fields, &out, &field, &record_start, &r, max_records))) {       \
            r.stopped = stop;                                                                               \
            return r;                                                                                       \
        }                                                                                                   \
    }

#if defined(__x86_64__)
#include <immintrin.h>

// 32 bytes at a time where the processor has AVX2 (checked once, at run time).
__attribute__((target("avx2")))
static slutrapport_scan_result scan_avx2(const uint8_t *buf, size_t len, uint8_t delimiter, uint32_t fields,
                                         uint32_t *separators, size_t max_records) {
    slutrapport_scan_result r = {0, 0, 1};
    uint32_t *out = separators;
    uint32_t field = 0;
    size_t record_start = 0, i = 0;
    int stop;
    const __m256i vd = _mm256_set1_epi8((char)delimiter), vl = _mm256_set1_epi8('\n');
    const __m256i vq = _mm256_set1_epi8('"'), vc = _mm256_set1_epi8('\r');
    for (; i + 32 <= len; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(buf + i));
        __m256i m = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, vd), _mm256_cmpeq_epi8(v, vl)),
                                    _mm256_or_si256(_mm256_cmpeq_epi8(v, vq), _mm256_cmpeq_epi8(v, vc)));
        unsigned bits = (unsigned)_mm256_movemask_epi8(m);
        STEP_BITS(bits, i)
    }
    for (; i < len; i++) {
        uint8_t b = buf[i];
        if (b != delimiter && b != '\n' && b != '"' && b != '\r') continue;
        if ((stop = step(buf, i, delimiter, fields, &out, &field, &record_start, &r, max_records))) {
            r.stopped = stop;
            return r;
        }
    }
    r.stopped = 0;
    return r;
}
#endif

slutrapport_scan_result slutrapport_scan_plain(const uint8_t *buf, size_t len, uint8_t delimiter, uint32_t fields,
                                               uint32_t *separators, size_t max_records) {
#if defined(__x86_64__)
    if (fields > 0 && max_records > 0 && len <= UINT32_MAX && __builtin_cpu_supports("avx2"))
        return scan_avx2(buf, len, delimiter, fields, separators, max_records);
#endif
    return slutrapport_scan_plain_sse2(buf, len, delimiter, fields, separators, max_records);
}

slutrapport_scan_result slutrapport_scan_plain_sse2(const uint8_t *buf, size_t len, uint8_t delimiter, uint32_t fields,
                                                    uint32_t *separators, size_t max_records) {
    slutrapport_scan_result r = {0, 0, 1};
    if (fields == 0 || max_records == 0 || len > UINT32_MAX) return r;
    uint32_t *out = separators;
    uint32_t field = 0;
    size_t record_start = 0;
    size_t i = 0;
    int stop;
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8((char)delimiter), vl = _mm_set1_epi8('\n');
    const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8('\r');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(buf + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vd), _mm_cmpeq_epi8(v, vl)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vc)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        STEP_BITS(bits, i)
    }
#endif
    for (; i < len; i++) {
        uint8_t b = buf[i];
        if (b != delimiter && b != '\n' && b != '"' && b != '\r') continue;
        if ((stop = step(buf, i, delimiter, fields, &out, &field, &record_start, &r, max_records))) {
            r.stopped = stop;
            return r;
        }
    }
    r.stopped = 0;  // the buffer ends inside a record
    return r;
}

size_t slutrapport_ascii_prefix(const uint8_t *buf, size_t len) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 32 <= len; i += 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(buf + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(buf + i + 16));
        // High bits (not ASCII) or zero bytes (not text) stop the run.
        int high = _mm_movemask_epi8(_mm_or_si128(a, b));
        int zeros = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero)));
        if (high | zeros) break;
    }
#endif
    for (; i < len; i++) {
        if (buf[i] == 0 || buf[i] >= 0x80) break;
    }
    return i;
}
