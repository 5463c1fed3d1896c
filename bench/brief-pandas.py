#!/usr/bin/env python3
"""The reference of bench/run-brief: a brief's key figures computed with pandas.

Usage: brief-pandas.py CSV COUNTRY YEAR COMPARE_YEAR

Reads an ACLED current-format CSV with pandas and computes, for the country (by the `country`
column's name) and the calendar year against the comparison year, the same key figures as
Harmattan's SecurityIndicators with the same semantics:

  * missing values are what Harmattan reads as missing: empty and "NA" (nothing else);
  * the newest version of each event id (highest `timestamp`) counts, older ones do not;
  * events are counted and `fatalities` summed; breakdowns are ordered by events descending,
    then by key (a missing admin1 sorts last and reads "(not given)"), top 10 for admin1 and
    actor1; percent changes are 100 * (now - then) / then, none when then is 0.

To be generous to pandas it reads only the columns it needs (usecols), keeps the event ids
unique per country (the newest-version rule is applied after the country filter, which is the
cheaper order) and parses dates only for the country's rows.

Prints one JSON object: {"figures": ..., "seconds": {"read": ..., "compute_first": ...,
"compute_median": ..., "read_compute": ...}}, timed with time.perf_counter inside the script
(interpreter start and `import pandas` are not counted).
"""

import json
import statistics
import sys
import time

import pandas as pd

POLITICAL_VIOLENCE = ["Battles", "Explosions/Remote violence", "Violence against civilians"]
VAC = "Violence against civilians"
TOP = 10
COLUMNS = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "actor1",
    "inter1",
    "country",
    "admin1",
    "fatalities",
    "timestamp",
]


def read(path):
    return pd.read_csv(
        path,
        usecols=COLUMNS,
        dtype={
            "event_id_cnty": str,
            "event_date": str,
            "event_type": str,
            "actor1": str,
            "inter1": "Int64",
            "country": str,
            "admin1": str,
            "fatalities": "int64",
            "timestamp": "int64",
        },
        keep_default_na=False,
        na_values=["", "NA"],
    )


def totals(frame):
    return int(len(frame)), int(frame["fatalities"].sum())


def change(now, then):
    return None if then == 0 else (now - then) / then * 100.0


def ordered(frame, column):
    """Events and fatalities per value of column, most events first, then by value."""
    g = frame.groupby(column, dropna=False, sort=False)["fatalities"].agg(["size", "sum"])
    rows = [(k, int(n), int(f)) for k, (n, f) in zip(g.index, g.itertuples(index=False))]
    rows = [(None if pd.isna(k) else k, n, f) for k, n, f in rows]
    rows.sort(key=lambda r: (-r[1], r[0] is None, r[0] or ""))
    return rows


def breakdown(now, then, column, limit):
    compared = {k: n for k, n, _ in ordered(then, column)}
    out = []
    for key, events, deaths in ordered(now, column)[: limit or None]:
        out.append(
            {
                "label": "(not given)" if key is None else key,
                "events": events,
                "fatalities": deaths,
                "compare_events": compared.get(key, 0),
            }
        )
    return out


def monthly(frame, year):
    by = frame.groupby(frame["date"].dt.month)["fatalities"].agg(["size", "sum"])
    out = []
    for m in range(1, 13):
        events, deaths = (int(by.at[m, "size"]), int(by.at[m, "sum"])) if m in by.index else (0, 0)
        out.append({"month": "%04d-%02d" % (year, m), "events": events, "fatalities": deaths})
    return out


def compute(df, country, year, compare_year):
    c = df[df["country"] == country]
    c = c.sort_values("timestamp", kind="stable").drop_duplicates("event_id_cnty", keep="last")
    c = c.assign(date=pd.to_datetime(c["event_date"], format="%Y-%m-%d"))
    now = c[c["date"].dt.year == year]
    then = c[c["date"].dt.year == compare_year]
    figures = {}
    subsets = [
        ("events.total", "fatalities.total", lambda f: f),
        (
            "events.political_violence",
            "fatalities.political_violence",
            lambda f: f[f["event_type"].isin(POLITICAL_VIOLENCE)],
        ),
        (
            "events.violence_against_civilians",
            "fatalities.violence_against_civilians",
            lambda f: f[f["event_type"] == VAC],
        ),
        (
            "events.violence_against_civilians.state_forces",
            "fatalities.violence_against_civilians.state_forces",
            lambda f: f[(f["event_type"] == VAC) & (f["inter1"] == 1).fillna(False)],
        ),
    ]
    for events_id, deaths_id, select in subsets:
        e_now, d_now = totals(select(now))
        e_then, d_then = totals(select(then))
        figures[events_id] = e_now
        figures[deaths_id] = d_now
        figures["compare." + events_id] = e_then
        figures["compare." + deaths_id] = d_then
        figures["change." + events_id] = change(e_now, e_then)
        figures["change." + deaths_id] = change(d_now, d_then)
    figures["by_event_type"] = breakdown(now, then, "event_type", 0)
    figures["by_admin1"] = breakdown(now, then, "admin1", TOP)
    figures["by_actor1"] = breakdown(now, then, "actor1", TOP)
    figures["monthly"] = monthly(now, year)
    figures["compare_monthly"] = monthly(then, compare_year)
    return figures


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: brief-pandas.py CSV COUNTRY YEAR COMPARE_YEAR")
    path, country = sys.argv[1], sys.argv[2]
    year, compare_year = int(sys.argv[3]), int(sys.argv[4])
    t0 = time.perf_counter()
    df = read(path)
    t1 = time.perf_counter()
    figures = compute(df, country, year, compare_year)
    t2 = time.perf_counter()
    again = []
    for _ in range(5):
        s = time.perf_counter()
        if compute(df, country, year, compare_year) != figures:
            sys.exit("pandas gave different figures on a repeated run")
        again.append(time.perf_counter() - s)
    print(
        json.dumps(
            {
                "rows": int(len(df)),
                "figures": figures,
                "seconds": {
                    "read": t1 - t0,
                    "compute_first": t2 - t1,
                    "compute_median": statistics.median(again),
                    "read_compute": t2 - t0,
                },
            }
        )
    )


if __name__ == "__main__":
    main()
