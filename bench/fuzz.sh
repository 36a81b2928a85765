#!/usr/bin/env bash
# Mutation fuzzing of the repository's own models (model/, properties/, tests/models/), in-process
# through the library: load, then an explicit check with --max-states 500 and a 2 s timeout.
# Every case must end in one of the expected classes: a model error 'file:line:col: error:',
# a model error at run time, or verdicts. Anything else (an exception, a case past 60 s, a
# process that dies) is printed with its reproducer.
#
#   bench/fuzz.sh [--from N] [--count N] [--part N] [--families suite|all|known|F1,F2] [--out DIR]
#
# Cases FROM .. FROM+COUNT-1 (default 0 .. 99999) run in parts of PART cases (default 5000), one
# process each; run the campaign in pieces with --from/--count, the totals say how many ran.
# --families: suite (default: what dotnet test runs), known (the families that hit known defects
# of issue 13, kept out of dotnet test until fixed), all, or a list (TokenEdit,HugeNumber,...).
# A process that dies (a stack overflow cannot be caught) is reported with the case it was on,
# and the campaign resumes after that case. NO_BUILD=1 skips the Release build of bench/campaign.
set -uo pipefail
cd "$(dirname "$0")/.."

from=0 count=100000 part=5000 families=suite out=${TMPDIR:-/tmp}/hvmodel-fuzz
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --part) part=$2; shift 2 ;;
    --families) families=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--from N] [--count N] [--part N] [--families SPEC] [--out DIR]" >&2; exit 2 ;;
  esac
done

[ -n "${NO_BUILD:-}" ] || dotnet build -c Release bench/campaign -v q -nologo >/dev/null || { echo "build failed" >&2; exit 2; }
campaign="dotnet bench/campaign/bin/Release/net10.0/HvModel.Campaign.dll"
mkdir -p "$out"
log="$out/cases-$from-$((from + count - 1)).log"
: > "$log"
marker="$out/current"
failures=0
end=$((from + count))
start=$from
while [ "$start" -lt "$end" ]; do
  n=$((end - start)); [ "$n" -gt "$part" ] && n=$part
  echo "== cases $start .. $((start + n - 1))" >&2
  rm -f "$marker"
  timeout $((120 + 20 * n)) $campaign fuzz --root . --from "$start" --count "$n" --families "$families" \
    --marker "$marker" --log "$log" --failures "$out/failures" > "$out/part.txt" 2> "$out/part.err"
  status=$?
  grep -E '^(FAIL|  reproducer)' "$out/part.txt"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "done" ]; then
    start=$((start + n))
    continue
  fi
  # The process died (or was stopped by timeout) on the case named in the marker.
  read -r seed family < "$marker" 2>/dev/null || { seed=$start; family=unknown; }
  echo "FAIL case $seed ($family): the process died with status $status: $(head -c 300 "$out/part.err" | tr '\n' ' ')"
  echo "  reproducer: $campaign fuzzcase --root . --seed $seed --family $family --out FILE; then hvmodel check FILE --max-states 500 --timeout 2"
  echo "$seed $family ProcessDied 0" >> "$log"
  start=$((seed + 1))
done

echo "outcomes by family:"
awk '{c[$2" "$3]++} END {for (k in c) print "  " k, c[k]}' "$log" | sort
# A case that hung and then took its process down is logged twice: count cases, not lines.
ran=$(awk '{print $1}' "$log" | sort -u | wc -l)
failed=$(awk '$3 ~ /Crash|Hang|BadErrorFormat|ProcessDied/ {print $1}' "$log" | sort -u | wc -l)
echo "fuzz: cases $from .. $((end - 1)) ($families): ran $ran, failed $failed; per-case log $log"
[ "$failed" -eq 0 ]
