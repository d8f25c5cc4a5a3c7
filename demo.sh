#!/usr/bin/env bash
# Builds layerhost (the runtime image and the sample plugin roots), then runs the image over them.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
layerhost=jlink/target/image/bin/layerhost
roots=plugin-layers/samples/target/roots

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step layerhost list --plugins "$roots/demo"
"$layerhost" list --plugins "$roots/demo"
step layerhost graph --plugins "$roots/demo"
"$layerhost" graph --plugins "$roots/demo"
step layerhost load --plugins "$roots/demo"
"$layerhost" load --plugins "$roots/demo"
step layerhost doctor --plugins "$roots/broken"
"$layerhost" doctor --plugins "$roots/broken" || echo "(doctor exited $?: the broken root has errors, as it should)"
step layerhost load --plugins "$roots/broken"
"$layerhost" load --plugins "$roots/broken" || echo "(load exited $?: sound plugins LOADED, broken ones REJECTED or FAILED)"
