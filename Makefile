# fslsim: the two set-up commands of the README are `make demo` and `make test`.
SWIFT ?= swift
SCENARIO ?= scenarios/demo.json

.PHONY: setup build release static demo test test-scaleout bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

## A release fslsim that runs without the Swift toolchain (Swift runtime and GSL linked in):
## .build/static-bin/fslsim. See docs/scale-out.md.
static: setup
	scripts/build-static.sh

## The main job: run the bundled demo scenario and print the summary table.
demo: release
	$$($(SWIFT) build -c release --show-bin-path)/fslsim run $(SCENARIO)

## The whole test suite (unit, statistical and end-to-end tests).
test: setup
	scripts/test.sh

## Sharded runs on a local Slurm cluster and a Dask LocalCluster, merged and compared (root; installs
## Slurm and Dask if missing). See docs/scale-out.md.
test-scaleout: setup
	scripts/test-scaleout.sh

bench: release
	$$($(SWIFT) build -c release --show-bin-path)/fslsim-bench hold
	$$($(SWIFT) build -c release --show-bin-path)/fslsim-bench gsl

clean:
	rm -rf .build
