"""Build the 26/2026/QĐ-TTg criteria data files from the reference text.

Usage (from the repository root):

    .venv/bin/python tools/criteria/build_26_2026.py [--source PATH] [--out DIR]

Reads Phụ lục I (classification) and Phụ lục II (the 26 score sheets) of the decision, writes
`ruleset.toml`, `classification.toml` and `set-01.toml` … `set-26.toml` in the format of
docs/criteria-format.md, re-reads every file with tomllib and checks the format's invariants.

Pure standard library; the TOML is written by hand so the output stays stable and reviewable.
Every repair of the printed text is either a generic reading rule in the parser (each use is
recorded as a correction in the sheet's data) or an explicit entry in FIXES below.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = Path("/work/shared/reference/qd-26-2026/qd-26-2026-QD-TTg.txt")
DEFAULT_OUT = ROOT / "ocop" / "criteria" / "data" / "26-2026"
PART_MAX = {"A": 40, "B": 25, "C": 35}
PART_NAMES = {
    "A": "Sản phẩm và sức mạnh của cộng đồng",
    "B": "Khả năng tiếp thị",
    "C": "Chất lượng sản phẩm",
}


@dataclass(frozen=True)
class Fix:
    """One explicit repair of a printed row: `find` must occur exactly once in the sheet."""

    set: int
    criterion: str
    find: str
    replace: str
    what: str
    why: str


# Explicit corrections, each found by reading the decision. The parser refuses to run if a
# `find` text is missing or ambiguous, so a changed source cannot be patched silently.
FIXES: list[Fix] = [
    # 1.2 "Không được cấp giấy chứng nhận chất lượng" is printed with an empty points cell in
    # four sheets; sets 1, 2, 3, 6, 8, 12, 13 and 18 print the same option with 0.
    *(
        Fix(
            n,
            "1.2",
            "| □ Không được cấp giấy chứng nhận chất lượng |  |",
            "| □ Không được cấp giấy chứng nhận chất lượng | 0 |",
            "option 'Không được cấp giấy chứng nhận chất lượng' has no printed points: stored 0",
            "the same option prints 0 in sets 1, 2, 3, 6, 8, 12, 13 and 18, and the criterion's"
            " other options are 1 and 2",
        )
        for n in (4, 7, 10, 11)
    ),
    Fix(
        4,
        "7",
        "| □ Có trên 2 chỉ tiêu | 13 |",
        "| □ Có trên 2 chỉ tiêu | 3 |",
        "option 'Có trên 2 chỉ tiêu' printed 13, stored 3",
        "the criterion's printed maximum is 3 and part C adds up to 35 only with 3; the same"
        " option prints 3 in sets 1 and 3",
    ),
    Fix(
        11,
        "6.1.1",
        "| □ Có rất ít tạp chất, chấp nhận được | 11 |",
        "| □ Có rất ít tạp chất, chấp nhận được | 1 |",
        "option 'Có rất ít tạp chất, chấp nhận được' printed 11, stored 1",
        "the criterion's maximum is 2 and its options run 0 / ? / 2; the same option scores 1"
        " in the other sheets with a 2-point Tạp chất criterion (sets 4, 5, 7–10, 12)",
    ),
    Fix(
        23,
        "9",
        "NGƯỜI TIÊU DÙNG | 4 1 |",
        "NGƯỜI TIÊU DÙNG | 4 |",
        "group 9 (Hướng dẫn sử dụng) printed maximum '4 1', stored 4",
        "its options are 2 and 4 and part C adds up to 35 only with 4 (148/2023 also prints 4)",
    ),
    Fix(
        23,
        "6.2",
        "| □ Chấp nhận được | 1 |",
        "| □ Chấp nhận được | 0 |",
        "option 'Chấp nhận được' printed 1, the same as the next option 'Phù hợp …': stored 0",
        "options rise level by level and two levels cannot score the same; the lowest level"
        " 'Chấp nhận được' scores 0 in 148/2023 and sets 24–25 start 'Phù hợp …' at 1",
    ),
]

# Printed values that look like slips but are kept as printed, flagged in the data with
# what = "kept as printed" (the check lets such a criterion repeat option points).
KEPT = "kept as printed"
KEPT_AS_PRINTED: dict[int, list[tuple[str, str]]] = {
    7: [
        (
            "3.1",
            "the company option (Công ty TNHH …) prints 1 point, the same as the household"
            " option; every other sheet gives it 2. Kept as the decision prints it (as"
            " reference/README.md directs) until an official correction; the criterion still"
            " adds up (max 3). Option points repeat here, an exception to the invariant",
        )
    ],
    10: [
        (
            "3.5",
            "the middle option (registered trademark + origin sign, 2 points) carries no ****"
            " marker here, while all 25 other sheets mark it ****; kept without a marker, so"
            " this sheet has no 4-star minimum on 3.5",
        )
    ],
}


@dataclass
class Option:
    text: str
    points: int
    marker: int = 0
    case: str = ""  # set 26: "Trường hợp 1: …" when the criterion offers two cases


@dataclass
class Criterion:
    code: str
    group: int
    text: str
    max: int
    marker: int = 0
    options: list[Option] = field(default_factory=list)
    children: list[str] = field(default_factory=list)  # codes of sub-criteria (6.1 → 6.1.1)


@dataclass
class Group:
    number: int
    part: str
    name: str
    max: int
    text: str  # full heading, used when the group is itself a criterion


@dataclass
class Sheet:
    number: int
    name: str
    rules: list[dict[str, str]] = field(default_factory=list)
    parts: dict[str, int] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    corrections: list[dict[str, str]] = field(default_factory=list)
    total: int = 0

    def correct(self, criterion: str, what: str, why: str) -> None:
        self.corrections.append({"criterion": criterion, "what": what, "why": why})


# --- reading the text -----------------------------------------------------------------------

BULLET = re.compile(r"^(□|o|-|\+)\s+")
MARKER = re.compile(r"\s*((?:\*\s?){3,5})$")
HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
PART = re.compile(r"^(?:Phần|PHẦN)\s+([ABC])\b:?\s*(.*)$")
CASE = re.compile(r"^[ab]\.\s+(Trường hợp \d+:.*)$")
SHEET_TITLE = re.compile(r"^(\d{1,2})\.\s+(?:Bộ sản phẩm:\s*)?(.+)$")
PRINTED_POINTS = re.compile(r"\((\d+) [Đđ]iểm\)")
# Row labels that start a rule outside the points; the label itself is not stored.
RULE_LABELS = ("Hồ sơ bị loại khi:", "Bị loại khi:", "Ghi chú:", "Chú ý:", "Yêu cầu:")
RULE_STARTS = (*RULE_LABELS, "Chỉ áp dụng", "Lựa chọn")


def rule_kind(label: str, text: str) -> str:
    """The kind of a rule row, from its label and wording (see docs/criteria-format.md)."""
    if label in ("Hồ sơ bị loại khi:", "Bị loại khi:") or "bị loại" in text.lower():
        return "reject"
    if label == "Yêu cầu:":
        return "requirement"
    lowered = text.lower()
    if (
        "không đánh giá các bước tiếp theo" in lowered
        or "không xem xét các chỉ tiêu khác" in lowered
    ):
        return "stop"
    if lowered.startswith("không đánh giá"):
        return "not_evaluated"
    return "note"


def split_rule(text: str) -> tuple[str, str]:
    """Split a rule row into (kind, text without its label)."""
    for label in RULE_LABELS:
        if text.startswith(label):
            body = text[len(label) :].strip()
            return rule_kind(label, body), body
    return rule_kind("", text), text


def sentence_case(text: str) -> tuple[str, str]:
    """('Tổ chức sản xuất', full text) from 'TỔ CHỨC SẢN XUẤT (…)': lower the all-caps head only."""
    words = text.split(" ")
    caps = 0
    for index, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if not letters:
            continue
        if not all(c.isupper() for c in letters):
            break
        caps = index + 1
    if caps == 0:
        return text, text
    head = " ".join(words[:caps]).lower()
    head = head[0].upper() + head[1:]
    return head, " ".join([head, *words[caps:]]).strip()


def strip_marker(text: str) -> tuple[str, int, bool]:
    """(text, marker, spaced) with a trailing ***/****/***** removed."""
    found = MARKER.search(text)
    if not found:
        return text, 0, False
    stars = found.group(1)
    return text[: found.start()].rstrip(), stars.count("*"), " " in stars.strip()


def cells_of(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


@dataclass
class State:
    part: str = ""
    group: Group | None = None
    criterion: Criterion | None = None
    heading: Group | Criterion | None = None
    case: str = ""
    pending: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def add_rule(sheet: Sheet, state: State, text: str) -> None:
    kind, body = split_rule(text)
    rule = {"kind": kind, "text": body, "criterion": ""}
    if state.criterion is not None:
        rule["criterion"] = state.criterion.code
    elif state.group is not None:
        # Printed under a group heading before its options: the group may be a criterion.
        state.pending.append((state.group.number, rule))
    sheet.rules.append(rule)


def add_option(sheet: Sheet, state: State, text: str, points_cell: str) -> None:
    bullet = BULLET.match(text)
    assert bullet is not None
    body = text[bullet.end() :]
    if state.criterion is None:
        # Options straight under a numbered group: the group is itself a criterion ("7", "8").
        group = state.group
        assert group is not None, f"set {sheet.number}: option outside a group: {text}"
        state.criterion = Criterion(str(group.number), group.number, group.text, group.max)
        sheet.criteria.append(state.criterion)
    code = state.criterion.code
    if bullet.group(1) != "□":
        sheet.correct(
            code,
            f"option bullet printed as '{bullet.group(1)}', read as □ and not stored",
            "a bullet variant: the criterion's other options use □",
        )
    rest = ""
    if " Ghi chú:" in body:
        body, rest = body.split(" Ghi chú:", 1)
    body, marker, spaced = strip_marker(body.strip())
    if spaced:
        sheet.correct(
            code,
            f"marker printed with spaces ('{'* ' * (marker - 1)}*'), read as {'*' * marker}",
            "the same option carries the unspaced marker in the other sheets",
        )
    if "*" in body:
        raise ValueError(f"set {sheet.number} {code}: stray '*' in option: {body}")
    option = Option(body, int(points_cell), marker, state.case)
    state.criterion.options.append(option)
    if rest:
        sheet.correct(
            code,
            "'Ghi chú: …' printed inside the option row after its marker, stored as a rule",
            "the note is a rule about the criterion, not part of the option's text",
        )
        add_rule(sheet, state, "Ghi chú:" + rest)


def add_heading(sheet: Sheet, state: State, code: str, text: str, points_cell: str) -> None:
    state.case = ""
    depth = code.count(".") + 1
    if depth == 1:
        name, full = sentence_case(text)
        group = Group(int(code), state.part, name, int(points_cell), full)
        sheet.groups.append(group)
        state.group, state.criterion, state.heading = group, None, group
        return
    assert state.group is not None and code.split(".")[0] == str(state.group.number), code
    requirement = ""
    if " Yêu cầu:" in text:
        text, requirement = text.split(" Yêu cầu:", 1)
    text, marker, _ = strip_marker(text)
    criterion = Criterion(code, state.group.number, text, int(points_cell), marker)
    if depth == 3:
        parent = next(c for c in sheet.criteria if c.code == code.rsplit(".", 1)[0])
        parent.children.append(code)
    sheet.criteria.append(criterion)
    state.criterion, state.heading = criterion, criterion
    if requirement:
        add_rule(sheet, state, "Yêu cầu:" + requirement)


def add_row(sheet: Sheet, state: State, line: str) -> None:
    cells = cells_of(line)
    text, points = cells[0], cells[1] if len(cells) > 1 else ""
    if text in ("", "Các tiêu chí"):
        return
    if text == "TỔNG CỘNG":
        sheet.total = int(points)
    elif part := PART.match(text):
        state.part, state.group, state.criterion = part.group(1), None, None
        sheet.parts[state.part] = int(points)
        printed = PRINTED_POINTS.search(text)
        if printed and int(printed.group(1)) != int(points):
            sheet.correct(
                "",
                f"part {state.part} heading prints ({printed.group(1)} Điểm), column {points}:"
                f" stored {points}",
                "the part's groups add up to the column value, which is the rule-set maximum",
            )
    elif BULLET.match(text):
        add_option(sheet, state, text, points)
    elif case := CASE.match(text):
        state.case = case.group(1)
    elif heading := HEADING.match(text):
        add_heading(sheet, state, heading.group(1), heading.group(2), points)
    elif text.startswith("(") and state.heading is not None:
        heading = state.heading
        code = heading.code if isinstance(heading, Criterion) else str(heading.number)
        state.heading.text = f"{state.heading.text} {text}"
        sheet.correct(
            code,
            f"heading continued on the next row ('{text[:30]}…'), joined with a space",
            "the row has no points and continues the heading; other sheets print it on one row",
        )
    elif text.startswith(RULE_STARTS):
        add_rule(sheet, state, text)
    else:
        raise ValueError(f"set {sheet.number}: unreadable row: {line[:120]}")


# Lines of the printed form around the table that carry no rule (name, code, address …).
FORM_LINE = re.compile(
    r"^(Tên sản phẩm|Mã số sản phẩm|Tên chủ thể|Số điện thoại|Địa chỉ|Ý kiến|T: Mã tỉnh"
    r"|\(Sản phẩm:|[_\-…\.]+$)"
)


def add_free_line(sheet: Sheet, line: str) -> None:
    """Lines outside the table: the sheet's rejection rule and the closing note on markers."""
    if not line.strip() or FORM_LINE.match(line):
        return
    if not line.startswith(("Hồ sơ bị loại khi:", "Bị loại khi:", "Ghi chú:")):
        raise ValueError(f"set {sheet.number}: unreadable line: {line[:120]}")
    kind, body = split_rule(line)
    rule = {"kind": kind, "text": body, "criterion": ""}
    if rule in sheet.rules:
        sheet.correct(
            "",
            "rejection line 'Hồ sơ bị loại khi: …' printed twice, stored once",
            "the two lines are identical; every other sheet prints it once",
        )
        return
    sheet.rules.append(rule)


def merge_cases(sheet: Sheet, criterion: Criterion) -> None:
    """Set 26 prints two cases per criterion with the same points; store one option per level.

    The format keeps option points unique within a criterion, and the evaluator scores the
    level whichever case applies, so each level's option holds both cases' texts, one per
    line, each prefixed with its printed case label.
    """
    if not any(option.case for option in criterion.options):
        return
    merged: dict[int, Option] = {}
    for option in criterion.options:
        text = f"{option.case} – {option.text}"
        if option.points in merged:
            merged[option.points].text += f"\n{text}"
            merged[option.points].marker = max(merged[option.points].marker, option.marker)
        else:
            merged[option.points] = Option(text, option.points, option.marker)
    criterion.options = sorted(merged.values(), key=lambda option: option.points)
    sheet.correct(
        criterion.code,
        "two printed cases (Trường hợp 1 / 2) merged: one option per level holding both texts",
        "both cases give the same points per level; the format keeps option points unique",
    )


def finish(sheet: Sheet, state: State) -> None:
    headings = [c for c in sheet.criteria if c.children]
    for parent in headings:
        children = [c for c in sheet.criteria if c.code in parent.children]
        if sum(c.max for c in children) != parent.max:
            raise ValueError(f"set {sheet.number}: sub-criteria of {parent.code} do not add up")
        sheet.criteria.remove(parent)
        sheet.correct(
            parent.code,
            f"sub-heading '{parent.text}' ({parent.max}) not stored as a criterion; its"
            f" sub-criteria {', '.join(parent.children)} are stored in group {parent.group}",
            f"the format has no sub-criteria level; the sub-criteria add up to {parent.max}",
        )
    for criterion in sheet.criteria:
        merge_cases(sheet, criterion)
    codes = {c.code for c in sheet.criteria}
    for number, rule in state.pending:
        rule["criterion"] = str(number) if str(number) in codes else ""
    for criterion in sheet.criteria:
        criterion.text = criterion.text.strip()


def apply_fixes(number: int, lines: list[str]) -> tuple[list[str], list[Fix]]:
    fixes = [fix for fix in FIXES if fix.set == number]
    for fix in fixes:
        hits = [index for index, line in enumerate(lines) if fix.find in line]
        if len(hits) != 1:
            raise ValueError(f"set {number}: fix text found {len(hits)} times: {fix.find!r}")
        lines[hits[0]] = lines[hits[0]].replace(fix.find, fix.replace)
    return lines, fixes


def parse_sheet(number: int, title: str, lines: list[str]) -> Sheet:
    sheet = Sheet(number, title)
    lines, fixes = apply_fixes(number, lines)
    state = State()
    for line in lines:
        if line.startswith("|"):
            add_row(sheet, state, line)
        else:
            add_free_line(sheet, line)
    finish(sheet, state)
    for fix in fixes:
        sheet.correct(fix.criterion, fix.what, fix.why)
    for code, why in KEPT_AS_PRINTED.get(number, []):
        sheet.correct(code, KEPT, why)
    return sheet


def read_source(path: Path) -> list[str]:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return [line.rstrip() for line in text.splitlines()]


def section(lines: list[str], start: str, end: str) -> list[str]:
    first = lines.index(start)
    return lines[first + 1 : lines.index(end, first)]


def parse_sheets(lines: list[str]) -> list[Sheet]:
    annex = section(lines, "PHỤ LỤC II", "PHỤ LỤC III")
    starts = [(i, SHEET_TITLE.match(line)) for i, line in enumerate(annex)]
    starts = [(i, m) for i, m in starts if m is not None]
    if [int(m.group(1)) for _, m in starts] != list(range(1, 27)):
        raise ValueError("sheet headings are not numbered 1 … 26")
    sheets = []
    for k, (i, m) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(annex)
        sheets.append(parse_sheet(int(m.group(1)), m.group(2).strip(), annex[i + 1 : end]))
    return sheets


# --- Phụ lục I: classification ----------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def parse_classification(lines: list[str]) -> dict[str, list[dict[str, object]]]:
    """Types, groups and the 26 sets (the leaves of the table, in printed order)."""
    types: list[dict[str, object]] = []
    groups: list[dict[str, object]] = []
    leaves: list[dict[str, object]] = []
    for line in section(lines, "PHỤ LỤC I", "PHỤ LỤC II"):
        if not line.startswith("| ") or line.startswith("| STT"):
            continue
        number, name, ministry = cells_of(line)[:3]
        ministries = [m.strip() for m in ministry.split(";") if m.strip()]
        if number in ROMAN:
            types.append({"code": number, "name": sentence_case(name)[1]})
        elif number.isdigit():
            code = f"{types[-1]['code']}.{number}"
            group = {"code": code, "type": types[-1]["code"], "name": name.removeprefix("Nhóm: ")}
            group["ministries"] = ministries
            groups.append(group)
            if ministries:  # a group without sub-groups is itself a product set
                leaves.append({"code": code, "name": group["name"], "group": group})
        else:
            group = groups[-1]
            code = f"{group['code']}.{number}"
            leaves.append({"code": code, "name": name.removeprefix("Phân nhóm: "), "group": group})
            leaves[-1]["ministries"] = ministries
    sets = []
    for number, leaf in enumerate(leaves, start=1):
        group = leaf["group"]
        assert isinstance(group, dict)
        sets.append(
            {
                "number": number,
                "code": leaf["code"],
                "name": leaf["name"],
                "type": group["type"],
                "group": group["code"],
                "ministries": leaf.get("ministries", group["ministries"]),
            }
        )
    if len(sets) != 26:
        raise ValueError(f"Phụ lục I has {len(sets)} product sets, expected 26")
    return {"types": types, "groups": groups, "sets": sets}


# --- writing TOML -----------------------------------------------------------------------------


def q(value: object) -> str:
    """A TOML value: basic strings escaped (\\, ", control characters), lists, ints, bools."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(q(item) for item in value) + "]"
    text = unicodedata.normalize("NFC", str(value))
    out = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def table(header: str, values: dict[str, object], indent: str = "") -> list[str]:
    lines = ["", f"{indent}{header}"]
    lines += [f"{indent}{key} = {q(value)}" for key, value in values.items()]
    return lines


HEADER = (
    "# Generated by tools/criteria/build_26_2026.py from Quyết định 26/2026/QĐ-TTg; do not edit."
)


def ruleset_toml() -> str:
    parts = ",\n          ".join(
        f'{{ code = "{code}", name = {q(PART_NAMES[code])}, max = {value} }}'
        for code, value in PART_MAX.items()
    )
    return f"""{HEADER}
code = "26-2026"
name = "Quyết định 26/2026/QĐ-TTg"
decision = "26/2026/QĐ-TTg"
decision_date = 2026-05-22
in_force_from = 2026-05-22
in_force_until = ""
parts = [ {parts} ]
# Bands are the same in every rule set: [min, max) of the average total, 5★ includes 100.
bands = [ {{ stars = 5, min = 90 }}, {{ stars = 4, min = 70 }}, {{ stars = 3, min = 50 }},
          {{ stars = 2, min = 30 }}, {{ stars = 1, min = 0 }} ]
has_sheets = true
"""


def classification_toml(data: dict[str, list[dict[str, object]]]) -> str:
    lines = [HEADER, "# Phụ lục I. Lead ministries per Nghị định 15/2018/NĐ-CP (footnote 1)."]
    for kind in ("types", "groups", "sets"):
        for row in data[kind]:
            lines += table(f"[[{kind}]]", row)
    return "\n".join(lines) + "\n"


def sheet_toml(sheet: Sheet) -> str:
    lines = [HEADER, 'rules = "26-2026"', f"set = {sheet.number}", f"name = {q(sheet.name)}"]
    for rule in sheet.rules:
        lines += table("[[rules_text]]", rule)
    for group in sheet.groups:
        values = {"number": group.number, "part": group.part, "name": group.name, "max": group.max}
        lines += table("[[groups]]", values)
    for c in sheet.criteria:
        values = {"code": c.code, "group": c.group, "text": c.text, "max": c.max}
        values |= {"marker": c.marker, "yes_no": not c.options}
        lines += table("[[criteria]]", values)
        for option in c.options:
            values = {"text": option.text, "points": option.points, "marker": option.marker}
            lines += table("[[criteria.options]]", values, indent="  ")
    for correction in sheet.corrections:
        lines += table("[[corrections]]", correction)
    return "\n".join(lines) + "\n"


# --- checking what was written ----------------------------------------------------------------

MARKERS = (0, 3, 4, 5)


def check_criterion(c: dict, problems: list[str], kept: set[str]) -> None:
    where = f"criterion {c['code']}"
    options = c.get("options", [])
    if c["marker"] not in MARKERS:
        problems.append(f"{where}: marker {c['marker']}")
    if c["yes_no"]:
        if options:
            problems.append(f"{where}: yes/no criterion with options")
        return
    points = [o["points"] for o in options]
    if not options or c["max"] != max(points):
        problems.append(f"{where}: max {c['max']} is not its best option {points}")
    if len(set(points)) != len(points) and c["code"] not in kept:
        problems.append(f"{where}: repeated option points {points}")
    if any(o["marker"] not in MARKERS for o in options):
        problems.append(f"{where}: invalid option marker")
    marks = [o["marker"] for o in sorted(options, key=lambda o: o["points"]) if o["marker"]]
    if marks != sorted(marks):
        problems.append(f"{where}: markers decrease as points rise {marks}")


def check_sheet(data: dict, parts: dict[str, int]) -> list[str]:
    """The invariants of docs/criteria-format.md for one set file."""
    problems: list[str] = []
    groups = {g["number"]: g for g in data["groups"]}
    if len(groups) != len(data["groups"]):
        problems.append("repeated group numbers")
    for part, maximum in parts.items():
        total = sum(g["max"] for g in data["groups"] if g["part"] == part)
        if total != maximum:
            problems.append(f"part {part}: groups add up to {total}, not {maximum}")
    codes = [c["code"] for c in data["criteria"]]
    kept = {k["criterion"] for k in data.get("corrections", []) if k["what"] == KEPT}
    if len(set(codes)) != len(codes):
        problems.append("repeated criterion codes")
    for number, group in groups.items():
        total = sum(c["max"] for c in data["criteria"] if c["group"] == number)
        if total != group["max"]:
            problems.append(f"group {number}: criteria add up to {total}, not {group['max']}")
    for c in data["criteria"]:
        if c["group"] not in groups or not c["code"].startswith(f"{c['group']}"):
            problems.append(f"criterion {c['code']}: bad group {c['group']}")
        check_criterion(c, problems, kept)
    for rule in data.get("rules_text", []):
        if rule["criterion"] and rule["criterion"] not in codes:
            problems.append(f"rule under unknown criterion {rule['criterion']}")
    return problems


def check_nfc(value: object) -> bool:
    if isinstance(value, str):
        return unicodedata.is_normalized("NFC", value)
    if isinstance(value, dict):
        return all(check_nfc(v) for v in value.values())
    if isinstance(value, list):
        return all(check_nfc(v) for v in value)
    return True


def check_output(out: Path) -> int:
    """Re-read every file with tomllib, check it and print one summary line per set."""
    ruleset = tomllib.loads((out / "ruleset.toml").read_text(encoding="utf-8"))
    parts = {p["code"]: p["max"] for p in ruleset["parts"]}
    classification = tomllib.loads((out / "classification.toml").read_text(encoding="utf-8"))
    failures = 0 if [s["number"] for s in classification["sets"]] == list(range(1, 27)) else 1
    for number in range(1, 27):
        path = out / f"set-{number:02d}.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        problems = check_sheet(data, parts)
        if data["set"] != number or not check_nfc(data):
            problems.append("wrong set number or text not NFC")
        totals = {p: sum(g["max"] for g in data["groups"] if g["part"] == p) for p in parts}
        criteria = data["criteria"]
        print(
            f"set {number:02d}  A {totals['A']} B {totals['B']} C {totals['C']}"
            f"  groups {len(data['groups']):2d}  criteria {len(criteria):2d}"
            f"  yes/no {sum(c['yes_no'] for c in criteria)}"
            f"  options {sum(len(c.get('options', [])) for c in criteria):3d}"
            f"  rules {len(data.get('rules_text', [])):2d}"
            f"  corrections {len(data.get('corrections', [])):2d}"
            f"  {'OK' if not problems else 'FAILED'}"
        )
        for problem in problems:
            print(f"    {path.name}: {problem}")
        failures += bool(problems)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    lines = read_source(args.source)
    sheets = parse_sheets(lines)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ruleset.toml").write_text(ruleset_toml(), encoding="utf-8")
    classification = parse_classification(lines)
    (args.out / "classification.toml").write_text(
        classification_toml(classification), encoding="utf-8"
    )
    for sheet in sheets:
        if sheet.parts != PART_MAX or sheet.total != 100:
            print(f"set {sheet.number}: printed parts {sheet.parts}, total {sheet.total}")
        path = args.out / f"set-{sheet.number:02d}.toml"
        path.write_text(sheet_toml(sheet), encoding="utf-8")
    failures = check_output(args.out)
    print("all sets OK" if not failures else f"{failures} file(s) FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
