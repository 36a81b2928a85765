#!/usr/bin/env bash
# hvmodel prove on every flagship variant, one at a time, each beside the explicit engine's
# check of the same variant at 2x2: verdicts, candidates before and after Houdini, the time
# of each phase. Run it alone on the machine (through shared/bin/heavy on the shared one):
# the times are wall-clock. Exits 1 if prove proves a property that the model's expect table
# (checked by the explicit engine at 2x2 in the tests) says is violated.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/HvModel.Cli -c Release -v q -nologo >/dev/null
hvmodel="dotnet src/HvModel.Cli/bin/Release/net10.0/hvmodel.dll"
out=$(mktemp -d)
for v in v3 v1 pre a_only b_only; do
  start=$(date +%s.%N)
  $hvmodel prove --variant "$v" --format json > "$out/$v.json" || true
  prove=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  $hvmodel check --variant "$v" > /dev/null || true
  check=$(echo "$(date +%s.%N) - $start" | bc)
  python3 - "$out/$v.json" "$prove" "$check" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for v in doc["variants"]:
    s = v["statistics"]
    print(f"{v['variant']}: prove {float(sys.argv[2]):.1f} s wall, check (explicit, 2x2) {float(sys.argv[3]):.1f} s wall; {v['fragment']}")
    print(f"  sampled {s['sampled_states']} states in {s['configurations']} configurations; "
          f"{s['inferred']} clauses mined, {s['candidates']} candidates, {s['after_houdini']} after bounded Houdini, "
          f"{len(v['invariant'])} in the invariant")
    print(f"  phases: explicit {s['explicit_seconds']} s, mining {s['mining_seconds']} s, Houdini {s['houdini_seconds']} s, "
          f"support {s['support_seconds']} s, certificate {s['certificate_seconds']} s")
    for r in v["results"]:
        how = " (inferred lemmas alone)" if r["inferred_only"] else ""
        print(f"  {r['property']:18} {r['verdict']}{how}, expected {r['expected']}")
        # A proof of what the explicit engine refutes is a wrong verdict: the campaign fails.
        if r["verdict"] == "holds" and r["expected"] == "violated":
            print(f"  WRONG: {r['property']} proved for every size, but the expect table (the explicit engine at 2x2) says violated")
            sys.exit(1)
PY
done
rm -rf "$out"
