"""Invariant checks of the 148-2023 set files (end of docs/criteria-format.md).

Used by build_148_2023.py after it writes the files and reads them back with tomllib. Pure
functions over the loaded TOML data; they return the failures as text, one per broken rule.
"""

import datetime
import tomllib


def load(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


def set_names(out):
    return {s["number"]: s["name"] for s in load(out / "classification.toml")["sets"]}


def check_all(out, previous, rules, expected_parts):
    """Check every set file of `out`; print one line per set; return the number that failed.

    `previous` is the rule set 148 replaced (1048-2019): totals only, and its last day in force
    (in_force_until is inclusive) must be the day before 148's first day.
    """
    head = load(out / "ruleset.toml")
    parts = {p["code"]: p["max"] for p in head["parts"]}
    assert parts == expected_parts, parts
    old = load(previous / "ruleset.toml")
    assert sum(p["max"] for p in old["parts"]) == 100 and not old["has_sheets"], old
    day = datetime.timedelta(days=1)
    assert old["in_force_until"] + day == head["in_force_from"], (old["in_force_until"], head)
    names, failed = set_names(out), 0
    for number in range(1, 27):
        path = out / f"set-{number:02d}.toml"
        data = load(path)
        errors = check_sheet(data, parts)
        if (data["rules"], data["set"], data["name"]) != (rules, number, names[number]):
            errors.append("rules/set/name do not match classification.toml")
        failed += bool(errors)
        print(summary(path.name, data, parts, errors))
    return failed


def check_sheet(data, parts):
    """The invariant failures of one loaded sheet (end of docs/criteria-format.md)."""
    errors, groups = [], {g["number"]: g for g in data["groups"]}
    for code, maximum in parts.items():
        total = sum(g["max"] for g in data["groups"] if g["part"] == code)
        if total != maximum:
            errors.append(f"part {code}: groups add up to {total}, not {maximum}")
    for number, group in groups.items():
        total = sum(c["max"] for c in data["criteria"] if c["group"] == number)
        if total != group["max"]:
            errors.append(f"group {number}: criteria add up to {total}, not {group['max']}")
    codes = [c["code"] for c in data["criteria"]]
    errors += [f"criterion {c}: duplicate code" for c in sorted(set(codes)) if codes.count(c) > 1]
    for crit in data["criteria"]:
        errors += check_criterion(crit, groups)
    for rule in data.get("rules_text", []):
        if rule["criterion"] and rule["criterion"] not in codes:
            errors.append(f"rules_text: unknown criterion {rule['criterion']}")
    return errors


def check_criterion(crit, groups):
    code, options = crit["code"], crit["options"]
    points, errors = [o["points"] for o in options], []
    if crit["group"] not in groups or code.split(".")[0] != str(crit["group"]):
        errors.append(f"criterion {code}: group {crit['group']} does not match its code")
    if not crit["yes_no"] and crit["max"] != max(points):
        errors.append(
            f"criterion {code}: max {crit['max']} is not the highest option {max(points)}"
        )
    if len(set(points)) != len(points):
        errors.append(f"criterion {code}: option points repeat {points}")
    # Unmarked options (0) carry no minimum, so only the marked ones must not decrease.
    markers = [o["marker"] for o in sorted(options, key=lambda o: o["points"]) if o["marker"]]
    if any(m not in (0, 3, 4, 5) for m in markers + [crit["marker"]]):
        errors.append(f"criterion {code}: marker not 0/3/4/5")
    if markers != sorted(markers):
        errors.append(f"criterion {code}: markers decrease as points rise {markers}")
    return errors


def summary(filename, data, parts, errors):
    by_part = " ".join(
        f"{code} {sum(g['max'] for g in data['groups'] if g['part'] == code)}" for code in parts
    )
    marked = [o["marker"] for c in data["criteria"] for o in c["options"]]
    marked += [c["marker"] for c in data["criteria"]]
    minima = " ".join(f"{m}★ {marked.count(m)}" for m in (3, 4, 5))
    options = sum(len(c["options"]) for c in data["criteria"])
    rules, fixes = len(data.get("rules_text", [])), len(data.get("corrections", []))
    line = (
        f"{filename}: {'FAIL' if errors else 'ok'} {by_part} | groups {len(data['groups'])} "
        f"criteria {len(data['criteria'])} options {options} | minima {minima} | "
        f"rules_text {rules} corrections {fixes}"
    )
    return line + "".join(f"\n    {error}" for error in errors)
