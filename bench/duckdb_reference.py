#!/usr/bin/env python3
"""The reference aggregation for `make bench`: DuckDB reads the participant
CSV with typed columns and computes gender × exit reason × subproject counts
and activity shares in one SQL scan — no validation, no rendering.

  bench/duckdb_reference.py FILE RUNS   prints the median seconds of the query
"""
import statistics
import sys
import time

import duckdb

QUERY = """
WITH p AS (
  SELECT * FROM read_csv(?, header = true, columns = {
    'id': 'VARCHAR', 'subproject': 'VARCHAR', 'gender': 'VARCHAR', 'birth_year': 'INTEGER',
    'start_date': 'DATE', 'end_date': 'DATE', 'exit_reason': 'VARCHAR', 'activities': 'VARCHAR'})
  WHERE start_date <= DATE '2023-06-30'
)
SELECT subproject, gender,
       CASE WHEN end_date IS NOT NULL AND end_date <= DATE '2023-06-30' THEN exit_reason ELSE 'active' END AS state,
       count(*) AS n,
       sum(CASE WHEN contains(activities, 'coaching') THEN 1 ELSE 0 END) AS coaching,
       sum(CASE WHEN contains(activities, 'praktik') THEN 1 ELSE 0 END) AS praktik,
       sum(CASE WHEN contains(activities, 'studier') THEN 1 ELSE 0 END) AS studier,
       sum(CASE WHEN contains(activities, 'halsa') THEN 1 ELSE 0 END) AS halsa,
       sum(CASE WHEN contains(activities, 'grupp') THEN 1 ELSE 0 END) AS grupp
FROM p GROUP BY ALL ORDER BY ALL
"""


def main(path: str, runs: int) -> None:
    con = duckdb.connect()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        rows = con.execute(QUERY, [path]).fetchall()
        times.append(time.perf_counter() - t)
    assert rows, "no result"
    print(f"{statistics.median(times):.4f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
