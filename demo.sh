#!/usr/bin/env bash
# Builds layerhost (the runtime image and the sample plugin roots), then runs the image over them: the
# check, plugin code at work (two versions of one library side by side), a hot reload, and the broken
# root's diagnostics, each printed once.
set -euo pipefail
cd "$(dirname "$0")"

echo "Building layerhost and the sample plugins with Maven (about 2 minutes the first time; silent unless it fails)..."
mvn -B -q -DskipTests package

layerhost=jlink/target/image/bin/layerhost
java=jlink/target/image/bin/java
roots=plugin-layers/samples/target/roots
samples_jar=$(find plugin-layers/samples/target -maxdepth 1 -name 'layerhost-sample-plugins-*.jar' \
    ! -name '*-sources.jar' ! -name '*-javadoc.jar' | head -n 1)
if [[ -z "$samples_jar" ]]; then
    echo "demo.sh: no layerhost-sample-plugins jar in plugin-layers/samples/target" >&2
    exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/layerhost-demo.XXXXXX")
watcher=""
cleanup() {
    if [[ -n "$watcher" ]] && kill -0 "$watcher" 2>/dev/null; then
        kill -TERM "$watcher" 2>/dev/null || true
        wait "$watcher" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
note() { printf '\033[2m# %s\033[0m\n' "$*"; }

# Waits up to 60 s for a line matching $1 in the file $2.
await_line() {
    local pattern=$1 file=$2
    for _ in $(seq 1 600); do
        if grep -q -- "$pattern" "$file" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "demo.sh: no line matching '$pattern' within 60 s; the watcher wrote:" >&2
    cat "$file" "$scratch/watch.err" >&2 || true
    return 1
}

step layerhost list --plugins "$roots/demo"
"$layerhost" list --plugins "$roots/demo"
step layerhost graph --plugins "$roots/demo"
"$layerhost" graph --plugins "$roots/demo"
step layerhost load --plugins "$roots/demo"
"$layerhost" load --plugins "$roots/demo"

step java --add-modules layerhost.core -cp "$samples_jar" dev.layerhost.samples.SideBySide "$roots/demo"
note "a small host (plugin-layers/samples/.../SideBySide.java) trains each MlPlatform plugin; each line is the plugin's own answer:"
note "p.linear and p.forest each use their own lib.matrix, 1.0.0 and 2.3.0, in one process"
"$java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn --add-modules layerhost.core -cp "$samples_jar" \
    dev.layerhost.samples.SideBySide "$roots/demo"

step layerhost watch --plugins "$scratch/plugins" --quiet-period 300 "&"
note "a copy of the demo root; then jsonl-export.jar is replaced by p.jsonl 1.1.0 ($roots/upgrades), then SIGTERM"
cp -R "$roots/demo" "$scratch/plugins"
"$layerhost" watch --plugins "$scratch/plugins" --quiet-period 300 >"$scratch/watch.out" 2>"$scratch/watch.err" &
watcher=$!
await_line '^watching ' "$scratch/watch.out"
# Written under a hidden name, then renamed: the watcher never sees a half-written jar.
cp "$roots/upgrades/jsonl-export.jar" "$scratch/plugins/.jsonl-export.jar.tmp"
mv "$scratch/plugins/.jsonl-export.jar.tmp" "$scratch/plugins/jsonl-export.jar"
await_line 'RELOADED p.jsonl' "$scratch/watch.out"
kill -TERM "$watcher"
watch_exit=0
wait "$watcher" || watch_exit=$?
watcher=""
cat "$scratch/watch.out"
note "watch exited $watch_exit after SIGTERM"

step layerhost doctor --plugins "$roots/broken"
"$layerhost" doctor --plugins "$roots/broken" || note "doctor exited $?: the broken root has errors, as it should"

step layerhost load --plugins "$roots/broken"
load_exit=0
"$layerhost" load --plugins "$roots/broken" >"$scratch/load.txt" || load_exit=$?
# The table and its summary; of the errors, only what running plugin code found (doctor showed the rest).
awk '/^$/ { blank++ } blank < 2' "$scratch/load.txt"
echo
grep '^PROVIDER_FAILED ' "$scratch/load.txt" || true
note "load exited $load_exit: sound plugins LOADED, broken ones REJECTED or FAILED"
