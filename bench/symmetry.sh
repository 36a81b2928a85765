#!/usr/bin/env bash
# The cost of symmetry per transition: v3's search with and without the reduction, one worker,
# alternated so that a load change hurts both alike. Prints each run's transitions per second
# (--stats) during the search after the initial states, which are enumerated either way, and
# during the search after the compile (the steady rate: the interpreter that runs first and the
# compile are fixed costs, a larger share of a short search). Then the medians, and the ratios
# of the rates without and with symmetry: the cost of a transition with symmetry in
# transitions without it. Run it on a quiet machine.
#   bench/symmetry.sh                 4x3 and 3x3, 5 runs each
#   bench/symmetry.sh RUNS SIZE...    SIZE as CPUSxIRQS, e.g. bench/symmetry.sh 3 4x3 4x4
. "$(dirname "$0")/lib.sh"
runs=${1:-5}
shift $(( $# >= 1 ? 1 : 0 ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4x3 3x3)

# "SEARCH COMPILED STATES": transitions/s during the search and after the compile, and states.
rate() {
  local cpus=${1%x*} irqs=${1#*x}; shift
  hv check --const CPUS="$cpus" --const IRQS="$irqs" --variant v3 --workers 1 --stats "$@" > "$work/r.txt" 2>/dev/null || true
  python3 -c '
import re, sys
line = [l for l in open(sys.argv[1]) if " during the " in l][-1]
compiled = re.search(r"(\d+) during the [0-9.]+ s after the compile", line)
print(re.search(r"\((\d+) during the ", line).group(1), compiled.group(1) if compiled else 0, re.search(r"(\d+) states,", line).group(1))' "$work/r.txt"
}

for size in "${sizes[@]}"; do
  on=(); off=(); con=(); coff=()
  for ((i = 0; i < runs; i++)); do
    read -r r1 c1 s1 <<< "$(rate "$size")"
    read -r r0 c0 s0 <<< "$(rate "$size" --no-symmetry)"
    on+=("$r1"); off+=("$r0"); con+=("$c1"); coff+=("$c0")
    printf '%s run %d: symmetry %9d tr/s, %9d compiled (%d states)   none %9d tr/s, %9d compiled (%d states)\n' "$size" "$((i + 1))" "$r1" "$c1" "$s1" "$r0" "$c0" "$s0"
  done
  python3 - "$size" "${on[*]}" "${off[*]}" "${con[*]}" "${coff[*]}" <<'PY'
import statistics, sys
size = sys.argv[1]
on, off, con, coff = ([int(x) for x in arg.split()] for arg in sys.argv[2:6])
for what, a, b in (("search", statistics.median(on), statistics.median(off)), ("after the compile", statistics.median(con), statistics.median(coff))):
    cost = f"{b / a:.2f}" if a > 0 else "n/a"
    print(f"{size} median, {what}: symmetry {a:,.0f} tr/s, none {b:,.0f} tr/s: a transition with symmetry costs {cost} without")
PY
done
