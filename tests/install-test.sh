#!/usr/bin/env bash
# CTest "install": `cmake --install` of the build gives a working begroting (same output as the
# built one) and a CMake package a consumer can find_package and link.
#   tests/install-test.sh CMAKE BUILD_DIR SOURCE_DIR CXX SANITIZE(ON|OFF)
set -euo pipefail
cmake=$1 build=$2 src=$3 cxx=$4 sanitize=${5:-OFF}
flags=()  # the installed static libraries of a sanitizer build need the sanitizer runtimes
case "$sanitize" in ON|on|1|TRUE|true) flags=("-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined") ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cmake" --install "$build" --prefix "$tmp/prefix" >/dev/null
exe="$tmp/prefix/bin/begroting"
[ -x "$exe" ] || { echo "install: $exe ontbreekt" >&2; exit 1; }
# Run from elsewhere: nothing may depend on the source or build tree.
cd "$tmp"
"$exe" run "$src/scenarios/zuid-kennemerland-2024.yaml" --format json > installed.json
"$build/cli/begroting" run "$src/scenarios/zuid-kennemerland-2024.yaml" --format json > built.json
cmp installed.json built.json
grep -q '"eigen_vermogen_31_december"' installed.json
[ -f "$tmp/prefix/include/begroting/engine.hpp" ] && [ -f "$tmp/prefix/include/begroting/loader.hpp" ] &&
  [ -f "$tmp/prefix/include/begroting/reports.hpp" ] || { echo "install: headers ontbreken" >&2; exit 1; }

# A consumer: find_package(begroting) and link the loader and the engine.
mkdir consumer
cat > consumer/CMakeLists.txt <<'CM'
cmake_minimum_required(VERSION 3.20)
project(consumer LANGUAGES CXX)
find_package(begroting 0.1 CONFIG REQUIRED)
add_executable(consumer main.cpp)
target_link_libraries(consumer PRIVATE begroting::loader begroting::engine)
CM
cat > consumer/main.cpp <<'CPP'
#include <cstdio>
#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const begroting::Scenario s = begroting::load_scenario(argv[1]);
  const begroting::Result r = begroting::run(s);
  std::printf("%d-%d\n", r.horizon.first, r.horizon.last);
  return 0;
}
CPP
"$cmake" -S consumer -B consumer/build -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$tmp/prefix" "${flags[@]}" >/dev/null
"$cmake" --build consumer/build >/dev/null
[ "$(consumer/build/consumer "$src/scenarios/zuid-kennemerland-2024.yaml")" = "2024-2028" ]
echo "install: bin/begroting en het CMake-pakket werken"
