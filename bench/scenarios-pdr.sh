#!/usr/bin/env bash
# The scenario library's cross-check: every scenario's configuration checked by the explicit
# engine and by pdr (Spacer with its certificate, BMC for the traces), and their verdicts
# compared cell by cell. pdr takes minutes per configuration on 2 cores, so this is a script,
# not a test. Prints one line per configuration and every disagreement; exits 1 on one.
#   bench/scenarios-pdr.sh [TIMEOUT-SECONDS [PATTERN]]   (default 1800, for the whole pdr run;
#                                                       PATTERN, an extended regex, keeps the
#                                                       matching configurations)
. "$(dirname "$0")/lib.sh"
timeout_s=${1:-1800}
fail=0
# The configurations: properties/scenarios.conf, one a line (comments stripped).
mapfile -t configs < <(scenario_configs | grep -E "${2:-.}")
for c in "${configs[@]}"; do
  consts=(); for a in $c; do consts+=(--const "$a"); done
  hv check properties/scenarios.hvp "${consts[@]}" --format json > "$work/explicit.json" || true
  start=$(date +%s)
  hv check properties/scenarios.hvp "${consts[@]}" --engine pdr --timeout "$timeout_s" --format json > "$work/pdr.json" || true
  secs=$(( $(date +%s) - start ))
  python3 - "$c" "$secs" "$work/explicit.json" "$work/pdr.json" <<'PY' || fail=1
import json, sys
config, secs, ex, pdr = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
cells = lambda d: {(r["variant"], r["property"]): r["verdict"] for r in d.get("results", []) if r["property"] != "deadlock"}
e, p = cells(ex), cells(pdr)
unknown = [k for k, v in p.items() if v == "unknown"]
differ = [(k, e.get(k), v) for k, v in p.items() if v != "unknown" and e.get(k) != v]
print(f"{config:<28} {len(p)} cells, pdr {secs} s, {len(unknown)} unknown, {len(differ)} disagreements")
for k, a, b in differ:
    print(f"  DISAGREE {k[0]}/{k[1]}: explicit {a}, pdr {b}")
sys.exit(1 if differ else 0)
PY
done
exit $fail
