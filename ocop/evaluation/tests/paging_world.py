"""What the paging tests share: dossiers and agenda items added in bulk to the council world
(conftest.py), and the number of queries one page costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.evaluation.models import Application, SessionItem
from ocop.evaluation.testing import make_product


def queries(client, url: str, data: dict | None = None, method: str = "get") -> int:
    """The queries of one request, which must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        assert getattr(client, method)(url, data or {}).status_code == 200
    return len(captured)


def dossier(
    world, name: str, stage: str = "in_council_session", *, producer=None, kind: str = "first"
) -> Application:
    """A product of producer A (or `producer`) and its dossier (set 1, 26-2026) at `stage`."""
    product = make_product(producer or world.producer_a, name)
    return Application.objects.create(
        round=world.round, product=product, producer=product.producer,
        commune=product.producer.commune, kind=kind, rules="26-2026", set_number=1, stage=stage,
    )  # fmt: skip


def agenda_item(
    world, session, name: str, stage: str = "in_council_session", **fields
) -> SessionItem:
    """A new product's dossier (at `stage`) on the agenda of `session`; `fields` set on its item."""
    application = dossier(world, name, stage)
    return SessionItem.objects.create(session=session, application=application, **fields)
