"""Demo data: Hà Nội's periodic post-audit plan of this year (Art. 9), with two products of the
demo producer's cooperative concluded: one kept everything, one misused the OCOP mark, which
opens a revocation (8.1.d) due 15 days after the conclusion (8.4), not yet decided. Dates are
relative to today. Runs after the certificates demo; idempotent. Revokes nothing, so the
certificate figures of the demo stay as they were."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.certificates.choices import IN_FORCE
from ocop.certificates.models import Certificate

from . import services
from .models import Plan

TITLE = "Kế hoạch kiểm tra, giám sát sản phẩm OCOP năm %(year)s (đợt 2)"


@transaction.atomic
def seed_inspections() -> str:
    officer = User.objects.filter(username="province", role=Role.PROVINCE).first()
    if officer is None or officer.province is None:
        return "Hậu kiểm trình diễn: chưa có cán bộ tỉnh, bỏ qua."
    if Plan.objects.filter(province=officer.province).exists():
        return "Hậu kiểm trình diễn: đã có, bỏ qua."
    in_force = Certificate.objects.filter(
        status__in=IN_FORCE, stars__in=(3, 4), product__producer__commune__province=officer.province
    ).order_by("id")
    own = in_force.filter(product__producer__representatives__username="producer")
    chosen = list(own[:2]) if own.count() >= 2 else list(in_force[:2])
    chosen.sort(key=lambda certificate: certificate.stars)
    if len(chosen) < 2:
        return "Hậu kiểm trình diễn: chưa đủ giấy chứng nhận còn hiệu lực, bỏ qua."
    today = timezone.localdate()
    start = today - timedelta(days=30)
    plan = services.plan_create(
        actor=officer, year=today.year, title=TITLE % {"year": today.year}, level="province",
        province=officer.province, period_start=start, period_end=today + timedelta(days=60),
        inspectors="Chi cục Phát triển nông thôn Hà Nội (chủ trì); Sở Công Thương; Sở Y tế",
        note="Kiểm tra việc duy trì tiêu chí và sử dụng nhãn hiệu OCOP (Điều 9.3).",
    )  # fmt: skip
    kept, misused = (
        services.plan_add_product(
            actor=officer,
            plan=plan,
            certificate=certificate,
            scheduled_on=start + timedelta(days=10),
        )  # fmt: skip
        for certificate in chosen
    )
    checked = today - timedelta(days=8)
    services.inspection_record(
        actor=officer, inspection=kept, criteria_kept=True, mark_kept=True, information_kept=True,
        criteria_note="Đối chiếu hồ sơ đã công nhận: giữ nguyên quy trình, nguyên liệu địa phương.",
        findings="Không có phát hiện.", checked_on=checked,
    )  # fmt: skip
    services.inspection_conclude(
        actor=officer, inspection=kept, concluded_on=today - timedelta(days=5),
        conclusion="Sản phẩm duy trì các tiêu chí và sử dụng nhãn hiệu OCOP đúng quy định.",
    )  # fmt: skip
    services.inspection_record(
        actor=officer, inspection=misused, criteria_kept=True, mark_kept=False,
        mark_note=f"Bao bì in biểu trưng OCOP 5 sao cho sản phẩm được công nhận "
        f"{misused.certificate.stars} sao.",
        information_kept=False, information_note="Trang bán hàng giới thiệu là “sản phẩm OCOP 5 sao”.",
        findings="Sử dụng nhãn hiệu OCOP sai số sao, gây nhầm lẫn về sản phẩm được công nhận.",
        checked_on=checked,
    )  # fmt: skip
    services.inspection_conclude(
        actor=officer, inspection=misused, concluded_on=today - timedelta(days=5),
        conclusion="Chủ thể sử dụng nhãn hiệu OCOP không đúng quy định; đề nghị thu hồi giấy "
        "chứng nhận theo điểm d khoản 1 Điều 8.",
        revocation_ground="mark_misuse",
    )  # fmt: skip
    return f"Hậu kiểm trình diễn: kế hoạch “{plan.title}”, 2 cuộc kiểm tra đã kết luận."
