#!/usr/bin/env bash
# Builds a release `fslsim` that runs on a machine without the Swift toolchain (a compute node):
# the Swift runtime and Foundation are linked statically (--static-swift-stdlib) and so is GSL,
# from libgsl-dev's libgsl.a/libgslcblas.a. The result needs only the C and C++ runtime every
# Linux has (libc, libm, libstdc++, libgcc_s; glibc as new as the build machine's, Debian 12's
# 2.36 here): copy the one file to the compute nodes or a shared folder.
#
#   scripts/build-static.sh [DEST]        (default DEST: .build/static-bin/fslsim)
#
# Environment: SWIFT (default swift); GSL_LINK=shared keeps GSL a shared system library (then
# compute nodes need the Debian package libgsl27, or libgsl-dev). A separate scratch path
# (.build/static) keeps this build from invalidating the ordinary `swift build -c release`.
# Prints the path of the binary on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

SWIFT=${SWIFT:-swift}
DEST=${1:-.build/static-bin/fslsim}
GSL_LINK=${GSL_LINK:-static}
scratch=.build/static
[ "$GSL_LINK" = static ] || scratch=.build/static-gsl-shared

libdir=$(pkg-config --variable=libdir gsl)
if [ "$GSL_LINK" = static ]; then
  if [ ! -f "$libdir/libgsl.a" ] || [ ! -f "$libdir/libgslcblas.a" ]; then
    echo "build-static: $libdir/libgsl.a or libgslcblas.a missing (libgsl-dev ships them); set GSL_LINK=shared to link GSL dynamically" >&2
    exit 1
  fi
  # CGSL asks pkg-config for `gsl`, whose flags put -L/usr/lib/... first, and links `gsl` and
  # `gslcblas` by name. ld looks for a name in each -L folder in turn (.so, then .a), so a
  # private gsl.pc whose first -L is a folder holding only the two archives makes those names
  # resolve to the archives, and nothing else changes.
  archives="$PWD/$scratch/gsl-static"
  mkdir -p "$archives"
  ln -sf "$libdir/libgsl.a" "$archives/libgsl.a"
  ln -sf "$libdir/libgslcblas.a" "$archives/libgslcblas.a"
  cat > "$archives/gsl.pc.tmp" <<PC
libdir=$libdir
includedir=$(pkg-config --variable=includedir gsl)

Name: GSL
Description: GNU Scientific Library from its static archives (fslsim scripts/build-static.sh)
Version: $(pkg-config --modversion gsl)
Libs: -L$archives -lgsl -lgslcblas -lm
Cflags: -I\${includedir}
PC
  # Rewritten only when changed, so SwiftPM does not relink for nothing.
  if cmp -s "$archives/gsl.pc.tmp" "$archives/gsl.pc"; then rm "$archives/gsl.pc.tmp"; else mv "$archives/gsl.pc.tmp" "$archives/gsl.pc"; fi
  export PKG_CONFIG_PATH="$archives${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
elif [ "$GSL_LINK" != shared ]; then
  echo "build-static: GSL_LINK must be static or shared, not '$GSL_LINK'" >&2
  exit 64
fi

"$SWIFT" build -c release --static-swift-stdlib --scratch-path "$scratch" --product fslsim >&2
bin="$("$SWIFT" build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/fslsim"
mkdir -p "$(dirname "$DEST")"
cp "$bin" "$DEST.tmp"
mv "$DEST.tmp" "$DEST"
echo "$DEST"
