# The preamble the bench scripts share: source it (". bench/lib.sh") from a script in bench/.
#   - cd to the repository's root; build hvmodel in Release unless NO_BUILD is set;
#   - hv ARGS...            run the built hvmodel;
#   - $work                 a temporary folder, removed at exit;
#   - now                   seconds since the epoch, with nanoseconds (for timing);
#   - require PROGRAM...    stop with a message when a program is missing (./setup installs them);
#   - spin_run DIR FILE PROFILE [PAN ARGS...]
#                           spin, gcc and pan in DIR on FILE with a profile of bench/spin-profiles;
#                           pan's output in DIR/pan.out.
#   - rumur_run DIR FILE PROFILE
#                           rumur, gcc and the verifier in DIR on FILE with a profile of
#                           bench/rumur-profiles; the verifier's output in DIR/verifier.out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -n "${NO_BUILD:-}" ] || dotnet build -c Release src/HvModel.Cli -v q -nologo >/dev/null
hv() { dotnet src/HvModel.Cli/bin/Release/net10.0/hvmodel.dll "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

require() {
  local p
  for p in "$@"; do
    command -v "$p" >/dev/null || { echo "bench: $p not found (./setup installs it)" >&2; exit 2; }
  done
}

# The columns of a profile, as arrays: spin_args, gcc_args, pan_args.
spin_profile() {
  local line
  line=$(grep -E "^$1[[:space:]]*\|" bench/spin-profiles) || { echo "bench: no SPIN profile '$1' in bench/spin-profiles" >&2; exit 2; }
  IFS='|' read -r _ spin gcc pan <<< "$line"
  read -ra spin_args <<< "$spin"
  read -ra gcc_args <<< "$gcc"
  read -ra pan_args <<< "$pan"
}

spin_run() {
  local dir=$1 file=$2 profile=$3; shift 3
  spin_profile "$profile"
  (cd "$dir" && spin "${spin_args[@]}" "$file" >/dev/null && gcc "${gcc_args[@]}" -o pan pan.c 2>/dev/null && ./pan "${pan_args[@]}" "$@" > pan.out)
}

rumur_run() {
  local dir=$1 file=$2 line rumur gcc
  line=$(grep -E "^$3[[:space:]]*\|" bench/rumur-profiles) || { echo "bench: no Rumur profile '$3' in bench/rumur-profiles" >&2; exit 2; }
  IFS='|' read -r _ rumur gcc <<< "$line"
  local rumur_args gcc_args
  read -ra rumur_args <<< "$rumur"
  read -ra gcc_args <<< "$gcc"
  (cd "$dir" && rumur "${rumur_args[@]}" --output verifier.c "$file" >/dev/null && gcc "${gcc_args[@]}" -o verifier verifier.c -lpthread && ./verifier > verifier.out)
}

# scenario_configs: the scenario configurations of properties/scenarios.conf, one a line
# (comments and blank lines stripped), as counterexamples --configurations reads them.
scenario_configs() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' properties/scenarios.conf | grep -v '^[[:space:]]*$'; }
