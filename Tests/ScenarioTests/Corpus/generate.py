#!/usr/bin/env python3
"""Generates the robustness corpus of malformed scenario files.

Run from anywhere: `python3 Tests/ScenarioTests/Corpus/generate.py`. It rewrites every generated file in
this directory (the files are committed so that reviewers can read them) and `expectations.tsv`, which gives,
for each file, the field path that at least one diagnostic must name (`-` where the problem is the YAML
text itself, such as a syntax error or an empty file, whose diagnostics may have an empty path).

`valid/base.yaml` is the valid scenario every mutation starts from; ScenarioTests checks that it loads, so
each corpus file fails because of its own mutation. The base uses a synthetic climate so the corpus does not
depend on a weather file. The generator is deterministic (no randomness).
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

# The base scenario, block by block: (block or None for top-level, key, value).
BASE = [
    (None, "schema_version", "1"),
    (None, "name", "corpus-base"),
    (None, "seed", "7"),
    (None, "horizon", "48h"),
    (None, "sampling_interval", "1h"),
    (None, "fidelity", "fluid"),
    ("facility", "accelerator", "H100-SXM"),
    ("facility", "gpus", "64"),
    ("facility", "gpus_per_server", "8"),
    ("facility", "primary_share", "0.75"),
    ("facility", "gpus_per_tank", "32"),
    ("facility", "gpus_per_rack", "32"),
    ("cooling_system", "primary", "liquid_immersion"),
    ("cooling_system", "secondary", "direct_to_chip"),
    ("cooling_system", "power_usage_effectiveness_target", "1.1"),
    ("cooling_system", "heat_recovery", "enabled"),
    ("cooling_system", "redundancy", "n+1"),
    ("thermal_management", "gpu_temperature_threshold", "70°C"),
    ("thermal_management", "automatic_throttling", "enabled"),
    ("thermal_management", "predictive_maintenance", "ai_based"),
    ("heat_rejection", "supply_setpoint", "30°C"),
    ("heat_rejection", "dry_cooler_approach", "10 K"),
    ("heat_rejection", "chiller", "trim"),
    ("heat_rejection", "cooling_tower", "disabled"),
    ("heat_rejection", "economiser", "enabled"),
    ("immersion", "junction_to_fluid", "0.06 K/W"),
    ("immersion", "fluid_volume_per_tank", "1.5 m3"),
    ("immersion", "hx_effectiveness", "0.8"),
    ("direct_to_chip", "flow_per_gpu", "2 L/min"),
    ("direct_to_chip", "junction_to_case", "0.02 K/W"),
    ("direct_to_chip", "cdu_approach", "3 K"),
    ("air_handling", "fan_control", "variable"),
    ("power_chain", "ups", "double_conversion"),
    ("power_chain", "ups_redundancy", "n+1"),
    ("heat_recovery", "demand", "300 kW"),
    ("heat_recovery", "supply_temperature", "65°C"),
    ("weather", "synthetic", None),
    ("weather.synthetic", "mean", "15°C"),
    ("weather.synthetic", "annual_amplitude", "10 K"),
    ("weather.synthetic", "daily_amplitude", "5 K"),
    ("weather.synthetic", "hottest_day", "200"),
    ("weather.synthetic", "relative_humidity", "60 %"),
    ("load", "profile", "diurnal"),
    ("load", "mean", "0.75"),
    ("load", "amplitude", "0.15"),
    ("load", "peak_hour", "15"),
]

# Field kinds, for the mutations that depend on them.
QUANTITY = {  # path -> a unit of the wrong dimension
    "horizon": "kW", "sampling_interval": "°C",
    "facility.primary_share": "K",
    "cooling_system.power_usage_effectiveness_target": "W",
    "thermal_management.gpu_temperature_threshold": "W",
    "heat_rejection.supply_setpoint": "L/min", "heat_rejection.dry_cooler_approach": "kWh",
    "immersion.junction_to_fluid": "J/K", "immersion.fluid_volume_per_tank": "kg", "immersion.hx_effectiveness": "m3",
    "direct_to_chip.flow_per_gpu": "K/W", "direct_to_chip.junction_to_case": "L", "direct_to_chip.cdu_approach": "MW",
    "heat_recovery.demand": "°F", "heat_recovery.supply_temperature": "kW",
    "weather.synthetic.mean": "W", "weather.synthetic.annual_amplitude": "h", "weather.synthetic.daily_amplitude": "s",
    "weather.synthetic.hottest_day": "d", "weather.synthetic.relative_humidity": "K",
    "load.mean": "W", "load.amplitude": "kW", "load.peak_hour": "kg",
}
INTEGER = ["schema_version", "seed", "facility.gpus", "facility.gpus_per_server", "facility.gpus_per_tank",
           "facility.gpus_per_rack"]
CHOICE = ["fidelity", "facility.accelerator", "cooling_system.primary", "cooling_system.secondary",
          "cooling_system.redundancy", "thermal_management.predictive_maintenance", "heat_rejection.chiller",
          "air_handling.fan_control", "power_chain.ups", "power_chain.ups_redundancy", "load.profile"]
FLAG = ["cooling_system.heat_recovery", "thermal_management.automatic_throttling", "heat_rejection.cooling_tower",
        "heat_rejection.economiser"]
# Out-of-range values that parse (each beyond the field's range by a clear margin).
OUT_OF_RANGE = {
    "horizon": "0 s", "sampling_interval": "2 years",
    "facility.primary_share": "1.5", "cooling_system.power_usage_effectiveness_target": "0.9",
    "thermal_management.gpu_temperature_threshold": "200°C", "heat_rejection.supply_setpoint": "-5°C",
    "heat_rejection.dry_cooler_approach": "100 K", "immersion.junction_to_fluid": "5 K/W",
    "immersion.fluid_volume_per_tank": "1000 m3", "immersion.hx_effectiveness": "1.0",
    "direct_to_chip.flow_per_gpu": "100 L/s", "direct_to_chip.junction_to_case": "0 K/W",
    "direct_to_chip.cdu_approach": "50 K", "heat_recovery.demand": "-1 kW",
    "heat_recovery.supply_temperature": "10°C", "weather.synthetic.mean": "80°C",
    "weather.synthetic.annual_amplitude": "50 K", "weather.synthetic.daily_amplitude": "-1 K",
    "weather.synthetic.hottest_day": "400", "weather.synthetic.relative_humidity": "0 %",
    "load.mean": "110 %", "load.amplitude": "-0.1", "load.peak_hour": "25",
    "schema_version": "0", "seed": "-1", "facility.gpus": "0", "facility.gpus_per_server": "2048",
    "facility.gpus_per_tank": "0", "facility.gpus_per_rack": "1000000",
}
REQUIRED = ["name", "horizon", "facility", "cooling_system", "weather", "facility.gpus", "cooling_system.primary",
            "heat_recovery.demand"]


def path_of(block, key):
    return key if block is None else f"{block}.{key}"


def render(entries, overrides=None, drop=(), extra_lines=()):
    """Renders (block, key, value) entries as YAML; `overrides` maps a path to a replacement value text."""
    overrides = overrides or {}
    lines, open_block = [], None
    for block, key, value in entries:
        path = path_of(block, key)
        block_dropped = block is not None and any(block == d or block.startswith(d + ".") for d in drop)
        if block_dropped:
            continue
        if block != open_block and block is not None and "." not in block:
            lines.append(f"{block}:")
        open_block = block
        if path in drop:
            continue
        indent = "  " * (0 if block is None else block.count(".") + 1)
        if value is None:
            lines.append(f"{indent}{key}:")
        else:
            lines.append(f"{indent}{key}: {overrides.get(path, value)}")
    lines.extend(extra_lines)
    return "\n".join(lines) + "\n"


BASE_TEXT = render(BASE)
CASES = []  # (name, bytes, expected path or "-")


def add(name, content, expected):
    if isinstance(content, str):
        content = content.encode("utf-8")
    CASES.append((name, content, expected))


def with_value(path, value):
    return render(BASE, overrides={path: value})


def replace_line(old, new):
    assert old in BASE_TEXT, old
    return BASE_TEXT.replace(old, new, 1)


all_paths = [path_of(b, k) for b, k, v in BASE if v is not None]

# 1. Wrong types: a list and a mapping where a scalar belongs, for every scalar field.
for p in all_paths:
    add(f"type-list-{p}", with_value(p, "[1, 2]"), p)
    add(f"type-mapping-{p}", with_value(p, "{a: 1}"), p)
# 2. Quantities: a unit of the wrong dimension, an unknown unit, NaN, ±Inf, 1e999, words, too long.
for p, unit in QUANTITY.items():
    add(f"unit-wrong-dimension-{p}", with_value(p, f"3 {unit}"), p)
    add(f"nan-{p}", with_value(p, ".nan"), p)
    add(f"inf-{p}", with_value(p, "-.inf" if "amplitude" in p else ".inf"), p)
    add(f"overflow-{p}", with_value(p, "1e999"), p)
for p in ["horizon", "thermal_management.gpu_temperature_threshold", "heat_recovery.demand", "direct_to_chip.flow_per_gpu"]:
    add(f"unit-unknown-{p}", with_value(p, "12 furlongs"), p)
    add(f"quantity-words-{p}", with_value(p, "warm"), p)
    add(f"quantity-too-long-{p}", with_value(p, "1" + "0" * 80 + " W"), p)
    add(f"quantity-unit-overflow-{p}", with_value(p, "1e307 years" if p == "horizon" else "1e308 GW"), p)
# 3. Integers: fractions, huge numbers beyond Int64, words, NaN.
for p in INTEGER:
    add(f"int-fraction-{p}", with_value(p, "2.5"), p)
    add(f"int-huge-{p}", with_value(p, "9" * 40), p)
    add(f"int-words-{p}", with_value(p, "many"), p)
    add(f"int-nan-{p}", with_value(p, ".nan"), p)
# 4. Out-of-range values that parse.
for p, v in OUT_OF_RANGE.items():
    add(f"range-{p}", with_value(p, v), p)
# 5. Unknown enumerations and flags.
for p in CHOICE:
    add(f"enum-unknown-{p}", with_value(p, "quantum_foam"), p)
for p in FLAG:
    add(f"flag-unknown-{p}", with_value(p, "maybe"), p)
    add(f"flag-number-{p}", with_value(p, "2"), p)
# 6. Missing required fields and blocks.
for p in REQUIRED:
    add(f"missing-{p}", render(BASE, drop={p}), p)
# 7. Unknown and misspelt keys.
add("unknown-key-top", replace_line("seed: 7", "seeed: 7"), "seeed")
add("unknown-key-facility", replace_line("  gpus: 64", "  gpu: 64"), "facility.gpu")
add("unknown-key-cooling", replace_line("  redundancy: n+1", "  redundancyy: n+1"), "cooling_system.redundancyy")
add("unknown-key-synthetic", replace_line("    mean: 15°C", "    means: 15°C"), "weather.synthetic.means")
add("unknown-block", BASE_TEXT + "cooling_sytem:\n  primary: air\n", "cooling_sytem")
# 8. Cross-field rules.
add("cross-sampling-longer-than-horizon", replace_line("sampling_interval: 1h", "sampling_interval: 3d"), "sampling_interval")
add("cross-load-above-one", replace_line("  amplitude: 0.15", "  amplitude: 0.3").replace("  mean: 0.75", "  mean: 0.9"), "load.amplitude")
add("cross-load-below-zero", replace_line("  amplitude: 0.15", "  amplitude: 0.3").replace("  mean: 0.75", "  mean: 0.1"), "load.amplitude")
add("cross-heat-recovery-block-but-disabled", with_value("cooling_system.heat_recovery", "disabled"), "heat_recovery")
add("cross-heat-recovery-enabled-no-block", render(BASE, drop={"heat_recovery"}), "heat_recovery")
add("block-null-heat-recovery", render(BASE, drop={"heat_recovery.demand", "heat_recovery.supply_temperature"}), "heat_recovery")
add("cross-primary-none", with_value("cooling_system.primary", "none"), "cooling_system.primary")
add("cross-schema-version-future", with_value("schema_version", "2"), "schema_version")
add("cross-weather-neither-file-nor-synthetic", render(BASE, drop={"weather.synthetic"}, extra_lines=[]).replace("weather:\n", "weather:\n  offset: 2 K\n"), "weather")
add("cross-secondary-equals-primary", with_value("cooling_system.secondary", "liquid_immersion"), "cooling_system.secondary")
add("cross-primary-share-without-secondary", with_value("cooling_system.secondary", "none"), "facility.primary_share")
add("cross-weather-file-and-synthetic", render(BASE).replace("weather:\n", "weather:\n  file: x.csv\n"), "weather.synthetic")
add("cross-fraction-without-percent-sign", with_value("load.mean", "75"), "load.mean")
# 9. Files that do not exist and names that are not names.
add("weather-file-missing", render(BASE, drop={"weather.synthetic"}).replace("weather:\n", "weather:\n  file: weather/no-such-station.csv\n"), "weather.file")
add("weather-file-is-directory-path-too-long", render(BASE, drop={"weather.synthetic"}).replace("weather:\n", "weather:\n  file: " + "d/" * 3000 + "x.csv\n"), "weather.file")
add("weather-file-is-a-directory", render(BASE, drop={"weather.synthetic"}).replace("weather:\n", "weather:\n  file: valid\n"), "weather.file")
add("load-file-missing", render(BASE, drop={"load.mean", "load.amplitude", "load.peak_hour"}, overrides={"load.profile": "hourly"}).replace("  profile: hourly\n", "  profile: hourly\n  file: no-such-load.csv\n"), "load.file")
add("load-file-endless-device", render(BASE, drop={"load.mean", "load.amplitude", "load.peak_hour"}, overrides={"load.profile": "hourly"}).replace("  profile: hourly\n", "  profile: hourly\n  file: /dev/zero\n"), "load.file")
add("load-file-is-a-directory", render(BASE, drop={"load.mean", "load.amplitude", "load.peak_hour"}, overrides={"load.profile": "hourly"}).replace("  profile: hourly\n", "  profile: hourly\n  file: valid\n"), "load.file")
add("load-hourly-without-file", with_value("load.profile", "hourly"), "load.file")
add("name-with-slash", with_value("name", "../../etc"), "name")
add("name-empty", with_value("name", "''"), "name")
add("name-too-long", with_value("name", "n" * 5000), "name")
add("string-very-long-accelerator", with_value("facility.accelerator", "H" * 100_000), "facility.accelerator")
add("key-long-implicit", BASE_TEXT + "k" * 1000 + ": 1\n", "k" * 1000)
add("key-very-long-implicit-over-yaml-limit", BASE_TEXT + "k" * 100_000 + ": 1\n", "-")
add("key-very-long-explicit", BASE_TEXT + "? " + "k" * 100_000 + "\n: 1\n", "k" * 100_000)
# 10. Duplicate keys.
add("duplicate-top-key", BASE_TEXT + "seed: 8\n", "seed")
add("duplicate-nested-key", replace_line("  gpus: 64", "  gpus: 64\n  gpus: 65"), "facility.gpus")
add("duplicate-block", BASE_TEXT + "facility:\n  gpus: 8\n", "facility")
# 11. Anchors and aliases.
laughs = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
for i in range(1, 10):
    laughs.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
add("alias-billion-laughs", BASE_TEXT + "\n".join(laughs) + "\n", "lol4")
add("alias-laughs-as-key", BASE_TEXT + "\n".join(laughs[:4]) + "\n? *a3\n: boom\n", "?")
# Yams hashes every mapping key as a whole tree: an alias to 10^9 expanded nodes as a key would run for hours.
add("alias-billion-laughs-as-key", "bomb:\n" + "\n".join("  " + l for l in laughs) + "\n  ? *a9\n  : boom\n", "bomb.lol4")
add("alias-undefined", replace_line("  gpus: 64", "  gpus: *nowhere"), "facility.gpus")
add("alias-to-itself", BASE_TEXT + "loop: &self [*self]\n", "loop[0]")
add("alias-as-key", BASE_TEXT + "x: &k key\n*k : value\n", "?")
add("alias-mapping-where-scalar", "x-defs: &blk {a: 1}\n" + replace_line("  gpus: 64", "  gpus: *blk"), "facility.gpus")
add("alias-valid-but-unknown-key", BASE_TEXT + "extra: &e 1\nagain: *e\n", "extra")
# 12. Deep nesting.
add("deep-flow-sequence-10000", "name: deep\nfacility: " + "[" * 10_000 + "]" * 10_000 + "\n", "facility")
add("deep-flow-mapping-10000", "name: deep\nfacility: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", "facility")
add("deep-flow-unclosed-10000", "facility: " + "[" * 10_000 + "\n", "facility")
add("deep-block-mapping-300", "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v: 1\n", "k0")
add("deep-block-sequence-10000", "facility:\n  " + "- " * 10_000 + "x\n", "facility")
add("deep-nesting-70", "facility: " + "[" * 70 + "]" * 70 + "\n", "facility")
# 13. YAML syntax errors.
syntax = {
    "unclosed-flow": replace_line("  gpus: 64", "  gpus: [64"),
    "unclosed-quote": replace_line("name: corpus-base", 'name: "corpus-base'),
    "bad-indentation": replace_line("  gpus: 64", "    gpus: 64"),
    "tab-indentation": replace_line("  gpus: 64", "\tgpus: 64"),
    "colon-missing": replace_line("  gpus: 64", "  gpus 64\n  x"),
    "mapping-in-scalar": replace_line("name: corpus-base", "name: a: b"),
    "stray-closing-bracket": replace_line("  gpus: 64", "  gpus: 64]"),
    "bad-escape": replace_line("name: corpus-base", 'name: "bad \\q escape"'),
    "two-documents": BASE_TEXT + "---\nname: second\n",
    "document-end-then-text": BASE_TEXT + "...\nname: again\n",
    "directive-garbage": "%YAML 9.9\n%BOGUS\n" + BASE_TEXT,
    "anchor-without-name": replace_line("  gpus: 64", "  gpus: & 64"),
    "reserved-indicator": replace_line("name: corpus-base", "name: @corpus"),
    "block-scalar-bad-indent": replace_line("name: corpus-base", "name: |\n  line\n line"),
    "only-colon": ":\n",
    "flow-mapping-missing-comma": replace_line("  gpus: 64", "  gpus: {a: 1 b: 2}"),
    "tag-unknown-handle": replace_line("  gpus: 64", "  gpus: !x!y 64"),
}
for name, text in syntax.items():
    add(f"syntax-{name}", text, "-")
# 14. Not a scenario at all.
add("empty-file", "", "-")
add("only-whitespace", "   \n\n  \n", "-")
add("only-comment", "# nothing here\n", "-")
add("only-document-marker", "---\n", "-")
add("top-level-list", "- a\n- b\n", "-")
add("top-level-scalar", "hello\n", "-")
add("top-level-number", "42\n", "-")
add("null-document", "~\n", "-")
add("bom-then-list", "\ufeff- a\n", "-")
add("bom-valid-but-missing-facility", "\ufeff" + render(BASE, drop={"facility"}), "facility")
add("crlf-line-endings-bad-value", with_value("facility.gpus", "sixty").replace("\n", "\r\n"), "facility.gpus")
add("cr-only-line-endings-bad-value", with_value("facility.gpus", "sixty").replace("\n", "\r"), "facility.gpus")
add("unicode-line-separators-bad-value", with_value("facility.gpus", "sixty").replace("\n", "\u2028"), "facility.gpus")
add("binary-garbage", bytes((i * 197 + 13) % 256 for i in range(4096)), "-")
add("non-utf8-latin1", "name: caf\xe9\n".encode("latin-1") + BASE_TEXT.encode(), "-")
add("non-utf8-in-value", BASE_TEXT.encode().replace(b"H100-SXM", b"H100-\xff\xfeSXM"), "-")
add("utf16-le", BASE_TEXT.encode("utf-16-le"), "-")
add("nul-bytes", BASE_TEXT.encode().replace(b"seed: 7", b"seed: 7\x00\x00"), "-")
add("control-characters", BASE_TEXT.replace("seed: 7", "seed: 7\x07\x1b"), "-")
add("truncated-mid-line", BASE_TEXT[: BASE_TEXT.index("cooling_system:") + 9], "-")
add("json-array", '["name", "facility"]', "-")
add("many-unknown-keys", BASE_TEXT + "".join(f"junk{i}: {i}\n" for i in range(2000)), "junk0")
add("key-not-scalar", BASE_TEXT + "[a, b]: c\n", "?")
add("key-null", BASE_TEXT + "~: c\n", "~")


def main():
    for name in os.listdir(HERE):
        if name.endswith(".yaml") or name == "expectations.tsv":
            os.remove(os.path.join(HERE, name))
    shutil.rmtree(os.path.join(HERE, "valid"), ignore_errors=True)
    os.makedirs(os.path.join(HERE, "valid"))
    with open(os.path.join(HERE, "valid", "base.yaml"), "w", encoding="utf-8") as f:
        f.write("# The valid scenario every corpus file mutates (see generate.py).\n" + BASE_TEXT)
    names = set()
    with open(os.path.join(HERE, "expectations.tsv"), "w", encoding="utf-8") as manifest:
        manifest.write("# file\texpected field path in at least one diagnostic ('-': YAML-level error, path may be empty)\n")
        for index, (name, content, expected) in enumerate(CASES):
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:80]
            file_name = f"{index:03d}-{safe}.yaml"
            assert file_name not in names
            names.add(file_name)
            with open(os.path.join(HERE, file_name), "wb") as f:
                f.write(content)
            manifest.write(f"{file_name}\t{expected[:200] if expected else '-'}\n")
    print(f"{len(CASES)} corpus files written to {HERE}")


if __name__ == "__main__":
    main()
