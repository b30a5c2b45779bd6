#!/bin/sh
# Put Sponsor Desk in this user's application menu, and open .sponsor files with it.
# Run it from the folder the tarball unpacked (wherever you keep it); run it again after
# moving the folder. Nothing needs root: everything goes under ~/.local/share.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/mime/packages"
sed "s|^Exec=.*|Exec=\"$here/sponsor-desk\" %f|" "$here/sponsor-desk.desktop" \
    > "$data/applications/sponsor-desk.desktop"
cp "$here/sponsor-desk.png" "$data/icons/hicolor/256x256/apps/sponsor-desk.png"
cp "$here/sponsor-desk-mime.xml" "$data/mime/packages/sponsor-desk.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Sponsor Desk is in your applications menu (it runs $here/sponsor-desk)."
