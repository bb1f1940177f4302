"""The council's minutes (biên bản) and the recognition decision (quyết định) as PDFs (typst).
Data goes in as JSON through sys_inputs, never into the markup."""

from fractions import Fraction

from django.utils import timezone

from ocop.certificates.choices import SignerTitle
from ocop.core.dates import format_date, place_date_line
from ocop.core.letterhead import agency_lines, document_place, signature_lines

from .minutes import missing_scores, replies
from .models import Decision, ScoreSheet, Session, SessionItem
from .models.scoring import Outcome
from .pdf import _compile
from .services.decisions import authority_for

STARS = {None: "—", 1: "1 sao", 2: "2 sao", 3: "3 sao", 4: "4 sao", 5: "5 sao"}

# The legal bases a decision cites, by the rule set its dossiers were scored under (official
# Vietnamese text, the same in every interface language).
BASIS_26_2026 = (
    "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban "
    "hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm;"
)
BASIS_TRANSITION = (
    "Căn cứ khoản 2 Điều 12 Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng "
    "Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã "
    "một sản phẩm;"
)
BASIS_148_2023 = (
    "Căn cứ Quyết định số 148/QĐ-TTg ngày 24 tháng 02 năm 2023 của Thủ tướng Chính phủ ban hành "
    "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP, được sửa đổi, bổ sung bởi Quyết "
    "định số 1489/QĐ-TTg ngày 06 tháng 7 năm 2025;"
)


def decision_bases(rules: set[str]) -> list[str]:
    """26/2026 for dossiers scored under it; for 148-2023 dossiers (finished under the old rules,
    Art. 12.2) the transition clause and Decision 148 itself."""
    bases = [BASIS_26_2026 if "26-2026" in rules or not rules else BASIS_TRANSITION]
    if "148-2023" in rules:
        bases.append(BASIS_148_2023)
    return bases


def _average(value: Fraction | None, display) -> str:
    if value is None:
        return "—"
    text = str(display).replace(".", ",")
    return text if value.denominator == 1 or 100 % value.denominator == 0 else f"{text} ({value})"


def _minutes_heading(session: Session) -> dict[str, object]:
    """The issuing council under its authority, the minutes' number (the session's place among
    its council's sessions: 01/BB-HĐ), the place-date line and the two signers."""
    council = session.council
    province = council.province if council.level == "province" else None
    authority = authority_for(council.level, province)
    earlier = council.sessions.filter(held_on__lt=session.held_on).count() + council.sessions.filter(
        held_on=session.held_on, pk__lte=session.pk).count()  # fmt: skip
    seats = {m.position: m.name.split(" (")[0] for m in council.members.select_related("user").order_by("id")
             if m.position in ("chair", "secretary")}  # fmt: skip
    return {
        "agency": [authority.upper(), "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP"],
        "number": f"{earlier:02d}/BB-HĐ",
        "place_date": place_date_line(document_place(authority, council.level), session.held_on),
        "chair": seats.get("chair", ""), "secretary": seats.get("secretary", ""),
    }  # fmt: skip


def minutes_pdf(session: Session) -> bytes:
    council = session.council
    members = [m for m in council.members.select_related("user") if m.scores]
    present = set(session.present.values_list("pk", flat=True))
    missing = missing_scores(session, members)
    number = {m.pk: index for index, m in enumerate(members, 1)}
    replied = replies(session) if session.is_written else {}
    sheets = {(s.item_id, s.member_id): s for s in ScoreSheet.objects.filter(
        item__session=session, status="submitted")}  # fmt: skip
    provincial = council.level == "province"  # a central 5★ is decided, not proposed
    items = []
    for index, item in enumerate(session.items.select_related("application__product__producer"), 1):
        totals = [str(sheets[(item.pk, m.pk)].total) if (item.pk, m.pk) in sheets else "—"
                  for m in members]  # fmt: skip
        items.append({
            "no": str(index), "product": item.application.product.name,
            "producer": item.application.producer.name, "totals": totals,
            "count": str(item.sheet_count or 0),
            "average": _average(item.average, item.average_display),
            "stars": STARS.get(item.stars, "—"), "held_back": ", ".join(item.held_back_codes),
            "spread": "" if item.spread is None else str(item.spread),
            "spread_exceeded": item.spread_exceeded,
            "outcome": item.outcome_text, "proposed": provincial and item.in_five_star_band,
            "discussion": item.discussion,
            "missing": [f"TV{number[m.member_id]} ({m.member}): {m.reason_text}"
                        + (f" – {m.note}" if m.note else "") for m in missing.get(item.pk, [])],
        })  # fmt: skip
    payload = {
        "council": council.name, "established_by": council.established_by,
        "held_on": format_date(session.held_on), "place": session.place,
        "members": [{"name": m.name, "position": m.get_position_display(), "agency": m.agency,
                     "present": m.pk in present, "replied": _when(replied.get(m.pk))}
                    for m in members],  # fmt: skip
        "written": session.is_written,
        "reply_by": format_date(session.reply_by) if session.reply_by else "",
        "member_names": [m.name.split(" (")[0] for m in members],
        "quorum": str(council.quorum), "spread_limit": str(council.spread_limit),
        "spread_policy": council.get_spread_policy_display(),
        "absent_count": council.absent_members_count, "items": items, "notes": session.notes,
        **_minutes_heading(session),
    }  # fmt: skip
    return _compile("minutes.typ", payload)


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M ngày %d/%m/%Y") if moment else ""


def decision_pdf(decision: Decision) -> bytes:
    return _compile("decision.typ", decision_payload(decision))


def decision_payload(decision: Decision) -> dict[str, object]:
    """The decision's data: recognised products (`rows`) and upgrades not raised (`kept`, with
    their note); products below 3★ otherwise are not listed."""
    rows: list[dict[str, object]] = []
    kept: list[dict[str, object]] = []
    items = decision.items.select_related("application__product__producer__commune__province")
    for item in items.order_by("-stars", "application__product__name"):
        if item.decision_note:
            kept.append(_decision_row(item, len(kept) + 1))
        elif (item.stars or 0) >= 3:
            rows.append(_decision_row(item, len(rows) + 1))
    central = decision.level == "central"
    place = document_place(decision.authority_name, decision.level)
    return {
        "agency": agency_lines(decision.authority_name, decision.level),
        "number": decision.number, "place_date": place_date_line(place, decision.decided_on),
        "central": central, "year": str(decision.year), "rows": rows, "kept": kept,
        "signer": decision.signer,
        "signature": signature_lines(decision.level, decision.signer_title == SignerTitle.DEPUTY),
        "unit": decision.authority_name.removeprefix("UBND "),
        "bases": decision_bases(set(items.values_list("application__rules", flat=True))),
        "not_evaluated": not_evaluated_rows(decision),
    }  # fmt: skip


def not_evaluated_rows(decision: Decision) -> list[dict[str, object]]:
    """The products of the decision's sessions that the council did not evaluate under their
    sheet's "Không đánh giá…" rule (Phụ lục II), listed apart from the recognised ones."""
    sessions = decision.items.values("session_id")
    items = SessionItem.objects.filter(session__in=sessions, outcome=Outcome.NOT_EVALUATED)
    return [
        {"no": str(number), "product": item.application.product.name,
         "producer": item.application.producer.name, "rule": item.outcome_rule_text}
        for number, item in enumerate(items.select_related("application__product",
                                                           "application__producer")
                                      .order_by("application__product__name"), 1)
    ]  # fmt: skip


def _decision_row(item, number: int) -> dict[str, object]:
    product, producer = item.application.product, item.application.producer
    address = ", ".join(p for p in [producer.street_address, producer.commune.name,
                                    producer.commune.province.name] if p)  # fmt: skip
    return {
        "no": str(number), "product": product.name, "code": product.code or "—",
        "producer": producer.name, "address": address, "stars": STARS[item.stars],
        "average": _average(item.average, item.average_display), "note": item.decision_note,
    }  # fmt: skip
