#!/usr/bin/env bash
# lrlab's and PyTorch's network work (DQN update and action choice, AC(lambda) step, PPO epoch), one thread each, on this machine:
#   bash agents/src/test/python/compare_dqn_update.sh            one after the other (run it on an idle machine)
#   bash agents/src/test/python/compare_dqn_update.sh --together at the same time, lrlab on CPU 0 and PyTorch on CPU 1
# A shared machine's speed drifts by a factor of two between minutes; --together has both measured in the same minutes,
# so each ratio compares like with like (each process has a core and its own L1/L2; they share L3 and memory).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
torch_rows() {
  "$python" "$root/agents/src/test/python/dqn_update_timing.py" | "$python" -c '
import json, sys
for r in json.load(sys.stdin)["networks"]:
    print("%-16s %-30s %10d %14.1f %14.1f" % (r["name"], r["implementation"], r["parameters"],
          r["microseconds_per_forward"], r["microseconds_per_update"]))'
}
if [ "${1:-}" = "--together" ]; then
  "$root/lrlab" bench --networks --seconds 2 >/dev/null 2>&1 || true # builds the jar first, if it must
  out="$(mktemp -d)"
  taskset -c 0 "$root/lrlab" bench --networks --seconds 2 >"$out/lrlab" 2>&1 &
  lrlab=$!
  taskset -c 1 bash -c "$(declare -f torch_rows); python='$python' root='$root' torch_rows" >"$out/torch" 2>&1 &
  torch=$!
  wait "$lrlab" "$torch"
  echo "lrlab (CPU 0):"; cat "$out/lrlab"; echo; echo "pytorch (one thread, CPU 1, at the same time):"; cat "$out/torch"
  rm -rf "$out"
  exit 0
fi
echo "lrlab:"
"$root/lrlab" bench --networks --seconds 2
echo
echo "pytorch (one thread):"
torch_rows
