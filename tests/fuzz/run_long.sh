#!/usr/bin/env bash
# Run every libFuzzer target for longer than ctest's 20 s, one after another.
#
#   tests/fuzz/run_long.sh BUILD_DIR [SECONDS_EACH] [TARGET...]
#
# BUILD_DIR is a GCSCOPE_FUZZ build (see the README, "Fuzzing").  Each target
# grows its corpus in BUILD_DIR/fuzz/corpus/TARGET, starting from the seeds
# (made here if missing); a crash is written to BUILD_DIR/fuzz/artifacts/ and
# stops the run with status 1.  The last lines are one summary per target:
# executions, seconds, coverage (libFuzzer's "cov" edges and "ft" features)
# and corpus size.
set -euo pipefail
build=${1:?usage: run_long.sh BUILD_DIR [SECONDS_EACH] [TARGET...]}
secs=${2:-1800}
shift $(( $# < 2 ? $# : 2 ))
targets=${*:-run trace_json lesson}
here=$(cd "$(dirname "$0")" && pwd)
fz=$build/fuzz
[ -d "$fz/seeds" ] || python3 "$here/make_corpus.py" --out "$fz/seeds" --gcscope "$build/gcscope" >/dev/null
mkdir -p "$fz/artifacts" "$fz/logs"
summary=()
status=0
for t in $targets; do
  mkdir -p "$fz/corpus/$t"
  log=$fz/logs/$t.log
  echo "fuzz_$t: ${secs} s, log in $log"
  if ! UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$build/fuzz_$t" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -dict="$here/$t.dict" -artifact_prefix="$fz/artifacts/" \
        "$fz/corpus/$t" "$fz/seeds/$t" >"$log" 2>&1; then
    status=1
    echo "fuzz_$t: FAILED, see $log and $fz/artifacts/"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '#[0-9]+.*(pulse|NEW|REDUCE|DONE)' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
  summary+=("fuzz_$t: ${execs:-?} executions in ${secs} s, cov ${cov:-?} edges, ft ${ft:-?} features, corpus ${corp:-?}")
done
printf '%s\n' "${summary[@]}"
exit $status
