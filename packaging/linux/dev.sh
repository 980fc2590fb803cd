#!/usr/bin/env bash
# One entry point for a fresh Debian 12 / Ubuntu 24.04 machine:
#   packaging/linux/dev.sh run    install what is missing, build, start Rapport
#   packaging/linux/dev.sh test   install what is missing, build, run every test (also built with ASan + UBSan)
#   packaging/linux/dev.sh package   install what is missing, build, make the .deb and .tar.gz in build/packages
# Extra arguments after `run` are passed to Rapport (e.g. --db /tmp/try.sqlite).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-}
shift || true

# Build tools, Qt 6 (Widgets, Sql + SQLite driver, Charts, Svg, Test), GoogleTest, Google Benchmark,
# and Xvfb so that tests and screenshots can run without a display.
packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins qt6-charts-dev qt6-svg-dev libqt6svg6
    libgl-dev libqt6opengl6-dev libgtest-dev libgmock-dev libbenchmark-dev
    xvfb xauth fonts-dejavu-core sqlite3 qt6-image-formats-plugins
    desktop-file-utils appstream dpkg-dev file strace libzip-dev
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local preset=$1
    shift
    (cd "$root" && cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset" -j "$(nproc)" "$@")
}

case "$mode" in
run)
    install_missing
    build release --target rapport
    exec "$root/build/release/app/rapport" "$@"
    ;;
test)
    install_missing
    build dev
    cd "$root"
    ctest --preset dev -j "$(nproc)"
    # The same suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer into build/asan: any
    # finding aborts its test (ASAN_OPTIONS, UBSAN_OPTIONS and the LeakSanitizer suppressions for third-party
    # libraries are in the "asan" test preset, tests/sanitizers/lsan.supp). The preset leaves out the packaging
    # test (a .deb of sanitized binaries is nothing a user gets) and the SIGKILL crash loop (50 imports of
    # 30,000 rows, too slow under the sanitizers); the normal run above runs both.
    build asan
    ctest --preset asan -j "$(nproc)"
    ;;
package)
    install_missing
    build release
    (cd "$root/build/release" && cpack -B "$root/build/packages")
    ls -l "$root"/build/packages/rapport*.deb "$root"/build/packages/rapport*.tar.gz
    ;;
*)
    echo "usage: $0 run|test|package" >&2
    exit 2
    ;;
esac
