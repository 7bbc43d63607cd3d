#!/usr/bin/env bash
# Builds the libFuzzer harness (Fuzz/, with AddressSanitizer) and runs the fuzz targets one after another,
# FUZZ_SECONDS each (60 unless set), all of them or those FUZZ_TARGETS names; prints each one's executions, time
# and corpus. Exits 1 when a target crashed or broke a property, naming the file libFuzzer kept its input in
# (docs/fuzzing.md: how it becomes a regression test). `make fuzz`, `make fuzz FUZZ_SECONDS=10 FUZZ_TARGETS=note`.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
seconds=${FUZZ_SECONDS:-60}
# Under .build, beside the normal build: the sanitizer build, the corpus each target grew (kept between runs,
# the committed seeds are only read), the inputs of crashes, the logs.
work=$PWD/.build/fuzz
mkdir -p "$work/logs"

build_log=$work/logs/build.log
build_start=$(date +%s)
# ld.gold warns of every ASan symbol it cannot export; those warnings are harmless and left in the log.
if ! $SWIFT build --package-path Fuzz --product ledger-fuzz -Xswiftc -sanitize=fuzzer,address --scratch-path "$work" \
    > "$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" >&2 || true
    exit 1
fi
echo "fuzz build: $(($(date +%s) - build_start)) s ($build_log)"
binary=$("$SWIFT" build --package-path Fuzz --scratch-path "$work" --show-bin-path)/ledger-fuzz

targets=${FUZZ_TARGETS:-$(ls Fuzz/Corpus)}
failed=0
printf '%-20s %12s %8s %10s %14s\n' target executions seconds 'execs/s' corpus
for target in $targets; do
    corpus=$work/corpus/$target
    artifacts=$work/artifacts/$target
    log=$work/logs/$target.log
    mkdir -p "$corpus" "$artifacts"
    start=$(date +%s)
    status=0
    # An input that takes 10 s is a finding (a hang), as is one that needs 2 GiB. LeakSanitizer is off: Swift keeps
    # references with tag bits in an enum's spare bits (Data's storage), which it does not see, so it reports live
    # objects (the targets' cached keys) as leaked; a real leak still ends at the memory limit. Swift's backtracer
    # is off: a crash is libFuzzer's and ASan's to report, at once.
    ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no LEDGER_FUZZ_TARGET=$target "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "Fuzz/Corpus/$target" > "$log" 2>&1 || status=$?
    elapsed=$(($(date +%s) - start))
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
    printf '%-20s %12s %8s %10s %14s\n' "$target" "${executions:-?}" "$elapsed" "${rate:-?}" "${units:-?}"
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "  $target failed (exit $status); log: $log" >&2
        grep -E '^(==[0-9]+==ERROR|ledger-fuzz: finding|.*Fatal error|SUMMARY)' "$log" | head -5 | sed 's/^/  /' >&2 || true
        sed -n 's/.*Test unit written to /  input: /p' "$log" >&2
    fi
done
exit $failed
