#!/usr/bin/env bash
# Registers the pinned .NET Interactive kernel (.config/dotnet-tools.json) as the Jupyter kernel ".net-csharp",
# then adds --http-local-only to its kernelspec: without it the kernel's HTTP endpoint listens on every interface.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
dotnet interactive jupyter install

kernels_dir=$(jupyter --data-dir)/kernels
for spec in "$kernels_dir"/.net-*/kernel.json; do
  [ -f "$spec" ] || continue
  python3 - "$spec" <<'PY'
import json, sys
path = sys.argv[1]
with open(path) as f:
    spec = json.load(f)
argv = spec["argv"]
if "--http-local-only" not in argv:
    argv.append("--http-local-only")
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
PY
done
jupyter kernelspec list
