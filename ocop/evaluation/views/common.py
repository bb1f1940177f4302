"""Helpers the dossier views share: the scoped fetch and the detail page's rows."""

from django.core.exceptions import ValidationError

from ocop.accounts.permissions import get_visible_or_404

from .. import workflow
from ..models import Application, StageChange
from ..selfscore import sheet_for
from ..services.files import SECTIONS


def fetch(request, pk: int) -> Application:
    queryset = Application.objects.select_related(
        "round", "product", "producer", "commune__province", "previous"
    )
    return get_visible_or_404(queryset, request.user, pk=pk)


def error_text(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def section_choices(application: Application) -> list[tuple[str, str]]:
    sheet = sheet_for(application.rules, application.set_number)
    criteria = [(c.code, f"{c.code}. {c.text[:70]}") for c in sheet.criteria] if sheet else []
    return [(key, str(label)) for key, label in SECTIONS.items()] + criteria


def criterion_rows(application: Application) -> list[dict]:
    """Per criterion: self-score, the previous dossier's score, and its evidence (new or carried)."""
    sheet = sheet_for(application.rules, application.set_number)
    if sheet is None:
        return []
    files: dict[str, list] = {}
    for evidence in application.files.all():
        files.setdefault(evidence.section, []).append(evidence)
    before = application.previous.self_scores if application.previous else {}
    rows = []
    for criterion in sheet.criteria:
        points = application.self_scores.get(criterion.code)
        previous = before.get(criterion.code)
        attached = files.get(criterion.code, [])
        rows.append(
            {
                "criterion": criterion,
                "points": points,
                "previous": previous,
                "changed": bool(application.previous) and previous != points,
                "files": attached,
                "new_files": any(not f.is_carried for f in attached),
            }
        )
    return rows


def section_files(application: Application) -> list[tuple[str, list]]:
    out = []
    for key, label in SECTIONS.items():
        found = [f for f in application.files.all() if f.section == key]
        if found:
            out.append((str(label), found))
    return out


def to_complete(application: Application, history) -> tuple[StageChange | None, list[dict]]:
    """While the dossier is back with the producer (returned, additions requested): the step that
    sent it back and its items, each reason split into its lines."""
    if application.stage not in (workflow.RETURNED, workflow.ADDITIONS_REQUESTED):
        return None, []
    change = next((c for c in reversed(history) if c.to_stage == application.stage), None)
    if change is None:
        return None, []
    entries = change.items or [{"item": "", "reason": change.reason}]
    items = []
    for entry in entries:
        lines = [line.strip(" -•*\t") for line in entry.get("reason", "").splitlines()]
        items.append({"item": entry.get("item", ""), "lines": [line for line in lines if line]})
    return change, [i for i in items if i["item"] or i["lines"]]


LEGACY_GENDERS = {"nam": "male", "nữ": "female", "nu": "female"}  # typed before it was a choice


def form02_initial(application: Application) -> dict:
    """Mẫu 02 as saved, with what the registry knows for the blanks (gender, ethnic group, the
    business registration number); a gender typed as text before becomes the choice."""
    values = dict(application.form02)
    producer = application.producer
    gender = str(values.get("representative_gender") or "").strip()
    values["representative_gender"] = LEGACY_GENDERS.get(gender.lower(), gender) or (
        producer.representative_gender if producer.representative_gender != "other" else ""
    )
    values.setdefault("representative_ethnic_group", producer.representative_ethnic_group)
    values.setdefault("business_registration_number", producer.registration_number)
    return values
