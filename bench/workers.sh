#!/usr/bin/env bash
# --workers: the search time of the explicit engine with 1 and with N workers, on the same
# check, alternated so that a load change hurts both alike. Prints each run's search seconds
# (the JSON's "seconds": the search, the init block included, without process start-up),
# the medians and their ratio. Run it on a quiet machine.
#   bench/workers.sh                 v3 at 4x3, 1 against 2 workers, 5 runs each
#   bench/workers.sh N RUNS ARGS...  N workers, RUNS runs each, the check's own arguments
. "$(dirname "$0")/lib.sh"
workers=${1:-2}
runs=${2:-5}
shift $(( $# >= 2 ? 2 : $# ))
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--const CPUS=4 --const IRQS=3 --variant v3)

seconds() {
  hv check "${args[@]}" --workers "$1" --format json > "$work/r.json" 2>/dev/null || true
  python3 -c 'import json,sys; print(max(r["seconds"] for r in json.load(open(sys.argv[1]))["results"]))' "$work/r.json"
}

one=(); many=()
for ((i = 0; i < runs; i++)); do
  one+=("$(seconds 1)")
  many+=("$(seconds "$workers")")
  printf 'run %d: 1 worker %6.2f s   %d workers %6.2f s\n' "$((i + 1))" "${one[-1]}" "$workers" "${many[-1]}"
done
python3 - "$workers" "${one[*]}" "${many[*]}" <<'PY'
import statistics, sys
workers, one, many = int(sys.argv[1]), [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
a, b = statistics.median(one), statistics.median(many)
print(f"median: 1 worker {a:.2f} s, {workers} workers {b:.2f} s: {a / b:.2f}x faster")
PY
