#!/usr/bin/env bash
# Regenerates the app icon's PNGs, .ico and .icns from descent.svg, the copies the app loads
# for its window (src/main/resources/descent/app/icon/), and the launch splash from splash.svg
# (src/main/resources/descent/splash.png and splash@2x.png, for screens scaled 200%). The results are committed: the packagers
# and the app use them as sources, so a build never needs these tools.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick) and png2icns
# (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing (see the comment above)" >&2; exit 1; }
done
sizes=(16 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  rsvg-convert -w "$s" -h "$s" descent.svg -o "descent-$s.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar ask for
convert descent-16.png descent-24.png descent-32.png descent-48.png descent-64.png \
  descent-128.png descent-256.png descent.ico
# macOS: png2icns takes the sizes the ICNS format has a slot for (16, 32, 48, 128, 256, 512)
png2icns descent.icns descent-16.png descent-32.png descent-48.png descent-128.png \
  descent-256.png descent-512.png >/dev/null
# the window's title bar and taskbar: JavaFX picks the best fitting of these
res=../../src/main/resources/descent/app/icon
mkdir -p "$res"
for s in 16 24 32 48 64 128 256; do
  cp "descent-$s.png" "$res/descent-$s.png"
done
# the launch splash the JVM shows before the window is up (ADR 0039)
rsvg-convert -w 560 -h 300 splash.svg -o ../../src/main/resources/descent/splash.png
rsvg-convert -w 1120 -h 600 splash.svg -o ../../src/main/resources/descent/splash@2x.png
echo "make-icons: wrote ${#sizes[@]} PNGs, descent.ico, descent.icns, the app's copies and the splash"
