#!/usr/bin/env bash
# Mutation testing with dotnet-stryker (pinned in .config/dotnet-tools.json) over the code that decides: the files
# stryker-config.json's "mutate" names, run against tests/IcsExpertiseGraph.Tests (the browser tests are not used).
#
#   bash tools/mutation/run.sh                    the whole scope: the documented full run (hours on two cores; README)
#   bash tools/mutation/run.sh --changed [BASE]   the scoped files changed since the merge base with BASE (default: main,
#                                                 else origin/main; on main itself, the last commit), at most
#                                                 MUTATION_MAX_FILES of them (default 3), smallest first; the fixed
#                                                 sample when none; what .ci/run runs
#   bash tools/mutation/run.sh --sample           the fixed sample (small, decisive files; minutes)
#   bash tools/mutation/run.sh FILE...            these files (paths from the repository root, or as the scope names
#                                                 them: Network/GraphAlgorithms.cs)
#   bash tools/mutation/run.sh --record FILE...   these files, their numbers appended to tests/mutation/scores.md
#   bash tools/mutation/run.sh --parts [LINES]    the whole scope in parts: the scope files with no row in scores.md yet,
#                                                 in stryker-config.json's order, about LINES lines of code a part
#                                                 (default 300), each part recorded in scores.md as it ends, so the
#                                                 parts add up to the full run and a stopped run goes on where it
#                                                 stopped; then the combined score (tools/mutation/scores.py summary)
#
# Each run gets its own config and output folder (printed at the end: mutation-report.html and .json). Extra options
# for dotnet-stryker go in STRYKER_ARGS (e.g. STRYKER_ARGS="--break-at 80"). Concurrency is 1 unless STRYKER_CONCURRENCY
# says otherwise: this is a shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
api=src/IcsExpertiseGraph.Api
sample=(src/IcsExpertiseGraph.Api/Auth/Viewer.cs src/IcsExpertiseGraph.Api/Domain/Orcid.cs src/IcsExpertiseGraph.Api/Hardening/DocumentShape.cs)
# The sample's own tests. With CI's broad filter, Stryker's first run of some 800 tests and its coverage pass took more
# than half of CI's ten minutes, and the step was cut before the sample's 59 mutants were done (2026-12-04); with these
# the sample takes about 5 minutes on a quiet machine and scored 98.3% (58 of 59; the 59th is not covered by them).
sample_filter="FullyQualifiedName~AuthorizationMatrixTests|FullyQualifiedName~DocumentShapeTests|FullyQualifiedName~ProfileRuleTests|FullyQualifiedName~GeneratorTests|FullyQualifiedName~VisibilityGuardTests"
use_sample() { files=("${sample[@]}"); STRYKER_ARGS="--test-case-filter $sample_filter"; echo "mutation: the fixed sample, with its own tests ($sample_filter)"; }

# The scope, read from stryker-config.json ("**/X.cs" is src/IcsExpertiseGraph.Api/X.cs).
mapfile -t scope < <(sed -n 's/^ *"\*\*\/\([^"]*\)",\{0,1\} *$/\1/p' stryker-config.json)
in_scope() { local f=$1 p; for p in "${scope[@]}"; do [[ $f == "$api/"$p ]] && return 0; done; return 1; }

# Run dotnet-stryker on these files (none: the whole scope); sets $run to the run's folder.
mutate() {
  local files=("$@") list
  run=$(mktemp -d "${TMPDIR:-/tmp}/stryker.XXXXXX")
  {
    if [ ${#files[@]} -eq 0 ]; then
      cat stryker-config.json
    else
      # The same settings with "mutate" naming only these files.
      list=$(printf '      "%s",\n' "${files[@]/#$api\//**/}" | sed '$ s/,$//')
      awk -v list="$list" '/"mutate": \[/ { print; print list; skip = 1; next } skip && /\]/ { skip = 0 } !skip' stryker-config.json
    fi
  } > "$run/stryker-config.json"
  echo "mutation: ${#files[@]} file(s): ${files[*]:-the whole scope of stryker-config.json}"
  dotnet tool restore > /dev/null
  # shellcheck disable=SC2086
  (cd tests/IcsExpertiseGraph.Tests &&
    dotnet tool run dotnet-stryker --config-file "$run/stryker-config.json" --output "$run/out" --concurrency "${STRYKER_CONCURRENCY:-1}" ${STRYKER_ARGS:-})
  echo "mutation: reports in $run/out/reports"
}

# The commit a run mutated, marked when the tree differs from it.
commit() {
  local c; c=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -z "$(git status --porcelain -- src tests/IcsExpertiseGraph.Tests 2>/dev/null)" ] || c="$c+changes"
  echo "$c"
}

# Mutate these files and append their numbers to the scores table.
record() {
  local command="bash tools/mutation/run.sh --record ${*/#$api\//}"
  [ -z "${STRYKER_ARGS:-}" ] || command="STRYKER_ARGS=\"$STRYKER_ARGS\" $command"
  local at; at=$(commit)
  mutate "$@"
  python3 tools/mutation/scores.py record "$run/out/reports/mutation-report.json" "$at" "$*" "$command"
  python3 tools/mutation/scores.py survivors "$run/out/reports/mutation-report.json"
}

# A scope name (Network/GraphAlgorithms.cs) as a path from the repository root.
path_of() { if [ -f "$1" ]; then echo "$1"; else echo "$api/$1"; fi; }

files=()
case "${1:-}" in
  "") files=() ;;
  --sample) use_sample ;;
  --changed)
    base=${2:-}
    if [ -z "$base" ]; then
      for candidate in main origin/main; do git rev-parse -q --verify "$candidate" >/dev/null && base=$candidate && break; done
    fi
    since=$( [ -n "$base" ] && git merge-base HEAD "$base" 2>/dev/null || true)
    # On main itself (CI's clone), the change is the last commit.
    if [ -z "$since" ] || [ "$since" = "$(git rev-parse HEAD)" ]; then since=$(git rev-parse -q --verify HEAD~1 || true); fi
    if [ -n "$since" ]; then
      while IFS= read -r f; do [ -f "$f" ] && in_scope "$f" && files+=("$f"); done < <(git diff --name-only "$since" HEAD -- "$api")
    fi
    if [ ${#files[@]} -eq 0 ]; then echo "mutation: no scoped file changed since ${since:-the start}; the fixed sample instead"; use_sample; fi
    max=${MUTATION_MAX_FILES:-3}
    if [ ${#files[@]} -gt "$max" ]; then
      mapfile -t files < <(wc -c "${files[@]}" | grep -v ' total$' | sort -n | awk '{print $2}')
      echo "mutation: ${#files[@]} scoped files changed; the $max smallest are mutated here, the rest: ${files[*]:$max}"
      files=("${files[@]:0:$max}")
    fi
    ;;
  --record)
    shift
    for f in "$@"; do files+=("$(path_of "$f")"); done
    record "${files[@]}"
    exit 0
    ;;
  --parts)
    budget=${2:-300}
    while true; do
      mapfile -t left < <(python3 tools/mutation/scores.py remaining)
      [ ${#left[@]} -gt 0 ] || break
      part=() lines=0
      for f in "${left[@]}"; do
        n=$(wc -l < "$api/$f")
        if [ ${#part[@]} -gt 0 ] && [ $((lines + n)) -gt "$budget" ]; then break; fi
        part+=("$api/$f"); lines=$((lines + n))
      done
      echo "mutation: part of ${#part[@]} file(s), $lines lines; ${#left[@]} scope file(s) not run yet"
      record "${part[@]}"
    done
    python3 tools/mutation/scores.py summary --write
    exit 0
    ;;
  *) for f in "$@"; do files+=("$(path_of "$f")"); done ;;
esac
mutate "${files[@]}"

