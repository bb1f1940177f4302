"""Mẫu 03 of a dossier as a PDF (typst), and the three forms of Phụ lục III as the files of the
dossier's ZIP. Data goes in as JSON, never into the markup."""

from datetime import date

from ocop.core.dates import place_date_line

from .mau03 import document
from .models import Application
from .pdf import _compile, form01_pdf, form02_pdf
from .phuluc3 import MAU03_TOPICS, agency_heading, unit_name


def form03_pdf(application: Application) -> bytes:
    doc = document(application)
    person = doc["representative"]
    day = application.commune_report.get("date") if application.commune_report else None
    payload = {
        "agency": list(agency_heading(application.commune.name)),
        "place_date": _place_date(application.commune.name, day),
        "producer_name": doc["producer_name"], "legal_form": doc["legal_form"],
        "address": doc["address"], "product": doc["product"],
        "representative": {"name": person.name, "gender": person.gender,
                           "ethnic_group": person.ethnic_group,
                           "permanent_address": person.permanent_address},
        "topics": [{"label": label, "text": text} for label, text in doc["topics"]],
        "proposal": doc["proposal"], "proposal_letter": doc["proposal_letter"],
        "signature": list(doc["signature"]), "signer_name": doc["signer_name"],
    }  # fmt: skip
    return _compile("form03.typ", payload)


def _place_date(commune: str, day: str | None) -> str:
    place = unit_name(commune).split(" ", 1)[-1]  # "xã Phú Xuyên" dates its papers "Phú Xuyên"
    return place_date_line(place, date.fromisoformat(day) if day else None)


def form_pdfs(application: Application) -> list[tuple[str, bytes]]:
    """The forms of the dossier for its ZIP: Mẫu 01 and 02 always, Mẫu 03 once the commune wrote it."""
    files = [("mau-01-phieu-dang-ky.pdf", form01_pdf(application)),
             ("mau-02-bao-cao-tu-danh-gia.pdf", form02_pdf(application))]  # fmt: skip
    if any((application.commune_report or {}).get(k) for k in MAU03_TOPICS):
        files.append(("mau-03-bao-cao-cua-xa.pdf", form03_pdf(application)))
    return files
