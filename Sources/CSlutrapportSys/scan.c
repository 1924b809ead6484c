#include "CSlutrapportSys.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Where a scan is: the records found so far, and the record being read.
typedef struct {
    const uint8_t *buf;
    uint8_t delimiter;
    uint32_t fields;
    size_t max_records;
    uint32_t *out;
    uint32_t field;
    size_t record_start;
    slutrapport_scan_result r;
} scan_state;

// One byte of interest at k: a delimiter ends a field, a line feed a record;
// a quote or a carriage return hands the record to the full tokenizer.
// Returns 0 to go on, else sets why the scan stopped and returns nonzero.
static inline int step(scan_state *s, size_t k) {
    uint8_t b = s->buf[k];
    if (b == s->delimiter) {
        if (s->field + 1 >= s->fields) return s->r.stopped = 1;  // more fields than the header
        s->out[s->field++] = (uint32_t)k;
        return 0;
    }
    // A quote or a carriage return; fewer fields than the header, or a blank line: the tokenizer decides.
    if (b != '\n' || s->field + 1 != s->fields || k == s->record_start) return s->r.stopped = 1;
    s->out[s->field] = (uint32_t)k;
    s->out += s->fields;
    s->field = 0;
    s->record_start = k + 1;
    s->r.records++;
    s->r.consumed = k + 1;
    return s->r.records == s->max_records ? (s->r.stopped = 2) : 0;
}

// Each set bit of a vector step's mask, offsets from i.
static inline int step_bits(scan_state *s, unsigned bits, size_t i) {
    while (bits) {
        size_t k = i + (size_t)__builtin_ctz(bits);
        bits &= bits - 1;
        if (step(s, k)) return 1;
    }
    return 0;
}

// The bytes a vector step left, one at a time.
static inline slutrapport_scan_result scan_rest(scan_state *s, size_t i, size_t len) {
    for (; i < len; i++) {
        uint8_t b = s->buf[i];
        if (b != s->delimiter && b != '\n' && b != '"' && b != '\r') continue;
        if (step(s, i)) return s->r;
    }
    s->r.stopped = 0;  // the buffer ends inside a record
    return s->r;
}

static inline scan_state start(const uint8_t *buf, uint8_t delimiter, uint32_t fields, uint32_t *separators,
                               size_t max_records) {
    scan_state s = {buf, delimiter, fields, max_records, separators, 0, 0, {0, 0, 1}};
    return s;
}

#if defined(__x86_64__)
#include <immintrin.h>

// 32 bytes at a time where the processor has AVX2 (asked at run time).
__attribute__((target("avx2")))
static slutrapport_scan_result scan_avx2(const uint8_t *buf, size_t len, uint8_t delimiter, uint32_t fields,
                                         uint32_t *separators, size_t max_records) {
    scan_state s = start(buf, delimiter, fields, separators, max_records);
    size_t i = 0;
    const __m256i vd = _mm256_set1_epi8((char)delimiter), vl = _mm256_set1_epi8('\n');
    const __m256i vq = _mm256_set1_epi8('"'), vc = _mm256_set1_epi8('\r');
    for (; i + 32 <= len; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(buf + i));
        __m256i m = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, vd), _mm256_cmpeq_epi8(v, vl)),
                                    _mm256_or_si256(_mm256_cmpeq_epi8(v, vq), _mm256_cmpeq_epi8(v, vc)));
        if (step_bits(&s, (unsigned)_mm256_movemask_epi8(m), i)) return s.r;
    }
    return scan_rest(&s, i, len);
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
    scan_state s = start(buf, delimiter, fields, separators, max_records);
    if (fields == 0 || max_records == 0 || len > UINT32_MAX) return s.r;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8((char)delimiter), vl = _mm_set1_epi8('\n');
    const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8('\r');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(buf + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vd), _mm_cmpeq_epi8(v, vl)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vc)));
        if (step_bits(&s, (unsigned)_mm_movemask_epi8(m), i)) return s.r;
    }
#endif
    return scan_rest(&s, i, len);
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
