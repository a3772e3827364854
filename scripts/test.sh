#!/usr/bin/env bash
# The whole test suite: Swift Testing and XCTest through `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build
