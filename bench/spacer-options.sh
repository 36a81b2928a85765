#!/usr/bin/env bash
# Times z3's Spacer on Horn queries that hvmodel dumped, once per option setting, to choose
# Spacer's options by measurement (see bench/symbolic-encoding.md for what was found).
#
#   hvmodel check --engine pdr ... --dump-smt DIR        # writes DIR/pdr-VARIANT-horn-*.smt2
#   bench/spacer-options.sh [SECONDS] FILE.smt2...        (default 40 s per run)
#
# Each line: the options, z3's answer (blank when it ran out of time), wall seconds. The
# answer must be the same under every option; run it alone on the machine.
set -euo pipefail
limit=40
if [[ ${1:-} =~ ^[0-9]+$ ]]; then limit=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: bench/spacer-options.sh [SECONDS] FILE.smt2..." >&2; exit 2; }
command -v z3 >/dev/null || { echo "bench: z3 not found (./setup installs it)" >&2; exit 2; }

settings=(
  ""
  "fp.spacer.ground_pobs=false"
  "fp.spacer.iuc=0"
  "fp.spacer.simplify_pob=true"
  "fp.spacer.mbqi=false"
  "fp.spacer.q3=false"
  "fp.spacer.reach_dnf=false"
  "fp.spacer.native_mbp=true"
  "fp.spacer.use_lemma_as_cti=true"
  "fp.spacer.use_inductive_generalizer=false"
  "fp.spacer.elim_aux=false"
  "fp.spacer.propagate=false"
  "fp.xform.slice=false"
  "fp.xform.inline_linear=false"
  "fp.xform.inline_eager=false"
  "fp.xform.coi=false"
  "fp.xform.tail_simplifier_pve=false"
  "fp.spacer.random_seed=1"
  "fp.spacer.random_seed=2"
)

query=$(mktemp)
trap 'rm -f "$query"' EXIT
for f in "$@"; do
  # The per-call time limit hvmodel set is dropped: this script's limit applies.
  sed 's/(set-option :timeout [0-9]*)//' "$f" > "$query"
  echo "$f"
  for o in "${settings[@]}"; do
    read -ra args <<< "$o"
    start=$(date +%s.%N)
    answer=$(timeout "$limit" z3 "${args[@]}" "$query" 2>&1 | head -1 || true)
    end=$(date +%s.%N)
    printf "  %-45s %-8s %6.2f\n" "${o:-default}" "$answer" "$(echo "$end - $start" | bc)"
  done
done
