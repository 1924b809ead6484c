#!/usr/bin/env bash
# `make clients`: every example's .docx and .xlsx through real clients. Builds
# data/ in Swedish and English and vak2 with disclosure control
# (--suppress-below 5) with the given binary into OUT, has LibreOffice convert
# every slutrapport.docx and slutrapport.xlsx to PDF (a failed or empty
# conversion is an error; a workbook's PDF goes to xlsx/ beside it), then
# checks the key figures in each Word PDF's text and that no word of a table
# is broken across lines (check-pdf.py, pdftotext), every table of each .docx
# against its slutrapport.xml (check-docx.py, python-docx) and every table
# sheet of each .xlsx against it (check-xlsx.py, openpyxl). The HTML of every
# example and the batch index, built again in both languages with and without
# --suppress-below 5, goes through the Nu HTML checker and axe-core
# (check-html.py), and Chromium prints every HTML report: each page numbered,
# none mostly blank (check-print.py). Every check runs, whatever the ones
# before it find.
#   scripts/check-clients.sh BINARY OUT
set -euo pipefail
bin=${1:?usage: check-clients.sh BINARY OUT}
out=${2:?usage: check-clients.sh BINARY OUT}
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
"$bin" build data --out "$out/sv" --quiet
"$bin" build data --out "$out/en" --lang en --quiet
"$bin" build data/vak2 --out "$out/suppressed" --suppress-below 5 --quiet
# HTML alone for check-html.py (a tenth of a second each): the readers' pages in every combination.
for lang in sv en; do
  "$bin" build data --out "$out/html/$lang" --lang "$lang" --format html --quiet
  "$bin" build data --out "$out/html/$lang-suppressed" --lang "$lang" --format html --suppress-below 5 --quiet
done

# A profile of our own: a user's running LibreOffice (or another check) would otherwise take the conversion over.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
reports=("$out"/*/*/slutrapport.docx)
workbooks=("$out"/*/*/slutrapport.xlsx)
[ -e "${reports[0]}" ] || { echo "error: no slutrapport.docx under $out" >&2; exit 1; }
[ -e "${workbooks[0]}" ] || { echo "error: no slutrapport.xlsx under $out" >&2; exit 1; }
failed=0
for file in "${reports[@]}" "${workbooks[@]}"; do
  # Both would be slutrapport.pdf: the workbook's goes to a folder of its own.
  dir=$(dirname "$file")
  case "$file" in *.xlsx) dir="$dir/xlsx"; mkdir -p "$dir" ;; esac
  log="$dir/soffice.log"
  # soffice says "Error: source file could not be loaded" and still exits 0: the PDF is the proof.
  if ! timeout 180 soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$dir" "$file" >"$log" 2>&1 \
     || grep -q "^Error" "$log" || [ ! -s "$dir/slutrapport.pdf" ]; then
    echo "error: LibreOffice could not convert $file to PDF:" >&2
    cat "$log" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "LibreOffice converted ${#reports[@]} reports and ${#workbooks[@]} workbooks to PDF"
status=0
python3 scripts/check-pdf.py "$out"/*/*/slutrapport.pdf || status=1
python3 scripts/check-docx.py "${reports[@]%/slutrapport.docx}" || status=1
python3 scripts/check-xlsx.py "${workbooks[@]%/slutrapport.xlsx}" || status=1
python3 scripts/check-html.py "$out"/html/* || status=1
python3 scripts/check-print.py "$out"/*/*/slutrapport.html || status=1
exit "$status"
