#!/bin/sh
# Builds lab/bench/govmomi-bench/govmomi-bench from Debian's govmomi sources, offline. Idempotent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/govmomi-bench"
if [ -x "$out" ] && [ -z "$(find "$here" -maxdepth 1 -name '*.go' -newer "$out")" ]; then
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "govmomi-bench: 'go' not found (apt-get install golang-go golang-github-vmware-govmomi-dev)" >&2; exit 2; }
[ -d /usr/share/gocode/src/github.com/vmware/govmomi ] || { echo "govmomi-bench: govmomi sources not found (apt-get install golang-github-vmware-govmomi-dev)" >&2; exit 2; }
cd "$here"
cache="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/go-build}"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE="$cache" go build -o "$tmp" .
mv -f "$tmp" "$out"
