#!/usr/bin/env python3
"""`make bench`: slutrapport's full build against a DuckDB reference
aggregation on the same files, side by side in one run, and a batch of
2,000 small projects, with the Word report among its formats and without
(`bench/run.py docx` runs that comparison alone). Prints medians,
throughput, peak memory and ratios.

Data is generated once into .bench/ (same seed, same bytes) and reused.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, ".bench")
BIN = os.path.join(ROOT, ".build", "release", "slutrapport")
SIZES = [("10k", 10_000, 7), ("100k", 100_000, 7), ("1M", 1_000_000, 5), ("5M", 5_000_000, 3)]


def timed(cmd, env=None):
    """Wall seconds (to the microsecond; GNU time's own is in hundredths) and
    peak RSS (KiB, measured by GNU time) of one run."""
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, env=env)
    wall = time.perf_counter() - start
    last = out.stderr.strip().splitlines()[-1].split()
    return wall, int(last[1]), out.returncode


def median_run(cmd, runs):
    results = [timed(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2]


def ensure_duckdb():
    try:
        import duckdb  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True)


def generate():
    for name, rows, _ in SIZES:
        folder = os.path.join(DATA, name)
        if not os.path.exists(os.path.join(folder, "participants.csv")):
            print(f"generating {name} …", flush=True)
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(rows), folder], check=True)
    generate_batch()


def generate_batch():
    batch = os.path.join(DATA, "batch")
    if not os.path.exists(os.path.join(batch, "p1999", "participants.csv")):
        print("generating the batch of 2,000 projects …", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_batch.py"), batch], check=True)


def batch_with_docx(batch, out):
    """The batch with the Word report among its formats against the same batch
    without it, alternating so that a slower minute hits both: medians of three.
    Returns the ratio and the worst exit status."""
    without, with_docx, statuses = [], [], []
    for _ in range(3):
        for formats, times in (("md,html,xml", without), ("md,html,xml,docx", with_docx)):
            shutil.rmtree(out, ignore_errors=True)
            t, _, status = timed([BIN, "build", batch, "--out", out, "--quiet", "--format", formats])
            times.append(t)
            statuses.append(status)
    a, b = statistics.median(without), statistics.median(with_docx)
    print(f"batch with docx: {b:.2f} s against {a:.2f} s without (--format md,html,xml): {b / a:.2f} x, "
          f"status {max(statuses)}")
    return b / a, max(statuses)


def main():
    ensure_duckdb()
    generate()
    reference = os.path.join(ROOT, "bench", "duckdb_reference.py")
    jobs = os.cpu_count() or 1
    print(f"\nslutrapport build --jobs {jobs} (every core, as by default); DuckDB uses every core too")
    results = {}
    print(f"{'rows':>5} {'MB':>6} | {'slutrapport':>11} {'rows/s':>10} {'MB/s':>6} {'peak':>8} | "
          f"{'duckdb':>7} {'query':>6} {'peak':>8} | {'cat':>6} | {'vs duckdb':>9} {'vs query':>8} {'vs cat':>6}")
    for name, rows, runs in SIZES:
        folder = os.path.join(DATA, name)
        csv = os.path.join(folder, "participants.csv")
        mb = os.path.getsize(csv) / 1e6
        out = os.path.join(DATA, "out-" + name)
        ours, our_peak, status = median_run([BIN, "build", folder, "--out", out, "--quiet", "--jobs", str(jobs)], runs)
        assert status == 0, f"slutrapport failed on {name}"
        duck, duck_peak, _ = median_run([sys.executable, reference, csv, "1"], runs)
        query = float(subprocess.run([sys.executable, reference, csv, str(runs)], capture_output=True, text=True).stdout)
        cat = statistics.median(timed(["sh", "-c", f"cat {csv} | cat > /dev/null"])[0] for _ in range(runs))
        print(f"{name:>5} {mb:6.1f} | {ours:10.3f}s {rows / ours:10.0f} {mb / ours:6.0f} {our_peak / 1024:6.0f}Mi | "
              f"{duck:6.3f}s {query:5.3f}s {duck_peak / 1024:6.0f}Mi | {cat:5.3f}s | "
              f"{ours / duck:8.2f}× {ours / query:7.2f}× {ours / max(cat, 0.001):5.1f}×", flush=True)
        results[name] = (ours, our_peak, duck, query, duck_peak, cat)
    batch = os.path.join(DATA, "batch")
    out = os.path.join(DATA, "out-batch")
    shutil.rmtree(out, ignore_errors=True)
    t, peak, status = timed([BIN, "build", batch, "--out", out, "--quiet"])
    print(f"\nbatch of 2,000 projects × 300 participants: {t:.2f} s, peak {peak / 1024:.0f} MiB, status {status}")
    docx_ratio, docx_status = batch_with_docx(batch, out)

    def verdict(ok):
        return "met" if ok else "NOT met"
    ours, _, duck, query, _, _ = results["1M"]
    print("\ntargets (docs/performance.md):")
    print(f"  1M in at most 1/3 of DuckDB's time:   {ours / duck:.2f} of its process, {ours / query:.2f} of its query alone: "
          f"{verdict(ours <= duck / 3)} (process), {verdict(ours <= query / 3)} (query)")
    ours, our_peak, _, _, duck_peak, cat = results["5M"]
    print(f"  5M within 5 x cat:                    {ours / cat:.1f} x: {verdict(ours <= 5 * cat)}")
    print(f"  5M in less memory than DuckDB:        {our_peak / 1024:.0f} MiB against {duck_peak / 1024:.0f} MiB: {verdict(our_peak < duck_peak)}")
    print(f"  2,000 x 300 in at most 20 s:          {t:.1f} s: {verdict(t <= 20 and status == 0)}")
    print(f"  the batch with docx at most 1.3 x:    {docx_ratio:.2f} x: {verdict(docx_ratio <= 1.3 and docx_status == 0)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["docx"]:
        # `python3 bench/run.py docx`: the docx batch comparison alone.
        generate_batch()
        ratio, _ = batch_with_docx(os.path.join(DATA, "batch"), os.path.join(DATA, "out-batch"))
        print(f"the batch with docx at most 1.3 x: {ratio:.2f} x")
    else:
        main()
