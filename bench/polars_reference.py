#!/usr/bin/env python3
"""The reference reader for the workbook case of `make bench`: Polars reads
the participants workbook with the calamine engine (PyPI polars + fastexcel,
the fastest reader a data person would pick) into a typed data frame, and
does nothing else: no validation, no figures.

  bench/polars_reference.py FILE RUNS   prints the median seconds of the read alone
"""
import statistics
import sys
import time

import polars


def main(path: str, runs: int) -> None:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        frame = polars.read_excel(path, engine="calamine")
        times.append(time.perf_counter() - t)
    assert frame.height > 0, "no rows"
    print(f"{statistics.median(times):.4f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
