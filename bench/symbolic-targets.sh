#!/usr/bin/env bash
# Issue 24's acceptance figures, each measured in this one run with the explicit engine's time
# for the same work beside it: wall seconds, exit code, and the verdicts that are not decided.
# Run it alone on the machine (through shared/bin/heavy on the shared one).
#
#   bench/symbolic-targets.sh [--quick]     (--quick: skips the two runs that take minutes)
#
# Each run is bounded by --timeout $TIMEOUT (default 300 s): a run that reaches it is reported
# with its unknown cells, as measured.
. "$(dirname "$0")/lib.sh"
require z3
quick=${1:-}

# target NAME LIMIT_SECONDS "ENGINE OPTIONS" ARGS...: runs 'hvmodel check ENGINE OPTIONS ARGS' and
# the explicit engine on ARGS alone.
target() {
  local name=$1 limit=$2 start end status
  read -ra engine_args <<< "$3"
  shift 3
  start=$(now); status=0
  hv check "${engine_args[@]}" --timeout "${TIMEOUT:-300}" "$@" --format json > "$work/out.json" 2>/dev/null || status=$?
  end=$(now)
  local seconds; seconds=$(echo "$end - $start" | bc)
  start=$(now); hv check "$@" > /dev/null 2>&1 || true; end=$(now)
  local explicit; explicit=$(echo "$end - $start" | bc)
  python3 - "$work/out.json" "$name" "$limit" "$seconds" "$explicit" "$status" <<'PY'
import json, sys
path, name, limit, seconds, explicit, status = sys.argv[1:]
try:
    results = json.load(open(path))["results"]
except Exception:
    results = []
open_cells = [f"{r['variant']}/{r['property']}: {r['verdict']}" for r in results if r["verdict"] in ("unknown",)]
decided = len(results) - len(open_cells)
mark = "met" if float(seconds) < float(limit) else "MISSED"
print(f"{name:44} {float(seconds):7.2f} s (target < {limit} s, {mark}); explicit {float(explicit):5.2f} s; exit {status}; {decided}/{len(results)} decided")
for c in open_cells:
    print(f"    {c}")
PY
}

echo "hvmodel $(git rev-parse --short HEAD), $(z3 --version), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
target "bmc --depth 40, refcount fixed"           1  "--engine bmc --depth 40" tests/models/violated/refcount.hvm --variant fixed
target "bmc --depth 20, tasklet_flags"            5  "--engine bmc --depth 20" tests/models/holds/tasklet_flags.hvm
target "kind, v3 2x2"                             60 "--engine kind" --variant v3
target "bmc --depth 30, default matrix"           60 "--engine bmc --depth 30"
if [ "$quick" != --quick ]; then
  target "pdr, default matrix"                    30 "--engine pdr"
  target "pdr, v3 4x4"                            60 "--engine pdr" --variant v3 --const CPUS=4 --const IRQS=4
fi
