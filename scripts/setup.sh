#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; fast and silent when all is
# there. Safe to run again and again (make serve / make test run it first).
#
# What and why (see also ../shared/TOOLCHAIN.md): the wasm32 target; Trunk 0.21.14 (0.22 needs
# a newer rustc); wasm-bindgen-cli at exactly the version Cargo.lock pins (it also provides
# wasm-bindgen-test-runner); Debian's Chromium and ChromeDriver for the browser tests; and from
# npm: wasm-opt (binaryen 132, as Debian's is too old), playwright-core and axe-core.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "setup: Rust (cargo) is required: https://rustup.rs" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes a few minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$" \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a couple of minutes once)"
  # Without --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver
fi

# Debian's iso-codes: the open-data converter maps withdrawn country codes (East Timor's TP)
# through its list of former codes (scripts/build-open-data.mjs).
if [ ! -f /usr/share/iso-codes/json/iso_3166-3.json ]; then
  say "installing Debian's iso-codes"
  apt_install iso-codes
fi

# Java for the Nu HTML checker (npm vnu-jar), which e2e/html.test.mjs runs.
if ! command -v java >/dev/null; then
  say "installing Debian's default-jre-headless"
  apt_install default-jre-headless
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing node and npm"
  apt_install nodejs npm
fi

# npm packages: reinstall only when the lock file changed since the last install.
stamp=node_modules/.installed-lock.json
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages (wasm-opt, terser, playwright-core, axe-core, vnu-jar, lighthouse)"
  # --ignore-scripts: vnu-jar's install script would download a Java runtime (Debian's is used).
  npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
  cp package-lock.json "$stamp"
fi
