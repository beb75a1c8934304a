#!/usr/bin/env bash
# Twenty-sixth round: builds the machine's Redis version (7.0.15, with its bundled Lua and jemalloc) from Debian's
# source with its symbols, so that callgrind splits Redis's instructions over a recorded run's calls by C function
# (the Debian binary is stripped: callgrind then sees one function). Needs root (apt) and about a minute.
#   bash THIS_FILE OUT_DIR [PATCH]         # OUT_DIR/redis-server, with PATCH applied (-p1) if given
# Then, with a recording made as 2026-12-05-round15-replay.py says (DIR from its 'resp' command):
#   REDIS_SERVER=OUT_DIR/redis-server python3 2026-12-05-round17-instructions.py count DIR CALLS 7792 base
#   callgrind_annotate --inclusive=yes --threshold=100 DIR/callgrind-base.out.1 | grep -E 'json_|luaM_realloc_|luaC_step|...'
# The deb-src entry is added for the download only and removed after.
set -euo pipefail
out=$(realpath "$1")
patch_file=${2:+$(realpath "$2")}
work=$(mktemp -d)
sources=/etc/apt/sources.list.d/zz-brokkr-src.sources
cat > "$sources" << 'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
trap 'rm -f "$sources"' EXIT
apt-get update -qq -o Dir::Etc::sourcelist="$sources" -o Dir::Etc::sourceparts=-
(cd "$work" && apt-get source -qq --download-only redis)
tar xzf "$work"/redis_*.orig.tar.gz -C "$work"
if [ -n "$patch_file" ]; then
  (cd "$work"/redis-*/ && patch -p1 -s < "$patch_file")
fi
make -C "$work"/redis-*/ -j2 BUILD_TLS=no > "$work/build.log"
mkdir -p "$out"
cp "$work"/redis-*/src/redis-server "$out/redis-server"
echo "$out/redis-server: $("$out/redis-server" --version)"
