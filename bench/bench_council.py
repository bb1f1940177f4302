"""Council benchmark: consolidating a session of 500 products × 7 members (3,500 submitted sheets).

Standalone: `.venv/bin/python bench/bench_council.py [products]`. Uses a temporary SQLite database
(through OCOP_DATA_DIR), runs the migrations, bulk-creates the session, then times
`ocop.evaluation.consolidation.consolidate_session` (what the board, the results page and
`session_close` call) with time.perf_counter against a baseline in the same run: only loading the
same sheets' rows. Target (issue 6): under 1 s.
"""

import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["OCOP_DATA_DIR"] = tempfile.mkdtemp(prefix="ocop-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from ocop.accounts.roles import Role  # noqa: E402
from ocop.accounts.testing import make_territory, make_user  # noqa: E402
from ocop.criteria.engine import score_sheet, sheet_record  # noqa: E402
from ocop.criteria.rules import load_rule_set  # noqa: E402
from ocop.evaluation.consolidation import consolidate_session  # noqa: E402
from ocop.evaluation.models import Application, ScoreSheet, Session, SessionItem  # noqa: E402
from ocop.evaluation.testing import make_council, make_round  # noqa: E402
from ocop.registry.models import Producer, Product  # noqa: E402

MEMBERS = 7


def build(products: int) -> Session:
    t = make_territory()
    users = [
        make_user(f"member{n}", Role.COUNCIL_MEMBER, province=t.province_p) for n in range(MEMBERS)
    ]
    council = make_council(t.province_p, users, quorum=5)
    round_ = make_round(t.province_p)
    producer = Producer.objects.create(legal_form="cooperative", name="HTX", tax_code="0100109106",
                                       commune=t.commune_x)  # fmt: skip
    rule_set = load_rule_set("26-2026")
    owned = Product.objects.bulk_create([
        Product(producer=producer, name=f"Sản phẩm {n}", rules="26-2026", set_number=n % 26 + 1,
                search_key=f"san pham {n}") for n in range(products)
    ])  # fmt: skip
    dossiers = Application.objects.bulk_create([
        Application(round=round_, product=p, producer=producer, commune=t.commune_x, kind="first",
                    rules="26-2026", set_number=p.set_number, stage="in_council_session")
        for p in owned
    ])  # fmt: skip
    session = Session.objects.create(council=council, round=round_, held_on=date(2027, 5, 20))
    session.present.set(council.members.all())
    items = SessionItem.objects.bulk_create(
        [SessionItem(session=session, application=a) for a in dossiers]
    )
    seats = list(council.members.all())
    rng, now = random.Random(6), timezone.now()
    sheets = []
    for item, dossier in zip(items, dossiers, strict=True):
        sheet = rule_set.sheets[dossier.set_number]
        for seat in seats:
            answers = {c.code: rng.choice(c.allowed) for c in sheet.criteria}
            result = score_sheet(sheet, answers)  # stored as sheet_submit stores it
            sheets.append(ScoreSheet(item=item, member=seat, answers=answers, total=result.total,
                                     scored=sheet_record(result), status="submitted", submitted_at=now,
                                     version=1))  # fmt: skip
    ScoreSheet.objects.bulk_create(sheets, batch_size=1000)
    return session


def timed(function, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    products = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    call_command("migrate", verbosity=0)
    session = build(products)
    rows = ScoreSheet.objects.filter(item__session=session, status="submitted")
    baseline, loaded = timed(lambda: list(rows.values_list("item_id", "member_id", "answers")))
    seconds, results = timed(lambda: consolidate_session(session))
    stars = sorted({r.result.stars for r in results.values() if r.result})
    print(f"products × members:   {products} × {MEMBERS} = {len(loaded)} sheets")
    print(f"consolidation:        {seconds:.4f} s  (best of 3)")
    print(f"baseline (load rows): {baseline:.4f} s")
    print(f"ratio:                {seconds / baseline:.1f} × loading the rows")
    print(f"per product:          {seconds / products * 1000:.2f} ms; stars seen: {stars}")
    print("target < 1 s:", "met" if seconds < 1 else "NOT MET")


if __name__ == "__main__":
    main()
