#!/usr/bin/env bash
# HvModel's symbolic engines beside a peer on the same system: on the flagship's default
# matrix (properties/hv-pci-msi.hvp; variants pre a_only b_only v1 v3; its invariants and
# deadlock), per variant, the wall-clock seconds of HvModel's explicit engine, bmc at depth 30,
# kind and pdr, and of ABC's pdr and bmc3 (-F 30) on the AIGER files that
# 'hvmodel export --to aiger' writes, one per invariant and one for deadlock (ABC's time is the
# sum over them; the export's own time is apart). Prints the ratio HvModel pdr / ABC pdr per
# variant, and whether ABC's verdicts agree with HvModel's (the explicit engine's, which the
# expect table pins) on every invariant and deadlock cell. Exits 1 on a disagreement.
# Run it alone on the machine (through shared/bin/heavy on the shared one): times are wall-clock.
#   bench/symbolic.sh [TIMEOUT-SECONDS]   (default 300: each HvModel symbolic run, each ABC pdr)
. "$(dirname "$0")/lib.sh"
require berkeley-abc python3 bc
timeout_s=${1:-300}
model=properties/hv-pci-msi.hvp
variants=(pre a_only b_only v1 v3)

mapfile -t invariants < <(hv check "$model" --variant pre --format json | python3 -c '
import json, sys
for r in json.load(sys.stdin)["results"]:
    if r["kind"] == "invariant" and r["property"] != "deadlock": print(r["property"])')
cells=("${invariants[@]}" deadlock)
props=()
for p in "${cells[@]}"; do props+=(--property "$p"); done

# Runs a command with its stdout to FILE; prints its wall-clock seconds.
timed() {
  local file=$1; shift
  local start; start=$(now)
  "$@" > "$file" 2>/dev/null || true
  echo "$(now) - $start" | bc
}

echo "model $model, variants ${variants[*]}; cells: ${cells[*]}"
echo "$(z3 --version); $(berkeley-abc -c version 2>/dev/null | grep -o 'ABC [0-9][0-9.]*' | head -1) (berkeley-abc); timeout ${timeout_s} s per run"
for v in "${variants[@]}"; do
  d="$work/$v"; mkdir -p "$d"
  echo "explicit $(timed "$d/explicit.json" hv check "$model" --variant "$v" "${props[@]}" --format json)" > "$d/times"
  for e in bmc kind pdr; do
    depth=()
    [ "$e" = bmc ] && depth=(--depth 30)
    echo "$e $(timed "$d/$e.json" hv check "$model" --variant "$v" "${props[@]}" --engine "$e" "${depth[@]}" --timeout "$timeout_s" --format json)" >> "$d/times"
  done
  for p in "${cells[@]}"; do
    echo "export $p $(timed /dev/null hv export --to aiger "$model" --variant "$v" --property "$p" --out "$d/$p.aig")" >> "$d/times"
    echo "abc-pdr $p $(timed "$d/$p.pdr" berkeley-abc -c "read_aiger $d/$p.aig; pdr -T $timeout_s; print_status")" >> "$d/times"
    echo "abc-bmc3 $p $(timed "$d/$p.bmc3" berkeley-abc -c "read_aiger $d/$p.aig; bmc3 -F 30; print_status")" >> "$d/times"
  done
done

python3 - "$work" "${variants[@]}" -- "${cells[@]}" <<'PY'
import json, os, re, sys
work = sys.argv[1]
sep = sys.argv.index("--")
variants, cells = sys.argv[2:sep], sys.argv[sep + 1:]

def status(path):
    m = re.search(r"Status = (-?\d+)", open(path).read())
    return {"0": "violated", "1": "holds"}.get(m.group(1) if m else "", "unknown")

def verdicts(path):
    try:
        doc = json.load(open(path))
    except (OSError, ValueError):
        return {}
    return {r["property"]: r["verdict"] for r in doc.get("results", [])}

print()
print(f"{'variant':8} {'explicit':>9} {'bmc 30':>9} {'kind':>9} {'pdr':>9} | {'export':>7} {'ABC pdr':>8} {'ABC bmc3':>9} | {'pdr/ABC':>8}")
disagree, notes = [], []
for v in variants:
    d = os.path.join(work, v)
    t = {}
    for line in open(os.path.join(d, "times")):
        parts = line.split()
        t[parts[0]] = t.get(parts[0], 0.0) + float(parts[-1])
    ex = verdicts(os.path.join(d, "explicit.json"))
    counts = []
    for e in ("bmc", "kind", "pdr"):
        got = verdicts(os.path.join(d, f"{e}.json"))
        decided = sum(1 for c in cells if got.get(c) in ("holds", "violated"))
        wrong = [c for c in cells if got.get(c) in ("holds", "violated") and got.get(c) != ex.get(c)]
        counts.append(f"{e} {decided}/{len(cells)} decided" + (f", differs on {' '.join(wrong)}" if wrong else ""))
    for c in cells:
        pdr, bmc3 = status(os.path.join(d, f"{c}.pdr")), status(os.path.join(d, f"{c}.bmc3"))
        if pdr != ex.get(c):
            disagree.append(f"{v}/{c}: explicit {ex.get(c)}, ABC pdr {pdr}")
        # bmc3 -F 30 decides a violation, or holds when it has seen every reachable state; else unknown.
        if bmc3 != "unknown" and bmc3 != ex.get(c):
            disagree.append(f"{v}/{c}: explicit {ex.get(c)}, ABC bmc3 {bmc3}")
    ratio = t["pdr"] / t["abc-pdr"] if t.get("abc-pdr") else float("nan")
    print(f"{v:8} {t['explicit']:8.2f}s {t['bmc']:8.2f}s {t['kind']:8.2f}s {t['pdr']:8.2f}s | {t['export']:6.2f}s {t['abc-pdr']:7.2f}s {t['abc-bmc3']:8.2f}s | {ratio:8.1f}")
    notes.append(f"  {v}: HvModel " + "; ".join(counts))
print()
print("HvModel's symbolic verdicts against the explicit engine's:")
print("\n".join(notes))
cellcount = len(variants) * len(cells)
if disagree:
    print(f"ABC DISAGREES with HvModel on {len(disagree)} of {cellcount} cells:")
    print("\n".join("  " + d for d in disagree))
    sys.exit(1)
print(f"ABC's pdr agrees with HvModel on all {cellcount} cells ({len(cells) - 1} invariants and deadlock per variant), bmc3 on every cell it decides")
PY
