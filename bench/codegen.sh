#!/usr/bin/env bash
# --codegen: expression trees against C# generated per model and compiled with Roslyn, one worker,
# no symmetry. Alternates three ways of running each check, RUNS times:
#   expressions      the default back end (System.Linq.Expressions);
#   roslyn           generated C#, compiled by Roslyn in the run (an empty --code-cache);
#   roslyn-cached    generated C#, the assembly loaded from a warm --code-cache.
# Per run: wall time of the whole process, the compile (or load) time the run reports, and
# transitions/s during the search alone (transitions over the search's seconds less the compile;
# both back ends interpret the first ~0.1 s alike). Then the medians.
#   bench/codegen.sh                  v3 at 3x3 and 4x3, 3 runs each
#   bench/codegen.sh RUNS SIZE...     SIZE as CPUSxIRQS, e.g. bench/codegen.sh 5 3x3
# The generated-C# back end did not pay and was removed (figures and profile: bench/codegen.md).
# It lives in commit 5d3f64a: check that out to run this again.
. "$(dirname "$0")/lib.sh"
hv check --help | grep -q -- --codegen || { echo "bench: this hvmodel has no --codegen (the back end was removed, see bench/codegen.md; check out 5d3f64a)" >&2; exit 2; }
runs=${1:-3}
shift $(( $# >= 1 ? 1 : 0 ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(3x3 4x3)
cache=$work/cache

one() { # MODE CPUS IRQS -> "wall compile rate"
  local mode=$1 extra=()
  case $mode in
    expressions) extra=(--codegen expressions) ;;
    roslyn) rm -rf "$work/cold"; extra=(--codegen roslyn --code-cache "$work/cold") ;;
    roslyn-cached) extra=(--codegen roslyn --code-cache "$cache") ;;
  esac
  local t0 t1
  t0=$(now)
  hv check --variant v3 --const CPUS="$2" --const IRQS="$3" --no-symmetry --workers 1 --stats "${extra[@]}" > "$work/out.txt" 2>/dev/null || true
  t1=$(now)
  python3 - "$work/out.txt" "$t0" "$t1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"(\d+) transitions, depth \d+, [^,]+, ([\d.]+) s", text)
c = re.search(r"successors compiled after \d+ states in ([\d.]+) s", text)
transitions, seconds = int(m.group(1)), float(m.group(2))
compile = float(c.group(1)) if c else 0.0
print(f"{float(sys.argv[3]) - float(sys.argv[2]):.3f} {compile:.3f} {transitions / (seconds - compile):.0f}")
PY
}

printf 'hvmodel %s, v3, --no-symmetry --workers 1, %d runs per mode\n' "$(git rev-parse --short HEAD)" "$runs"
for size in "${sizes[@]}"; do
  cpus=${size%x*}; irqs=${size#*x}
  rm -rf "$cache"; one roslyn-cached "$cpus" "$irqs" > /dev/null   # warms the cache
  declare -A results=()
  for ((i = 1; i <= runs; i++)); do
    for mode in expressions roslyn roslyn-cached; do
      read -r wall compile rate < <(one "$mode" "$cpus" "$irqs")
      results[$mode]+="$wall,$compile,$rate "
      printf '%s run %d %-14s wall %6.2f s  compile %5.3f s  %9d transitions/s in the search\n' "$size" "$i" "$mode" "$wall" "$compile" "$rate"
    done
  done
  python3 - "$size" "${results[expressions]}" "${results[roslyn]}" "${results[roslyn-cached]}" <<'PY'
import statistics, sys
size = sys.argv[1]
def med(col, k): return statistics.median(float(r.split(",")[k]) for r in col.split())
e, r, c = sys.argv[2], sys.argv[3], sys.argv[4]
for name, col in (("expressions", e), ("roslyn", r), ("roslyn-cached", c)):
    print(f"{size} median {name:14s} wall {med(col, 0):6.2f} s  compile {med(col, 1):5.3f} s  {med(col, 2):9.0f} transitions/s")
print(f"{size} generated/expressions, transitions/s in the search: {med(r, 2) / med(e, 2):.2f} (cached: {med(c, 2) / med(e, 2):.2f}); wall: {med(r, 0) / med(e, 0):.2f} (cached: {med(c, 0) / med(e, 0):.2f})")
PY
  unset results
done
