# pejling — two commands do everything on a fresh machine:
#   make site   renders content/ into output/
#   make test   runs every test
SWIFT ?= swift
OUTPUT ?= output

.PHONY: site site-binary test deps pdf-env build release unit-tests e2e-tests schema-tests browser-tests pdf-tests live-reload-test spreadsheet-tests bench-smoke clean

# libcmark (the Markdown parser) comes from Debian; install it when pkg-config cannot find it.
# zlib (zlib1g-dev) unpacks xlsx case reviews, through ZIPFoundation; libxml2 (libxml2-dev)
# parses their XML parts.
# faketime (libfaketime) lets the determinism test build with the clock years ahead.
deps:
	@missing=; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev pkg-config"; \
	pkg-config --exists zlib 2>/dev/null || missing="$$missing zlib1g-dev pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev pkg-config"; \
	command -v faketime >/dev/null 2>&1 || missing="$$missing faketime"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (apt)…"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The PDF engine of `build --pdf`: WeasyPrint 70.0 in .venv-pdf/, its system libraries and the
# fonts the PDF embeds (scripts/pdf-env.sh does only what is not done yet).
pdf-env:
	scripts/pdf-env.sh

release: deps
	$(SWIFT) build -c release --product pejling

build: deps
	$(SWIFT) build

# The binary `make site` uses: release, without the Serve trait (no Hummingbird or SwiftNIO to
# compile; its `serve` says so), in a build folder of its own so that it never swaps out the
# full binary of .build/release.
SITE_BUILD = .build/site
site-binary:
	$(SWIFT) build -c release --product pejling --disable-default-traits --scratch-path $(SITE_BUILD)

# The site and, for every municipality, its PDF report (<slug>/<slug>.pdf). After the Debian
# packages (one apt at a time), the PDF engine is installed, mostly downloading, while pejling
# compiles.
site: deps
	@$(MAKE) --no-print-directory -j2 site-binary pdf-env
	$(SITE_BUILD)/release/pejling build --content content --templates Templates --output $(OUTPUT) --pdf
	@echo "Open $(OUTPUT)/index.html in a browser."

unit-tests: build
	$(SWIFT) test

# Only the end-to-end tests (also part of `swift test`): the broken inputs of Tests/Corpus
# through the built binary, killed builds, refused output folders, diagnostic formats.
e2e-tests: build
	$(SWIFT) test --filter EndToEndTests

schema-tests:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	python3 Tests/schema/validate_measurements.py

# axe-core (WCAG 2.1 A/AA) and 320 px reflow in headless Chromium, and the Nu Html Checker, on
# every page of the demo content built with drafts into a temporary folder; tables and charts
# measured at 1280–320 px, and the CMS fragment in host pages on Bootstrap, the Read-the-Docs
# theme, normalize.css and two municipal themes (Tests/browser/test_host_pages.py).
# (scripts/browser-tests.sh installs Chromium, Java, the host sites' CSS and a Python venv when missing).
browser-tests: build
	@out=$$(mktemp -d "$${TMPDIR:-/tmp}/pejling-browser.XXXXXX") && trap 'rm -rf "$$out"' EXIT && \
	.build/debug/pejling build --content content --templates Templates --output "$$out/site" --drafts && \
	scripts/browser-tests.sh "$$out/site" --ignore=Tests/browser/test_live_reload.py

# The PDF reports of every demo municipality (drafts included), checked with pdfinfo, pdffonts,
# pdftotext and pikepdf (Tests/pdf/check_pdfs.py); then built again with another clock, time
# zone, locale and --jobs, which must give the same bytes.
pdf-tests: build pdf-env
	@out=$$(mktemp -d "$${TMPDIR:-/tmp}/pejling-pdf.XXXXXX") && trap 'rm -rf "$$out"' EXIT && \
	.build/debug/pejling build --content content --templates Templates --output "$$out/a" --drafts --pdf && \
	.venv-pdf/bin/python Tests/pdf/check_pdfs.py "$$out/a" && \
	TZ=Pacific/Auckland LC_ALL=C LANG=de_DE.UTF-8 faketime '2031-02-03 04:05:06' \
	  .build/debug/pejling build --content content --templates Templates --output "$$out/b" --drafts --pdf --jobs 1 && \
	for pdf in "$$out"/a/*/*.pdf; do \
	  cmp "$$pdf" "$$out/b/$${pdf#$$out/a/}" || { echo "$$pdf differs between two builds"; exit 1; }; \
	done && echo "PDFs byte-identical across two builds"

# `pejling serve` in headless Chromium: an open page follows edits, shows build errors and
# comes back (Tests/browser/test_live_reload.py). scripts/browser-env.sh installs chromium,
# chromium-driver and the Python venv (.venv) when they are missing.
live-reload-test: build
	scripts/browser-env.sh
	.venv/bin/python -m pytest -q Tests/browser/test_live_reload.py

# `pejling new`'s case review workbook opened in openpyxl (installed into .venv by
# scripts/browser-env.sh from Tests/browser/requirements.txt), filled in there, saved again by
# LibreOffice Calc when it is installed, and read back by pejling. Here a missing openpyxl fails
# the test; in a plain `swift test` it is skipped.
spreadsheet-tests: build
	scripts/browser-env.sh
	PEJLING_PYTHON=.venv/bin/python PEJLING_REQUIRE_OPENPYXL=1 $(SWIFT) test --filter CaseReviewWorkbookTests

# A small run of the benchmark against Hugo (50 and 200 pages, one run each, the debug binary):
# passes when both tools build every page. The full run is `benchmarks/run.sh` (see benchmarks/README.md).
bench-smoke: build
	PEJLING=.build/debug/pejling benchmarks/run.sh --smoke

test: unit-tests schema-tests browser-tests pdf-tests live-reload-test spreadsheet-tests bench-smoke

clean:
	rm -rf .build $(OUTPUT) .$(OUTPUT).pejling-stat .$(OUTPUT).pejling-kept .$(OUTPUT).pejling-lock
