#!/usr/bin/env bash
# Checks the app's first window size under a real window manager (Openbox, as on LXDE and Lubuntu
# lab machines), which headless tests cannot: Monocle has no window manager. Openbox once opened
# the window at its minimum size, 958x575, on any screen (ADR 0011).
#
# Usage: src/test/sh/first-window-size.sh [path/to/descent.jar]
# Needs Xvfb, openbox and xdotool (Debian: xvfb openbox xdotool). Exit 0 when every screen size
# gets a window that fills most of the screen and lies inside it; 1 otherwise, saying which.
set -uo pipefail
jar="${1:-target/descent.jar}"
[ -f "$jar" ] || { echo "first-window-size: no $jar; build it with ./mvnw package" >&2; exit 1; }
. "$(dirname "$0")/x-server.sh"

failures=0
display=97
for screen in 1920x1080 1366x768 1024x600; do
  sw=${screen%x*}; sh=${screen#*x}
  start_x first-window-size "$display" "$screen"
  home=$(mktemp -d)
  java -Duser.home="$home" -jar "$jar" >/dev/null 2>&1 & app=$!
  geometry=""
  for _ in $(seq 120); do
    id=$(xdotool search --name "^Descent" 2>/dev/null | head -1)
    if [ -n "$id" ]; then
      sleep 2 # the app asks again for its size just after the window shows
      geometry=$(xdotool getwindowgeometry "$id" | sed -n 's/.*Geometry: //p')
      break
    fi
    sleep 0.5
  done
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
  stop_x
  rm -rf "$home"
  display=$((${DISPLAY#:} + 1))
  if [ -z "$geometry" ]; then
    echo "first-window-size: $screen: no window appeared within 60 s" >&2; failures=$((failures + 1)); continue
  fi
  w=${geometry%x*}; h=${geometry#*x}
  # the app asks for the usable area up to 1600x1000; Openbox's title bar takes ~25 px
  want_w=$(( (sw < 1600 ? sw : 1600) * 9 / 10 )); want_h=$(( (sh < 1000 ? sh : 1000) * 85 / 100 ))
  if [ "$w" -lt "$want_w" ] || [ "$h" -lt "$want_h" ] || [ "$w" -gt "$sw" ] || [ "$h" -gt "$sh" ]; then
    echo "first-window-size: $screen: window is ${w}x${h}, wanted at least ${want_w}x${want_h} and inside the screen" >&2
    failures=$((failures + 1))
  else
    echo "first-window-size: $screen: window ${w}x${h}"
  fi
done
exit $(( failures > 0 ))
