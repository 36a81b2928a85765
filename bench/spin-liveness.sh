#!/usr/bin/env bash
# SPIN as the liveness oracle on generated models (tests/HvModel.TestSupport: ModelGenerator.Liveness,
# with 1-3 liveness properties of every form and weak or strong fairness on some actions). Every
# variant and liveness property is checked by HvModel's liveness checker and by SPIN on the export
# with --liveness (the 'liveness-small' profile of bench/spin-profiles: spin -a; gcc -O0
# -DNOREDUCE; ./pan -a -N NAME), under the model's fairness and with all fairness removed: the
# second says which cases fairness decided. Prints one line per case and the totals: models,
# properties compared, holds and violated, decided by fairness, cases where a fair instance's
# guard holds without a successor, disagreements. Exits 1 on a disagreement or a failure.
# A model that meets a model error is skipped (and counted).
#
#   bench/spin-liveness.sh [--from N] [--count N] [--jobs N]     (default: models 0 .. 199, 2 jobs)
#
# A case's model: 'dotnet bench/campaign/bin/Release/net10.0/HvModel.Campaign.dll generate --liveness --seed N'.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v spin >/dev/null && command -v gcc >/dev/null || { echo "bench: spin and gcc are needed (./setup installs them)" >&2; exit 2; }

from=0 count=200 jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    *) echo "usage: $0 [--from N] [--count N] [--jobs N]" >&2; exit 2 ;;
  esac
done

[ -n "${NO_BUILD:-}" ] || dotnet build -c Release bench/campaign -v q -nologo >/dev/null || { echo "build failed" >&2; exit 2; }
exec dotnet bench/campaign/bin/Release/net10.0/HvModel.Campaign.dll spin-liveness --from "$from" --count "$count" --jobs "$jobs"
