#!/usr/bin/env bash
# Compares the range test's suggestions with a full sweep, for the README's table: runs the spec's
# sweep, the range test (5 seeds), and the suggested rates themselves on the sweep's seeds and
# budget; prints, for the spec's (single) agent, the best grid rate by return over the whole budget
# (the mean over all episodes), each suggestion's ratio to it and the return lost by using it, and
# the range test's cost as a fraction of the sweep's environment steps.
#   experiments/scripts/find-lr-vs-sweep.sh SPEC [OUT]
set -euo pipefail
spec="$1"
out="${2:-runs/find-lr-vs-sweep/$(basename "$spec" .yaml)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lrlab="$root/lrlab"
rm -rf "$out"; mkdir -p "$out"

sweep_log="$("$lrlab" run "$spec" --out "$out/sweep" 2>/dev/null)"
sweep_steps="$(sed -n 's/.*; \([0-9,]*\) steps in .*/\1/p' <<<"$sweep_log" | tr -d ,)"
find_log="$("$lrlab" find-lr "$spec" --out "$out" --seeds 5 2>/dev/null)"
find_steps="$(sed -n 's/^range tests: \([0-9,]*\) environment steps.*/\1/p' <<<"$find_log" | tr -d ,)"
line="$(grep ': valley ' <<<"$find_log" | head -1)"
valley="$(sed -n 's/.*: valley \([^ ]*\) .*/\1/p' <<<"$line")"
steep="$(sed -n 's/.*, steep \([^,]*\),.*/\1/p' <<<"$line")"
minimum="$(sed -n 's/.*minimum\/10 \(.*\)$/\1/p' <<<"$line")"
rates="$(printf '%s\n' "$valley" "$steep" "$minimum" | grep -v none | sort -u | paste -sd, -)"
"$lrlab" run "$spec" --out "$out/suggested" --set "sweep.learning-rates=[$rates]" >/dev/null 2>&1

# summary.csv: learning_rate is column 4, auc_mean column 23
auc() { awk -F, -v r="$2" 'NR > 1 && ($4 + 0 == r + 0 || sprintf("%.3g", $4) == sprintf("%.3g", r)) { print $23 }' "$1/report/summary.csv" | head -1; }
best="$(awk -F, 'NR > 1 && $23 != "" { if (!n || $23 + 0 > b) { b = $23 + 0; r = $4 }; n = 1 } END { print r, b }' "$out/sweep/report/summary.csv")"
best_rate="${best% *}"
best_auc="${best#* }"
echo "spec: $spec"
echo "sweep: $sweep_steps steps; range test: $find_steps steps ($(awk -v a="$find_steps" -v b="$sweep_steps" 'BEGIN { printf "%.2f%%", 100 * a / b }') of the sweep)"
echo "best grid rate $best_rate: return over the budget $best_auc"
for kind in valley steep minimum; do
  rate="${!kind}"
  [ "$rate" = none ] && { echo "$kind: none"; continue; }
  got="$(auc "$out/suggested" "$rate")"
  awk -v k="$kind" -v r="$rate" -v b="$best_rate" -v g="$got" -v ba="$best_auc" \
    'BEGIN { printf "%s: %s (x%.3g of the best), return %s, lost %.3g\n", k, r, r / b, g, ba - g }'
done
