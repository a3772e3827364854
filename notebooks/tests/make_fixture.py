#!/usr/bin/env python3
"""Write a synthetic fslsim results folder, for developing the notebooks and for a Python-only
smoke test (no simulator needed).

    python3 notebooks/tests/make_fixture.py OUTDIR [--strategies 2] [--replications 5] [--days 30]
                                                   [--scenarios 1] [--no-paired] [--no-timeseries]
                                                   [--no-orders]

Defaults: 1 scenario, 2 strategies, 3 tiers, 5 replications, 30 days of timeseries, paired.csv,
orders.csv, run.json. The files have exactly the columns the simulator writes (see
notebooks/README.md). Order lines are drawn at random and every metric is aggregated from them,
so the files agree with each other. Only the standard library is used, and the output depends
only on the arguments.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import random
import statistics
import sys
import zlib
from pathlib import Path

STRATEGY_POOL = [
    # routing/allocation, backorder probability, mean backorder wait (h), local-site preference
    ("nearest", "fifo", 0.10, 30.0, 0.90),
    ("cost_aware", "priority", 0.07, 22.0, 0.70),
    ("hub_first", "fifo", 0.13, 36.0, 0.40),
    ("nearest", "tier_priority", 0.09, 18.0, 0.90),
]
TIERS = [("gold", 4.0, 0.2), ("silver", 8.0, 0.3), ("bronze", 24.0, 0.5)]  # id, deadline h, weight
COUNTRIES = [("NL", "FSL-AMS", 0.3), ("DE", "FSL-FRA", 0.35), ("FR", "HUB-PAR", 0.25), ("BE", "HUB-PAR", 0.1)]
SITES = ["FSL-AMS", "FSL-FRA", "HUB-PAR"]
PARTS = ["P-100", "P-200", "P-300", "P-400"]

REPLICATION_COLS = ["scenario", "routing", "allocation", "replication", "seed", "metric", "segment", "value"]
SUMMARY_COLS = ["scenario", "routing", "allocation", "metric", "segment", "n", "mean", "std",
                "ci_low", "ci_high", "min", "max"]
PAIRED_COLS = ["scenario", "metric", "segment", "candidate", "baseline", "mean_diff", "ci_low",
               "ci_high", "significant"]
TIMESERIES_COLS = ["scenario", "routing", "allocation", "replication", "day", "metric", "segment", "value"]
ORDER_COLS = ["scenario", "routing", "allocation", "replication", "order", "line", "site", "part", "tier",
              "country", "quantity", "created_h", "source", "mode", "condition", "eta_h", "delivered_h",
              "deadline_h", "on_time", "backordered", "backorder_wait_h", "cost_shipping", "cost_handling",
              "cost_customs", "cost_penalty"]

# two-sided 95% Student t quantiles by degrees of freedom
_T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
         10: 2.228, 15: 2.131, 20: 2.086, 30: 2.042, 60: 2.000, 120: 1.980}


def t975(df: int) -> float:
    if df <= 0:
        return math.nan
    keys = sorted(k for k in _T975 if k <= df)
    return _T975[keys[-1]] if df < 1000 else 1.96


def fmt(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return ""
    if isinstance(v, float):
        return "nan" if math.isnan(v) else f"{v:.10g}"
    return str(v)


def pick(rng: random.Random, weighted):
    x, acc = rng.random() * sum(w[-1] for w in weighted), 0.0
    for item in weighted:
        acc += item[-1]
        if x <= acc:
            return item
    return weighted[-1]


def simulate_lines(scenario: str, strategy, rep: int, seed: int, horizon_h: float, scale: float):
    """Order lines of one replication. Demand depends only on the seed (common random numbers
    across strategies); fulfilment depends on the strategy."""
    routing, allocation, p_bo, wait_mean, local_pref = strategy
    demand = random.Random(seed)
    fulfil = random.Random(seed * 7919 + zlib.crc32(f"{routing}/{allocation}".encode()))
    lines = []
    n_orders = int(110 * scale) + demand.randint(0, 20)
    for order in range(1, n_orders + 1):
        tier, deadline_rel, _ = pick(demand, TIERS)
        country, local_site, _ = pick(demand, COUNTRIES)
        created = round(demand.uniform(0, horizon_h - 1), 2)
        for line in range(1, demand.choice([1, 1, 1, 2, 3]) + 1):
            part = demand.choice(PARTS)
            qty = demand.choice([1, 1, 1, 2, 4])
            u_bo, u_wait, u_site, u_transit = fulfil.random(), fulfil.random(), fulfil.random(), fulfil.random()
            site = local_site if u_site < local_pref else fulfil.choice(SITES)
            boost = 0.6 if (allocation != "fifo" and tier == "gold") else 1.0
            backordered = u_bo < p_bo * (1.3 if qty > 1 else 1.0)
            wait = -wait_mean * boost * math.log(1 - u_wait) if backordered else 0.0
            transit = 1.5 + 10 * u_transit ** 2 + (2.0 if site != local_site else 0.0)
            mode = "courier" if tier == "gold" else ("express" if transit < 5 else "ground")
            eta = created + wait + transit
            delivered = round(eta, 2) if eta <= horizon_h else None
            deadline = created + deadline_rel
            on_time = delivered is not None and delivered <= deadline
            ship = {"courier": 85.0, "express": 40.0, "ground": 18.0}[mode] * (0.8 + 0.4 * u_transit)
            customs = 12.0 if site.startswith("FSL") and country not in ("NL", "DE") else 0.0
            penalty = 0.0 if on_time else {"gold": 150.0, "silver": 60.0, "bronze": 20.0}[tier]
            lines.append({
                "scenario": scenario, "routing": routing, "allocation": allocation, "replication": rep,
                "order": order, "line": line, "site": site, "part": part, "tier": tier,
                "country": country, "quantity": qty, "created_h": created,
                "source": "backorder" if backordered else "stock", "mode": mode,
                "condition": "new" if u_transit < 0.8 else "refurbished", "eta_h": round(eta, 2),
                "delivered_h": delivered, "deadline_h": round(deadline, 2), "on_time": on_time,
                "backordered": backordered,
                "backorder_wait_h": (round(wait, 2) if backordered and delivered is not None else None),
                "cost_shipping": round(ship, 2), "cost_handling": 4.5 * qty, "cost_customs": customs,
                "cost_penalty": penalty,
            })
    return lines


def mean_or_nan(xs):
    return statistics.fmean(xs) if xs else math.nan


def p95(xs):
    if not xs:
        return math.nan
    s = sorted(xs)
    return s[min(len(s) - 1, int(math.ceil(0.95 * len(s))) - 1)]


def segment_metrics(lines):
    delivered = [l["delivered_h"] - l["created_h"] for l in lines if l["delivered_h"] is not None]
    waits = [l["backorder_wait_h"] for l in lines if l["backorder_wait_h"] is not None]
    n = len(lines)
    return {
        "orders": float(len({l["order"] for l in lines})),
        "units": float(sum(l["quantity"] for l in lines)),
        "fill_rate": (sum(not l["backordered"] for l in lines) / n) if n else math.nan,
        "sla_attainment": (sum(l["on_time"] for l in lines) / n) if n else math.nan,
        "mean_delivery_h": mean_or_nan(delivered),
        "p95_delivery_h": p95(delivered),
        "backorders_created": float(sum(l["backordered"] for l in lines)),
        "mean_backorder_wait_h": mean_or_nan(waits),
    }


def open_backorders_at(lines, t):
    return sum(1 for l in lines if l["backordered"] and l["created_h"] <= t
               and (l["delivered_h"] is None or l["created_h"] + (l["backorder_wait_h"] or 1e18) > t))


def replication_metrics(lines, rng: random.Random, days: int):
    m = segment_metrics(lines)
    horizon = days * 24.0
    samples = [open_backorders_at(lines, t) for t in range(0, int(horizon), 6)]
    m["avg_backorders"] = mean_or_nan(samples)
    m["backorders_open_end"] = float(open_backorders_at(lines, horizon))
    m["avg_on_hand"] = 420 + rng.gauss(0, 15)
    m["avg_inventory_value"] = m["avg_on_hand"] * 310.0
    for c in ("cost_shipping", "cost_handling", "cost_customs", "cost_penalty"):
        m[c] = float(sum(l[c] for l in lines))
    m["cost_transfer"] = 900 + rng.gauss(0, 120)
    m["cost_holding"] = m["avg_inventory_value"] * 0.25 * days / 365.0
    m["cost_total"] = sum(m[c] for c in ("cost_shipping", "cost_handling", "cost_customs",
                                          "cost_transfer", "cost_holding", "cost_penalty"))
    m["events"] = float(len(lines) * 6 + rng.randint(0, 50))
    return m


def timeseries_rows(lines, rng: random.Random, days: int):
    rows = []
    on_hand = 430.0
    segments = [("all", lines)] + [(f"tier={t}", [l for l in lines if l["tier"] == t]) for t, _, _ in TIERS]
    for day in range(days):
        t0, t1 = day * 24.0, (day + 1) * 24.0
        on_hand = max(0.0, on_hand + rng.gauss(0, 8))
        for seg, ls in segments:
            created = [l for l in ls if t0 <= l["created_h"] < t1]
            rows.append((day, "backorders_open", seg, float(open_backorders_at(ls, t1))))
            rows.append((day, "orders", seg, float(len({l["order"] for l in created}))))
            rows.append((day, "sla_attainment", seg,
                         (sum(l["on_time"] for l in created) / len(created)) if created else math.nan))
            if seg == "all":
                rows.append((day, "on_hand", seg, round(on_hand, 1)))
    return rows


def describe(values):
    xs = [v for v in values if not math.isnan(v)]
    n = len(xs)
    if n == 0:
        return 0, math.nan, math.nan, math.nan, math.nan, math.nan, math.nan
    mean = statistics.fmean(xs)
    std = statistics.stdev(xs) if n > 1 else math.nan
    half = t975(n - 1) * std / math.sqrt(n) if n > 1 else math.nan
    return n, mean, std, mean - half, mean + half, min(xs), max(xs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--strategies", type=int, default=2, help=f"1..{len(STRATEGY_POOL)} (default 2)")
    ap.add_argument("--replications", type=int, default=5)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--scenarios", type=int, default=1)
    ap.add_argument("--seed", type=int, default=20240)
    ap.add_argument("--no-paired", action="store_true")
    ap.add_argument("--no-timeseries", action="store_true")
    ap.add_argument("--no-orders", action="store_true")
    a = ap.parse_args(argv)
    if not 1 <= a.strategies <= len(STRATEGY_POOL):
        ap.error(f"--strategies must be 1..{len(STRATEGY_POOL)}")
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    strategies = STRATEGY_POOL[: a.strategies]
    scenarios = ["fixture"] if a.scenarios == 1 else [f"fixture-{i + 1}" for i in range(a.scenarios)]

    rep_rows, ts_rows, order_rows = [], [], []
    # values[(scenario, strategy, metric, segment)][replication] = value
    values: dict = {}
    for si, scenario in enumerate(scenarios):
        for strategy in strategies:
            routing, allocation = strategy[0], strategy[1]
            for rep in range(1, a.replications + 1):
                seed = a.seed + 1000 * si + rep
                rng = random.Random(seed * 31 + len(routing) * 7 + len(allocation))
                lines = simulate_lines(scenario, strategy, rep, seed, a.days * 24.0, 1.0 + 0.3 * si)
                seg_values = {"all": replication_metrics(lines, rng, a.days)}
                for key, prefix in (("tier", "tier"), ("site", "location"), ("country", "country")):
                    for ident in sorted({l[key] for l in lines}):
                        sub = [l for l in lines if l[key] == ident]
                        m = segment_metrics(sub)
                        if prefix != "tier":  # location/country: the headline metrics only
                            m = {k: m[k] for k in ("orders", "fill_rate", "sla_attainment", "mean_delivery_h")}
                        seg_values[f"{prefix}={ident}"] = m
                for seg, metrics in seg_values.items():
                    for metric, v in metrics.items():
                        rep_rows.append([scenario, routing, allocation, rep, seed, metric, seg, v])
                        values.setdefault((scenario, f"{routing}/{allocation}", metric, seg), {})[rep] = v
                if not a.no_timeseries:
                    for day, metric, seg, v in timeseries_rows(lines, rng, a.days):
                        ts_rows.append([scenario, routing, allocation, rep, day, metric, seg, v])
                if not a.no_orders:
                    order_rows.extend([l[c] for c in ORDER_COLS] for l in lines)

    def write(name, cols, rows):
        with open(out / name, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow([fmt(v) for v in r])

    write("replications.csv", REPLICATION_COLS, rep_rows)
    summary_rows = []
    for (scenario, strat, metric, seg), by_rep in values.items():
        routing, allocation = strat.split("/", 1)
        summary_rows.append([scenario, routing, allocation, metric, seg, *describe(list(by_rep.values()))])
    write("summary.csv", SUMMARY_COLS, summary_rows)
    files = ["replications.csv", "summary.csv"]

    if not a.no_paired and len(strategies) > 1:
        paired_rows = []
        names = [f"{s[0]}/{s[1]}" for s in strategies]
        baseline = names[0]
        for (scenario, strat, metric, seg), base in values.items():
            if strat != baseline:
                continue
            for cand in names[1:]:
                other = values.get((scenario, cand, metric, seg), {})
                diffs = [other[r] - base[r] for r in base if r in other
                         and not math.isnan(other[r]) and not math.isnan(base[r])]
                n, mean, _, lo, hi, _, _ = describe(diffs)
                if n == 0:
                    continue
                sig = (not math.isnan(lo)) and (lo > 0 or hi < 0)
                paired_rows.append([scenario, metric, seg, cand, baseline, mean, lo, hi, sig])
        write("paired.csv", PAIRED_COLS, paired_rows)
        files.append("paired.csv")
    if not a.no_timeseries:
        write("timeseries.csv", TIMESERIES_COLS, ts_rows)
        files.append("timeseries.csv")
    if not a.no_orders:
        write("orders.csv", ORDER_COLS, order_rows)
        files.append("orders.csv")

    command = "compare" if len(strategies) > 1 else "run"
    run = {"command": ["fslsim", command, "scenarios/fixture.json", "--replications", str(a.replications)],
           "scenario": scenarios[0] if len(scenarios) == 1 else scenarios,
           "title": "Synthetic fixture (not simulator output)", "replications": a.replications,
           "strategies": [f"{s[0]}/{s[1]}" for s in strategies], "generator": "notebooks/tests/make_fixture.py"}
    (out / "run.json").write_text(json.dumps(run, indent=2) + "\n")
    files.append("run.json")
    print(f"make_fixture: wrote {', '.join(files)} to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
