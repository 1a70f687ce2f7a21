#!/usr/bin/env bash
# The figures of issue 27's closing note, measured on the checkout this script sits in (or the one given as $1):
# files and lines per package, the largest files, JSON field names written as strings, shared mappers, side
# channels, console writes outside the CLI, files over 300 lines and the dependencies that point against the layering.
# Run it before and after a change and compare the two outputs; it changes nothing and needs only bash, awk and the
# JDK's jdeps (on compiled classes: run `mvn -B -ntp -o -q compile` first, the script refuses stale classes).
set -euo pipefail

ROOT=$(cd "${1:-$(dirname "$0")/..}" && pwd)
SRC=src/main/java/org/llmbench
CLASSES=target/classes
cd "$ROOT"
[ -d "$SRC" ] || { echo "no $SRC under $ROOT" >&2; exit 2; }

# Files that are data, not code: mostly declarations (a catalogue), so their length is not a room with several jobs.
# Each entry says why; a file is added here only when its lines are mostly constant declarations.
DATA_FILES=(
    # code_fix task families: four constants, each a function's description, signatures and its correct and buggy
    # source in Java and Python as text blocks; the rest is those functions' argument generators and reference oracles
    "tasks/CodeFixFamilies.java"
)

# Field names are other formats' business in these places (issue 27: "wire formats and task answer formats stay where
# they are"); everything else outside record/ is a ledger, manifest or report format.
category() {
    case "$1" in
        record/*) echo record ;;
        model/ReplayClient.java) echo ledger ;; # reads run.jsonl and manifest.json, not a server's wire format
        model/*) echo wire ;;
        tasks/*) echo answer ;;
        suite/*) echo input ;;                  # suite files and public data sets (HumanEval, MBPP) read from disk
        *) echo ledger ;;
    esac
}

# Java source with comments, string literals, text blocks and char literals blanked, so that code inside the
# sandbox's text blocks (a harness written as a string) is not counted as the harness's own code.
code_only() {
    awk '
    BEGIN { tb = 0; bc = 0 }
    {
        line = $0; out = ""; i = 1; n = length(line)
        while (i <= n) {
            c = substr(line, i, 1); two = substr(line, i, 2); three = substr(line, i, 3)
            if (tb) { if (three == "\"\"\"") { tb = 0; i += 3 } else if (c == "\\") { i += 2 } else { i++ } continue }
            if (bc) { if (two == "*/") { bc = 0; i += 2 } else { i++ } continue }
            if (three == "\"\"\"") { tb = 1; out = out "\"\""; i += 3; continue }
            if (two == "/*") { bc = 1; i += 2; continue }
            if (two == "//") { break }
            if (c == "\"" || c == "\047") {
                q = c; i++
                while (i <= n && substr(line, i, 1) != q) { if (substr(line, i, 1) == "\\") i++; i++ }
                i++; out = out q q; continue
            }
            out = out c; i++
        }
        print out
    }' "$1"
}

main_files() { (cd "$SRC" && find . -name '*.java' | sed 's|^\./||' | sort); }
columns() { if command -v column > /dev/null; then column -c 120; else cat; fi; }
pkg_of() { case "$1" in */*) echo "${1%%/*}" ;; *) echo "(root)" ;; esac; }

echo "# architecture figures"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (with uncommitted changes)')"
echo

echo "## main files and lines per package (src/main/java/org/llmbench)"
main_files | while read -r f; do echo "$(pkg_of "$f") $(wc -l < "$SRC/$f")"; done \
    | awk '{ files[$1]++; lines[$1] += $2; tf++; tl += $2 }
           END { for (p in files) printf "%-10s %4d files %6d lines\n", p, files[p], lines[p] | "sort";
                 close("sort"); printf "%-10s %4d files %6d lines\n", "all", tf, tl }'
if [ -d src/main/jte ]; then
    echo "(templates, src/main/jte: $(find src/main/jte -type f | wc -l) files, $(cat $(find src/main/jte -type f) | wc -l) lines)"
fi
echo "(tests, src/test/java: $(find src/test/java -name '*.java' | wc -l) files, $(find src/test/java -name '*.java' -exec cat {} + | wc -l) lines)"
echo

echo "## the 15 largest main files (lines)"
main_files | while read -r f; do echo "$(wc -l < "$SRC/$f") $f"; done | sort -k1,1nr -k2 | awk 'NR <= 15 { printf "%5d %s\n", $1, $2 }'
echo

echo "## main files over 300 lines"
is_data() { local d; for d in "${DATA_FILES[@]}"; do [ "$d" = "$1" ] && return 0; done; return 1; }
over=0; over_code=0
while read -r n f; do
    over=$((over + 1))
    if is_data "$f"; then echo "$(printf '%5d' "$n") $f  (data: see DATA_FILES in this script)"
    else over_code=$((over_code + 1)); echo "$(printf '%5d' "$n") $f"; fi
done < <(main_files | while read -r f; do echo "$(wc -l < "$SRC/$f") $f"; done | awk '$1 > 300' | sort -k1,1nr -k2)
echo "over 300 lines: $over files, of which not data: $over_code"
echo

READ='\.(path|get|has|hasNonNull)\("[a-z_0-9]+"\)'
WRITE='\.(put|set|putArray|putObject|putNull)\("[a-z_0-9]+"'
echo "## JSON field names as string literals (reads ${READ//\\/}, writes ${WRITE//\\/})"
echo "per file: reads writes category   (categories: ledger = run.jsonl, manifest and reports; wire = model/ servers;"
echo "answer = tasks/ answer and judge formats; input = suite/ files and public data sets; record = the record package)"
main_files | while read -r f; do
    r=$(grep -Eo "$READ" "$SRC/$f" | wc -l || true); w=$(grep -Eo "$WRITE" "$SRC/$f" | wc -l || true)
    if [ $((r + w)) -gt 0 ]; then echo "$r $w $(category "$f") $f"; fi
done | sort -k1,1nr -k2,2nr | awk '
    { printf "%5d %5d %-7s %s\n", $1, $2, $3, $4; r[$3] += $1; w[$3] += $2; fl[$3]++; tr += $1; tw += $2; tf++
      if ($3 != "record") { orr += $1; ow += $2; of++ } }
    END { print "totals per category: reads writes files"
          split("ledger wire answer input record", cs, " ")
          for (i = 1; i <= 5; i++) printf "  %-7s %5d %5d %3d\n", cs[i], r[cs[i]], w[cs[i]], fl[cs[i]]
          printf "  %-7s %5d %5d %3d\n", "all", tr, tw, tf
          printf "outside record/ (the JSON schemas are resources, not counted): %d reads, %d writes in %d files; of which ledger format: %d reads, %d writes in %d files\n", orr, ow, of, r["ledger"], w["ledger"], fl["ledger"] }'
echo

echo "## new ObjectMapper() in main code"
grep -rn --include='*.java' 'new ObjectMapper(' "$SRC" | sed "s|^$SRC/||" || true
echo "sites: $(grep -ro --include='*.java' 'new ObjectMapper(' "$SRC" | wc -l)"
echo

echo "## ThreadLocal and static AtomicReference fields in main code (comments and strings ignored)"
tl=0
while read -r f; do
    hits=$(code_only "$SRC/$f" | grep -nE '\bThreadLocal<|\bInheritableThreadLocal<|static[^=(]*\bAtomicReference(<|\b)' || true)
    if [ -n "$hits" ]; then echo "$hits" | sed "s|^|$f:|; s/[[:space:]]\+/ /g"; tl=$((tl + $(echo "$hits" | wc -l))); fi
done < <(main_files)
echo "fields: $tl"
echo

echo "## System.out / System.err outside cli/ (code only: the sandbox harness's text blocks are not the harness's output)"
so=0; sf=0
while read -r f; do
    case "$f" in cli/*) continue ;; esac
    c=$(code_only "$SRC/$f" | grep -oE 'System\.(out|err)\b' | wc -l || true)
    if [ "$c" -gt 0 ]; then echo "$(printf '%3d' "$c") $f"; so=$((so + c)); sf=$((sf + 1)); fi
done < <(main_files)
echo "uses: $so in $sf files"
echo

echo "## dependencies against the layering (jdeps -verbose:package -filter:none on $CLASSES)"
# Each package and the packages it may use; a package absent here is reported so that the table is kept true.
declare -A MAY=(
    [json]=""
    [record]="json"
    [config]="json record"
    [suite]="json record config"
    [scoring]="json record config suite"
    [tasks]="json record config suite scoring"
    [model]="json record config"
    [footprint]="json record config model"
    [report]="json record config"
    [merge]="json record config report"
    [catalogue]="json record report"
    [engine]="json record config suite scoring tasks model report footprint"
    [cli]="json record config suite scoring tasks model report merge engine catalogue"
)
if [ ! -d "$CLASSES/org/llmbench" ]; then
    echo "no $CLASSES: run mvn -B -ntp -o -q compile first"; exit 2
fi
stale=$(main_files | while read -r f; do c="$CLASSES/org/llmbench/${f%.java}.class"; if [ ! "$c" -nt "$SRC/$f" ]; then echo "$f"; fi; done)
if [ -n "$stale" ]; then
    echo "classes older than their source (run mvn -B -ntp -o -q compile first):"; echo "$stale"; exit 2
fi
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
# only the classes whose source still exists: a moved file leaves its old class behind in target/classes
(cd "$CLASSES" && find org/llmbench -name '*.class') | while read -r c; do
    top=${c%.class}; top=${top%%\$*}
    if [ -f "src/main/java/$top.java" ]; then mkdir -p "$TMP/classes/$(dirname "$c")"; cp "$CLASSES/$c" "$TMP/classes/$c"
    else echo "$c" >> "$TMP/orphans"; fi
done
if [ -f "$TMP/orphans" ]; then echo "(left out: $(wc -l < "$TMP/orphans") class files in $CLASSES with no source, from moved or deleted files)"; fi
jdeps -verbose:package -filter:none "$TMP/classes" 2>/dev/null \
    | awk '$1 ~ /^org\.llmbench/ && $3 ~ /^org\.llmbench/ { split($1, a, "."); split($3, b, "."); if (a[3] != b[3]) print a[3], b[3] }' \
    | sort -u > "$TMP/edges"
echo "package edges: $(wc -l < "$TMP/edges")"
awk '{ printf "  %s -> %s\n", $1, $2 }' "$TMP/edges" | columns
up=0
while read -r from to; do
    if [ -z "${MAY[$from]+x}" ]; then echo "  UNRANKED package $from (add it to MAY in this script)"; up=$((up + 1)); continue; fi
    case " ${MAY[$from]} " in *" $to "*) ;; *) echo "  AGAINST THE LAYERING: $from -> $to"; up=$((up + 1)) ;; esac
done < "$TMP/edges"
echo "dependencies against the layering: $up"
# cycles between packages: a package that reaches itself through the edges
cyc=$(awk '{ e[$1] = e[$1] " " $2; n[$1]; n[$2] }
    END { for (s in n) { delete seen; q[1] = s; h = 1; t = 1
            while (h <= t) { x = q[h++]; m = split(e[x], to, " ")
                for (i = 1; i <= m; i++) { y = to[i]; if (y == s) { print s; h = t + 1; break }
                    if (!(y in seen)) { seen[y]; q[++t] = y } } } } }' "$TMP/edges" | sort | tr '\n' ' ')
echo "packages on a cycle: ${cyc:-none}"
echo

echo "## engine: classes that depend on each other both ways (top-level classes, jdeps -verbose:class)"
if [ -d "$TMP/classes/org/llmbench/engine" ]; then
    jdeps -verbose:class -filter:none "$TMP/classes" 2>/dev/null \
        | awk '$1 ~ /^org\.llmbench\.engine\./ && $3 ~ /^org\.llmbench\.engine\./ {
                 a = $1; b = $3; sub(/\$.*/, "", a); sub(/\$.*/, "", b); sub(/.*\./, "", a); sub(/.*\./, "", b)
                 if (a != b) print a, b }' | sort -u > "$TMP/engine"
    awk '{ e[$1 " " $2] } END { for (k in e) { split(k, p, " "); if ((p[2] " " p[1]) in e && p[1] < p[2]) print "  " p[1] " <-> " p[2] } }' \
        "$TMP/engine" | sort | tee "$TMP/mutual"
    # an edge is on a cycle when its target reaches its source again: these are the imports that point back up
    awk '{ e[$1] = e[$1] " " $2; src[NR] = $1; dst[NR] = $2 }
        END { for (k = 1; k <= NR; k++) { delete seen; q[1] = dst[k]; seen[dst[k]]; h = 1; t = 1; hit = 0
                while (h <= t && !hit) { x = q[h++]; if (x == src[k]) { hit = 1; break }
                    m = split(e[x], to, " "); for (i = 1; i <= m; i++) if (!(to[i] in seen)) { seen[to[i]]; q[++t] = to[i] } }
                if (hit) print src[k] " -> " dst[k] } }' "$TMP/engine" | sort > "$TMP/cyclic"
    echo "engine class edges on a cycle:"; awk '{ print "  " $0 }' "$TMP/cyclic" | columns
    echo "engine class pairs depending on each other: $(wc -l < "$TMP/mutual"); engine class edges on a cycle: $(wc -l < "$TMP/cyclic") of $(wc -l < "$TMP/engine")"
else
    echo "(no engine package)"
fi
