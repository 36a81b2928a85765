#!/usr/bin/env bash
# What a liveness check costs against the invariant check of the same variant (issue 28: at most
# 3 times on v3 at 3x3). Each run is one 'check --format json' of one variant, which explores the
# state graph once for the invariants, covers and deadlock, and once more, recording every
# transition, for the liveness properties. The engine's own times come from the JSON: 'seconds'
# of the invariant results (one search) and the largest 'seconds' of the liveness results (the
# graph and every property's search, cumulative). Then the two wall times apart, each run with
# --property choosing only its side (process start and compile included). Medians of RUNS runs,
# alternated so that a change of load hurts both alike. Run it on a quiet machine.
# With SPIN, the same variant's export with --liveness is checked for 'handled' at SPIN_SIZE
# (2x2 by default: at 3x3 pan did not finish in 600 s, 48 million states in 6.7 GB).
#   bench/liveness-cost.sh                       v3 at 3x3, 5 runs, SPIN at 2x2
#   bench/liveness-cost.sh RUNS VARIANT SIZE     e.g. bench/liveness-cost.sh 3 pre 3x3
. "$(dirname "$0")/lib.sh"
runs=${1:-5}
variant=${2:-v3}
size=${3:-3x3}
cpus=${size%x*} irqs=${size#*x}
consts=(--const CPUS="$cpus" --const IRQS="$irqs")

# The two sides' property names, from the model itself.
hv check "${consts[@]}" --variant "$variant" --format json > "$work/all.json" || true
read -r -a invariants <<< "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("--property " + r["property"] for r in d["results"]))' "$work/all.json")"
read -r -a liveness <<< "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("--property " + r["property"] for r in d["liveness"]))' "$work/all.json")"
[ ${#liveness[@]} -gt 0 ] || { echo "bench: $variant has no liveness property" >&2; exit 2; }

engine=(); wall_inv=(); wall_live=()
for ((i = 0; i < runs; i++)); do
  hv check "${consts[@]}" --variant "$variant" --format json > "$work/run.json" || true
  read -r inv live states <<< "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(max(r["seconds"] for r in d["results"]), max(r["seconds"] for r in d["liveness"]), d["liveness"][0]["states"])' "$work/run.json")"
  engine+=("$inv/$live")
  t0=$(now); hv check "${consts[@]}" --variant "$variant" "${invariants[@]}" > /dev/null || true
  t1=$(now); hv check "${consts[@]}" --variant "$variant" "${liveness[@]}" > /dev/null || true
  t2=$(now)
  wall_inv+=("$(echo "$t1 - $t0" | bc)"); wall_live+=("$(echo "$t2 - $t1" | bc)")
  printf '%s %s run %d: engine: invariants %.3f s, liveness %.3f s (%d states); wall: invariants %.2f s, liveness %.2f s\n' \
    "$variant" "$size" "$((i + 1))" "$inv" "$live" "$states" "${wall_inv[-1]}" "${wall_live[-1]}"
done

python3 - "$variant" "$size" "${engine[*]}" "${wall_inv[*]}" "${wall_live[*]}" <<'PY'
import statistics, sys
variant, size = sys.argv[1], sys.argv[2]
pairs = [tuple(float(x) for x in p.split("/")) for p in sys.argv[3].split()]
inv = statistics.median(p[0] for p in pairs)
live = statistics.median(p[1] for p in pairs)
wi = statistics.median(float(x) for x in sys.argv[4].split())
wl = statistics.median(float(x) for x in sys.argv[5].split())
print(f"{variant} {size} median: engine invariants {inv:.3f} s, liveness {live:.3f} s: ratio {live / inv:.2f}")
print(f"{variant} {size} median: wall invariants {wi:.2f} s, liveness {wl:.2f} s: ratio {wl / wi:.2f}")
PY

if command -v spin > /dev/null && command -v gcc > /dev/null; then
  spin_size=${SPIN_SIZE:-2x2}
  mkdir -p "$work/spin"
  hv export --variant "$variant" --const CPUS="${spin_size%x*}" --const IRQS="${spin_size#*x}" --liveness --out "$work/spin/model.pml"
  t0=$(now)
  spin_run "$work/spin" model.pml liveness -N handled || true
  t1=$(now)
  python3 - "$variant" "$spin_size" "$(echo "$t1 - $t0" | bc)" "$work/spin/pan.out" <<'PY'
import re, sys
variant, size, seconds, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), open(sys.argv[4]).read()
states = re.search(r"([0-9.e+]+) states, stored", out)
verdict = "violated" if re.search(r"acceptance cycle|errors: [1-9]", out) else "holds" if "errors: 0" in out else "unknown"
print(f"SPIN {variant} {size} handled: {verdict}, {states.group(1) if states else '?'} states stored, {seconds:.2f} s wall (spin -a, gcc, pan -a)")
PY
fi
