# The commands the README gives. Each installs what is missing first (scripts/setup.sh).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

.PHONY: setup serve dev build test check fmt fmt-check lint test-native test-wasm e2e bench clean open-data

## setup: install whatever is missing (idempotent)
setup:
	@scripts/setup.sh

## serve: build the release and serve the explorer at http://127.0.0.1:8080 (embed at /embed/)
serve: build
	node scripts/serve-dist.mjs dist 8080

## dev: rebuild on change while developing (the explorer only, at http://127.0.0.1:8080)
dev: setup
	trunk serve --offline --address 127.0.0.1 --port 8080

## build: the release build into dist/: the explorer, then the embed page into dist/embed/
## and the workbench (every index through the generic model, with the data) into dist/workbench/,
## its widget (one index, the composite-embed build) into dist/workbench/embed/; then the
## static copies of the main pages for browsers without JavaScript (src/bin/prerender.rs), the
## service worker that keeps the release for offline use (dist/sw.js) and the response headers
## a static host should send (dist/_headers, README "Deploying")
build: setup
	trunk build --release --offline
	trunk build --release --offline=true --dist dist/embed embed/index.html
	trunk build --release --offline=true --dist dist/workbench workbench/index.html
	trunk build --release --offline=true --dist dist/workbench/embed workbench/embed/index.html
	cargo run --quiet --features prerender --bin prerender -- dist
	node scripts/sw.mjs dist
	node scripts/headers.mjs dist

## test: everything CI runs: format, lints (host and wasm32), engine tests (native and wasm32
## in headless Chromium), app unit tests, the release build, and the Playwright e2e suite
test: setup fmt-check lint test-native test-wasm build e2e

## check: format and lints only
check: setup fmt-check lint

fmt:
	cargo fmt --all

fmt-check:
	cargo fmt --all -- --check

lint:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features workbench -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features composite-embed -- -D warnings
	cargo clippy --workspace --all-targets --features torture-index-explorer/workbench -- -D warnings
	cargo clippy --bin prerender --features prerender -- -D warnings

test-native:
	cargo test --workspace --features torture-index-explorer/workbench

test-wasm:
	cd crates/engine && cargo test --target wasm32-unknown-unknown

e2e:
	node scripts/country-names.mjs --check
	node --test --test-concurrency=1 scripts/build-map.test.mjs scripts/build-open-data.test.mjs scripts/minify.test.mjs e2e/

## open-data: rebuild data/open-indicators/ from the raw open data in ../shared/data/open/
## (or OPEN_DATA_DIR); the output is committed, and the e2e target checks it is current
open-data:
	node scripts/build-open-data.mjs

## bench: engine micro-benchmarks (native), then in-browser latency, load time and sizes
bench: build
	node scripts/gen-index.mjs 10000 100 target/scale/10k
	node scripts/gen-index.mjs 100000 100 target/scale/100k
	cargo bench -p tie-engine --bench engine
	cargo build --release -p tie-cli
	node scripts/bench.mjs

clean:
	cargo clean
	rm -rf dist
