#!/usr/bin/env bash
# The built application alone: copied out of the source tree, run from elsewhere with no
# PYTHONPATH, it renders the XOR lesson after 100 epochs, writes the Czech handout and
# trains in its own training process. Prints the folder's size and the
# run's time beside `python main.py` doing the same.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r dist/backprop-studio "$tmp/app"
export QT_QPA_PLATFORM=offscreen
(cd "$tmp" && env -u PYTHONPATH BACKPROP_STUDIO_HOME="$tmp/home" ./app/backprop-studio --version)
seconds() {  # seconds a command takes
    python -c 'import subprocess, sys, time; t = time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); print(f"{time.perf_counter() - t:.2f}")' "$@"
}
built=$(cd "$tmp" && seconds env -u PYTHONPATH BACKPROP_STUDIO_HOME="$tmp/home" \
    ./app/backprop-studio --lesson xor --train 100 --screenshot "$tmp/out.png")
test -s "$tmp/out.png"
# the Czech translation is inside: the handout in Czech, with no "starting in English" line
(cd "$tmp" && env -u PYTHONPATH BACKPROP_STUDIO_HOME="$tmp/home" ./app/backprop-studio \
    --lesson hand_note --language cs --export-trace "$tmp/krok.md" 2>"$tmp/err.txt")
grep -q "Dopředný průchod" "$tmp/krok.md"
test ! -s "$tmp/err.txt"
(cd "$tmp" && env -u PYTHONPATH BACKPROP_STUDIO_HOME="$tmp/home" ./app/backprop-studio --help \
    --language cs) | grep -q "^použití: backprop-studio"  # and --help speaks it
# Play "as fast as it goes" trains in a second process, the built app itself started with
# --training-process: it must train, and give the source's numbers
PYTHONPATH=. python packaging/smoke_worker.py "$tmp/app/backprop-studio"
source_run=$(seconds env BACKPROP_STUDIO_HOME="$tmp/home2" \
    python main.py --lesson xor --train 100 --screenshot "$tmp/src.png")
echo "standalone: $(du -sh "$tmp/app" | cut -f1), ${built} s; python main.py: ${source_run} s"
