#!/usr/bin/env bash
# Builds the .deb and .tar.gz from a configured build directory, unpacks the .deb into a scratch root
# and checks what a user would meet: the declared dependencies, `rapport-cli --version`, the window
# starting, and the desktop entry and AppStream metainfo passing their validators.
#   packaging/linux/package-test.sh BUILD_DIR VERSION
set -euo pipefail

build=$(cd "$1" && pwd)
version=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "package-test: $*" >&2; exit 1; }

(cd "$build" && cpack -G "DEB;TGZ" -B "$scratch/out" >"$scratch/cpack.log" 2>&1) \
    || { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$scratch"/out/rapport_"$version"_*.deb 2>/dev/null | head -n1)
tgz=$(ls "$scratch"/out/rapport-"$version"-*.tar.gz 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no rapport_${version}_*.deb was made"
[ -n "$tgz" ] || fail "no rapport-${version}-*.tar.gz was made"

depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6core6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6charts6 qt6-qpa-plugins libqt6svg6 libzip4; do
    grep -q "\b$needed\b" <<<"$depends" || fail "the .deb does not depend on $needed (Depends: $depends)"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb's version is not $version"

root="$scratch/root"
dpkg -x "$deb" "$root"
for file in usr/bin/rapport usr/bin/rapport-cli \
    usr/share/applications/io.github.rapport_crm.Rapport.desktop \
    usr/share/metainfo/io.github.rapport_crm.Rapport.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/rapport.svg usr/share/icons/hicolor/48x48/apps/rapport.png \
    usr/share/icons/hicolor/512x512/apps/rapport.png; do
    [ -e "$root/$file" ] || fail "the .deb does not install /$file"
done

[ "$("$root/usr/bin/rapport-cli" --version)" = "rapport-cli $version" ] || fail "rapport-cli --version is not $version"
[ "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/rapport" --version 2>/dev/null)" = "Rapport $version" ] || fail "rapport --version is not $version"
grep -q "version=\"$version\"" "$root/usr/share/metainfo/io.github.rapport_crm.Rapport.metainfo.xml" \
    || fail "the metainfo has no release $version"

# The installed window starts and keeps running until stopped (exit 124 from timeout).
set +e
HOME="$scratch/home" QT_QPA_PLATFORM=offscreen timeout 5 "$root/usr/bin/rapport" --db "$scratch/try.sqlite" \
    >"$scratch/gui.log" 2>&1
status=$?
set -e
[ $status -eq 124 ] || { cat "$scratch/gui.log" >&2; fail "the installed rapport exited with $status instead of running"; }
[ -s "$scratch/try.sqlite" ] || fail "the installed rapport did not create its database"

desktop-file-validate "$root/usr/share/applications/io.github.rapport_crm.Rapport.desktop"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/io.github.rapport_crm.Rapport.metainfo.xml"
tar -tzf "$tgz" >"$scratch/tgz.list"
grep -q "bin/rapport-cli$" "$scratch/tgz.list" || fail "the .tar.gz has no bin/rapport-cli"
echo "package-test: $(basename "$deb") and $(basename "$tgz") are good"
