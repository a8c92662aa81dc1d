#!/usr/bin/env python3
"""Dollars per million feedback items and the monthly bill, from measured inputs and list prices.

Usage: python3 bench/scripts/cost-model.py [bench/scripts/cost-inputs.json]
Python 3 standard library only. docs/performance/cost.md explains the inputs and the output.
"""
import json
import os
import sys


def per_million(inp, tracing="PassThrough", log_level="warn", wru_key="wru"):
    """Variable cost of 1,000,000 items, per component (dollars)."""
    p, it = inp["prices"], inp["per_item"]
    m = 1_000_000
    w = it[wru_key]
    frac = it["wru"]["theme_writeback_fraction"]
    wru = w["put"] + w["enrich"] + w["theme_writeback"] * frac

    def lam(f):
        gbs = f["invocations"] * f["ms"] / 1000 * f["memory_mb"] / 1024
        return m * (gbs * p["lambda_arm64_per_gb_second"] + f["invocations"] * p["lambda_per_million_requests"] / m)

    return {
        "API Gateway (HTTP API)": m * it["api_requests"]["value"] * p["api_http_per_million_requests"] / m,
        "Lambda ingest": lam(it["ingest"]),
        "Lambda analyze": lam(it["analyze"]),
        "DynamoDB writes": m * wru * p["dynamodb_per_million_wru"] / m,
        "DynamoDB reads": m * it["rru"]["value"] * p["dynamodb_per_million_rru"] / m,
        "DynamoDB Streams (Lambda trigger)": 0.0,
        "CloudWatch Logs": m * it["log_bytes"][log_level] / 1e9 * p["logs_ingestion_per_gb"],
        "X-Ray": (m * it["xray_traces_active"]["value"] * p["xray_per_million_traces"] / m) if tracing == "Active" else 0.0,
    }


def storage_per_million_month(inp):
    """Storage + PITR of 1M stored items for one month."""
    gb = 1_000_000 * inp["per_item"]["stored_bytes"]["value"] / 1e9
    return gb * (inp["prices"]["dynamodb_storage_per_gb_month"] + inp["prices"]["dynamodb_pitr_per_gb_month"])


def fixed_per_month(inp, items):
    p, f = inp["prices"], inp["fixed_per_month"]
    gbs = lambda s, mb: s * mb / 1024 * p["lambda_arm64_per_gb_second"]
    nightly = items / f["themes_runs"]
    themes = f["themes_runs"] * gbs(f["themes_fixed_seconds"] + f["themes_seconds_per_100k_items"] * nightly / 1e5,
                                    f["themes_memory_mb"])
    weekly = items / f["digest_runs"]
    digest = f["digest_runs"] * gbs(f["digest_fixed_seconds"] + f["digest_seconds_per_100k_items"] * weekly / 1e5,
                                    f["digest_memory_mb"])
    alerts = f["alerts_runs"] * gbs(f["alerts_seconds"], f["alerts_memory_mb"])
    requests = (f["themes_runs"] + f["digest_runs"] + f["alerts_runs"]) * p["lambda_per_million_requests"] / 1e6
    return {
        "Lambda themes/digest/alerts jobs": themes + digest + alerts + requests,
        "EventBridge Scheduler": f["scheduler_invocations"] * p["scheduler_per_million_invocations"] / 1e6,
        "SES": f["emails"] * p["ses_per_thousand_emails"] / 1000,
    }


def monthly(inp, items, tracing="PassThrough", log_level="warn"):
    var = {k: v * items / 1e6 for k, v in per_million(inp, tracing, log_level).items()}
    fixed = fixed_per_month(inp, items)
    # Storage in the steady state: retention_months of intake kept.
    stored = storage_per_million_month(inp) * items / 1e6 * inp["retention_months"]
    return var, fixed, stored


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "cost-inputs.json")
    with open(path) as f:
        inp = json.load(f)
    print("prices: " + inp["prices"]["_source"])
    print()
    print("## Per 1 million items (variable cost)")
    print()
    cols = [("PassThrough", "warn", "wru_before"), ("PassThrough", "warn", "wru"), ("Active", "info", "wru")]
    header = ["before the WRU cut (float32 embedding)", "now: X-Ray off, logs warn", "now with X-Ray Active, logs info"]
    tables = [per_million(inp, t, l, w) for t, l, w in cols]
    print("| component | " + " | ".join(header) + " |")
    print("|---|" + "---:|" * len(cols))
    for k in tables[0]:
        print(f"| {k} | " + " | ".join(f"${t[k]:.2f}" for t in tables) + " |")
    fixed_1m = fixed_per_month(inp, 1_000_000)
    jobs = sum(fixed_1m.values())
    print("| nightly themes, weekly digest, hourly alerts, scheduler, SES (at 1M items/month) | "
          + " | ".join(f"${jobs:.2f}" for _ in cols) + " |")
    totals = [sum(t.values()) + jobs for t in tables]
    print("| **total per million items** | " + " | ".join(f"**${x:.2f}**" for x in totals) + " |")
    print()
    print(f"Storage + PITR backups: ${storage_per_million_month(inp):.2f} per million stored items per month "
          f"({inp['per_item']['stored_bytes']['value']} B each incl. index entries); with "
          f"{inp['retention_months']}-month retention a million items cost "
          f"${storage_per_million_month(inp) * inp['retention_months']:.2f} over their life.")
    units = inp["prices"]["comprehend_min_units"]
    print(f"Managed NLP for comparison: Amazon Comprehend sentiment alone, {units} units a short item: "
          f"${1e6 * units * inp['prices']['comprehend_sentiment_per_unit']:.0f} per million items.")
    print()
    print("## What-ifs (per million items, X-Ray off, logs warn; not implemented)")
    print()
    print("| scenario | WRU per item | DynamoDB writes | total per million |")
    print("|---|---:|---:|---:|")
    for name, over in inp.get("scenarios", {}).items():
        if name.startswith("_"):
            continue
        alt = json.loads(json.dumps(inp))
        for k, v in over.get("wru", {}).items():
            alt["per_item"]["wru"][k] = v
        if "log_warn" in over:
            alt["per_item"]["log_bytes"]["warn"] = over["log_warn"]
        t = per_million(alt)
        w = alt["per_item"]["wru"]
        wru = w["put"] + w["enrich"] + w["theme_writeback"] * w["theme_writeback_fraction"]
        print(f"| {name} | {wru:.2f} | ${t['DynamoDB writes']:.2f} | ${sum(t.values()) + jobs:.2f} |")
    print()
    print("## Monthly bill (X-Ray off, logs warn; storage at steady state of the retention)")
    print()
    print("| items a month | per-item services | jobs, scheduler, SES | storage + PITR (steady state) | total | total without storage |")
    print("|---:|---:|---:|---:|---:|---:|")
    for items in (10_000, 100_000, 1_000_000):
        var, fixed, stored = monthly(inp, items)
        v, fx = sum(var.values()), sum(fixed.values())
        print(f"| {items:,} | ${v:.2f} | ${fx:.2f} | ${stored:.2f} | ${v + fx + stored:.2f} | ${v + fx:.2f} |")


if __name__ == "__main__":
    main()
