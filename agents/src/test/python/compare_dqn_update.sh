#!/usr/bin/env bash
# lrlab's and PyTorch's network work (DQN update and action choice, AC(lambda) step, PPO epoch), one thread each, on this machine, one after
# the other (run it on an idle machine): bash agents/src/test/python/compare_dqn_update.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
echo "lrlab:"
"$root/lrlab" bench --networks --seconds 2
echo
echo "pytorch (one thread):"
"${PYTHON:-/usr/bin/python3}" "$root/agents/src/test/python/dqn_update_timing.py" | "${PYTHON:-/usr/bin/python3}" -c '
import json, sys
for r in json.load(sys.stdin)["networks"]:
    print("%-16s %-14s %10d %14.1f %14.1f" % (r["name"], r["implementation"], r["parameters"],
          r["microseconds_per_forward"], r["microseconds_per_update"]))'
