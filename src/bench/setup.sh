#!/usr/bin/env bash
# npm run bench:setup — fetches the Debian documentation packages the benchmark reads and unpacks
# them into .cache/bench-debs/root (apt-get download + dpkg-deb -x: nothing is installed, no
# installed package is upgraded or removed). Never add nodejs-doc here: it removes Node.js.
set -euo pipefail
cd "$(dirname "$0")/../.."

# tier 1 (every size), then tier 2 (only sizes above ≈ 500k passages, e.g. 1m)
PKGS=(python3.11-doc postgresql-doc-15 linux-doc-6.12 python-django-doc openjdk-17-doc)
DEST=.cache/bench-debs

mkdir -p "$DEST/root"
cd "$DEST"
if ! apt-get download "${PKGS[@]}"; then
  if [ "$(id -u)" = 0 ]; then
    echo "bench:setup: refreshing the package lists (apt-get update) and retrying" >&2
    apt-get update
    apt-get download "${PKGS[@]}"
  else
    echo "bench:setup: apt-get download failed; run 'apt-get update' as root, then retry" >&2
    exit 1
  fi
fi
for deb in ./*.deb; do
  echo "bench:setup: unpacking $deb" >&2
  dpkg-deb -x "$deb" root
done
echo "bench:setup: done; documentation is under $DEST/root/usr/share/doc" >&2
