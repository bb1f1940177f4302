"""The seed story's plan and budget in numbers (issue 11.9 and its done-when checks)."""

import json

import pytest
from django.core.management import call_command

from ocop.accounts.demo import seed_accounts
from ocop.certificates.demo import seed_certificates
from ocop.certificates.models import Certificate, HistoricResult
from ocop.core.models import AuditEntry
from ocop.places.models import HistoricUnit
from ocop.programme.demo import seed_programme_budget
from ocop.programme.models import Allocation, Disbursement, Plan
from ocop.registry.demo import seed_registry
from ocop.registry.models import Product

from .test_cli import run

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("places", "load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    seed_accounts()
    seed_registry()
    seed_certificates()
    seed_programme_budget()


def plain_count_of_recognised_products_of_280() -> int:
    """The rule written out with plain queries: products of the successor communes of district
    280 with a ≥ 3★ certificate issued in 2021–2025 or a ≥ 3★ historic result of 2021–2025."""
    district = HistoricUnit.objects.get(code="280", level="district")
    communes = set()
    for unit in HistoricUnit.objects.all():
        chain = [unit, unit.parent, unit.parent.parent if unit.parent else None]
        if unit.successor_id and any(u is not None and u.pk == district.pk for u in chain):
            communes.add(unit.successor_id)
    ids = set(
        Certificate.objects.filter(
            stars__gte=3, issue_date__gte="2021-01-01", issue_date__lte="2025-12-31"
        ).values_list("product_id", flat=True)
    ) | set(
        HistoricResult.objects.filter(stars__gte=3, year__gte=2021, year__lte=2025).values_list(
            "product_id", flat=True
        )
    )
    return sum(1 for p in Product.objects.filter(pk__in=ids) if p.producer.commune_id in communes)


def test_demo_budget_and_targets_of_phu_xuyen(demo):
    code, out, err = run("budget", "summary", "--unit", "280", "--from", "2018", "--to", "2020",
                         "--json")  # fmt: skip
    summary = json.loads(out)
    assert (code, err) == (0, "")
    assert summary["disbursed"] == 968_721_000
    assert summary["allocated"] == 968_721_000
    assert set(summary["by_content"]) == {"surveys", "dossier", "promotion"}
    assert summary["by_source"] == {"district": 968_721_000}
    assert json.loads(run("budget", "summary", "--unit", "280", "--json")[1])["planned"] == (
        5_000_000_000
    )

    rows = json.loads(run("programme", "targets", "--unit", "280", "--json")[1])
    [products] = [r for r in rows if r["indicator"] == "products_stars"]
    assert (products["target"], products["period"]) == (200, "2021-2025")
    assert products["actual"] == plain_count_of_recognised_products_of_280()
    assert products["actual"] > 0
    assert {r["indicator"]: r["target"] for r in rows} == {
        "products_stars": 200, "producers_trained_share": 100, "officials_trained_share": 100,
        "showrooms_open": 1, "budget_disbursed": 5_000_000_000,
    }  # fmt: skip


def test_seeding_twice_adds_nothing(demo):
    counts = (
        Plan.objects.count(), Allocation.objects.count(), Disbursement.objects.count(),
        AuditEntry.objects.count(),
    )  # fmt: skip
    seed_programme_budget()
    assert counts == (
        Plan.objects.count(), Allocation.objects.count(), Disbursement.objects.count(),
        AuditEntry.objects.count(),
    )  # fmt: skip
    assert counts[:3] == (1, 5, 7)
