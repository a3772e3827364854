#!/usr/bin/env bash
# Installs what fslsim needs to build on a Debian machine that has the Swift toolchain:
# GSL (libgsl-dev) and pkg-config. Safe to run again: it installs only what is missing.
set -euo pipefail

missing=()
[ -f /usr/include/gsl/gsl_rng.h ] || missing+=(libgsl-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: fslsim needs the Debian package(s) ${missing[*]}." >&2
    echo "setup: install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org" >&2
  exit 1
fi
