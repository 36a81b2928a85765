#!/usr/bin/env bash
# 'prove' on each scenario's fixed side: v3 (the patch as merged) in every configuration of
# properties/scenarios.conf, for every number of CPUs and IRQs. Prints one line per property:
# proved for every size, or not, with the reason. A property violated at the default size is
# not provable, so 'not proved' there is expected (docs/findings.md says which are violated).
#   bench/scenarios-prove.sh [TIMEOUT-SECONDS [PATTERN]]   (default 900 per configuration; PATTERN,
#                                                          an extended regex, keeps the matching lines)
. "$(dirname "$0")/lib.sh"
timeout_s=${1:-900}
mapfile -t configs < <(scenario_configs | grep -E "${2:-.}")
for c in "${configs[@]}"; do
  consts=(); for a in $c; do consts+=(--const "$a"); done
  start=$(date +%s)
  hv prove properties/scenarios.hvp "${consts[@]}" --variant v3 --timeout "$timeout_s" --format json > "$work/prove.json" 2>/dev/null || true
  secs=$(( $(date +%s) - start ))
  python3 - "$c" "$secs" "$work/prove.json" <<'PY'
import json, sys
config, secs = sys.argv[1], sys.argv[2]
try:
    doc = json.load(open(sys.argv[3]))
except ValueError:
    print(f"{config:<28} no JSON from prove ({secs} s)"); sys.exit(0)
for v in doc["variants"]:
    proved = [r["property"] for r in v["results"] if r["verdict"] == "holds for every size"]
    other = [f'{r["property"]} ({r["verdict"]})' for r in v["results"] if r["verdict"] != "holds for every size"]
    print(f"{config:<28} {v['variant']}: {secs} s; proved for every size: {', '.join(proved) or 'none'}; not proved: {', '.join(other) or 'none'}")
PY
done
