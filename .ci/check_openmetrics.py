#!/usr/bin/env python3
"""Parses metrics.prom files with prometheus_client's OpenMetrics parser (the reference Python implementation)
and checks they carry the source document's metric names.

usage: check_openmetrics.py [--expect-serving] FILE...
  --expect-serving  the files must also carry samples of ai_tokens_per_watt{model,hardware_type} and the
                    ai_inference_latency histogram with buckets 0.1, 0.5, 1, 2, 5 s and +Inf.
Exit 0 when every file parses and passes, 1 otherwise.
"""
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families

REQUIRED = {
    "ai_tokens_per_watt": "gauge",
    "ai_inference_latency": "histogram",
    "ai_autonomy_boundary_violations": "counter",
    "facility_pue": "gauge",
    "facility_energy_joules": "counter",
    "gpu_temperature_max_celsius": "gauge",
}
BUCKETS = {"0.1", "0.5", "1.0", "2.0", "5.0", "+Inf"}


def check(path, expect_serving):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    families = {m.name: m for m in text_string_to_metric_families(text)}
    problems = []
    for name, typ in REQUIRED.items():
        if name not in families:
            problems.append(f"missing metric family {name}")
        elif families[name].type != typ:
            problems.append(f"{name} has type {families[name].type}, expected {typ}")
    if "facility_pue" in families and not families["facility_pue"].samples:
        problems.append("facility_pue has no sample")
    if expect_serving:
        tpw = families.get("ai_tokens_per_watt")
        if not tpw or not tpw.samples or set(tpw.samples[0].labels) != {"model", "hardware_type"}:
            problems.append("ai_tokens_per_watt needs one sample labelled model and hardware_type")
        lat = families.get("ai_inference_latency")
        les = {s.labels.get("le") for s in (lat.samples if lat else []) if s.name.endswith("_bucket")}
        if les != BUCKETS:
            problems.append(f"ai_inference_latency buckets {sorted(les, key=str)} != {sorted(BUCKETS)}")
    return problems


def main(argv):
    expect = "--expect-serving" in argv
    files = [a for a in argv if a != "--expect-serving"]
    if not files:
        print(__doc__, file=sys.stderr)
        return 1
    # The parser must be strict enough for this check to mean something: a histogram without +Inf is rejected.
    try:
        list(text_string_to_metric_families('# TYPE x histogram\nx_bucket{le="1.0"} 1\nx_count 1\nx_sum 1\n# EOF\n'))
        print("error: the OpenMetrics parser accepted a histogram without +Inf bucket", file=sys.stderr)
        return 1
    except ValueError:
        pass
    failed = 0
    for path in files:
        try:
            problems = check(path, expect)
        except ValueError as error:
            problems = [f"does not parse as OpenMetrics: {error}"]
        if problems:
            failed += 1
            for p in problems:
                print(f"{path}: error: {p}", file=sys.stderr)
        else:
            print(f"{path}: OpenMetrics ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
