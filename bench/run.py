#!/usr/bin/env python3
"""`make bench`: slutrapport's full build against a DuckDB reference
aggregation on the same files, side by side in one run, and a batch of
2,000 small projects, with the Word report among its formats and without
(`bench/run.py docx` runs that comparison alone), and `slutrapport check` on
the 1M participants as a workbook against Polars' read_excel (calamine) on it
(`bench/run.py xlsx` runs that alone), and the same build with and without
the ESF+ columns at 100k and 1M participants, side by side (`bench/run.py
esf` runs that alone). Prints medians, throughput, peak memory and ratios.

Data is generated once into .bench/ (same seed, same bytes) and reused.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, ".bench")
BIN = os.path.join(ROOT, ".build", "release", "slutrapport")
SIZES = [("10k", 10_000, 7), ("100k", 100_000, 7), ("1M", 1_000_000, 5), ("5M", 5_000_000, 3)]
XLSX = "1M-xlsx"
XLSX_RUNS = 5
# Issue 17: the same rows with and without the ESF+ columns (bench/generate.py --esf).
ESF_SIZES = [("100k", 100_000), ("1M", 1_000_000)]
ESF_RUNS = 7


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


def ensure_polars():
    try:
        import fastexcel  # noqa: F401
        import polars  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "polars", "fastexcel"], check=True)


def generate_csv(name, rows):
    folder = os.path.join(DATA, name)
    if not os.path.exists(os.path.join(folder, "participants.csv")):
        print(f"generating {name} …", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(rows), folder], check=True)


def generate():
    for name, rows, _ in SIZES:
        generate_csv(name, rows)
    generate_batch()
    generate_xlsx()
    generate_esf()


def generate_esf():
    """Each ESF_SIZES file again with the ESF+ columns, in `<name>-esf`."""
    for name, rows in ESF_SIZES:
        generate_csv(name, rows)
        folder = os.path.join(DATA, name + "-esf")
        if not os.path.exists(os.path.join(folder, "participants.csv")):
            print(f"generating {name} with the ESF+ columns …", flush=True)
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(rows), folder, "--esf"], check=True)


def esf_case():
    """The full build of each ESF_SIZES file with and without the ESF+
    columns, alternating so that a slower moment hits both: medians of
    ESF_RUNS, and the peak memory of each. Returns {name: (without, with,
    peak without, peak with, worst status)}."""
    jobs = os.cpu_count() or 1
    print(f"\nthe ESF+ columns (esf_plus, nine ESF+ columns and a breakdown with several codes a cell), --jobs {jobs}")
    print(f"{'rows':>5} {'MB':>6} {'MB esf':>6} | {'without':>8} {'peak':>7} | {'with':>8} {'peak':>7} | {'with/without':>12} {'peak +':>7}")
    results = {}
    for name, _ in ESF_SIZES:
        plain, esf = os.path.join(DATA, name), os.path.join(DATA, name + "-esf")
        times = {plain: [], esf: []}
        peaks = {plain: 0, esf: 0}
        status = 0
        for _ in range(ESF_RUNS):
            for folder in (plain, esf):
                t, peak, code = timed([BIN, "build", folder, "--out", os.path.join(DATA, "out-esf-" + os.path.basename(folder)),
                                       "--quiet", "--jobs", str(jobs)])
                times[folder].append(t)
                peaks[folder] = max(peaks[folder], peak)
                status = max(status, code)
        a, b = statistics.median(times[plain]), statistics.median(times[esf])
        mb = [os.path.getsize(os.path.join(f, "participants.csv")) / 1e6 for f in (plain, esf)]
        print(f"{name:>5} {mb[0]:6.1f} {mb[1]:6.1f} | {a:7.3f}s {peaks[plain] / 1024:5.0f}Mi | {b:7.3f}s {peaks[esf] / 1024:5.0f}Mi | "
              f"{b / a:11.2f}× {(peaks[esf] - peaks[plain]) / 1024:+5.0f}Mi   status {status}", flush=True)
        results[name] = (a, b, peaks[plain], peaks[esf], status)
    return results


def esf_verdict(results):
    a, b, _, _, status = results["1M"]
    print(f"  1M with the ESF+ columns at most 1.5 x without: {b / a:.2f} x: {verdict(b <= 1.5 * a and status == 0)}")
    # Memory grows with distinct ids (the same in both files); the ESF+ columns may add a fixed amount, never one per row.
    small, large = results["100k"], results["1M"]
    extra_small, extra_large = (small[3] - small[2]) / 1024, (large[3] - large[2]) / 1024
    print(f"  ESF+ memory does not grow with rows:   {small[3] / 1024:.0f} MiB at 100k, {large[3] / 1024:.0f} MiB at 1M; "
          f"{extra_small:+.0f} MiB and {extra_large:+.0f} MiB over the same rows without: {verdict(extra_large <= extra_small + 8)}")


def generate_xlsx():
    """The 1M participants as a workbook, from the 1M CSV (its time is printed)."""
    generate_csv("1M", 1_000_000)
    if not os.path.exists(os.path.join(DATA, XLSX, "participants.xlsx")):
        print("generating the 1M workbook …", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_xlsx.py"), os.path.join(DATA, "1M"),
                        os.path.join(DATA, XLSX)], check=True)


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


def xlsx_figures_match():
    """Whether `slutrapport build` of the workbook gives the CSV's figures:
    None while it reads no workbook (slutrapport.xml without participants:
    the project built as a description), else whether the two XML files are
    the same bytes (the workbook folder has a copy of the CSV's project.yaml)."""
    xmls = []
    for name in ("1M", XLSX):
        out = os.path.join(DATA, "out-figures-" + name)
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([BIN, "build", os.path.join(DATA, name), "--out", out, "--quiet", "--format", "xml"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        path = os.path.join(out, "bench-1000000", "slutrapport.xml")
        xmls.append(open(path, "rb").read() if os.path.exists(path) else b"")
    if b"<participants " not in xmls[1]:
        return None
    return xmls[0] == xmls[1]


def xlsx_case():
    """`slutrapport check` on the 1M workbook against Polars' read_excel on it,
    as whole processes, medians of XLSX_RUNS; Polars' read alone, too.
    Returns (ours, our peak, polars, read alone, polars peak), ours None when
    slutrapport does not read workbooks yet."""
    path = os.path.join(DATA, XLSX, "participants.xlsx")
    unzipped = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    print(f"\n1M participants as a workbook: {os.path.getsize(path) / 1e6:.1f} MB zipped, {unzipped / 1e6:.1f} MB unzipped")
    reference = os.path.join(ROOT, "bench", "polars_reference.py")
    polars, polars_peak, _ = median_run([sys.executable, reference, path, "1"], XLSX_RUNS)
    read = float(subprocess.run([sys.executable, reference, path, "3"], capture_output=True, text=True).stdout)
    print(f"  polars read_excel (calamine): {polars:.3f} s process, {read:.3f} s read alone, peak {polars_peak / 1024:.0f} MiB")
    same = xlsx_figures_match()
    if same is None:
        print("  slutrapport check: not available (this slutrapport does not read participants.xlsx)")
        return None, None, polars, read, polars_peak
    ours, our_peak, status = median_run([BIN, "check", os.path.join(DATA, XLSX), "--quiet"], XLSX_RUNS)
    print(f"  slutrapport check:            {ours:.3f} s, peak {our_peak / 1024:.0f} MiB, status {status}; "
          f"{ours / polars:.2f} x Polars' process, {ours / read:.2f} x its read alone; "
          f"figures {'the same as' if same else 'NOT the same as'} the CSV's")
    return (ours if status == 0 and same else None), our_peak, polars, read, polars_peak


def xlsx_verdict(result, verdict):
    ours, our_peak, polars, read, polars_peak = result
    if ours is None:
        print("  1M workbook in at most 0.5 x Polars' time, less memory: not available (or failed)")
        return
    print(f"  1M workbook in at most 0.5 x Polars:  {ours / polars:.2f} of its process, {ours / read:.2f} of its read alone: "
          f"{verdict(ours <= polars / 2)} (process), {verdict(ours <= read / 2)} (read alone)")
    print(f"  1M workbook in less memory than Polars: {our_peak / 1024:.0f} MiB against {polars_peak / 1024:.0f} MiB: "
          f"{verdict(our_peak < polars_peak)}")


def disclosure_case():
    """Disclosure control is part of the build (issue 23): the largest example
    (bidrag-till-forsorjning, 32 subprojects) with --suppress-below 5, median
    of 5, and the batch of 2,000 with --suppress-below 5 against without."""
    example = os.path.join(ROOT, "data", "bidrag-till-forsorjning")
    out = os.path.join(DATA, "out-disclosure")
    largest, _, status = median_run([BIN, "build", example, "--out", out, "--quiet", "--suppress-below", "5"], 5)
    assert status == 0, "slutrapport failed on the largest example"
    batch = os.path.join(DATA, "batch")
    out = os.path.join(DATA, "out-batch")
    runs = []
    for extra in ([], ["--suppress-below", "5"]):
        shutil.rmtree(out, ignore_errors=True)
        t, _, status = timed([BIN, "build", batch, "--out", out, "--quiet", "--format", "md,html,xml"] + extra)
        assert status == 0
        runs.append(t)
    print(f"\ndisclosure: largest example with --suppress-below 5 {largest:.2f} s; "
          f"batch {runs[1]:.2f} s with --suppress-below 5 against {runs[0]:.2f} s without: {runs[1] / runs[0]:.2f} x", flush=True)
    return largest, runs[1] / runs[0]


def main():
    ensure_duckdb()
    ensure_polars()
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
    workbook = xlsx_case()
    esf = esf_case()
    largest, disclosure_ratio = disclosure_case()

    ours, _, duck, query, _, _ = results["1M"]
    print("\ntargets (docs/performance.md):")
    print(f"  1M in at most 1/3 of DuckDB's time:   {ours / duck:.2f} of its process, {ours / query:.2f} of its query alone: "
          f"{verdict(ours <= duck / 3)} (process), {verdict(ours <= query / 3)} (query)")
    ours, our_peak, _, _, duck_peak, cat = results["5M"]
    print(f"  5M within 5 x cat:                    {ours / cat:.1f} x: {verdict(ours <= 5 * cat)}")
    print(f"  5M in less memory than DuckDB:        {our_peak / 1024:.0f} MiB against {duck_peak / 1024:.0f} MiB: {verdict(our_peak < duck_peak)}")
    print(f"  2,000 x 300 in at most 20 s:          {t:.1f} s: {verdict(t <= 20 and status == 0)}")
    print(f"  the batch with docx at most 1.3 x:    {docx_ratio:.2f} x: {verdict(docx_ratio <= 1.3 and docx_status == 0)}")
    xlsx_verdict(workbook, verdict)
    esf_verdict(esf)
    print(f"  largest example, --suppress-below 5, under 1 s: {largest:.2f} s: {verdict(largest < 1)}")
    print(f"  the batch with --suppress-below 5 at most 2 x: {disclosure_ratio:.2f} x: {verdict(disclosure_ratio <= 2)}")


def verdict(ok):
    return "met" if ok else "NOT met"


if __name__ == "__main__":
    if sys.argv[1:] == ["docx"]:
        # `python3 bench/run.py docx`: the docx batch comparison alone.
        generate_batch()
        ratio, _ = batch_with_docx(os.path.join(DATA, "batch"), os.path.join(DATA, "out-batch"))
        print(f"the batch with docx at most 1.3 x: {ratio:.2f} x")
    elif sys.argv[1:] == ["disclosure"]:
        # `python3 bench/run.py disclosure`: the disclosure case alone.
        generate_batch()
        largest, ratio = disclosure_case()
        print(f"largest example under 1 s: {verdict(largest < 1)}; the batch at most 2 x: {verdict(ratio <= 2)}")
    elif sys.argv[1:] == ["xlsx"]:
        # `python3 bench/run.py xlsx`: the workbook case alone.
        ensure_polars()
        generate_xlsx()
        xlsx_verdict(xlsx_case(), verdict)
    elif sys.argv[1:] == ["esf"]:
        # `python3 bench/run.py esf`: the ESF+ columns alone.
        generate_esf()
        esf_verdict(esf_case())
    else:
        main()
