#ifndef CSLUTRAPPORTSYS_H
#define CSLUTRAPPORTSYS_H

#include <stddef.h>
#include <stdint.h>

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so
/// that a reader, or a build killed at any moment, sees either the old or
/// the new output folder, never neither. Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the system or file system cannot).
int slutrapport_exchange(const char *from, const char *to);

typedef struct {
    /// Complete plain records found.
    size_t records;
    /// Bytes they take, their line feeds included.
    size_t consumed;
    /// 0: the buffer ends inside a record (read more); 1: the next record
    /// needs the full tokenizer; 2: max_records were found.
    int stopped;
} slutrapport_scan_result;

/// Finds the field separators of "plain" CSV records at the start of `buf`:
/// records of exactly `fields` fields, ending in a line feed, with no quote,
/// no carriage return and not blank. For record r, separators[r * fields + k]
/// is the offset in `buf` of the delimiter ending field k (of the line feed,
/// for the last field). Stops before the first record that is not plain.
///
/// Written in C because Swift has no portable way to turn a SIMD comparison
/// into a bit mask: 32 bytes are classified at once with AVX2 where the
/// processor has it, else 16 with SSE2 (a plain loop elsewhere), which is
/// most of the speed of reading a large file.
slutrapport_scan_result slutrapport_scan_plain(const uint8_t *buf, size_t len, uint8_t delimiter, uint32_t fields,
                                               uint32_t *separators, size_t max_records);

/// The same without AVX2, for the tests to check both.
slutrapport_scan_result slutrapport_scan_plain_sse2(const uint8_t *buf, size_t len, uint8_t delimiter, uint32_t fields,
                                                    uint32_t *separators, size_t max_records);

/// The length of the run of ASCII bytes other than NUL at the start of
/// `buf`, 32 bytes at a time (SSE2): what the UTF-8 check can skip.
size_t slutrapport_ascii_prefix(const uint8_t *buf, size_t len);

/// A raw-deflate stream (a zip member), inflated with the system's zlib.
typedef struct slutrapport_inflater slutrapport_inflater;
slutrapport_inflater *slutrapport_inflater_new(void);
void slutrapport_inflater_free(slutrapport_inflater *inflater);
/// Inflates from `in` into `out`, setting the bytes taken and made. Returns
/// 1 at the end of the stream, 0 when it wants more input or output room,
/// -1 when the data is not deflate.
int slutrapport_inflate(slutrapport_inflater *inflater, const uint8_t *in, size_t in_len, size_t *consumed,
                        uint8_t *out, size_t out_len, size_t *produced);

/// zlib's CRC-32 of `len` bytes, continuing from `crc` (0 to start).
uint32_t slutrapport_crc32(uint32_t crc, const uint8_t *buf, size_t len);

#endif
