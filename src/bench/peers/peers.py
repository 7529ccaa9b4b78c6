#!/usr/bin/python3
"""PyTorch and NumPy doing Descent's benchmark workloads, timed the way `descent bench` times them.

Four variants of d2l's linear regression from scratch (§3.4) on the three configs of `bench`:
  torchLoader  PyTorch, d2l's loader: DataLoader over a TensorDataset, shuffle=True
  torchSlice   PyTorch, a randperm per epoch and X[idx] slicing
  numpyF32     NumPy float32, hand-derived gradients (fancy-index gather, X.T @ g)
  numpyF64     NumPy float64, the same

One thread everywhere. Reported per config and variant: median, min and max µs per training
minibatch step over --repeats timed fits after one untimed warm-up fit (training loop only, the
minibatch gather included, validation excluded), examples/second, the whole fit in ms (validation
included) and the final errors of w and b, so that nothing is timed on a loop that does not learn.

Run with Debian's interpreter: /usr/bin/python3 peers.py --json (see README.md).
"""

import os

# Before numpy/torch load their BLAS and OpenMP runtimes.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import numpy as np  # noqa: E402

try:
    import torch  # noqa: E402
    from torch.utils.data import DataLoader, TensorDataset  # noqa: E402
except ImportError:  # NumPy variants still run; torch ones are reported as missing.
    torch = None

LR = 0.03  # d2l's LinearRegressionScratch(lr=0.03)
SIGMA = 0.01  # initial w ~ N(0, 0.01²), b = 0
NOISE = 0.01  # y = Xw + b + N(0, 0.01²)
TRUE_B = 4.2


@dataclass(frozen=True)
class Config:
    name: str
    d: int
    num_train: int
    num_val: int
    batch_size: int
    epochs: int

    @property
    def steps_per_epoch(self):
        return -(-self.num_train // self.batch_size)  # the last, partial batch is kept (d2l)

    @property
    def steps(self):
        return self.steps_per_epoch * self.epochs


CONFIGS = {
    "chapter": Config("chapter", 2, 1000, 1000, 32, 3),
    "wide": Config("wide", 200, 100_000, 1000, 256, 1),
    "single": Config("single", 2, 100_000, 1000, 1, 1),
}
VARIANTS = ("torchLoader", "torchSlice", "numpyF32", "numpyF64")


def true_w(d):
    """The chapter's (2, −3.4), repeated to length d (d even), as `descent bench` does for wide.
    The timing does not depend on the values, only the learning check does."""
    return np.tile([2.0, -3.4], d // 2)


class Data:
    """d2l's SyntheticRegressionData: X ~ N(0, 1), y = Xw + b + N(0, 0.01²); rows 0…numTrain−1
    train, the rest validate. Drawn once per config in float64 with a fixed seed; float32 copies
    (the dtype d2l uses) are shared between NumPy and PyTorch."""

    def __init__(self, cfg, seed=0):
        rng = np.random.default_rng(seed)
        n = cfg.num_train + cfg.num_val
        self.w = true_w(cfg.d)
        self.b = TRUE_B
        X = rng.standard_normal((n, cfg.d))
        y = X @ self.w.reshape(-1, 1) + self.b + rng.standard_normal((n, 1)) * NOISE
        t = cfg.num_train
        self.f64 = (X[:t], y[:t], X[t:], y[t:])
        self.f32 = tuple(np.ascontiguousarray(a, dtype=np.float32) for a in self.f64)


@dataclass
class Fit:
    train_ns: int  # training minibatches only, gather included
    fit_ns: int  # the whole fit, validation included
    w: np.ndarray
    b: float
    val_loss: float


# ---------------------------------------------------------------- PyTorch (d2l's model and SGD)


def _torch_model(d, seed):
    torch.manual_seed(seed)
    w = torch.normal(0, SIGMA, (d, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    return w, b


def _torch_loss(y_hat, y):
    return ((y_hat - y) ** 2 / 2).mean()


def _torch_step(X, y, params):
    """d2l's Trainer.fit_epoch body: training_step, optim.zero_grad(), backward and the
    hand-written SGD step under no_grad."""
    w, b = params
    loss = _torch_loss(torch.matmul(X, w) + b, y)
    for p in params:  # d2l SGD.zero_grad
        if p.grad is not None:
            p.grad.zero_()
    with torch.no_grad():
        loss.backward()
        for p in params:  # d2l SGD.step
            p -= LR * p.grad


def _torch_val_loss(batches, params):
    w, b = params
    with torch.no_grad():
        losses = [_torch_loss(torch.matmul(X, w) + b, y).item() for X, y in batches]
    return float(np.mean(losses))


def fit_torch_loader(cfg, data, seed):
    Xt, yt, Xv, yv = (torch.from_numpy(a) for a in data.f32)
    # d2l's get_tensorloader: TensorDataset + DataLoader(batch_size, shuffle=train)
    train = DataLoader(TensorDataset(Xt, yt), cfg.batch_size, shuffle=True)
    val = DataLoader(TensorDataset(Xv, yv), cfg.batch_size, shuffle=False)
    params = _torch_model(cfg.d, seed)
    train_ns = 0
    start = time.perf_counter_ns()
    for _ in range(cfg.epochs):
        t0 = time.perf_counter_ns()
        for X, y in train:
            _torch_step(X, y, params)
        train_ns += time.perf_counter_ns() - t0
        val_loss = _torch_val_loss(val, params)
    fit_ns = time.perf_counter_ns() - start
    return Fit(train_ns, fit_ns, params[0].detach().numpy().ravel().astype(np.float64),
               float(params[1].item()), val_loss)


def fit_torch_slice(cfg, data, seed):
    Xt, yt, Xv, yv = (torch.from_numpy(a) for a in data.f32)
    params = _torch_model(cfg.d, seed)
    n, m = cfg.num_train, cfg.batch_size
    val = [(Xv[i:i + m], yv[i:i + m]) for i in range(0, cfg.num_val, m)]
    train_ns = 0
    start = time.perf_counter_ns()
    for _ in range(cfg.epochs):
        t0 = time.perf_counter_ns()
        perm = torch.randperm(n)
        for i in range(0, n, m):
            idx = perm[i:i + m]
            _torch_step(Xt[idx], yt[idx], params)
        train_ns += time.perf_counter_ns() - t0
        val_loss = _torch_val_loss(val, params)
    fit_ns = time.perf_counter_ns() - start
    return Fit(train_ns, fit_ns, params[0].detach().numpy().ravel().astype(np.float64),
               float(params[1].item()), val_loss)


# ---------------------------------------------------------------- NumPy, hand-derived gradients


def numpy_grads(X, y, w, b):
    """Gradients of mean((Xw + b − y)² / 2) over the m rows of X: X.T @ g and sum(g), g = err / m."""
    g = (X @ w + b - y) / X.shape[0]
    return X.T @ g, g.sum(axis=0)


def _fit_numpy(cfg, arrays, dtype, seed):
    Xt, yt, Xv, yv = arrays
    rng = np.random.default_rng(seed)
    w = (rng.standard_normal((cfg.d, 1)) * SIGMA).astype(dtype)
    b = np.zeros(1, dtype=dtype)
    lr = dtype(LR)
    n, m = cfg.num_train, cfg.batch_size
    train_ns = 0
    start = time.perf_counter_ns()
    for _ in range(cfg.epochs):
        t0 = time.perf_counter_ns()
        perm = rng.permutation(n)
        for i in range(0, n, m):
            idx = perm[i:i + m]
            X = Xt[idx]  # the minibatch gather
            y = yt[idx]
            gw, gb = numpy_grads(X, y, w, b)
            w -= lr * gw
            b -= lr * gb
        train_ns += time.perf_counter_ns() - t0
        err = Xv @ w + b - yv
        val_loss = float((err * err / 2).mean())
    fit_ns = time.perf_counter_ns() - start
    return Fit(train_ns, fit_ns, w.ravel().astype(np.float64), float(b[0]), val_loss)


def fit_numpy_f32(cfg, data, seed):
    return _fit_numpy(cfg, data.f32, np.float32, seed)


def fit_numpy_f64(cfg, data, seed):
    return _fit_numpy(cfg, data.f64, np.float64, seed)


FITS = {
    "torchLoader": fit_torch_loader,
    "torchSlice": fit_torch_slice,
    "numpyF32": fit_numpy_f32,
    "numpyF64": fit_numpy_f64,
}


# ---------------------------------------------------------------- measuring


def measure(cfg, data, variant, repeats):
    fit = FITS[variant]
    fit(cfg, data, seed=1)  # warm-up: allocator, caches, lazy initialisation
    runs = [fit(cfg, data, seed=1) for _ in range(repeats)]
    us = [r.train_ns / 1e3 / cfg.steps for r in runs]
    median = statistics.median(us)
    last = runs[-1]
    return {
        "usPerStep": round(median, 3),
        "usPerStepMin": round(min(us), 3),
        "usPerStepMax": round(max(us), 3),
        "examplesPerSecond": round(cfg.num_train * cfg.epochs / (median * cfg.steps) * 1e6),
        "fitMs": round(statistics.median(r.fit_ns for r in runs) / 1e6, 3),
        "wErrorMaxAbs": float(np.max(np.abs(last.w - data.w))),
        "bError": last.b - data.b,
        "valLoss": last.val_loss,
    }


def gradient_check(seed=3):
    """The hand-derived NumPy gradients equal PyTorch autograd's on one minibatch (float64)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((32, 5))
    y = rng.standard_normal((32, 1))
    w = rng.standard_normal((5, 1))
    b = rng.standard_normal(1)
    gw, gb = numpy_grads(X, y, w, b)
    tw = torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True)
    _torch_loss(torch.matmul(torch.tensor(X), tw) + tb, torch.tensor(y)).backward()
    return float(max(np.max(np.abs(gw - tw.grad.numpy())), np.max(np.abs(gb - tb.grad.numpy()))))


def versions():
    out = {"python": platform.python_version(), "numpy": np.__version__,
           "torch": torch.__version__ if torch else None}
    for pkg in ("python3-torch", "python3-numpy"):
        try:
            out[pkg] = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg],
                                      capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            out[pkg] = None
    return out


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--config", default="all", choices=[*CONFIGS, "all"])
    p.add_argument("--variants", default=",".join(VARIANTS),
                   help="comma-separated subset of " + ", ".join(VARIANTS))
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--json", action="store_true", help="JSON on stdout (progress on stderr)")
    p.add_argument("--check", action="store_true",
                   help="only check the loops learn: chapter data, 30 epochs, and the gradients")
    args = p.parse_args(argv)
    if args.repeats < 1:
        p.error("--repeats must be at least 1")
    args.variants = args.variants.split(",")
    for v in args.variants:
        if v not in VARIANTS:
            p.error(f"--variants: unknown variant '{v}'")
        if v.startswith("torch") and torch is None:
            p.error(f"--variants: {v} needs PyTorch (apt-get install python3-torch)")
    return args


def check(variants):
    """Chapter data trained for 30 epochs (960 steps): every variant must reach the noise floor."""
    cfg = Config("chapter-30-epochs", 2, 1000, 1000, 32, 30)
    data = Data(cfg)
    ok = True
    if torch is not None:
        diff = gradient_check()
        ok &= diff < 1e-12
        print(f"gradient check, NumPy hand gradients vs PyTorch autograd: max |diff| = {diff:.1e}")
    for v in variants:
        r = FITS[v](cfg, data, seed=1)
        w_err = np.max(np.abs(r.w - data.w))
        b_err = abs(r.b - data.b)
        good = w_err < 5e-3 and b_err < 5e-3
        ok &= good
        print(f"{v:12s} error in w {r.w - data.w}, error in b {r.b - data.b:+.2e}, "
              f"validation loss {r.val_loss:.2e}  {'ok' if good else 'DOES NOT LEARN'}")
    return 0 if ok else 1


def main(argv):
    args = parse_args(argv)
    if torch is not None:
        torch.set_num_threads(1)
        torch.set_num_interop_threads(1)
    if args.check:
        return check(args.variants)
    names = list(CONFIGS) if args.config == "all" else [args.config]
    result = {}
    for name in names:
        cfg = CONFIGS[name]
        data = Data(cfg)
        entry = {"config": name, "d": cfg.d, "numTrain": cfg.num_train, "numVal": cfg.num_val,
                 "batchSize": cfg.batch_size, "epochs": cfg.epochs, "steps": cfg.steps}
        for v in args.variants:
            if args.json:
                print(f"{name}: {v} …", file=sys.stderr, flush=True)
            r = measure(cfg, data, v, args.repeats)
            entry[v] = r
            print(f"{name:8s} {v:12s} {r['usPerStep']:10.2f} µs/step "
                  f"({r['usPerStepMin']:.2f}–{r['usPerStepMax']:.2f})  "
                  f"{r['examplesPerSecond']:>10,} ex/s  "
                  f"max|w err| {r['wErrorMaxAbs']:.1e}  b err {r['bError']:+.1e}",
                  file=sys.stderr if args.json else sys.stdout, flush=True)
        result[name] = entry
    out = result[names[0]] if len(names) == 1 else result
    out["environment"] = {**versions(), "threads": 1, "repeats": args.repeats,
                          "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                          "loadAverage": list(os.getloadavg())}
    if args.json:
        json.dump(out, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
