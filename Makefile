# The commands a user needs: `make report` and `make test`.
SWIFT ?= swift
OUT ?= out
DATA ?= data
RELEASE_BIN = .build/release/slutrapport

.PHONY: report test build deps clients attack screenshots bench fuzz clean

deps:
	@scripts/ensure-deps.sh

# The release binary carries the Swift runtime and Foundation in itself: it
# starts in half the time (no dynamic symbol lookups) and can be copied to a
# CI runner without a Swift toolchain (libcmark-gfm and libxml2 it still needs).
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

report: build
	$(RELEASE_BIN) build $(DATA) --out $(OUT)
	@echo "Reports written to $(OUT)/<project>/slutrapport.{md,html,xml,docx,xlsx}; open $(OUT)/vak2/slutrapport.html in a browser."

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Real clients on every example's .docx and .xlsx (CI runs this after `make test`):
# LibreOffice converts each to PDF, whose text must hold the key figures and
# no table word broken across lines, and python-docx reads every table and
# openpyxl every table sheet, whose numbers must equal the XML's; every HTML
# page (both languages, with and without --suppress-below 5, and the index)
# must give no message in the Nu HTML checker and no axe-core finding (WCAG
# 2.1 A/AA and best practice); Chromium prints every HTML report, each page
# numbered and none mostly blank. See scripts/check-clients.sh; the PDFs are
# left in $(CLIENTS_OUT) to look at.
CLIENTS_OUT ?= .build/clients
clients: build
	@scripts/ensure-deps.sh --clients
	scripts/check-clients.sh $(RELEASE_BIN) $(CLIENTS_OUT)

# The attacker of SPEC §4.5 (scripts/attack/, docs/disclosure-attack.md): every
# example, a hand-made corpus and 200 random projects, built with
# --suppress-below 3, 5 and none; every hidden count's bounds solved as integer
# programs from everything the XML and the workbook show. Fails on any hidden
# count narrowed, and on any relation that does not hold on the true figures.
attack: build
	@scripts/ensure-deps.sh --attack
	SLUTRAPPORT_BIN=$(RELEASE_BIN) python3 scripts/attack/run.py --jobs 2

# Renders every example's HTML, in Swedish (out/) and English (out-en/), to
# PNG and PDF with headless Chromium, into screenshots/.
screenshots: build
	@command -v chromium >/dev/null || { echo "install chromium: sudo apt-get install -y chromium"; exit 1; }
	$(RELEASE_BIN) build $(DATA) --out $(OUT) --quiet
	$(RELEASE_BIN) build $(DATA) --out $(OUT)-en --lang en --quiet
	@mkdir -p screenshots
	@for html in $(OUT)/index.html $(OUT)/*/slutrapport.html $(OUT)-en/*/slutrapport.html; do \
	  name=$$(echo $$html | sed 's|/slutrapport.html||; s|/|-|g; s|\.html||'); \
	  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
	    --screenshot=screenshots/$$name.png file://$$PWD/$$html 2>/dev/null; \
	  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	    --print-to-pdf=screenshots/$$name.pdf file://$$PWD/$$html 2>/dev/null; \
	  echo "screenshots/$$name.png screenshots/$$name.pdf"; \
	done

# Speed: the full build against DuckDB on the same files, and a batch of 2,000
# projects (not part of `make test`; see docs/performance.md).
bench: build
	python3 bench/run.py

# Fuzzing with libFuzzer (not part of `make test`; see docs/security.md).
FUZZ_SECONDS ?= 200
fuzz: deps
	for h in csv yaml pipeline templates swap xlsx xlsx-parts; do SLUTRAPPORT_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product fuzz-$$h || exit 1; done
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(OUT) $(OUT)-en screenshots
