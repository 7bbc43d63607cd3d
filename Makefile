# PropertyLedger — two commands on a fresh Debian machine:
#   make demo   install what is missing, build, walk through the ledger on a fresh store in a temporary directory
#   make test   install what is missing, build with warnings as errors, run every test
# and `make fuzz`: every parser of outside input under libFuzzer, FUZZ_SECONDS each (docs/fuzzing.md).

SWIFT ?= swift
# Build and test dependencies, from Debian's archive: the C libraries, openssl (an independent verifier in
# the tests), python3 (the demo edits a copy of the database) with python3-cryptography (the independent
# verifier of entry signatures, scripts/verify-entry-signatures.py), and for the PC/SC tests a real pcscd with the
# vsmartcard vpcd virtual reader, iproute2 (ss, to see the reader's port) and util-linux (unshare), and
# zsh, whose parser checks the generated completion script (bash, the other one, is always there), and
# chromium with fonts-wqy-microhei, which render the daily bulletin's HTML headless (screenshot, DOM) with
# Chinese glyphs, and curl, the independent HTTP client of the witness endpoint's tests, and strace, which fails
# the write commands' fsync, fdatasync, write and pwrite64 calls in the fault-injection tests.
DEBIAN_PACKAGES := tzdata pkg-config libsqlite3-dev libssl-dev openssl libpcsclite-dev python3 python3-cryptography pcscd vsmartcard-vpcd \
	iproute2 util-linux zsh chromium fonts-wqy-microhei curl strace \
	libqrencode-dev libfreetype-dev zlib1g-dev zbar-tools librsvg2-bin zint

.PHONY: all deps build test demo bench fuzz lint clean load-test sanitize sanitize-address sanitize-thread

all: build

# Installs missing packages when run as root; otherwise prints the apt-get line and stops.
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else \
			echo "Missing Debian packages:$$missing"; \
			echo "Run: sudo apt-get install -y --no-install-recommends$$missing"; \
			exit 1; \
		fi; \
	fi

build: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors

# Every test runs, the PC/SC ones against a private pcscd with the virtual reader (scripts/pcscd-rig.sh).
# Suites that run on their own after the rest: the simulator's process channels assert how a child `sleep` ends,
# and in the full parallel run something not yet found ends such children early (see CHANGELOG, issue 10); the
# socket server's tests wait for a peer's buffers to fill and time its stop's grace period, which a fully
# loaded 2-core machine stretches past their bounds.
ALONE = ProcessCabinetChannelTests|ChannelStressTests|CabinetSocketServerTests

test: deps
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	scripts/pcscd-rig.sh run -- $(SWIFT) test --skip '$(ALONE)'
	$(SWIFT) test --filter '$(ALONE)'

# The walk-through in the language the locale chooses (Chinese when none does); `LEDGER_LANG=en make demo`
# walks the same case in English. Neither the target nor the script forces a language.
demo: build
	@LEDGER_BIN="$$($(SWIFT) build --show-bin-path)/ledger" scripts/demo.sh

# All figures, the scan part through the PC/SC rig (about 8 minutes on 2 cores); `make bench ARGS=--quick`.
bench: deps
	$(SWIFT) build -c release
	scripts/pcscd-rig.sh run -- "$$($(SWIFT) build -c release --show-bin-path)/ledger-bench" $(ARGS)

# Every process real on one store for LOAD_SECONDS (default 10 minutes): 8 writers, 2 checkpoint signers,
# 2 verifiers, the cabinet daemon with 20 simulated cabinets, a scan loop; then the checks (scripts/load-test.sh).
LOAD_SECONDS ?= 600
load-test: build
	scripts/load-test.sh $(LOAD_SECONDS)

# The test suite under AddressSanitizer and ThreadSanitizer, each in a build folder of its own (.build/asan,
# .build/tsan), the PC/SC suites through the rig as in `make test`. Slow: see README, Tests. Leak detection is
# off: LeakSanitizer reports the Swift runtime's once-initialised globals (a `static let` array) as leaks at every
# exit, which would fail every CLI test on exit status; out-of-bounds and use-after-free are still caught.
sanitize: sanitize-address sanitize-thread
sanitize-address: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build/asan
	ASAN_OPTIONS=detect_leaks=0 scripts/pcscd-rig.sh run -- $(SWIFT) test --skip-build --sanitize=address --scratch-path .build/asan --skip '$(ALONE)'
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build/asan --filter '$(ALONE)'
# ThreadSanitizer sleeps a second in every instrumented process before it exits (atexit_sleep_ms, to catch races
# at exit): with a thousand `ledger` processes per run that was most of its time and pushed tests past their time
# limits; 50 ms keeps some of that window.
TSAN = TSAN_OPTIONS="atexit_sleep_ms=50 $$TSAN_OPTIONS"
sanitize-thread: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build/tsan
	$(TSAN) scripts/pcscd-rig.sh run -- $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build/tsan --skip '$(ALONE)'
	$(TSAN) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build/tsan --filter '$(ALONE)'

# The fuzz targets (Sources/FuzzTargets) built with libFuzzer and AddressSanitizer from the package in Fuzz/, each
# run for FUZZ_SECONDS, one after another; fails naming the input of any crash. `make fuzz FUZZ_TARGETS="note receipt"`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" scripts/fuzz.sh

# The style of .swift-format (the formatter bundled with the toolchain); `swift format format -i -r …` fixes it.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift Fuzz/Package.swift Fuzz/Sources

clean:
	rm -rf .build
