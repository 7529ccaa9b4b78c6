#!/usr/bin/env bash
# How long the app takes to exit while it trains at full speed (docs/reliability.md).
#
# Usage: src/test/sh/exit-time.sh JAR [RUNS] [WAYS...]
#   e.g. src/test/sh/exit-time.sh target/descent.jar 5 close sigterm destroy
# WAYS (default all three):
#   close    the window manager's close (Alt+F4 under Openbox: a WM_DELETE_WINDOW request);
#   sigterm  kill -TERM on the java process;
#   destroy  `xdotool windowclose`, which destroys the X window without asking the app.
# Needs Xvfb, openbox and xdotool. Starts its own X server and Openbox on a free display (from
# EXIT_TIME_DISPLAY, default 61), and for each launch a config folder holding a last-run.json of
# 100 epochs on 100,000 + 100,000 rows, so the run is still training when the window closes. Each
# launch: wait for the window, set the speed slider to its top (click it, End), Play (Space), wait
# 3 s, then close it one WAY and time from just before the close until `wait` returns on the java
# process. A launch still alive 10 s after the close is killed and reported as "still alive
# (window gone)" (the JVM outlived its window) or "still alive (window shown)" (the close did not
# reach the app, e.g. Alt+F4 lost on a loaded machine), and a launch that printed a stack trace as
# "N, but printed a stack trace: ..." Prints each time and the median per WAY.
set -uo pipefail
jar="${1:?usage: exit-time.sh JAR [RUNS] [WAYS...]}"
runs="${2:-5}"
shift $(($# < 2 ? $# : 2))
ways=("$@")
[ ${#ways[@]} -gt 0 ] || ways=(close sigterm destroy)
command -v java >/dev/null || { echo "exit-time: needs java" >&2; exit 1; }
. "$(dirname "$0")/x-server.sh"
start_x exit-time "${EXIT_TIME_DISPLAY:-61}"
work=$(mktemp -d)

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# one launch; prints the milliseconds from the close to the process's exit, or "still alive"
launch() {
  local way=$1 config="$work/config-$RANDOM"
  mkdir -p "$config"
  cat >"$config/last-run.json" <<'JSON'
{ "format": "descent-run", "version": 1, "seed": 42, "lr": 0.03, "sigma": 0.01,
  "batchSize": 32, "epochs": 100, "clip": 0.0, "shuffle": true, "standardize": false,
  "data": { "kind": "synthetic", "trueW": [ 2.0, -3.4 ], "trueB": 4.2, "noise": 0.01,
            "numTrain": 100000, "numVal": 100000, "featureScale": [ 1.0, 1.0 ] } }
JSON
  java -Ddescent.config.dir="$config" -jar "$jar" >"$config/out" 2>&1 & app=$!
  local id=""
  for _ in $(seq 600); do
    id=$(xdotool search --onlyvisible --name '^Descent' 2>/dev/null | head -1)
    [ -n "$id" ] && break
    sleep 0.1
  done
  [ -n "$id" ] || { echo "no window"; kill -9 "$app"; wait "$app" 2>/dev/null; return; }
  sleep 3 # the window settles at its size, the last run is restored and built
  eval "$(xdotool getwindowgeometry --shell "$id")"
  # the speed slider sits at the bottom right, beside its label; its right end is the top speed
  xdotool mousemove --window "$id" $((WIDTH - 222)) $((HEIGHT - 55)) click 1
  sleep 0.5
  xdotool key End
  sleep 0.5
  xdotool mousemove --window "$id" 400 5
  sleep 0.3
  xdotool key space
  sleep 3
  xdotool windowactivate --sync "$id" # before the clock starts: Alt+F4 goes to the active window
  local start
  start=$(now_ms)
  case $way in
    close) xdotool key alt+F4 ;;
    sigterm) kill -TERM "$app" ;;
    destroy) xdotool windowclose "$id" ;;
  esac
  # wait on the process itself; a watchdog kills it 10 s after the close, noting first whether
  # the window was still shown (the close never arrived) or gone (the JVM outlived its window)
  (sleep 10; kill -0 "$app" 2>/dev/null && { xdotool search --onlyvisible --name '^Descent' >/dev/null 2>&1 && echo shown >"$config/watchdog" || echo gone >"$config/watchdog"; kill -9 "$app" 2>/dev/null; }) & watchdog=$!
  wait "$app" 2>/dev/null
  local code=$? end
  end=$(now_ms)
  kill "$watchdog" 2>/dev/null; wait "$watchdog" 2>/dev/null
  if [ $code -eq 137 ]; then
    echo "still alive (window $(cat "$config/watchdog" 2>/dev/null || echo '?'))"
  elif grep -q $'^\tat ' "$config/out"; then
    # a user must never see a stack trace, on any way out (ADR 0044)
    echo "$((end - start)), but printed a stack trace: $(grep -m1 -B1 $'^\tat ' "$config/out" | head -1)"
  else
    echo $((end - start))
  fi
}

for way in "${ways[@]}"; do
  times=()
  for i in $(seq "$runs"); do
    t=$(launch "$way")
    echo "$way $i: $t ms (load $(cut -d' ' -f1 /proc/loadavg))"
    times+=("$t")
  done
  median=$(printf '%s\n' "${times[@]}" | grep -E '^[0-9]+$' | sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "none" }')
  echo "$way: median ${median} ms of ${#times[@]}"
done
stop_x
rm -rf "$work"
