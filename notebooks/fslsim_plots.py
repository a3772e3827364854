"""Shared loading and plotting code for the fslsim analyst notebooks and notebooks/report.py.

Every ``fig_*`` function takes a :class:`Results` (from :func:`load_results`) and returns a
matplotlib Figure, with one panel per scenario in the results folder. Charts whose source file
is optional (paired.csv, timeseries.csv) return ``None`` when that file is absent; the other
charts always return a figure and draw a note on it where the data is missing, so they work on
any scenario (any tiers, locations, countries, any number of strategies, one included).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import matplotlib
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter

COST_COMPONENTS = ["cost_shipping", "cost_handling", "cost_customs", "cost_transfer", "cost_holding",
                   "cost_penalty"]
PAIRED_METRICS = ["sla_attainment", "fill_rate", "cost_total", "mean_delivery_h", "avg_backorders",
                  "mean_backorder_wait_h"]
COLUMNS = {
    "replications.csv": ["scenario", "routing", "allocation", "replication", "seed", "metric", "segment",
                         "value"],
    "summary.csv": ["scenario", "routing", "allocation", "metric", "segment", "n", "mean", "std", "ci_low",
                    "ci_high", "min", "max"],
    "paired.csv": ["scenario", "metric", "segment", "candidate", "baseline", "mean_diff", "ci_low",
                   "ci_high", "significant"],
    "timeseries.csv": ["scenario", "routing", "allocation", "replication", "day", "metric", "segment",
                       "value"],
}
ORDER_COLUMNS = ["scenario", "routing", "allocation", "replication", "tier", "backordered",
                 "backorder_wait_h"]
REQUIRED_FILES = ("replications.csv", "summary.csv")

# Charts written by report.py: (file stem, function name, source file that must exist or None)
CORE_CHARTS = ["sla_vs_cost", "sla_by_tier", "cost_breakdown", "backorder_wait", "fill_sla_by_location",
               "fill_sla_by_country"]
OPTIONAL_CHARTS = {"paired_differences": "paired.csv", "backorders_open": "timeseries.csv"}

_TEXT = {"sla_attainment": "SLA attainment", "fill_rate": "Fill rate", "cost_total": "Total cost",
         "mean_delivery_h": "Mean delivery time (h)", "avg_backorders": "Average open backorders",
         "mean_backorder_wait_h": "Mean backorder wait (h)", "backorders_open": "Open backorders"}


class ResultsError(Exception):
    """The results folder is missing, incomplete or unreadable."""


# ----------------------------------------------------------------------------------------------
# loading


@dataclass
class Results:
    path: Path
    replications: pd.DataFrame
    summary: pd.DataFrame
    paired: pd.DataFrame | None = None
    timeseries: pd.DataFrame | None = None
    orders: pd.DataFrame | None = None
    run: dict | None = None

    @property
    def strategies(self) -> list[str]:
        """Strategies in the order the simulator wrote them (summary first, then replications)."""
        seen = list(dict.fromkeys(list(self.summary["strategy"]) + list(self.replications["strategy"])))
        return seen

    @property
    def scenarios(self) -> list[str]:
        return list(dict.fromkeys(list(self.summary["scenario"]) + list(self.replications["scenario"])))

    @property
    def title(self) -> str:
        return run_title(self.run, self.path)

    def colors(self) -> dict[str, str]:
        return strategy_colors(self.strategies)

    def describe(self) -> str:
        parts = [f"results folder: {self.path}", f"title: {self.title}",
                 f"scenarios: {', '.join(self.scenarios) or '-'}",
                 f"strategies ({len(self.strategies)}): {', '.join(self.strategies) or '-'}",
                 f"replications.csv: {len(self.replications)} rows; summary.csv: {len(self.summary)} rows"]
        for name, df in (("paired.csv", self.paired), ("timeseries.csv", self.timeseries),
                         ("orders.csv", self.orders)):
            parts.append(f"{name}: {'absent' if df is None else f'{len(df)} rows'}")
        return "\n".join(parts)


def _read_csv(path: Path, required: list[str], **kwargs) -> pd.DataFrame:
    try:
        df = pd.read_csv(path, keep_default_na=False, na_values=["", "nan", "NaN", "-nan", "NA"], **kwargs)
    except pd.errors.EmptyDataError:
        raise ResultsError(f"{path} is empty (not even a header line)") from None
    except (OSError, pd.errors.ParserError, ValueError) as e:
        raise ResultsError(f"cannot read {path}: {e}") from None
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ResultsError(f"{path} lacks column(s) {', '.join(missing)} (has: {', '.join(map(str, df.columns))})")
    return df


def _numeric(s: pd.Series) -> pd.Series:
    out = pd.to_numeric(s, errors="coerce").astype(float)
    return out.where(np.isfinite(out))


def _boolean(s: pd.Series) -> pd.Series:
    if s.dtype == bool:
        return s
    return s.astype(str).str.strip().str.lower().isin(["true", "1", "yes", "t", "1.0"])


def _strings(df: pd.DataFrame, cols) -> None:
    for c in cols:
        df[c] = df[c].fillna("").astype(str)


def _add_strategy(df: pd.DataFrame) -> None:
    df["strategy"] = df["routing"] + "/" + df["allocation"]


def split_segment(seg: str) -> tuple[str, str]:
    """``all`` -> (``all``, ``all``); ``tier=gold`` -> (``tier``, ``gold``)."""
    seg = str(seg)
    if "=" in seg:
        kind, ident = seg.split("=", 1)
        return kind.strip(), ident.strip()
    return seg, seg


def _add_segment_parts(df: pd.DataFrame) -> None:
    parts = df["segment"].map(split_segment)
    df["segment_kind"] = parts.map(lambda p: p[0])
    df["segment_id"] = parts.map(lambda p: p[1])


def load_results(results_dir, load_orders: bool = True) -> Results:
    """Read a results folder. Raises ResultsError (with a message that says what is wrong) if the
    folder, replications.csv or summary.csv is missing or malformed. Optional files that are
    absent become None."""
    path = Path(results_dir).expanduser()
    if not path.is_dir():
        raise ResultsError(f"results folder {path} does not exist (set RESULTS_DIR or FSLSIM_RESULTS_DIR "
                           "to a folder written by `fslsim run` or `fslsim compare`)")
    missing = [f for f in REQUIRED_FILES if not (path / f).is_file()]
    if missing:
        raise ResultsError(f"results folder {path} lacks {' and '.join(missing)}; "
                           "expected the output folder of `fslsim run` or `fslsim compare`")
    text = {"scenario": str, "routing": str, "allocation": str, "metric": str, "segment": str}
    reps = _read_csv(path / "replications.csv", COLUMNS["replications.csv"], dtype={**text, "seed": str})
    _strings(reps, ["scenario", "routing", "allocation", "metric", "segment"])
    reps["value"] = _numeric(reps["value"])
    reps["replication"] = pd.to_numeric(reps["replication"], errors="coerce")
    summ = _read_csv(path / "summary.csv", COLUMNS["summary.csv"], dtype=text)
    _strings(summ, ["scenario", "routing", "allocation", "metric", "segment"])
    for c in ["n", "mean", "std", "ci_low", "ci_high", "min", "max"]:
        summ[c] = _numeric(summ[c])
    for df in (reps, summ):
        _add_strategy(df)
        _add_segment_parts(df)
    res = Results(path=path, replications=reps, summary=summ)

    if (path / "paired.csv").is_file():
        p = _read_csv(path / "paired.csv", COLUMNS["paired.csv"],
                      dtype={"scenario": str, "metric": str, "segment": str, "candidate": str, "baseline": str})
        _strings(p, ["scenario", "metric", "segment", "candidate", "baseline"])
        for c in ["mean_diff", "ci_low", "ci_high"]:
            p[c] = _numeric(p[c])
        p["significant"] = _boolean(p["significant"])
        _add_segment_parts(p)
        res.paired = p
    if (path / "timeseries.csv").is_file():
        ts = _read_csv(path / "timeseries.csv", COLUMNS["timeseries.csv"], dtype=text)
        _strings(ts, ["scenario", "routing", "allocation", "metric", "segment"])
        ts["value"] = _numeric(ts["value"])
        ts["day"] = _numeric(ts["day"])
        _add_strategy(ts)
        res.timeseries = ts
    if load_orders and (path / "orders.csv").is_file():
        # orders.csv can be large: read only the columns the charts use
        o = _read_csv(path / "orders.csv", ORDER_COLUMNS, usecols=lambda c: c in ORDER_COLUMNS,
                      dtype={"scenario": str, "routing": str, "allocation": str, "tier": str,
                             "backordered": str})
        _strings(o, ["scenario", "routing", "allocation", "tier"])
        o["backordered"] = _boolean(o["backordered"])
        o["backorder_wait_h"] = _numeric(o["backorder_wait_h"])
        _add_strategy(o)
        res.orders = o
    if (path / "run.json").is_file():
        try:
            res.run = json.loads((path / "run.json").read_text())
        except (OSError, ValueError):
            res.run = None
    return res


def run_title(run, path) -> str:
    """A short title for the charts from run.json (title, else scenario and command), else the folder name."""
    name = Path(path).name
    if not isinstance(run, dict):
        return name
    for key in ("title", "name"):
        if isinstance(run.get(key), str) and run[key].strip():
            return run[key].strip()
    bits = []
    scen = run.get("scenario")
    if isinstance(scen, str):
        bits.append(scen)
    elif isinstance(scen, dict) and isinstance(scen.get("name"), str):
        bits.append(scen["name"])
    cmd = run.get("command")
    if isinstance(cmd, list):
        cmd = " ".join(map(str, cmd))
    if isinstance(cmd, str) and cmd.strip():
        bits.append(cmd.strip() if len(cmd) <= 80 else cmd.strip()[:77] + "...")
    return " — ".join(bits) or name


# ----------------------------------------------------------------------------------------------
# statistics helpers

_T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
         10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110,
         18: 2.101, 19: 2.093, 20: 2.086, 25: 2.060, 30: 2.042, 40: 2.021, 60: 2.000, 120: 1.980}


def t975(df) -> float:
    """Two-sided 95% Student t quantile (table; conservative between entries, 1.96 for large df)."""
    if df is None or not np.isfinite(df) or df < 1:
        return math.nan
    if df >= 1000:
        return 1.96
    return _T975[max(k for k in _T975 if k <= df)]


def mean_ci(values: pd.Series) -> pd.Series:
    """Mean and 95% t confidence interval of the finite values (interval NaN when n < 2)."""
    x = pd.to_numeric(values, errors="coerce").dropna()
    n = len(x)
    mean = x.mean() if n else math.nan
    half = t975(n - 1) * x.std(ddof=1) / math.sqrt(n) if n > 1 else math.nan
    return pd.Series({"n": n, "mean": mean, "ci_low": mean - half, "ci_high": mean + half})


def replication_ci(reps: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Mean and t-CI over replications of ``value`` grouped by ``by``."""
    if reps.empty:
        return pd.DataFrame(columns=by + ["n", "mean", "ci_low", "ci_high"])
    return reps.groupby(by, sort=False)["value"].apply(mean_ci).unstack().reset_index()


def _err(mean, lo, hi) -> np.ndarray:
    """Asymmetric error bar array from CI bounds; missing bounds draw no bar."""
    mean, lo, hi = (np.asarray(a, dtype=float) for a in (mean, lo, hi))
    below = np.where(np.isfinite(lo), mean - lo, 0.0)
    above = np.where(np.isfinite(hi), hi - mean, 0.0)
    return np.vstack([np.clip(np.nan_to_num(below), 0, None), np.clip(np.nan_to_num(above), 0, None)])


def natural_key(s: str):
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(s))]


def strategy_colors(strategies) -> dict[str, str]:
    cmap = plt.get_cmap("tab10" if len(strategies) <= 10 else "tab20")
    return {s: matplotlib.colors.to_hex(cmap(i % cmap.N)) for i, s in enumerate(strategies)}


def summary_table(res: Results, metrics=("sla_attainment", "fill_rate", "cost_total", "mean_delivery_h",
                                         "avg_backorders", "mean_backorder_wait_h"), segment="all") -> pd.DataFrame:
    """Wide table: one row per scenario and strategy, ``mean [ci_low, ci_high]`` per metric."""
    s = res.summary[(res.summary["segment"] == segment) & res.summary["metric"].isin(metrics)]
    if s.empty:
        return pd.DataFrame()

    def cell(r):
        if not np.isfinite(r["ci_low"]):
            return f"{r['mean']:.4g}"
        return f"{r['mean']:.4g} [{r['ci_low']:.4g}, {r['ci_high']:.4g}]"

    s = s.assign(cell=s.apply(cell, axis=1))
    t = s.pivot_table(index=["scenario", "strategy"], columns="metric", values="cell", aggfunc="first", sort=False)
    return t[[m for m in metrics if m in t.columns]]


def paired_table(res: Results, segment="all") -> pd.DataFrame | None:
    if res.paired is None:
        return None
    p = res.paired[res.paired["segment"] == segment]
    return p[["scenario", "metric", "candidate", "baseline", "mean_diff", "ci_low", "ci_high",
              "significant"]].reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# plotting helpers


def _panels(n: int, width: float = 6.5, height: float = 4.5, ncols: int | None = None, squeeze=False):
    n = max(n, 1)
    ncols = ncols or min(n, 2)
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows), squeeze=False)
    flat = list(axes.ravel())
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def _pad_categories(ax, n: int) -> None:
    """Keep one or two bars from filling the whole axis."""
    pad = max(0.0, (2 - n) * 0.5)
    ax.set_xlim(-0.5 - pad, n - 0.5 + pad)


def _note(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, transform=ax.transAxes, fontsize=10,
            color="0.35")
    ax.set_xticks([])
    ax.set_yticks([])


def _is_fraction(values) -> bool:
    v = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce").dropna(), dtype=float)
    return len(v) > 0 and v.min() >= -1e-9 and v.max() <= 1 + 1e-9


def _label(metric: str) -> str:
    return _TEXT.get(metric, metric.replace("_", " "))


def _fraction_axis(ax, values, axis="y") -> None:
    if _is_fraction(values):
        (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(PercentFormatter(1.0))


def _finish(fig, title: str, rect=(0, 0, 1, 1)):
    fig.suptitle(title, fontsize=12)
    fig.tight_layout(rect=rect)
    return fig


def _grouped_bars(ax, df: pd.DataFrame, group_col: str, strategies, colors, groups=None, value="mean",
                  lo="ci_low", hi="ci_high"):
    """Bars of ``value`` for each group (x) and strategy (colour) with CI error bars."""
    groups = groups if groups is not None else sorted(df[group_col].unique(), key=natural_key)
    strategies = [s for s in strategies if s in set(df["strategy"])]
    k = max(len(strategies), 1)
    width = 0.8 / k
    x = np.arange(len(groups))
    for i, s in enumerate(strategies):
        d = df[df["strategy"] == s].set_index(group_col).reindex(groups)
        ax.bar(x - 0.4 + width * (i + 0.5), d[value].to_numpy(dtype=float), width,
               yerr=_err(d[value], d[lo], d[hi]), capsize=3, color=colors[s], label=s,
               error_kw={"elinewidth": 1, "ecolor": "0.2"})
    ax.set_xticks(x)
    ax.set_xticklabels(groups, rotation=30 if len(groups) > 6 or max(map(len, map(str, groups)), default=0) > 10 else 0,
                       ha="right" if len(groups) > 6 else "center")
    ax.grid(axis="y", alpha=0.3)
    return strategies


# ----------------------------------------------------------------------------------------------
# charts


def fig_sla_vs_cost(res: Results):
    """SLA attainment vs total cost per strategy, 95% CI error bars on both axes, and the frontier of
    strategies that no other strategy beats on both (lower cost and higher SLA)."""
    colors = res.colors()
    s = res.summary[(res.summary["segment"] == "all") & res.summary["metric"].isin(["sla_attainment", "cost_total"])]
    scenarios = res.scenarios
    fig, axes = _panels(len(scenarios), 7, 5)
    for ax, scen in zip(axes, scenarios):
        d = s[s["scenario"] == scen]
        w = d.pivot_table(index="strategy", columns="metric", values=["mean", "ci_low", "ci_high"], sort=False)
        if w.empty or ("mean", "sla_attainment") not in w.columns or ("mean", "cost_total") not in w.columns:
            _note(ax, f"{scen}: summary.csv has no sla_attainment and cost_total for segment 'all'")
            continue
        w = w.dropna(subset=[("mean", "sla_attainment"), ("mean", "cost_total")])
        for strat, r in w.iterrows():
            ax.errorbar(r[("mean", "cost_total")], r[("mean", "sla_attainment")],
                        xerr=_err([r[("mean", "cost_total")]], [r.get(("ci_low", "cost_total"), np.nan)],
                                  [r.get(("ci_high", "cost_total"), np.nan)]),
                        yerr=_err([r[("mean", "sla_attainment")]], [r.get(("ci_low", "sla_attainment"), np.nan)],
                                  [r.get(("ci_high", "sla_attainment"), np.nan)]),
                        fmt="o", ms=8, capsize=4, color=colors[strat], label=strat)
            ax.annotate(strat, (r[("mean", "cost_total")], r[("mean", "sla_attainment")]),
                        textcoords="offset points", xytext=(6, 6), fontsize=8)
        pts = sorted(zip(w[("mean", "cost_total")], w[("mean", "sla_attainment")]))
        frontier, best = [], -np.inf
        for c, v in pts:
            if v > best:
                frontier.append((c, v))
                best = v
        if len(frontier) > 1:
            ax.plot(*zip(*frontier), ls="--", color="0.5", lw=1, zorder=0, label="frontier (non-dominated)")
        ax.set_xlabel("Total cost (mean, 95% CI)")
        ax.set_ylabel("SLA attainment (mean, 95% CI)")
        _fraction_axis(ax, w[("mean", "sla_attainment")])
        ax.margins(0.15)
        ax.grid(alpha=0.3)
        ax.set_title(scen)
        ax.legend(fontsize=8, loc="best")
    return _finish(fig, f"SLA attainment vs total cost — {res.title}")


def fig_sla_by_tier(res: Results, metric: str = "sla_attainment"):
    """Grouped bars of a metric by contract tier (plus 'all') per strategy, with 95% CIs."""
    colors = res.colors()
    s = res.summary[(res.summary["metric"] == metric) & res.summary["segment_kind"].isin(["tier", "all"])]
    scenarios = res.scenarios
    n_groups = max([s[s["scenario"] == sc]["segment_id"].nunique() for sc in scenarios] + [1])
    fig, axes = _panels(len(scenarios), min(max(6.0, 1.0 + n_groups * 0.25 * max(len(res.strategies), 2)), 20), 4.5,
                        ncols=1)
    for ax, scen in zip(axes, scenarios):
        d = s[s["scenario"] == scen]
        if d.empty:
            _note(ax, f"{scen}: summary.csv has no {metric} rows")
            continue
        tiers = sorted(d.loc[d["segment_kind"] == "tier", "segment_id"].unique(), key=natural_key)
        groups = tiers + (["all"] if (d["segment_kind"] == "all").any() else [])
        _grouped_bars(ax, d, "segment_id", res.strategies, colors, groups)
        ax.set_xlabel("contract tier" if tiers else "no tier segments in summary.csv")
        ax.set_ylabel(f"{_label(metric)} (mean, 95% CI)")
        _fraction_axis(ax, d["mean"])
        ax.set_title(scen)
        ax.legend(fontsize=8, loc="best")
    return _finish(fig, f"{_label(metric)} by tier — {res.title}")


def fig_cost_breakdown(res: Results):
    """Stacked mean cost components per strategy; the black marker is cost_total with its 95% CI."""
    s = res.summary[(res.summary["segment"] == "all")]
    comp_colors = dict(zip(COST_COMPONENTS, plt.get_cmap("Set2").colors))
    scenarios = res.scenarios
    fig, axes = _panels(len(scenarios), max(6.0, 1.5 + 1.1 * len(res.strategies)), 5)
    for ax, scen in zip(axes, scenarios):
        d = s[s["scenario"] == scen]
        comps = [c for c in COST_COMPONENTS if c in set(d["metric"])]
        if not comps:
            _note(ax, f"{scen}: summary.csv has no cost_* metrics for segment 'all'")
            continue
        strategies = [x for x in res.strategies if x in set(d["strategy"])]
        means = d.pivot_table(index="strategy", columns="metric", values="mean", sort=False).reindex(strategies)
        x = np.arange(len(strategies))
        bottom = np.zeros(len(strategies))
        for c in comps:
            v = np.nan_to_num(means[c].to_numpy(dtype=float))
            ax.bar(x, v, 0.6, bottom=bottom, color=comp_colors[c], label=c.removeprefix("cost_"))
            bottom += v
        tot = d[d["metric"] == "cost_total"].set_index("strategy").reindex(strategies)
        if tot["mean"].notna().any():
            ax.errorbar(x, tot["mean"], yerr=_err(tot["mean"], tot["ci_low"], tot["ci_high"]), fmt="D",
                        color="black", ms=5, capsize=4, label="total (95% CI)")
        ax.set_xticks(x)
        _pad_categories(ax, len(strategies))
        ax.set_xticklabels(strategies, rotation=20 if len(strategies) > 3 else 0,
                           ha="right" if len(strategies) > 3 else "center")
        ax.set_ylabel("mean cost per replication")
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(scen)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _finish(fig, f"Cost breakdown — {res.title}")


def fig_paired_differences(res: Results, metrics=None, segment: str = "all"):
    """Paired differences (candidate − baseline) with 95% CIs from paired.csv; filled markers are
    significant. Returns None when the folder has no paired.csv."""
    if res.paired is None:
        return None
    p = res.paired[res.paired["segment"] == segment]
    metrics = [m for m in (metrics or PAIRED_METRICS) if m in set(p["metric"])]
    scenarios = list(dict.fromkeys(p["scenario"])) or res.scenarios
    if not metrics:
        fig, axes = _panels(1)
        _note(axes[0], f"paired.csv has none of {', '.join(metrics or PAIRED_METRICS)} for segment '{segment}'")
        return _finish(fig, f"Paired differences vs baseline — {res.title}")
    pairs = list(dict.fromkeys(zip(p["candidate"], p["baseline"])))
    colors = res.colors()
    ncols = min(len(metrics), 3)
    fig, axes = _panels(len(scenarios) * len(metrics), 4.8, 1.2 + 0.45 * max(len(pairs), 2), ncols=ncols)
    i = 0
    for scen in scenarios:
        for m in metrics:
            ax = axes[i]
            i += 1
            d = p[(p["scenario"] == scen) & (p["metric"] == m)]
            if d.empty:
                _note(ax, f"{scen}: no {m}")
                continue
            labels = []
            for y, (cand, base) in enumerate(pairs):
                r = d[(d["candidate"] == cand) & (d["baseline"] == base)]
                labels.append(f"{cand}\nvs {base}")
                if r.empty:
                    continue
                r = r.iloc[0]
                c = colors.get(cand, "C0")
                ax.errorbar(r["mean_diff"], y, xerr=_err([r["mean_diff"]], [r["ci_low"]], [r["ci_high"]]),
                            fmt="o", ms=7, capsize=4, color=c, mfc=c if r["significant"] else "white")
            ax.axvline(0, color="0.4", lw=1)
            ax.set_yticks(range(len(pairs)))
            ax.set_yticklabels(labels, fontsize=7)
            ax.set_ylim(-0.6, len(pairs) - 0.4)
            ax.invert_yaxis()
            ax.set_title(f"{_label(m)}" + (f" — {scen}" if len(scenarios) > 1 else ""), fontsize=9)
            ax.set_xlabel("candidate − baseline (95% CI)", fontsize=8)
            ax.grid(axis="x", alpha=0.3)
    handles = [Line2D([], [], marker="o", ls="", color="0.3", label="significant"),
               Line2D([], [], marker="o", ls="", color="0.3", mfc="white", label="not significant")]
    fig.legend(handles=handles, loc="lower center", ncol=2, fontsize=8, frameon=False)
    return _finish(fig, f"Paired differences vs baseline — {res.title}",
                   rect=(0, 0.3 / fig.get_figheight(), 1, 1))


def fig_backorder_wait(res: Results):
    """Backorder wait distribution per strategy (ECDF from orders.csv); without orders.csv, the
    mean_backorder_wait_h of summary.csv with 95% CIs."""
    colors = res.colors()
    scenarios = res.scenarios
    o = res.orders
    if o is not None:
        o = o[o["backordered"] & o["backorder_wait_h"].notna()]
    if o is not None and not o.empty:
        fig, axes = _panels(len(scenarios), 7, 4.5)
        for ax, scen in zip(axes, scenarios):
            d = o[o["scenario"] == scen]
            if d.empty:
                _note(ax, f"{scen}: no resolved backorders in orders.csv")
                continue
            for strat in [x for x in res.strategies if x in set(d["strategy"])]:
                w = np.sort(d.loc[d["strategy"] == strat, "backorder_wait_h"].to_numpy(dtype=float))
                y = np.arange(1, len(w) + 1) / len(w)
                ax.step(w, y, where="post", color=colors[strat],
                        label=f"{strat} (n={len(w)}, mean {w.mean():.1f} h, p95 {np.quantile(w, 0.95):.1f} h)")
            ax.set_xlabel("backorder wait (h)")
            ax.set_ylabel("share of backordered lines waiting ≤ x")
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
            ax.grid(alpha=0.3)
            ax.set_title(scen)
            ax.legend(fontsize=7, loc="lower right")
        return _finish(fig, f"Backorder wait distribution (orders.csv, resolved backorders) — {res.title}")
    s = res.summary[(res.summary["metric"] == "mean_backorder_wait_h") & (res.summary["segment"] == "all")]
    fig, axes = _panels(len(scenarios), max(6.0, 1.5 + 1.0 * len(res.strategies)), 4.5)
    why = "no orders.csv" if res.orders is None else "no resolved backorders in orders.csv"
    for ax, scen in zip(axes, scenarios):
        d = s[s["scenario"] == scen].assign(group="all")
        if d.empty or d["mean"].isna().all():
            _note(ax, f"{scen}: {why}, and summary.csv has no mean_backorder_wait_h")
            continue
        strategies = [x for x in res.strategies if x in set(d["strategy"])]
        x = np.arange(len(strategies))
        d = d.set_index("strategy").reindex(strategies)
        ax.bar(x, d["mean"].to_numpy(dtype=float), 0.6, yerr=_err(d["mean"], d["ci_low"], d["ci_high"]), capsize=4,
               color=[colors[s_] for s_ in strategies])
        ax.set_xticks(x)
        _pad_categories(ax, len(strategies))
        ax.set_xticklabels(strategies, rotation=20 if len(strategies) > 3 else 0)
        ax.set_ylabel("mean backorder wait (h, 95% CI)")
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(scen)
    return _finish(fig, f"Mean backorder wait ({why}) — {res.title}")


def fig_backorders_open(res: Results, metric: str = "backorders_open", segment: str = "all"):
    """Open backorders per simulated day: mean across replications per strategy, shaded 95% CI.
    Returns None when the folder has no timeseries.csv."""
    if res.timeseries is None:
        return None
    colors = res.colors()
    ts = res.timeseries[(res.timeseries["metric"] == metric) & (res.timeseries["segment"] == segment)]
    scenarios = res.scenarios
    fig, axes = _panels(len(scenarios), 7, 4.5)
    for ax, scen in zip(axes, scenarios):
        d = ts[ts["scenario"] == scen]
        if d.empty:
            _note(ax, f"{scen}: timeseries.csv has no {metric} rows for segment '{segment}'")
            continue
        agg = replication_ci(d, ["strategy", "day"])
        for strat in [x for x in res.strategies if x in set(agg["strategy"])]:
            a = agg[agg["strategy"] == strat].sort_values("day")
            ax.plot(a["day"], a["mean"], color=colors[strat], label=strat, lw=1.5)
            low = a["ci_low"].to_numpy(dtype=float)
            if (d["value"].dropna() >= 0).all():  # counts: a band below zero means nothing
                low = np.clip(low, 0, None)
            ax.fill_between(a["day"].to_numpy(dtype=float), low,
                            a["ci_high"].to_numpy(dtype=float), color=colors[strat], alpha=0.15, lw=0)
        ax.set_xlabel("simulated day")
        ax.set_ylabel(f"{_label(metric)} (mean over replications)")
        ax.grid(alpha=0.3)
        ax.set_title(scen)
        ax.legend(fontsize=8, loc="best")
    return _finish(fig, f"{_label(metric)} over time (shaded: 95% CI) — {res.title}")


def segment_stats(res: Results, kind: str, metrics=("fill_rate", "sla_attainment")) -> pd.DataFrame:
    """Mean and 95% t-CI over replications per scenario, strategy, metric and segment id of a kind
    (``location``, ``country``, ``tier``) from replications.csv."""
    r = res.replications
    r = r[(r["segment_kind"] == kind) & r["metric"].isin(metrics)]
    return replication_ci(r, ["scenario", "strategy", "metric", "segment_id"])


def fig_segment_metrics(res: Results, kind: str, metrics=("fill_rate", "sla_attainment")):
    """Grouped bars per ``kind=<id>`` segment (location, country, ...) of each metric per strategy,
    mean over replications with 95% t-CIs, from replications.csv."""
    colors = res.colors()
    st = segment_stats(res, kind, metrics)
    scenarios = res.scenarios
    n_ids = max(st["segment_id"].nunique() if not st.empty else 1, 1)
    width = min(max(6.5, 1.5 + n_ids * 0.22 * max(len(res.strategies), 2)), 24)
    fig, axes = _panels(len(scenarios) * len(metrics), width, 4.2, ncols=1)
    i = 0
    for scen in scenarios:
        for m in metrics:
            ax = axes[i]
            i += 1
            d = st[(st["scenario"] == scen) & (st["metric"] == m)] if not st.empty else st
            if d.empty:
                _note(ax, f"{scen}: replications.csv has no {m} rows for {kind}=<id> segments")
                ax.set_title(f"{_label(m)} by {kind} — {scen}")
                continue
            _grouped_bars(ax, d, "segment_id", res.strategies, colors)
            ax.set_ylabel(f"{_label(m)} (95% CI)")
            _fraction_axis(ax, d["mean"])
            ax.set_title(f"{_label(m)} by {kind}" + (f" — {scen}" if len(scenarios) > 1 else ""))
            ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _finish(fig, f"Fill rate and SLA attainment by {kind} — {res.title}")


CHART_FUNCTIONS = {
    "sla_vs_cost": fig_sla_vs_cost,
    "sla_by_tier": fig_sla_by_tier,
    "cost_breakdown": fig_cost_breakdown,
    "backorder_wait": fig_backorder_wait,
    "fill_sla_by_location": lambda res: fig_segment_metrics(res, "location"),
    "fill_sla_by_country": lambda res: fig_segment_metrics(res, "country"),
    "paired_differences": fig_paired_differences,
    "backorders_open": fig_backorders_open,
}


# ----------------------------------------------------------------------------------------------
# static report


def write_report(res: Results, out_dir, formats=("png", "svg"), dpi: int = 120):
    """Save every chart as ``<name>.<fmt>`` in out_dir. Returns (written paths, notes) where notes
    name the optional charts skipped because their source file is absent."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written, notes = [], []
    with matplotlib.rc_context({"svg.hashsalt": "fslsim", "svg.fonttype": "path"}):
        for name in CORE_CHARTS + list(OPTIONAL_CHARTS):
            fig = CHART_FUNCTIONS[name](res)
            if fig is None:
                notes.append(f"{name}: skipped ({OPTIONAL_CHARTS[name]} not in the results folder)")
                continue
            try:
                for fmt in formats:
                    p = out / f"{name}.{fmt}"
                    meta = {"Date": None} if fmt == "svg" else {}
                    fig.savefig(p, dpi=dpi, bbox_inches="tight", metadata=meta)
                    written.append(p)
            finally:
                plt.close(fig)
    return written, notes
