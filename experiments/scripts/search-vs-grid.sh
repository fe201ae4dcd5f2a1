#!/usr/bin/env bash
# Search against grid, for the README's table: runs a grid spec once; then, for each method and
# each of two budgets (a third and a tenth of the grid's environment steps), ten searches with
# different search seeds; each search's pick is then run on the grid's seeds and budget, and its
# return over the budget (mean over episodes and seeds) is compared with the grid's best.
#   experiments/scripts/search-vs-grid.sh GRID_SPEC SEARCH_SPEC CONFIGS_THIRD CONFIGS_TENTH [SEEDS]
# CONFIGS_*: how many configurations random and TPE may try (about a third or a tenth of the
# grid's steps; the steps each search took are measured and printed). ASHA starts three times as
# many, since most stop at its first rung.
set -euo pipefail
grid="$1"; search="$2"; third="$3"; tenth="$4"; seeds="${5:-10}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lrlab="$root/lrlab"
out="runs/search-vs-grid/$(basename "$search" .yaml)"
rm -rf "$out"; mkdir -p "$out"
steps_of() { sed -n 's/.*; \([0-9,]*\) steps in .*/\1/p' <<<"$1" | tr -d ,; }
auc_best() { awk -F, 'NR > 1 && $23 != "" { if (!n || $23 + 0 > b) { b = $23 + 0; r = $4 }; n = 1 } END { print r, b }' "$1"; }

log="$("$lrlab" run "$grid" --out "$out/grid" 2>/dev/null)"
grid_steps="$(steps_of "$log")"
read -r grid_rate grid_auc < <(auc_best "$out/grid/report/summary.csv")
grid_seeds="$(sed -n 's/.*seeds: *\([0-9]*\).*/\1/p' "$grid" | head -1)"
echo "grid: best rate $grid_rate, return $grid_auc, $grid_steps steps"
for budget in third tenth; do
  n="${!budget}"
  for method in random asha tpe; do
    configs="$n"; [ "$method" = asha ] && configs=$((3 * n))
    got=(); used=()
    for s in $(seq 0 $((seeds - 1))); do
      dir="$out/$method-$budget-$s"
      log="$("$lrlab" run "$search" --out "$dir" --no-report --set "search.method=$method" \
        --set "search.seed=$s" --set "search.configurations=$configs" 2>/dev/null)"
      used+=("$(steps_of "$log")")
      "$lrlab" run "$dir/best.yaml" --out "$dir/pick" --set "sweep.seeds=$grid_seeds" >/dev/null 2>&1
      read -r _ auc < <(auc_best "$dir/pick/report/summary.csv")
      got+=("$auc")
    done
    printf '%s\n' "${got[@]}" > "$out/$method-$budget.returns"
    awk -v m="$method" -v b="$budget" -v g="$grid_auc" -v gs="$grid_steps" -v used="${used[*]}" '
      { x[NR] = $1; s += $1 } END {
        n = NR; mean = s / n; for (i = 1; i <= n; i++) v += (x[i] - mean) ^ 2; se = sqrt(v / (n - 1) / n)
        split(used, u, " "); t = 0; for (i in u) t += u[i]
        printf "%s at a %s: picked return %.2f +- %.2f (mean +- s.e. over %d searches), grid best %.2f; steps %.0f%% of the grid\n",
          m, b, mean, se, n, g, 100 * t / length(u) / gs }' "$out/$method-$budget.returns"
  done
done
