#!/bin/sh
# Sponsor Desk's macOS disk image, from PyInstaller's "dist/Sponsor Desk.app".
# NOT run on the project's own machines (Linux): .github/workflows/desktop-builds.yml runs it
# on a macOS runner. By hand, on a Mac, from the repository's folder:
#   pyinstaller packaging/sponsor-desk.spec --noconfirm --distpath dist --workpath build/pyinstaller
#   sh packaging/macos/make-dmg.sh 0.1.0
# Signing and notarisation come before this step for the .app and after it for the .dmg:
# see docs/releasing.md (SIGN_IDENTITY below signs both when it is set).
set -eu
version=${1:?usage: make-dmg.sh VERSION}
app="dist/Sponsor Desk.app"
dmg="dist/SponsorDesk-$version-macos.dmg"
test -d "$app" || { echo "make-dmg: $app is missing: run PyInstaller first" >&2; exit 1; }

if [ -n "${SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --entitlements packaging/macos/entitlements.plist --sign "$SIGN_IDENTITY" "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"   # drag the app onto it to install
rm -f "$dmg"
hdiutil create -volname "Sponsor Desk $version" -srcfolder "$stage" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 "$dmg"

if [ -n "${SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$SIGN_IDENTITY" "$dmg"
fi
echo "Wrote $dmg"
