#!/usr/bin/env bash
# Peer benchmark: the same state space explored by HvModel's explicit engine and by SPIN,
# in the same run, reported as a ratio (states per second, and time). Needs 'spin' and gcc
# (apt-get install spin); both are run exhaustively, SPIN without partial-order reduction.
#   bench/run.sh [N] [K]
. "$(dirname "$0")/lib.sh"
require spin gcc
n=${1:-6}
k=${2:-8}

start=$(now)
hv check bench/models/counters.hvm --const N="$n" --const K="$k" --format json > "$work/hv.json"
end=$(now)
hv_states=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["states"])' "$work/hv.json")
hv_engine=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["seconds"])' "$work/hv.json")
hv_total=$(echo "$end - $start" | bc)

sed -e "s/^#define N .*/#define N $n/" -e "s/^#define K .*/#define K $k/" bench/models/counters.pml > "$work/counters.pml"
spin_profile states
(cd "$work" && spin "${spin_args[@]}" counters.pml >/dev/null && gcc "${gcc_args[@]}" -o pan pan.c 2>/dev/null)
start=$(now)
(cd "$work" && ./pan "${pan_args[@]}" -w22 > pan.out)
end=$(now)
spin_states=$(grep -Eo '[0-9]+ states, stored' "$work/pan.out" | grep -Eo '^[0-9]+')
spin_total=$(echo "$end - $start" | bc)

printf 'model: counters N=%s K=%s\n' "$n" "$k"
printf '%-10s %10s %12s %14s\n' checker states seconds states/s
printf '%-10s %10s %12.3f %14.0f   (engine only: %.3f s; the rest is start-up)\n' hvmodel "$hv_states" "$hv_total" "$(echo "$hv_states / $hv_total" | bc -l)" "$hv_engine"
printf '%-10s %10s %12.3f %14.0f\n' spin "$spin_states" "$spin_total" "$(echo "$spin_states / $spin_total" | bc -l)"
printf 'ratio hvmodel/spin, wall time: %.1f (engine only: %.1f)\n' "$(echo "$hv_total / $spin_total" | bc -l)" "$(echo "$hv_engine / $spin_total" | bc -l)"
