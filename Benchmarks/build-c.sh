#!/bin/sh
# Builds the C twins of Programs/ (and of the XDP root array) with Debian's clang-19, for the side-by-side benchmark.
# Installs clang-19, libbpf-dev and bpftool with apt when they are missing (needs root).
# CPU: -mcpu=v3, the level our backend targets by default (Compiler/Backend/BackendOptions.cs: CpuVersion.V3).
# Output: Benchmarks/C/build/*.bpf.o (or $1 when given).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/C/build"}

missing=""
command -v clang-19 >/dev/null 2>&1 || missing="$missing clang-19"
[ -f /usr/include/bpf/bpf_helpers.h ] || missing="$missing libbpf-dev"
command -v bpftool >/dev/null 2>&1 || [ -x /usr/sbin/bpftool ] || missing="$missing bpftool"
if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

mkdir -p "$out"
for source in "$here"/C/*.bpf.c; do
    object="$out/$(basename "$source" .c).o"
    clang-19 -O2 -g -target bpf -mcpu=v3 -I/usr/include/x86_64-linux-gnu -Wall -Werror -c "$source" -o "$object"
    echo "$object"
done
