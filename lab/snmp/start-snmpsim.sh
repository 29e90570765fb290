#!/usr/bin/env bash
# Starts Debian's snmpsimd on 127.0.0.1:PORT (default 16100) serving every recording of the project:
# the public ones in ../shared/snmprec (relative to the repository) and ours in lab/snmprec.
# The SNMP community of a recording is its file name without ".snmprec":
#   snmpwalk -v2c -c netapp-7mode-volume-full 127.0.0.1:16100 1.3.6.1.4.1.789
# Usage: lab/snmp/start-snmpsim.sh [PORT]      (stop with Ctrl-C)
# Environment: VIGIE_SHARED_SNMPREC overrides the public recordings' folder.
set -euo pipefail

PORT="${1:-16100}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
  echo "usage: $0 [PORT]  (PORT: 1-65535, default 16100)" >&2
  exit 2
fi
if ! command -v snmpsimd >/dev/null 2>&1; then
  echo "snmpsimd not found: apt-get install -y snmpsim" >&2
  exit 1
fi

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$LAB_DIR/.." && pwd)"
SHARED="${VIGIE_SHARED_SNMPREC:-$REPO_DIR/../shared/snmprec}"
RUN="$LAB_DIR/.run/snmpsim"

# snmpsimd indexes the recordings into its cache; run as root it drops to nobody, who must write there and
# read the recordings.
mkdir -p "$RUN/cache"
chmod 0755 "$LAB_DIR/.run" "$RUN"
chmod 0777 "$RUN/cache"

args=(
  "--data-dir=$LAB_DIR/snmprec"
  "--cache-dir=$RUN/cache"
  "--agent-udpv4-endpoint=127.0.0.1:$PORT"
  --v2c-arch
)
if [ -d "$SHARED" ]; then
  args+=("--data-dir=$SHARED")
else
  echo "warning: $SHARED not found, serving lab/snmprec only" >&2
fi
if [ "$(id -u)" = 0 ]; then
  args+=(--process-user=nobody --process-group=nogroup)
fi

echo "snmpsimd on 127.0.0.1:$PORT (udp), SNMP v1/v2c; communities:"
for f in "$LAB_DIR"/snmprec/*.snmprec "$SHARED"/*.snmprec; do
  [ -e "$f" ] && echo "  $(basename "$f" .snmprec)"
done
exec snmpsimd "${args[@]}" --logging-method=stderr
