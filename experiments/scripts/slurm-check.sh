#!/usr/bin/env bash
# The Slurm path for real: starts a single-node Slurm (../shared/slurm/ci-slurm.sh; needs root),
# submits a sharded sweep with the script `lrlab slurm` writes, waits for the array and the
# merge-and-report job, runs the same sweep locally, and checks that the two runs hold the same
# trials byte for byte (wall times aside). Run from the repository root; .ci/run calls it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# a fresh machine may not have read its package lists yet
command -v slurmctld >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
. "$root/../shared/slurm/ci-slurm.sh" >/dev/null
[ "$(sinfo -h -o %t)" = idle ] || { echo "slurm-check: the Slurm node did not come up"; exit 3; }
# Slurm is up: from here on a failure is lrlab's (the caller may tell the two apart by this file)
[ -n "${SLURM_CHECK_UP:-}" ] && touch "$SLURM_CHECK_UP"
trap 'kill $(cat "$SLURM_DIR"/slurmctld.pid "$SLURM_DIR"/slurmd.pid /run/munge/munged.pid 2>/dev/null) 2>/dev/null || true' EXIT
work="$(mktemp -d)"
cat > "$work/sharded.yaml" <<'SPEC'
name: slurm-check
environment: cliff-walking
agents: [{ type: sarsa, gamma: 1.0 }, { type: q-learning, gamma: 1.0 }]
sweep: { learning-rates: [0.1, 0.5, 0.9], seeds: 5 }
budget: { episodes: 100, max-episode-steps: 1000 }
evaluation: { every: 50, episodes: 2 }
output: RUNS/sharded
SPEC
sed -i "s|RUNS|$work|" "$work/sharded.yaml"
./lrlab validate "$work/sharded.yaml" --estimate-seconds 0 >/dev/null   # builds the jar before the jobs need it
./lrlab slurm "$work/sharded.yaml" --array 3 --threads 1 --time 00:10:00 > "$work/submit.sh"
bash "$work/submit.sh"
for i in $(seq 300); do
  [ -z "$(squeue -h)" ] && break
  sleep 1
done
[ -z "$(squeue -h)" ] || { echo "slurm-check: jobs still queued after 300 s"; squeue; exit 1; }
[ -f "$work/sharded/merged/report/report.html" ] || {
  echo "slurm-check: no merged report"; cat "$work"/sharded/slurm-*.out; exit 1; }
./lrlab run "$work/sharded.yaml" --out "$work/local" --no-report >/dev/null
./lrlab export --sorted "$work/local" > "$work/local.jsonl"
./lrlab export --sorted "$work/sharded/merged" > "$work/merged.jsonl"
if ! diff -q "$work/local.jsonl" "$work/merged.jsonl" >/dev/null; then
  echo "slurm-check: the merged Slurm run differs from the local run"
  exit 1
fi
echo "slurm-check: 3 Slurm array tasks + merge = the local run, $(wc -l < "$work/local.jsonl") trials identical"
