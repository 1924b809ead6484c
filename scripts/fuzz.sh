#!/usr/bin/env bash
# Runs each libFuzzer harness for $1 seconds (default 200), seeded with the
# fixtures and examples. Crashes go to .build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-200}
bin=.build-fuzz/release
mkdir -p .build-fuzz/crashes .build-fuzz/corpus/{csv,yaml,pipeline,templates,swap,xlsx,xlsx-parts}
# Seeds: every CSV and YAML the tests and examples use, and each project as a pair.
find Tests/Fixtures data -name '*.csv' -exec cp -n {} .build-fuzz/corpus/csv/ \; 2>/dev/null || true
i=0
while IFS= read -r yaml; do
  i=$((i + 1))
  cp "$yaml" ".build-fuzz/corpus/yaml/$i.yaml"
  dir=$(dirname "$yaml")
  { cat "$yaml"; printf '\0'; cat "$dir/participants.csv" 2>/dev/null || true; printf '\0'; cat "$dir/counts.csv" 2>/dev/null || true; } > ".build-fuzz/corpus/pipeline/$i"
done < <(find Tests/Fixtures data -name 'project.yaml')
# The kept regression inputs, each to its own fuzzer (Tests/Fixtures/fuzz/README.md).
for kind in csv yaml pipeline; do
  for f in Tests/Fixtures/fuzz/"$kind"-*; do cp -n "$f" ".build-fuzz/corpus/$kind/"; done
done
# Templates: the default report.md and report.html as one input, and the kept cases.
{ cat templates/report.md.mustache; printf '\0'; cat templates/report.html.mustache; } > .build-fuzz/corpus/templates/defaults
cp -n Tests/Fixtures/fuzz-templates/* .build-fuzz/corpus/templates/ 2>/dev/null || true
for csv in .build-fuzz/corpus/csv/*; do mv "$csv" ".build-fuzz/corpus/csv/$(md5sum < "$csv" | cut -c1-12)" 2>/dev/null || true; done
# The output swap's seeds: states of an output folder (see Tests/Fixtures/fuzz-swap/README.md).
find Tests/Fixtures/fuzz-swap -type f ! -name README.md -exec cp -n {} .build-fuzz/corpus/swap/ \;
# Workbooks: the committed ones under 300 KB whole (fuzz-xlsx), and their
# parts' XML split at NUL bytes (fuzz-xlsx-parts, WorkbookFuzzHarness.partNames).
find Tests/Fixtures/xlsx Tests/Fixtures/broken -name '*.xlsx' -size -300k | while IFS= read -r xlsx; do
  name=$(echo "$xlsx" | cut -d/ -f3- | tr / _)
  cp "$xlsx" ".build-fuzz/corpus/xlsx/$name"
  python3 scripts/xlsx-fuzz-parts.py "$xlsx" ".build-fuzz/corpus/xlsx-parts/$name" || true
done
for f in Tests/Fixtures/fuzz/xlsx-*; do
  case "$f" in */xlsx-parts-*) cp -n "$f" .build-fuzz/corpus/xlsx-parts/ ;; *) cp -n "$f" .build-fuzz/corpus/xlsx/ ;; esac
done
# FUZZ_ONLY: some of the harnesses (e.g. "xlsx xlsx-parts"); all by default.
for name in ${FUZZ_ONLY:-csv yaml pipeline templates swap xlsx xlsx-parts}; do
  echo "== fuzz-$name for $seconds s"
  # One job, one worker: the machine is shared.
  nice "$bin/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -jobs=1 -workers=1 \
    -artifact_prefix=".build-fuzz/crashes/$name-" ".build-fuzz/corpus/$name" 2>&1 | grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|crash-|timeout-|leak-" || true
done
ls .build-fuzz/crashes
