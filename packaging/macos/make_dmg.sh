#!/usr/bin/env bash
# The macOS disk image of dist/Workbench.app (made by `python packaging/build.py` on a Mac):
#   packaging/macos/make_dmg.sh  ->  dist/workbench-<version>.dmg
# A compressed read-only image holding the app and a link to /Applications (drag to install).
# Unsigned: signing and notarisation need the operator's Apple Developer ID (packaging/README.md).
# NOT RUN HERE: written on Linux, run by .github/workflows/installers.yml on macos-latest.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
app=dist/Workbench.app
[ -d "$app" ] || { echo "no $app: run python packaging/build.py first" >&2; exit 2; }
"$app/Contents/MacOS/workbench" --version  # the frozen program starts
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
out="dist/workbench-$version.dmg"
rm -f "$out"
hdiutil create -volname "Workbench $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
hdiutil verify "$out"
echo "dmg: $out ($(du -h "$out" | cut -f1))"
