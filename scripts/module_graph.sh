#!/usr/bin/env bash
# Prints the crate's module dependency graph, one line per top-level module
# (`module -> deps`), and exits 1 if a module uses one that comes after it in
# the layering order below (see ARCHITECTURE.md, "Layering").
#
# What counts as a use: every `crate::NAME` path outside comments and outside
# items marked `#[cfg(test)]`. NAME is a module, or a name the crate root
# re-exports (`crate::LatLon`), which counts as a use of the module it comes
# from (read from the `pub use` lines of src/lib.rs); root names from other
# crates (`crate::Date`, from jiff) count as nothing. `super::` paths stay
# inside a module. src/bin/ uses the library by its name, not `crate::`.
#
# Usage: bash scripts/module_graph.sh   (from anywhere inside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

# Lowest layer first: a module may use only modules listed before it.
order=(error position bearing distance shape measure model places claim io render review)

# Upward uses allowed anyway, as "module:dep" with the reason. None today:
# where a lower layer needs a higher one's types it defines a trait that the
# higher one implements (claim::Reference, implemented by
# io::target_spec::ClaimReference), so the import points down.
allowed=()

index_of() {
  local i
  for i in "${!order[@]}"; do
    [[ ${order[$i]} == "$1" ]] && { echo "$i"; return; }
  done
  echo -1
}

# Root re-exports: "Name module" pairs from `pub use module::...` in lib.rs.
root_names=$(
  sed 's://.*$::' src/lib.rs | tr '\n' ' ' | grep -oE 'pub use [a-z_]+::[^;]*;' |
    while read -r _ _ path; do
      module=${path%%::*}
      names=${path#*::}
      # keep the last segment of each name: `civil::Date` -> Date
      echo "$names" | tr -d '{};' | tr ',' '\n' |
        sed -E 's/.*:://; s/ as .*//; s/^ +//; s/ +$//' | grep . |
        while read -r name; do echo "$name $module"; done
    done
)

# The `crate::NAME` uses of a file, as "line NAME", leaving out comments and
# #[cfg(test)] items (counted by braces from the attribute to the item's end).
uses() {
  awk '
    { line = $0; sub(/\/\/.*$/, "", line) }
    skip {
      opened += gsub(/\{/, "{", line); depth += gsub(/\{/, "{", line) - gsub(/\}/, "}", line)
      if ((opened && depth <= 0) || (!opened && line ~ /;[ \t]*$/)) { skip = 0 }
      next
    }
    line ~ /^[ \t]*#\[cfg\(test\)\]/ { skip = 1; opened = 0; depth = 0; next }
    {
      while (match(line, /crate::(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/)) {
        path = substr(line, RSTART + 7, RLENGTH - 7)
        line = substr(line, RSTART + RLENGTH)
        gsub(/[{} ]/, "", path)
        n = split(path, parts, ",")
        for (i = 1; i <= n; i++) { sub(/::.*/, "", parts[i]); if (parts[i] != "") print FNR, parts[i] }
      }
    }
  ' "$1"
}

# The module a used NAME belongs to ("" for none of ours).
module_of() {
  local name=$1 i
  [[ $(index_of "$name") -ge 0 ]] && { echo "$name"; return; }
  echo "$root_names" | awk -v n="$name" '$1 == n { print $2; exit }'
}

status=0
for m in "${order[@]}"; do
  if [[ -d src/$m ]]; then files=$(find "src/$m" -name '*.rs' | sort); else files=src/$m.rs; fi
  mi=$(index_of "$m")
  deps=()
  for f in $files; do
    while read -r lineno name; do
      dep=$(module_of "$name")
      [[ -z $dep || $dep == "$m" ]] && continue
      [[ " ${deps[*]} " == *" $dep "* ]] || deps+=("$dep")
      if (($(index_of "$dep") > mi)) && [[ " ${allowed[*]} " != *" $m:$dep "* ]]; then
        echo "upward: $f:$lineno: $m uses crate::$name ($dep comes after $m)" >&2
        status=1
      fi
    done < <(uses "$f")
  done
  # print the deps in layering order
  sorted=()
  for d in "${order[@]}"; do [[ " ${deps[*]} " == *" $d "* ]] && sorted+=("$d"); done
  echo "$m -> ${sorted[*]}"
done
exit $status
