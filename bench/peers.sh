#!/usr/bin/env bash
# HvModel against SPIN on the same transition system, in one run: each row exports the model
# with 'hvmodel export --to promela' (its invariant as an assert, so pan gives a verdict too),
# then times
#   to a verdict:     the whole 'hvmodel check' process (built binary) against spin -a + gcc -O2 + ./pan
#   per transition:   HvModel's transitions / its engine's seconds (JSON: initial states and compile included,
#                     so a little low), one worker, against pan's transitions / elapsed time
# and prints states (SPIN's nominal states less its pre-init state), seconds, transitions/s
# and the ratios. Needs spin and gcc (./setup).
#   bench/peers.sh            the flagship at 3x3, 4x2, 4x3 and the five classic models
#   bench/peers.sh --quick    the flagship at 2x2 and the classic models
. "$(dirname "$0")/lib.sh"
require spin gcc
quick=${1:-}

printf '%-28s %-9s %10s %10s %8s %8s %7s %11s %11s %7s\n' model symmetry hv-states spin-states hv-s spin-s ratio hv-tr/s spin-tr/s ratio
# row LABEL SYMMETRY(on|off) VARIANT PROPERTY MODEL-ARGS...
row() {
  local label=$1 sym=$2 variant=$3 property=$4 hash=$5; shift 5
  hv export "$@" --variant "$variant" --property "$property" --out "$work/m.pml"
  local t0 t1 t2
  t0=$(now)
  spin_run "$work" m.pml states "-w$hash"
  t1=$(now)
  local symflag=""
  [ "$sym" = off ] && symflag=--no-symmetry
  # One worker: pan searches on one thread too.
  hv check "$@" --variant "$variant" --property "$property" $symflag --workers 1 --format json > "$work/hv.json" || true
  t2=$(now)
  python3 - "$label" "$sym" "$work/hv.json" "$work/pan.out" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" <<'PY'
import json, re, sys
label, sym, hvfile, panfile, spin_s, hv_s = sys.argv[1:7]
r = json.load(open(hvfile))["results"][0]
pan = open(panfile).read()
# pan prints its counts with %g: eight digits, then an exponent (1.278743e+08 transitions),
# and "nominal states" with six only; stored less "atomic steps" is exact to 99,999,999.
def count(what):
    return round(float(re.search(r"^\s*([\d.]+(?:e\+\d+)?) " + what, pan, re.M).group(1)))
atomic = re.search(r"^\s*\d+ atomic steps", pan, re.M)
spin_states = count("states, stored") - (count("atomic steps") if atomic else 0) - 1
transitions = count("transitions")
elapsed = re.search(r"pan: elapsed time ([\d.e+-]+)", pan)
elapsed = float(elapsed.group(1)) if elapsed else 0.0
spin_rate = transitions / elapsed if elapsed > 0 else float("nan")
hv_rate = r["transitions"] / r["seconds"] if r["seconds"] > 0 else float("nan")
spin_s, hv_s = float(spin_s), float(hv_s)
errors = "" if "errors: 0" in pan else "  (pan found a violation)"
print(f"{label:<28} {sym:<9} {r['states']:>10} {spin_states:>10} {hv_s:>8.2f} {spin_s:>8.2f} {hv_s/spin_s:>7.2f} {hv_rate:>11.0f} {spin_rate:>11.0f} {hv_rate/spin_rate:>7.2f}  {r['verdict']}{errors}")
PY
}

if [ "$quick" = "--quick" ]; then
  row "flagship v3 2x2" on v3 no_stuck_mask 20 --const CPUS=2 --const IRQS=2
else
  row "flagship v3 3x3" off v3 no_stuck_mask 24 --const CPUS=3 --const IRQS=3
  row "flagship v3 3x3" on v3 no_stuck_mask 24 --const CPUS=3 --const IRQS=3
  row "flagship v3 4x2" on v3 no_stuck_mask 24 --const CPUS=4 --const IRQS=2
  row "flagship v3 4x3" on v3 no_stuck_mask 24 --const CPUS=4 --const IRQS=3
fi
row "filter N=4" off default mutual_exclusion 22 bench/models/classic/filter.hvm --const N=4
row "szymanski N=4" off default mutual_exclusion 22 bench/models/classic/szymanski.hvm --const N=4
row "fastmutex N=3" off default mutual_exclusion 22 bench/models/classic/fastmutex.hvm
row "bakery N=3" off default mutual_exclusion 22 bench/models/classic/bakery.hvm
row "philosophers N=6" off default forks_exclusive 22 bench/models/classic/philosophers.hvm --const N=6
echo "ratio: hvmodel / spin (time: lower is better for hvmodel; transitions/s: higher is)."
echo "SPIN's time to a verdict includes spin -a and gcc, as a user waits for them; HvModel's the whole process."
