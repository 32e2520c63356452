#!/bin/sh
# Builds the sharp Lambda layer for linux-arm64 into infra/layers/sharp/nodejs/node_modules, with the
# sharp version the lockfile pins (sharp's docs: "npm install --os=linux --cpu=arm64 --libc=glibc sharp").
# StorageStack picks the directory up at synth time; nothing is downloaded during synthesis.
# With --if-missing it does nothing when the layer is already there (npm run synth/deploy call it so).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${1:-}" = "--if-missing" ] && [ -f "$root/infra/layers/sharp/nodejs/node_modules/sharp/package.json" ]; then exit 0; fi
version=$(node -p "require('$root/node_modules/sharp/package.json').version")
out="$root/infra/layers/sharp/nodejs"
rm -rf "$root/infra/layers/sharp"
mkdir -p "$out"
cd "$out"
echo '{"private":true}' > package.json
npm install --no-audit --no-fund --no-save --os=linux --cpu=arm64 --libc=glibc "sharp@$version"
ls node_modules/@img
