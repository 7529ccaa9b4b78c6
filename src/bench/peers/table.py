#!/usr/bin/python3
"""One markdown table from peers.py --json and (optionally) `descent bench --config all --json`.

usage: table.py PEERS_JSON [DESCENT_JSON] [--load-before "a b c"] [--note TEXT]
Rows are the configs, columns the peers, Descent, Java's hand loop and the Descent/hand ratio;
every cell is the median µs per training minibatch step, with the min–max range where there is one.
"""

import argparse
import json
import sys

ROWS = {
    "chapter": "chapter: d=2, 1,000 rows, batch 32, 3 epochs",
    "wide": "wide: d=200, 100,000 rows, batch 256, 1 epoch",
    "single": "single: d=2, 100,000 rows, batch 1, 1 epoch",
}
PEER_COLUMNS = (
    ("torchLoader", "PyTorch d2l loader"),
    ("torchSlice", "PyTorch index slicing"),
    ("numpyF32", "NumPy f32"),
    ("numpyF64", "NumPy f64"),
)


def num(x):
    """Three significant figures, no exponent for the sizes that occur here."""
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def cell(r):
    if not r or r.get("usPerStep") is None:
        return "–"
    text = num(r["usPerStep"])
    if r.get("usPerStepMin") is not None and r.get("usPerStepMax") is not None:
        text += f" ({num(r['usPerStepMin'])}–{num(r['usPerStepMax'])})"
    return text


def load(path):
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("peers")
    p.add_argument("descent", nargs="?")
    p.add_argument("--load-before", default="")
    p.add_argument("--note", action="append", default=[])
    p.add_argument("--config", default="all", help="the config when the JSON holds only one")
    args = p.parse_args(argv)
    peers = load(args.peers)
    descent = load(args.descent)
    if "usPerStep" in descent:  # a single config's object at the top level
        descent = {descent.get("config", args.config): descent}
    if "config" in peers:
        peers = {peers["config"]: peers, "environment": peers.get("environment", {})}

    head = ["workload"] + [c for _, c in PEER_COLUMNS] + ["Descent", "Java hand loop", "Descent/hand"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for key, label in ROWS.items():
        if key not in peers and key not in descent:
            continue
        row = [label] + [cell(peers.get(key, {}).get(v)) for v, _ in PEER_COLUMNS]
        d = descent.get(key, {})
        base = d.get("baselineUsPerStep")
        ratio = d.get("ratio")
        if ratio is None and base and d.get("usPerStep") is not None:
            ratio = d["usPerStep"] / base
        hand = {"usPerStep": base, "usPerStepMin": d.get("baselineUsPerStepMin"),
                "usPerStepMax": d.get("baselineUsPerStepMax")}
        row += [cell(d), cell(hand), "–" if ratio is None else f"{ratio:.2f}"]
        print("| " + " | ".join(row) + " |")

    env = peers.get("environment", {})
    print()
    print(f"µs per training minibatch step (training loop only, minibatch gather included, "
          f"validation excluded), median (min–max) of {env.get('repeats', '?')} timed runs "
          f"after a warm-up, 1 thread.")
    print(f"Date: {env.get('date', '?')}. Load average (1, 5, 15 min) before: "
          f"{args.load_before or '?'}; after: "
          f"{' '.join(f'{x:.2f}' for x in env.get('loadAverage', [])) or '?'}.")
    print(f"Python {env.get('python')}, PyTorch {env.get('torch')} (Debian python3-torch "
          f"{env.get('python3-torch')}), NumPy {env.get('numpy')} (Debian python3-numpy "
          f"{env.get('python3-numpy')}).")
    for note in args.note:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
