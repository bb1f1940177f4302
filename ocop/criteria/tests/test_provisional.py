"""148-2023 sets 11–13 add up only with one point no source places: every face of the sheet says so."""

import json

import pytest
from django.core.management import call_command

from ocop.criteria.rules import load_rule_set


def test_only_the_unsourced_148_sheets_are_provisional():
    provisional = {
        (code, number)
        for code in ("26-2026", "148-2023")
        for number, sheet in load_rule_set(code).sheets.items()
        if sheet.provisional
    }
    assert provisional == {("148-2023", 11), ("148-2023", 12), ("148-2023", 13)}


def test_score_json_and_text_carry_the_warning(tmp_path, capsys):
    sheet = load_rule_set("148-2023").sheets[11]
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({c.code: c.max for c in sheet.criteria}))
    call_command("score", "--rules", "148-2023", "--set", "11", str(answers), "--json")
    payload = json.loads(capsys.readouterr().out)
    assert payload["provisional"] == sheet.provisional
    call_command("score", "--rules", "148-2023", "--set", "11", str(answers))
    assert f"Lưu ý: {sheet.provisional}" in capsys.readouterr().out


@pytest.mark.django_db
def test_sheet_page_shows_the_warning(client, django_user_model):
    user = django_user_model.objects.create_user(username="u", password="x")
    client.force_login(user)
    body = client.get("/criteria/148-2023/12/").content.decode()
    assert "chưa đối chiếu được với văn bản gốc" in body
    assert "chưa đối chiếu được" not in client.get("/criteria/148-2023/10/").content.decode()
