# pejling — two commands do everything on a fresh machine:
#   make site   renders content/ into output/
#   make test   runs every test
SWIFT ?= swift
OUTPUT ?= output

.PHONY: site test deps build release unit-tests e2e-tests schema-tests live-reload-test clean

# libcmark (the Markdown parser) comes from Debian; install it when pkg-config cannot find it.
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
	  echo "Installing libcmark-dev (apt)…"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	}

release: deps
	$(SWIFT) build -c release --product pejling

build: deps
	$(SWIFT) build

site: release
	.build/release/pejling build --content content --templates Templates --output $(OUTPUT)
	@echo "Open $(OUTPUT)/index.html in a browser."

unit-tests: build
	$(SWIFT) test

schema-tests:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	python3 Tests/schema/validate_measurements.py

# `pejling serve` in headless Chromium: an open page follows edits, shows build errors and
# comes back (Tests/browser/test_live_reload.py). scripts/browser-env.sh installs chromium,
# chromium-driver and the Python venv (.venv) when they are missing.
live-reload-test: build
	scripts/browser-env.sh
	.venv/bin/python -m pytest -q Tests/browser/test_live_reload.py

test: unit-tests schema-tests live-reload-test

clean:
	rm -rf .build output
