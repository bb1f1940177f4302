"""English mode: the words of pure modules (message codes), the self-score advice, the evidence
section names and the score levels read in English; every message code has a translation."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from ocop.accounts.testing import client_for
from ocop.criteria.messages import TEXTS as CRITERIA_TEXTS
from ocop.evaluation.messages import TEXTS as EVALUATION_TEXTS
from ocop.evaluation.services.files import SECTIONS

ROOT = Path(__file__).resolve().parents[3]
# The modules that speak through codes, and the prefixes of their codes.
PURE = ["ocop/evaluation/uploads.py", "ocop/evaluation/selfscore.py", "ocop/evaluation/workflow.py",
        "ocop/evaluation/spreadsheets.py", "ocop/criteria/engine.py", "ocop/criteria/advisor.py"]  # fmt: skip
CODE = re.compile(r'"((?:upload|selfscore|workflow|workbook|answer|advice)\.[a-z_]+)"')
VIETNAMESE = re.compile(
    r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I
)


@pytest.fixture(autouse=True)
def _back_to_vietnamese():
    yield
    translation.deactivate()


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_every_code_of_the_pure_modules_has_a_text():
    used = {code for path in PURE for code in CODE.findall((ROOT / path).read_text())}
    texts = {**CRITERIA_TEXTS, **EVALUATION_TEXTS}
    assert used - set(texts) == set()
    assert len(used) >= 20


@pytest.mark.parametrize("code", sorted({**CRITERIA_TEXTS, **EVALUATION_TEXTS}))
def test_every_message_text_has_an_english_translation(code):
    texts = {**CRITERIA_TEXTS, **EVALUATION_TEXTS}
    with translation.override("en"):
        english_text = str(texts[code])
    with translation.override("vi"):
        vietnamese_text = str(texts[code])
    assert english_text != vietnamese_text
    assert not VIETNAMESE.search(english_text), english_text


def test_section_names_follow_the_language():
    with translation.override("en"):
        assert [str(label) for label in SECTIONS.values()] == [
            "General documents",
            "Commune report (Form 03), proposal letter",
            "Site visit minutes",
            "Test results",
        ]


@pytest.mark.django_db
def test_self_score_page_in_english_has_english_advice_and_errors(personas, world):
    from ocop.evaluation.testing import new_dossier

    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    application.stage = "draft"
    application.save(update_fields=["stage"])
    client = english(client_for(personas["producer_a"]))
    page = client.post(
        f"/applications/{application.pk}/self-score/preview/", {"score_1.1": "x", "score_1.2": "99"}
    ).content.decode()
    assert "The score for criterion 1.1 must be a whole number." in page
    assert "Criterion 1.2 only has the levels:" in page
    advice = re.search(r'data-advice-target="[^"]*">(.*?)</', page, re.S).group(1)
    assert advice.startswith(("To reach ", "The conditions for ", "The product has "))
    assert "Để đạt" not in page and "tiêu chí" not in advice


@pytest.mark.django_db
def test_dossier_page_in_english_names_the_sections_in_english(personas, world):
    from ocop.evaluation.testing import new_dossier

    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    page = (
        english(client_for(personas["producer_a"]))
        .get(f"/applications/{application.pk}/")
        .content.decode()
    )
    assert "General documents" in page
    assert "Tài liệu chung" not in page


@pytest.mark.django_db
def test_score_sheet_in_english_names_the_zero_level(personas, council_world):
    item = council_world.items[0]
    page = english(client_for(personas["member"])).get(f"/sheets/{item.pk}/").content.decode()
    assert "No level met (0 points)" in page
    assert "Không đạt mức nào" not in page
