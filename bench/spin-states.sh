#!/usr/bin/env bash
# The exporter and the explicit engine checked against SPIN: every listed model is exported
# with 'hvmodel export --to promela' and explored whole by SPIN (spin -o1 -o2 -a; gcc -O2
# -DNOREDUCE -DSAFETY -DBFS; ./pan -E: the 'states' profile of bench/spin-profiles), and by HvModel without symmetry. SPIN's nominal
# states (stored less those stored inside atomic sequences, its "atomic steps") count HvModel's
# states plus SPIN's own pre-init state, so the two counts must differ by exactly one. Prints
# one line per run, with SPIN's stored states beside, and exits 1 on a difference.
#   bench/spin-states.sh            the flagship (every variant at 2x2, 3x3, 4x2; multi-MSI at 2x2) and the classic models
#   bench/spin-states.sh --quick    the flagship at 2x2, multi-MSI, and the classic models
. "$(dirname "$0")/lib.sh"
require spin gcc
quick=${1:-}
fail=0

# compare LABEL VARIANT MODEL-ARGS...: one exported variant against HvModel's own count.
compare() {
  local label=$1 variant=$2 hash=$3; shift 3
  hv export "$@" --variant "$variant" --out "$work/m.pml"
  # -w sized to the run: 2^24 slots take v3 at 3x3 (16 million stored states) in about 4.5 GB.
  spin_run "$work" m.pml states "-w$hash"
  local atomic stored spin_states hv_states
  # pan prints its "nominal states" line with %g (1.51129e+06 past a million): nominal is
  # computed from the exact lines, stored less "atomic steps" (states stored inside atomic).
  stored=$(grep -Eo '^[[:space:]]*[0-9]+ states, stored' "$work/pan.out" | grep -Eo '[0-9]+' | head -1)
  atomic=$(grep -Eo '^[[:space:]]*[0-9]+ atomic steps' "$work/pan.out" | grep -Eo '[0-9]+' | head -1 || true)
  spin_states=$(( stored - ${atomic:-0} - 1 ))
  hv check "$@" --variant "$variant" --no-symmetry --format json > "$work/hv.json" 2>/dev/null || true
  hv_states=$(python3 -c 'import json,sys; print(max(r["states"] for r in json.load(open(sys.argv[1]))["results"]))' "$work/hv.json")
  local verdict=equal
  if [ "$spin_states" != "$hv_states" ]; then verdict=DIFFERENT; fail=1; fi
  printf '%-34s %-8s hvmodel %9s   spin %9s   %-9s  (spin stored %s)\n' "$label" "$variant" "$hv_states" "$spin_states" "$verdict" "$stored"
}

sizes="2,2 3,3 4,2"
[ "$quick" = "--quick" ] && sizes="2,2"
for size in $sizes; do
  cpus=${size%,*}; irqs=${size#*,}
  hash=24; [ "$size" = "2,2" ] && hash=20
  for v in pre a_only b_only v1 v3; do
    compare "flagship ${cpus}x${irqs}" "$v" "$hash" --const CPUS="$cpus" --const IRQS="$irqs"
  done
done
# Scenario 6: a multi-MSI block (every vector fixed, so the counts are the whole graph's too).
for compose in fresh reuse_multi; do
  for v in pre v3; do
    compare "flagship MSI=multi COMPOSE=$compose" "$v" 20 --const MSI=multi --const COMPOSE="$compose"
  done
done
for m in bench/models/classic/*.hvm; do
  compare "$(basename "$m" .hvm)" default 22 "$m"
done
exit $fail
