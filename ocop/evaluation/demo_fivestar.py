"""The demo's 5★ story (Art. 7.3.e, 6.3.a, 7.4): Miến dong Phú Xuyên, 91.85 at the Hà Nội council on
20 Nov 2026, gets the chair's approval decision 02/QĐ-UBND and the letter 01/UBND-NNMT of 26 Nov;
the dossier is sent to the ministry on 27 Nov; the central council (five demo members seated for
the ministry) scores it on 30 Nov; the ministry recognises it 5★ by 01/QĐ-BNNMT of 1 Dec 2026
(certificate signed by the ministry) and notifies Hà Nội (03/TB-BNNMT). Idempotent; called by
demo.seed_evaluation() after the council story."""

from datetime import date

from ocop.accounts.models import User

from . import workflow
from .models import Application, Council, FiveStarDossier, Round
from .models.rounds import RoundLevel
from .services.councils import council_create, council_member_add
from .services.decisions import decision_issue
from .services.fivestar import fivestar_notify, fivestar_prepare, fivestar_send
from .services.rounds import round_create
from .services.sessions import session_close, session_create
from .services.sheets import item_sheet, sheet_submit
from .testing import answers_totalling

PRODUCT = "Miến dong Phú Xuyên"
CENTRAL_COUNCIL = "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương năm 2026"
# Seat order: chair (the ministry's leader), members, secretary (Art. 7.4.b).
SEATS = [("member1", "chair", "Bộ Nông nghiệp và Môi trường"), ("member2", "member", "Bộ Công Thương"),
         ("member3", "member", "Bộ Y tế"), ("member5", "member", "Bộ Khoa học và Công nghệ"),
         ("member6", "secretary", "Văn phòng Điều phối nông thôn mới Trung ương")]  # fmt: skip
TOTALS = [93, 92, 91, 94, 92]


def seed_fivestar_story() -> None:
    application = Application.objects.filter(product__name=PRODUCT,
                                             stage=workflow.PROPOSED_CENTRAL).first()  # fmt: skip
    if application is None or FiveStarDossier.objects.filter(application=application).exists():
        return
    province, central = User.objects.get(username="province"), User.objects.get(username="central")
    dossier = fivestar_prepare(actor=province, application=application, on=date(2026, 11, 26),
                               signer="Nguyễn Văn Phong", signer_title="deputy")  # fmt: skip
    fivestar_send(actor=province, dossier=dossier, on=date(2026, 11, 27))
    council = _central_council()
    round_ = Round.objects.filter(level=RoundLevel.CENTRAL, year=2027, number=2).first() or (
        round_create(actor=None, level=RoundLevel.CENTRAL, year=2027, number=2))  # fmt: skip
    session = session_create(actor=central, council=council, round=round_,
                             held_on=date(2026, 11, 30), place="Bộ Nông nghiệp và Môi trường",
                             applications=[application])  # fmt: skip
    item = session.items.get()
    for seat, total in zip(council.members.order_by("id"), TOTALS, strict=True):
        sheet_submit(actor=seat.user, item=item, member=seat,
                     answers=answers_totalling(item_sheet(item), total))  # fmt: skip
    session_close(actor=central, session=session)
    decision_issue(actor=central, level=RoundLevel.CENTRAL, province=None, items=[item],
                   decided_on=date(2026, 12, 1), signer="Trần Thanh Nam",
                   signer_title="deputy")  # fmt: skip
    fivestar_notify(actor=central, dossier=dossier, on=date(2026, 12, 1))


def _central_council() -> Council:
    council = council_create(
        actor=None, level=RoundLevel.CENTRAL, province=None, year=2026, name=CENTRAL_COUNCIL,
        established_by="Quyết định số 120/QĐ-BNNMT ngày 15/01/2026", quorum=5, spread_limit=10,
    )  # fmt: skip
    for username, position, agency in SEATS:
        council_member_add(actor=None, council=council, user=User.objects.get(username=username),
                           position=position, agency=agency)  # fmt: skip
    return council
