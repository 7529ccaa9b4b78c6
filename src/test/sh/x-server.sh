#!/usr/bin/env bash
# Sourced by the scripts here that need a real X server with a window manager (Xvfb + Openbox):
#   . "$(dirname "$0")/x-server.sh"
#   start_x NAME FIRST_DISPLAY [SCREEN]   # e.g. start_x exit-time 61 1920x1080
#   ...                                   # DISPLAY is exported; $xvfb and $wm hold the pids
#   stop_x
# start_x checks that Xvfb, openbox and xdotool are installed (exit 1 naming the one missing, with
# NAME in front), takes the first free display from FIRST_DISPLAY up, and returns once the server
# answers and Openbox has had a second to manage windows.

start_x() {
  local name=$1 display=$2 screen=${3:-1920x1080} tool
  for tool in Xvfb openbox xdotool; do
    command -v "$tool" >/dev/null || { echo "$name: needs $tool" >&2; exit 1; }
  done
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
  done
  export DISPLAY=":$display"
  Xvfb "$DISPLAY" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
  openbox >/dev/null 2>&1 & wm=$!
  sleep 1
}

stop_x() {
  kill "$wm" "$xvfb" 2>/dev/null
  wait "$wm" "$xvfb" 2>/dev/null
}
