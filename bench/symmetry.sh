#!/usr/bin/env bash
# The cost of symmetry per transition: v3's search with and without the reduction, one worker,
# alternated so that a load change hurts both alike. Prints each run's transitions per second
# during the search (--stats: after the initial states, which are enumerated either way), the
# medians, and the ratio of the rates without and with symmetry (the cost of a transition with
# symmetry in transitions without it). Run it on a quiet machine.
#   bench/symmetry.sh                 4x3 and 3x3, 5 runs each
#   bench/symmetry.sh RUNS SIZE...    SIZE as CPUSxIRQS, e.g. bench/symmetry.sh 3 4x3 4x4
. "$(dirname "$0")/lib.sh"
runs=${1:-5}
shift $(( $# >= 1 ? 1 : 0 ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4x3 3x3)

# "RATE STATES": transitions/s during the search, and states.
rate() {
  local cpus=${1%x*} irqs=${1#*x}; shift
  hv check --const CPUS="$cpus" --const IRQS="$irqs" --variant v3 --workers 1 --stats "$@" > "$work/r.txt" 2>/dev/null || true
  python3 -c '
import re, sys
line = [l for l in open(sys.argv[1]) if " during the " in l][-1]
print(re.search(r"\((\d+) during the ", line).group(1), re.search(r"(\d+) states,", line).group(1))' "$work/r.txt"
}

for size in "${sizes[@]}"; do
  on=(); off=()
  for ((i = 0; i < runs; i++)); do
    read -r r1 s1 <<< "$(rate "$size")"
    read -r r0 s0 <<< "$(rate "$size" --no-symmetry)"
    on+=("$r1"); off+=("$r0")
    printf '%s run %d: symmetry %9d tr/s (%d states)   none %9d tr/s (%d states)\n' "$size" "$((i + 1))" "$r1" "$s1" "$r0" "$s0"
  done
  python3 - "$size" "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
size, on, off = sys.argv[1], [int(x) for x in sys.argv[2].split()], [int(x) for x in sys.argv[3].split()]
a, b = statistics.median(on), statistics.median(off)
print(f"{size} median: symmetry {a:,.0f} tr/s, none {b:,.0f} tr/s: a transition with symmetry costs {b / a:.2f} without")
PY
done
