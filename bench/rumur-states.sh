#!/usr/bin/env bash
# The Murphi exporter and the explicit engine checked against Rumur: every listed model is
# exported with 'hvmodel export --to murphi' and explored whole by Rumur with a profile of
# bench/rumur-profiles ('states': no symmetry reduction; 'symmetric': the exhaustive one, a
# canonical representative per state), and by HvModel (--no-symmetry, or its own symmetry
# reduction). The two counts must be equal. Prints one line per run and exits 1 on a difference.
#   bench/rumur-states.sh            the flagship (every variant at 2x2, 3x3 and 4x2 without
#                                    symmetry, and at 3x3 with it), multi-MSI (pre and v3, both
#                                    ways) and the classic models
#   bench/rumur-states.sh --quick    the flagship at 2x2 (both ways) and the classic models
. "$(dirname "$0")/lib.sh"
require rumur gcc python3
quick=${1:-}
fail=0

# compare LABEL VARIANT PROFILE MODEL-ARGS...: one exported variant against HvModel's own count.
compare() {
  local label=$1 variant=$2 profile=$3; shift 3
  local symmetry=--no-symmetry reduction=off rumur_states hv_states verdict=equal
  if [ "$profile" = symmetric ]; then symmetry=; reduction=exhaustive; fi
  hv export --to murphi "$@" --variant "$variant" --out "$work/m.m"
  if rumur_run "$work" m.m "$profile"; then
    rumur_states=$(grep -Eo '[0-9]+ states, [0-9]+ rules fired' "$work/verifier.out" | grep -Eo '^[0-9]+')
  else
    rumur_states="failed"
  fi
  hv check "$@" --variant "$variant" $symmetry --format json > "$work/hv.json" 2>/dev/null || true
  hv_states=$(python3 -c 'import json,sys; print(max(r["states"] for r in json.load(open(sys.argv[1]))["results"]))' "$work/hv.json")
  if [ "$rumur_states" != "$hv_states" ]; then verdict=DIFFERENT; fail=1; fi
  printf '%-14s %-8s symmetry %-10s hvmodel %9s   rumur %9s   %s\n' "$label" "$variant" "$reduction" "$hv_states" "$rumur_states" "$verdict"
}

sizes="2,2 3,3 4,2"
symmetric="3,3"
if [ "$quick" = "--quick" ]; then sizes="2,2"; symmetric="2,2"; fi
for size in $sizes; do
  cpus=${size%,*}; irqs=${size#*,}
  for v in pre a_only b_only v1 v3; do
    compare "flagship ${cpus}x${irqs}" "$v" states --const CPUS="$cpus" --const IRQS="$irqs"
  done
done
cpus=${symmetric%,*}; irqs=${symmetric#*,}
for v in pre a_only b_only v1 v3; do
  compare "flagship ${cpus}x${irqs}" "$v" symmetric --const CPUS="$cpus" --const IRQS="$irqs"
done
# Scenario 6: a multi-MSI block, whose vectors are all fixed (an enum for Rumur), with the
# symmetric profile too: the CPUs stay interchangeable (at 3 CPUs, two of them).
for compose in fresh reuse_multi; do
  for v in pre v3; do
    compare "multi $compose" "$v" states --const MSI=multi --const COMPOSE="$compose"
    compare "multi $compose" "$v" symmetric --const MSI=multi --const COMPOSE="$compose" --const CPUS=3
  done
done
for m in bench/models/classic/*.hvm; do
  compare "$(basename "$m" .hvm)" default states "$m"
done
exit $fail
