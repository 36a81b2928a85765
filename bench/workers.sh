#!/usr/bin/env bash
# --workers: the search time of the explicit engine with 1 and with N workers, on the same
# check, alternated so that a load change hurts both alike. Prints each run's search seconds
# (--stats: the search after the initial states, which one thread enumerates either way), the
# whole run's (the init block included, without process start-up), the medians and the ratio
# of the search's. Run it on a quiet machine.
#   bench/workers.sh                 v3 at 4x3, 1 against 2 workers, 5 runs each
#   bench/workers.sh N RUNS ARGS...  N workers, RUNS runs each, the check's own arguments
. "$(dirname "$0")/lib.sh"
workers=${1:-2}
runs=${2:-5}
shift $(( $# >= 2 ? 2 : $# ))
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--const CPUS=4 --const IRQS=3 --variant v3)

# "SEARCH WHOLE": the search's seconds and the run's, from --stats (the last variant's line).
seconds() {
  hv check "${args[@]}" --workers "$1" --stats > "$work/r.txt" 2>/dev/null || true
  python3 -c '
import re, sys
line = [l for l in open(sys.argv[1]) if " during the " in l][-1]
search = re.search(r"during the ([0-9.]+) s of search", line).group(1)
states, rate = re.search(r"(\d+) states, .*; (\d+) states/s", line).groups()
print(search, int(states) / int(rate) if int(rate) else 0)' "$work/r.txt"
}

one=(); many=()
for ((i = 0; i < runs; i++)); do
  read -r s1 w1 <<< "$(seconds 1)"
  read -r sn wn <<< "$(seconds "$workers")"
  one+=("$s1"); many+=("$sn")
  printf 'run %d: 1 worker %6.2f s (run %6.2f s)   %d workers %6.2f s (run %6.2f s)\n' "$((i + 1))" "$s1" "$w1" "$workers" "$sn" "$wn"
done
python3 - "$workers" "${one[*]}" "${many[*]}" <<'PY'
import statistics, sys
workers, one, many = int(sys.argv[1]), [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
a, b = statistics.median(one), statistics.median(many)
print(f"median search: 1 worker {a:.2f} s, {workers} workers {b:.2f} s: {a / b:.2f}x faster")
PY
