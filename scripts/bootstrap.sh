#!/usr/bin/env bash
# Installs what Vouch needs on Debian 12, as root: the Debian packages, then the
# npm packages from package-lock.json. Idempotent and quiet: it checks first, so
# a second run takes a second or two. `npm start` and `npm test` both call it.
set -euo pipefail
cd "$(dirname "$0")/.."

# One line per package, with what it is for.
DEBIAN_PACKAGES=(
  cmake ninja-build g++          # native build
  clang libclang-rt-14-dev       # libFuzzer targets (npm run fuzz)
  emscripten binaryen            # wasm build (em++ 3.1.6, wasm-opt)
  nlohmann-json3-dev catch2      # JSON in the core; native unit tests
  libsqlite3-dev libcpp-httplib-dev libssl-dev   # the review server
  libmicrohttpd-dev              # the server's HTTP transport (event loop; docs/decisions.md)
  libsodium-dev                  # owner console: argon2id password hashes, session ids (src/server/auth)
  libcurl4-openssl-dev           # the e-mail outbox: SMTP (STARTTLS, AUTH) through libcurl (src/server/outbox)
  libbrotli-dev zlib1g-dev       # the server precompresses cached snapshots (br, gzip)
  iproute2                       # HTTP test tier: ss reads the listen backlog
  libpng-dev libjpeg62-turbo-dev libwebp-dev      # the server decodes uploaded photos (image_probe.cpp)
  chromium                       # browser test tier (driven by npm playwright-core)
  fonts-noto-cjk                 # demo screenshots: Chinese and Japanese reviews need a CJK font
  brotli                         # payload budget (npm test) and benchmarks
  wrk nginx-light                # bench: HTTP load generator; nginx as the static-file baseline
  wabt                           # bench: wasm-objdump for the wasm's section/function sizes
  tzdata                         # response clock: the system time-zone database (src/native/system_zone.cpp)
  opencc libopencc-data publicsuffix   # scripts/gen_text_tables.mjs, gen_review_fixtures.mjs: Han folding, zh-TW, PSL
  unicode-data                   # scripts/gen_unicode_tables.mjs: the UCD it generates the Unicode tables from
)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: need root for apt-get install (run as root, or install them yourself)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules does not match the lock file. npm writes
# node_modules/.package-lock.json on every install: compare with it.
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null && \
   ! node scripts/lock-matches.mjs 2>/dev/null; then
  echo "bootstrap: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
