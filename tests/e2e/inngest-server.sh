#!/usr/bin/env bash
# The real Inngest server for the end-to-end suites: `inngest` built from its Go module, with the dev UI
# built from the module's own pnpm workspace and embedded, cached outside the repository. Prints the binary's
# path on stdout (progress goes to stderr); with the cache present it only prints it.
#
# Needs Go (on PATH, or at /usr/local/go) and Node with npx; reaches only the Go module proxy and the npm
# registry. Neither the server's source nor the binary belongs in the repository (SSPL, see README).
#   MEDALLION_CACHE_DIR   where to cache (default ${XDG_CACHE_HOME:-~/.cache}/medallion)
#   MEDALLION_INNGEST_UI  0 to build without the dev UI (the API and the executor work; / serves nothing)
set -euo pipefail

# The one pin. npm's inngest-cli is at 1.45.1, but the Go module proxy serves nothing after v1.44.0
# (v1.44.1-v1.45.x answer 403), so this is the newest tag that can be built here.
INNGEST_VERSION=v1.44.0

cache_root=${MEDALLION_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/medallion}
build_ui=${MEDALLION_INNGEST_UI:-1}
dir=$cache_root/inngest/$INNGEST_VERSION
[ "$build_ui" = 0 ] && dir=$dir-noui
bin=$dir/inngest

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

say() { printf 'inngest-server: %s\n' "$*" >&2; }
if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    export PATH=/usr/local/go/bin:$PATH
  else
    say "Go is needed to build the Inngest server (https://go.dev/dl); or run the suite with MEDALLION_INNGEST_COMMAND (see README)."
    exit 3
  fi
fi
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0

mkdir -p "$dir"
exec 9>"$dir.lock"
flock 9 # one build at a time; a second caller waits for it and then finds the binary
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

started=$(date +%s)
work=$dir/src
rm -rf "$work"
say "downloading github.com/inngest/inngest@$INNGEST_VERSION"
module=$(go mod download -json "github.com/inngest/inngest@$INNGEST_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$module" ] || { say "go mod download gave no module folder"; exit 1; }
cp -r "$module" "$work"
chmod -R u+w "$work"

# internal/embeddocs embeds website/pages/docs/* from a git submodule that module zips lack.
mkdir -p "$work/internal/embeddocs/website/pages/docs"
printf '# Inngest docs\n\nNot embedded in this build (the docs submodule is not part of the Go module).\n' \
  > "$work/internal/embeddocs/website/pages/docs/index.md"

if [ "$build_ui" != 0 ]; then
  # The dev UI (pkg/devserver embeds static/): the Makefile's build-ui target, with the workspace's own pnpm.
  # Its `tsc --noEmit` is skipped: a type check that emits nothing into the build.
  pnpm_version=$(sed -n 's/^[[:space:]]*"packageManager": "pnpm@\([^"]*\)".*/\1/p' "$work/ui/package.json")
  pnpm() { npx --yes "pnpm@$pnpm_version" "$@"; }
  say "building the dev UI (pnpm $pnpm_version)"
  (
    cd "$work/ui"
    HUSKY=0 pnpm install --frozen-lockfile --filter '@inngest/dev-server-ui...' --store-dir "$cache_root/pnpm-store" >&2
    cd apps/dev-server-ui
    pnpm exec graphql-codegen --config codegen.ts >&2
    pnpm exec vite build --mode=production >&2
  )
  cp -r "$work/ui/apps/dev-server-ui/dist/." "$work/pkg/devserver/static/"
  # The UI's code-editor panes load Monaco from a CDN at run time. Keep the exact build it asks for beside the
  # binary, so a browser test can serve it from here and the panes show their JSON offline.
  monaco=$(grep -rhoE 'monaco-editor@[0-9][0-9.]*/min/vs' "$work/ui/apps/dev-server-ui/dist/client/assets" | head -n 1 | sed 's|/min/vs$||')
  if [ -n "$monaco" ]; then
    (cd "$work" && npm pack --silent "$monaco" >/dev/null && mkdir -p "$dir/$monaco" && tar xzf "${monaco/@/-}.tgz" -C "$dir/$monaco" --strip-components=1 package/min)
  fi
fi

say "building the server (go build ./cmd)"
(cd "$work" && go build -trimpath -o "$bin.tmp" ./cmd)
mv "$bin.tmp" "$bin"
rm -rf "$work"
say "built $bin in $(($(date +%s) - started)) s"
echo "$bin"
