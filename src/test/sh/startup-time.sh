#!/usr/bin/env bash
# Launch to first frame, measured from outside and from inside the app (docs/performance.md).
#
# Usage: src/test/sh/startup-time.sh RUNS COMMAND [ARGS...]
#   e.g. src/test/sh/startup-time.sh 5 java -jar target/descent.jar
#        src/test/sh/startup-time.sh 5 /opt/descent/bin/Descent
# Needs Xvfb, openbox and xdotool. Starts its own X server and Openbox on a free display, then
# launches COMMAND RUNS times, each with a config folder of its own: empty (a first launch), or a
# copy of the folder STARTUP_CONFIG names (e.g. one holding the preferences.json and last-run.json a
# returning user has). It prints per launch:
#   first:  the wall time from launch until any new window is visible: the launch splash (ADR 0039)
#           when the command shows one, else the app's window;
#   window: the wall time from launch until `xdotool search --onlyvisible` finds a window named
#           Descent (polled every 10 ms), and the process's CPU time (user + system, from
#           /proc/PID/stat) at that moment;
#   frame:  the app's own line (DESCENT_STARTUP_REPORT=1): wall and CPU time since the process
#           started, when the first frame with the window's content has been drawn;
#   load:   the 1-minute load average when the launch began.
set -uo pipefail
runs="${1:?usage: startup-time.sh RUNS COMMAND [ARGS...]}"
shift
[ $# -gt 0 ] || { echo "usage: startup-time.sh RUNS COMMAND [ARGS...]" >&2; exit 2; }
. "$(dirname "$0")/x-server.sh"
start_x startup-time 61
tick=$(getconf CLK_TCK)
work=$(mktemp -d)

for i in $(seq "$runs"); do
  mkdir -p "$work/config$i/descent"
  [ -n "${STARTUP_CONFIG:-}" ] && cp -r "$STARTUP_CONFIG"/. "$work/config$i/descent/"
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(xdotool search --onlyvisible --name '' 2>/dev/null | sort)
  start=$(date +%s%N)
  XDG_CONFIG_HOME="$work/config$i" DESCENT_STARTUP_REPORT=1 "$@" >/dev/null 2>"$work/err$i" & app=$!
  cpu=""
  first=""
  for _ in $(seq 6000); do
    if [ -z "$first" ] && [ -n "$(comm -13 <(echo "$before") <(xdotool search --onlyvisible --name '' 2>/dev/null | sort))" ]; then
      first=$(( ($(date +%s%N) - start) / 1000000 ))
    fi
    if xdotool search --onlyvisible --name '^Descent' >/dev/null 2>&1; then
      end=$(date +%s%N)
      # fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): utime, stime
      cpu=$(sed 's/^.*) //' "/proc/$app/stat" | awk -v t="$tick" '{ printf "%d", ($12 + $13) * 1000 / t }')
      break
    fi
    sleep 0.01
  done
  if [ -z "$cpu" ]; then
    echo "launch $i: no window within 60 s (load $load)"
  else
    for _ in $(seq 500); do grep -q 'first frame' "$work/err$i" && break; sleep 0.01; done
    frame=$(grep -o 'first frame.*' "$work/err$i" | head -1)
    echo "launch $i: first ${first:-$(( (end - start) / 1000000 ))} ms; window $(( (end - start) / 1000000 )) ms, cpu ${cpu} ms; ${frame:-no first-frame line}; load $load"
  fi
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
  sleep 1
done
stop_x
rm -rf "$work"
