# The commands a user needs: `make report` and `make test`.
SWIFT ?= swift
OUT ?= out
DATA ?= data
RELEASE_BIN = .build/release/slutrapport

.PHONY: report test build deps screenshots clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build -c release

report: build
	$(RELEASE_BIN) build $(DATA) --out $(OUT)
	@echo "Reports written to $(OUT)/<project>/slutrapport.{md,html,xml}; open $(OUT)/vak2/slutrapport.html in a browser."

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Renders every example's HTML to PNG and PDF with headless Chromium.
screenshots: report
	@command -v chromium >/dev/null || { echo "install chromium: sudo apt-get install -y chromium"; exit 1; }
	@mkdir -p screenshots
	@for html in $(OUT)/*/slutrapport.html; do \
	  name=$$(basename $$(dirname $$html)); \
	  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,2400 \
	    --screenshot=screenshots/$$name.png file://$$PWD/$$html 2>/dev/null; \
	  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	    --print-to-pdf=screenshots/$$name.pdf file://$$PWD/$$html 2>/dev/null; \
	  echo "screenshots/$$name.png screenshots/$$name.pdf"; \
	done

clean:
	rm -rf .build $(OUT) screenshots
