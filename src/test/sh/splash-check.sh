#!/usr/bin/env bash
# Checks the launch splash (ADR 0039) on a real X server with a window manager, which headless
# tests cannot: the JVM draws it natively before any Java code runs.
#   1. `java -jar descent.jar` shows the 560x300 splash, then the app's window, and the splash is
#      gone once the window's first frame is drawn;
#   2. a command closes the splash as it starts: `train --data` on a FIFO nobody writes to, which
#      waits 10 s for data before it gives up (docs/limits.md), so it is still running when looked at.
#
# Usage: src/test/sh/splash-check.sh [path/to/descent.jar]
# Needs Xvfb, openbox and xdotool (Debian: xvfb openbox xdotool). Prints what it saw with times
# from launch; exit 0 when both hold, 1 otherwise, saying which.
set -uo pipefail
jar="${1:-target/descent.jar}"
[ -f "$jar" ] || { echo "splash-check: no $jar; build it with ./mvnw package" >&2; exit 1; }
. "$(dirname "$0")/x-server.sh"
start_x splash-check 89
home=$(mktemp -d)
failures=0

# whether a visible window of the splash's size is on the screen
splash_showing() {
  local id
  for id in $(xdotool search --onlyvisible --name '' 2>/dev/null); do
    xdotool getwindowgeometry "$id" 2>/dev/null | grep -q 'Geometry: 560x300' && return 0
  done
  return 1
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# 1. the app
start=$(date +%s%N)
java -Duser.home="$home" -Ddescent.config.dir="$home/config" -jar "$jar" >/dev/null 2>&1 & app=$!
seen="" window="" gone=""
for _ in $(seq 3000); do # 60 s at most
  if [ -z "$seen" ] && splash_showing; then seen=$(ms_since "$start"); fi
  if [ -z "$window" ] && xdotool search --onlyvisible --name '^Descent' >/dev/null 2>&1; then
    window=$(ms_since "$start")
  fi
  if [ -n "$seen" ] && [ -n "$window" ] && ! splash_showing; then gone=$(ms_since "$start"); break; fi
  sleep 0.02
done
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
if [ -z "$seen" ]; then
  echo "splash-check: the app showed no splash" >&2; failures=$((failures + 1))
elif [ -z "$window" ]; then
  echo "splash-check: splash at $seen ms, but no app window within 60 s" >&2; failures=$((failures + 1))
elif [ -z "$gone" ]; then
  echo "splash-check: splash at $seen ms, window at $window ms, but the splash stayed" >&2
  failures=$((failures + 1))
else
  echo "splash-check: app: splash at $seen ms, window at $window ms, splash closed at $gone ms"
fi

# 2. a command
mkfifo "$home/silent.csv"
start=$(date +%s%N)
java -Duser.home="$home" -jar "$jar" train --data "$home/silent.csv" >/dev/null 2>&1 & cmd=$!
late=""
while kill -0 "$cmd" 2>/dev/null; do
  # the JVM is up well within 5 s; from then on the command must have closed the splash
  if [ "$(ms_since "$start")" -gt 5000 ]; then
    if splash_showing; then late=$(ms_since "$start"); fi
    break
  fi
  sleep 0.1
done
ran=$(kill -0 "$cmd" 2>/dev/null && echo yes)
kill "$cmd" 2>/dev/null; wait "$cmd" 2>/dev/null
if [ -n "$late" ]; then
  echo "splash-check: train still showed the splash at $late ms" >&2; failures=$((failures + 1))
elif [ "$ran" != yes ]; then
  echo "splash-check: train ended within 5 s, so the check proves nothing" >&2; failures=$((failures + 1))
else
  echo "splash-check: train: no splash after 5 s while it runs"
fi

stop_x
rm -rf "$home"
exit $(( failures > 0 ))
