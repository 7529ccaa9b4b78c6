#!/bin/sh
# Descent's `bench --config all --json`, then PyTorch and NumPy (peers.py) on the same workloads,
# back to back on this machine; prints one markdown table. See README.md in this folder.
#
# usage: src/bench/peers/run-all.sh [--repeats N] [--config chapter|wide|single|all]
# env:   DESCENT_JAR (default target/descent.jar), JAVA (default java),
#        PYTHON (default /usr/bin/python3, Debian's, which sees python3-torch and python3-numpy),
#        OUT (where the raw JSON goes, default target/bench-peers)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"

repeats=7
config=all
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) [ $# -ge 2 ] || { echo "--repeats needs a value" >&2; exit 2; }; repeats=$2; shift 2 ;;
    --repeats=*) repeats=${1#--repeats=}; shift ;;
    --config) [ $# -ge 2 ] || { echo "--config needs a value" >&2; exit 2; }; config=$2; shift 2 ;;
    --config=*) config=${1#--config=}; shift ;;
    *) echo "unknown option: $1 (usage: $0 [--repeats N] [--config chapter|wide|single|all])" >&2
       exit 2 ;;
  esac
done
case "$config" in
  chapter|wide|single|all) ;;
  *) echo "--config must be chapter, wide, single or all, got '$config'" >&2; exit 2 ;;
esac
case "$repeats" in
  ''|*[!0-9]*|0) echo "--repeats must be a positive whole number, got '$repeats'" >&2; exit 2 ;;
esac

JAR=${DESCENT_JAR:-target/descent.jar}
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=${OUT:-target/bench-peers}
mkdir -p "$OUT"

# One thread for every BLAS/OpenMP runtime (peers.py sets these too, and torch.set_num_threads(1)).
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
export OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)

descent_json="$OUT/descent.json"
peers_json="$OUT/peers.json"
rm -f "$descent_json" "$peers_json"
note_descent=""

if [ ! -f "$JAR" ]; then
  note_descent="Descent: no $JAR (build it with ./mvnw -B -DskipTests package); its columns are empty."
elif "$JAVA" -jar "$JAR" bench --config "$config" --repeats "$repeats" --json \
    >"$descent_json" 2>"$OUT/descent.err"; then
  echo "Descent bench: done" >&2
else
  note_descent="Descent: \`$JAVA -jar $JAR bench --config $config --json\` failed: $(head -n 1 "$OUT/descent.err")"
  rm -f "$descent_json"
fi
[ -z "$note_descent" ] || echo "$note_descent" >&2

"$PYTHON" "$here/peers.py" --config "$config" --repeats "$repeats" --json >"$peers_json"

java_version=$("$JAVA" -version 2>&1 | head -n 1 || true)
set -- "$peers_json"
[ -f "$descent_json" ] && set -- "$@" "$descent_json"
set -- "$@" --config "$config" --load-before "$load_before" \
  --note "Machine: $cpus cores ($cpu_model); Java: $java_version; jar: $JAR."
[ -z "$note_descent" ] || set -- "$@" --note "$note_descent"
echo
"$PYTHON" "$here/table.py" "$@"
echo
echo "Raw JSON: $peers_json${note_descent:+ (no Descent JSON)}$( [ -f "$descent_json" ] && printf ', %s' "$descent_json")"
