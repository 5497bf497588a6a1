#!/usr/bin/env bash
# The test command: type-check, lint, then every test under test/ (uvu + tsx).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit -p tsconfig.json
npx biome check .
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
# No colours, by NO_COLOR alone: Node warns, in every process the tests start, when
# FORCE_COLOR is set beside it, and uvu sets FORCE_COLOR=1 unless given --no-color.
env -u FORCE_COLOR NO_COLOR=1 npx uvu -r tsx --no-color test '\.test\.ts$' 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
set -e
total=$(sed -n 's/^ *Total: *\([0-9]*\).*/\1/p' "$out" | tail -1)
passed=$(sed -n 's/^ *Passed: *\([0-9]*\).*/\1/p' "$out" | tail -1)
# Each group of live tests that could not run printed "SKIPPED: <what> (<tool> not found ...)".
skipped=$(grep -o 'SKIPPED: .* not found' "$out" | sed -E 's/SKIPPED: (.*) \(`([^`]*)` not found/\1: needs \2/' | sort -u || true)
if [ -n "$skipped" ]; then
  echo "Skipped for want of a tool (their tests returned early and count as passed):"
  echo "$skipped" | sed 's/^/  /'
fi
failed=$(( ${total:-0} - ${passed:-0} ))
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "The test run stopped early (see the error above)."
  failed=1
fi
echo "tests: ${passed:-0} passed, ${failed} failed, $(printf '%s' "$skipped" | grep -c . || true) skipped"
exit "$rc"
