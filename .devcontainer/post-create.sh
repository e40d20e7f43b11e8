#!/usr/bin/env bash
# Runs once when a Codespace or dev container is created: restore the pinned kernel tools, build the library in
# Release (the build notebooks/setup.dib loads), and register the .NET kernel with Jupyter on loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore
dotnet build BatchTutorial.sln -c Release
bash .devcontainer/register-kernel.sh
