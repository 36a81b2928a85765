#!/usr/bin/env bash
# Compiled against interpreted successors on the flagship, from one Release build:
# transitions per processor second during the run (from --stats; processor time rather than
# wall time, which a loaded machine distorts), the compile time, and the whole process.
#   bench/compiled.sh
. "$(dirname "$0")/lib.sh"
hv=src/HvModel.Cli/bin/Release/net10.0/hvmodel.dll
run() {
  echo "== $*"
  /usr/bin/time -f "process: %e s wall, %U s user, %S s system, %M KB peak" \
    dotnet "$hv" check --variant v3 "$@" --stats 2>&1 | grep -E 'states/s|process:|states,'
}
run --const CPUS=3 --const IRQS=3 --no-symmetry
run --const CPUS=3 --const IRQS=3 --no-symmetry --interpret
run --const CPUS=4 --const IRQS=3
run --const CPUS=4 --const IRQS=3 --interpret
