"""The seed story (DOMAIN.md §8) as demo data. Each step is idempotent; later apps append theirs."""

from django.core.management import call_command

from ocop.accounts.demo import DEMO_PASSWORD, seed_accounts
from ocop.catalogue.opendata import opendata_build
from ocop.certificates.demo import seed_certificates
from ocop.evaluation.demo import seed_evaluation
from ocop.inspections.demo import seed_inspections
from ocop.places.models import Commune
from ocop.programme.demo import seed_programme_budget
from ocop.programme.demo_activity import seed_activity
from ocop.registry.demo import seed_registry


def seed_places(stdout) -> None:
    if Commune.objects.count() < 3321:
        call_command("places", "load", stdout=stdout)


def seed_all(stdout) -> list[tuple[str, str]]:
    """Prepare every part of the demo; returns the demo accounts to print."""
    seed_places(stdout)
    accounts = seed_accounts()
    seed_registry()
    seed_evaluation()
    stdout.write(str(seed_certificates()) + "\n")
    stdout.write(seed_activity() + "\n")
    seed_programme_budget()
    seed_inspections()  # after the certificates: a post-audit plan of Hà Nội (Art. 9)
    opendata_build()  # last, so that /open-data/ has files to show (cron rebuilds them in production)
    return accounts


__all__ = ["DEMO_PASSWORD", "seed_all"]
