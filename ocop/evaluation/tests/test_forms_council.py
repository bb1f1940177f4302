"""Council forms refuse hostile values with a form error, never a server error."""

import pytest

from ocop.evaluation.forms_council import SessionForm
from ocop.evaluation.models import Application, CouncilMember, Round

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value", ["-9999999999999999999999999", "99999999999999999999", "1.5", "abc", "", "٣"]
)
def test_session_form_refuses_ids_that_are_not_row_ids(value):
    """A number beyond the database's integer range crashed the `pk__in` lookup (OverflowError
    on SQLite, a DataError on PostgreSQL): found by the form fuzz (issue 9.11)."""
    data = {"held_on": "2027-05-20", "applications": [value], "present": [value]}
    form = SessionForm(
        data, rounds=Round.objects.all(), applications=Application.objects.all(),
        members=CouncilMember.objects.all(),
    )  # fmt: skip
    assert form.is_valid() is False
    assert {"applications", "present"} <= set(form.errors)
