"""`ocop programme targets` and `ocop budget summary`: the JSON contracts and exit status 2."""

import json
import sys
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ocop.programme.models import Allocation, Disbursement, PlannedBudget, Target

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    real = sys.stderr
    sys.stderr = err
    try:
        call_command(*args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    finally:
        sys.stderr = real
    return code, out.getvalue(), err.getvalue()


def test_targets_json_has_the_contract_keys(pw):
    Target.objects.create(plan=pw.plan, indicator="products_stars", stars=3, value=200)
    code, out, _ = run("programme", "targets", "--unit", "280", "--json")
    [row] = json.loads(out)
    assert code == 0
    assert {k: row[k] for k in ("unit", "indicator", "period", "target", "actual", "percent")} == {
        "unit": "280", "indicator": "products_stars", "period": "2021-2025", "target": 200,
        "actual": 0, "percent": 0.0,
    }  # fmt: skip
    assert row["status"] in ("on_track", "at_risk", "behind")
    assert json.loads(run("programme", "targets", "--json")[1]) == [row]


def test_budget_summary_json(pw):
    PlannedBudget.objects.create(plan=pw.plan, content="packaging", amount=5_000_000_000)
    allocation = Allocation.objects.create(
        province=pw.plan.province, historic_unit=pw.district, year=2019, source="district",
        content="surveys", amount=968_721_000,
    )  # fmt: skip
    Disbursement.objects.create(
        allocation=allocation, paid_on=date(2019, 5, 1), amount=968_721_000, description="Khảo sát"
    )
    code, out, err = run("budget", "summary", "--unit", "280", "--from", "2018", "--to", "2020",
                         "--json")  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "unit": "280", "from": 2018, "to": 2020, "planned": 0, "allocated": 968_721_000,
        "disbursed": 968_721_000, "by_content": {"surveys": 968_721_000},
        "by_source": {"district": 968_721_000}, "by_year": {"2019": 968_721_000},
    }  # fmt: skip
    assert json.loads(run("budget", "summary", "--unit", "280", "--json")[1])["planned"] == (
        5_000_000_000
    )


@pytest.mark.parametrize(
    "args",
    [
        ("programme", "targets", "--unit", "999", "--json"),
        ("programme", "targets", "--unit", "abc"),
        ("budget", "summary", "--unit", "99999", "--json"),
        ("budget", "summary", "--unit", "280", "--from", "20x8", "--json"),
        ("budget", "summary", "--unit", "280", "--from", "1850", "--json"),
        ("budget", "summary", "--unit", "280", "--from", "2020", "--to", "2018", "--json"),
    ],
)
def test_unknown_unit_or_bad_year_exits_2_with_a_message_and_no_output(pw, args):
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.startswith("Lỗi: ")
    assert ("không có tỉnh, xã" in err) or ("năm" in err)
