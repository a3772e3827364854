# fslsim: the two set-up commands of the README are `make demo` and `make test`.
SWIFT ?= swift
SCENARIO ?= scenarios/demo.json

.PHONY: setup build release demo test bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

## The main job: run the bundled demo scenario and print the summary table.
demo: release
	$$($(SWIFT) build -c release --show-bin-path)/fslsim run $(SCENARIO)

## The whole test suite (unit, statistical and end-to-end tests).
test: setup
	scripts/test.sh

bench: release
	$$($(SWIFT) build -c release --show-bin-path)/fslsim-bench hold
	$$($(SWIFT) build -c release --show-bin-path)/fslsim-bench gsl

clean:
	rm -rf .build
