"""The annual cycle: windows from the defaults, ideas screened, business plans decided, lineage."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.core.models import AuditEntry
from ocop.programme.choices import BusinessPlanStatus, IdeaStatus
from ocop.programme.models import BusinessPlan, CycleDefault, CycleWindow, Idea
from ocop.programme.services_cycle import (
    current_step,
    cycle_open,
    cycle_window_set,
    cycle_windows,
    idea_register,
    idea_screen,
    plan_decide,
    plan_link_product,
    plan_submit,
)
from ocop.programme.testing_activity import idea_data
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def producers(territory, personas):
    a = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"])
    b = make_producer(territory.commune_y, "HTX Phượng Dực", 2, personas["producer_b"])
    return a, b


def test_windows_come_from_built_in_defaults_then_the_province_then_stored(territory, personas):
    unit = resolve_unit("10273")
    windows = cycle_windows(unit=unit, year=2026)
    assert [(w.step, w.start, w.end, w.stored) for w in windows][:2] == [
        (1, date(2026, 1, 1), date(2026, 2, 28), False),
        (2, date(2026, 3, 1), date(2026, 4, 30), False),
    ]
    CycleDefault.objects.create(province=territory.province_p, step=2, start_month=2,
                                start_day=15, end_month=5, end_day=31)  # fmt: skip
    assert cycle_windows(unit=unit, year=2026)[1].start == date(2026, 2, 15)
    made = cycle_open(actor=personas["commune_x"], unit=unit, year=2026)
    assert len(made) == 6
    assert cycle_open(actor=personas["commune_x"], unit=unit, year=2026) == []  # idempotent
    window = CycleWindow.objects.get(commune=territory.commune_x, year=2026, step=2)
    cycle_window_set(
        actor=personas["commune_x"], window=window, start=date(2026, 3, 1), end=date(2026, 3, 31)
    )
    windows = cycle_windows(unit=unit, year=2026)
    assert (windows[1].start, windows[1].end, windows[1].stored) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
        True,
    )
    assert current_step(windows, date(2026, 3, 15)).step == 2
    assert current_step(windows, date(2026, 4, 15)) is None  # between the moved window and step 3
    assert AuditEntry.objects.filter(action="cycle.open").count() == 6
    assert AuditEntry.objects.filter(action="cycle.window_set").count() == 1


def test_an_impossible_province_default_falls_back_to_the_built_in_window(territory):
    for step, (sm, sd, em, ed) in {2: (13, 1, 14, 1), 3: (6, 30, 5, 1), 4: (2, 29, 9, 30)}.items():
        CycleDefault.objects.create(province=territory.province_p, step=step, start_month=sm,
                                    start_day=sd, end_month=em, end_day=ed)  # fmt: skip
    windows = cycle_windows(unit=resolve_unit("10273"), year=2027)
    assert [(w.start, w.end) for w in windows[1:4]] == [
        (date(2027, 3, 1), date(2027, 4, 30)),
        (date(2027, 5, 1), date(2027, 6, 30)),
        (date(2027, 2, 28), date(2027, 9, 30)),
    ]


def test_a_window_outside_its_year_or_reversed_is_refused(territory, personas):
    unit = resolve_unit("10273")
    cycle_open(actor=None, unit=unit, year=2026)
    window = CycleWindow.objects.get(commune=territory.commune_x, year=2026, step=3)
    for start, end, message in [
        (
            date(2026, 12, 1),
            date(2027, 1, 15),
            "Các bước của chu trình năm 2026 phải nằm trong năm đó.",
        ),
        (date(2026, 6, 30), date(2026, 5, 1), "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."),
    ]:
        with pytest.raises(ValidationError) as refused:
            cycle_window_set(actor=personas["commune_x"], window=window, start=start, end=end)
        assert refused.value.messages == [message]
    window.refresh_from_db()
    assert (window.start_date, window.end_date) == (date(2026, 5, 1), date(2026, 6, 30))
    with pytest.raises(PermissionDenied):
        cycle_open(actor=personas["commune_y"], unit=unit, year=2027)
    assert not CycleWindow.objects.filter(year=2027).exists()


def test_producer_registers_an_idea_for_its_own_producer_only(producers, personas):
    a, b = producers
    idea = idea_register(actor=personas["producer_a"], **idea_data(a))
    assert (idea.status, idea.commune_id, idea.created_by) == (
        IdeaStatus.SUBMITTED,
        a.commune_id,
        personas["producer_a"],
    )
    with pytest.raises(PermissionDenied) as refused:
        idea_register(actor=personas["producer_a"], **idea_data(b))
    assert str(refused.value) == "Bạn chỉ đăng ký được ý tưởng cho chủ thể mà mình đại diện."
    with pytest.raises(PermissionDenied):
        idea_register(actor=personas["commune_x"], **idea_data(b))  # another commune's producer
    assert list(Idea.objects.values_list("producer", flat=True)) == [a.pk]
    assert AuditEntry.objects.filter(action="idea.register").count() == 1


def test_an_idea_for_a_year_outside_the_programme_is_refused(producers, personas):
    a, _ = producers
    for year in (2017, 2099):
        with pytest.raises(ValidationError) as refused:
            idea_register(actor=personas["commune_x"], **{**idea_data(a), "year": year})
        assert refused.value.messages[0].startswith("Năm của chu trình phải từ 2018 đến ")
    assert Idea.objects.count() == 0


def test_screening_follows_the_allowed_transitions(producers, personas):
    a, _ = producers
    idea = idea_register(actor=personas["producer_a"], **idea_data(a))
    with pytest.raises(PermissionDenied):
        idea_screen(actor=personas["producer_a"], idea=idea, accept=True)
    with pytest.raises(PermissionDenied):
        idea_screen(actor=personas["commune_y"], idea=idea, accept=True)
    with pytest.raises(ValidationError) as refused:
        idea_screen(actor=personas["commune_x"], idea=idea, accept=False, reason="  ")
    assert refused.value.messages == ["Hãy ghi lý do trả lại."]
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED
    idea_screen(
        actor=personas["province_p"], idea=idea, accept=False, reason="Trùng ý tưởng năm trước"
    )
    idea.refresh_from_db()
    assert (idea.status, idea.return_reason, idea.screened_by) == (
        IdeaStatus.RETURNED,
        "Trùng ý tưởng năm trước",
        personas["province_p"],
    )
    with pytest.raises(ValidationError) as refused:
        idea_screen(actor=personas["commune_x"], idea=idea, accept=True)
    assert refused.value.messages == [
        "Ý tưởng đang ở trạng thái “Trả lại”: không chuyển được sang “Được chấp nhận”."
    ]
    assert AuditEntry.objects.filter(action="idea.returned").count() == 1
    assert not AuditEntry.objects.filter(action="idea.accepted").exists()


def test_business_plan_on_an_accepted_idea_approved_then_linked_to_its_product(producers, personas):
    a, b = producers
    idea = idea_register(actor=personas["producer_a"], **idea_data(a))
    with pytest.raises(ValidationError) as refused:
        plan_submit(actor=personas["producer_a"], idea=idea, title="PA", summary="Nội dung")
    assert refused.value.messages == ["Chỉ lập phương án trên ý tưởng đã được chấp nhận."]
    idea_screen(actor=personas["commune_x"], idea=idea, accept=True)
    plan = plan_submit(actor=personas["producer_a"], idea=idea, title="PA", summary="Nội dung",
                       support_requested="Bao bì", support_amount=30_000_000)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        plan_submit(actor=personas["producer_a"], idea=idea, title="PA 2", summary="Nội dung")
    assert refused.value.messages == [
        "Ý tưởng này đã có phương án đang chờ duyệt hoặc đã được duyệt."
    ]
    product = make_product(a, "Trà sen Phú Xuyên")
    with pytest.raises(ValidationError):
        plan_link_product(actor=personas["producer_a"], plan=plan, product=product)  # not approved
    with pytest.raises(PermissionDenied):
        plan_decide(actor=personas["producer_a"], plan=plan, approve=True)
    plan_decide(actor=personas["commune_x"], plan=plan, approve=True)
    with pytest.raises(ValidationError) as refused:
        plan_link_product(actor=personas["producer_a"], plan=plan, product=make_product(b, "Đường"))
    assert refused.value.messages == ["Sản phẩm phải là của chính chủ thể đăng ký ý tưởng."]
    plan_link_product(actor=personas["producer_a"], plan=plan, product=product)
    plan.refresh_from_db()
    assert (plan.status, plan.product, plan.decided_by) == (
        BusinessPlanStatus.APPROVED,
        product,
        personas["commune_x"],
    )
    assert list(product.business_plans.values_list("idea__title", flat=True)) == [
        "Trà sen Phú Xuyên"
    ]
    actions = list(AuditEntry.objects.filter(object_id=str(plan.pk), action__startswith="business_plan")
                   .order_by("pk").values_list("action", flat=True))  # fmt: skip
    assert actions == [
        "business_plan.submit",
        "business_plan.approved",
        "business_plan.link_product",
    ]


def test_a_returned_plan_needs_a_reason_and_frees_the_idea_for_a_new_plan(producers, personas):
    a, _ = producers
    idea = idea_register(actor=personas["commune_x"], **idea_data(a))
    idea_screen(actor=personas["commune_x"], idea=idea, accept=True)
    plan = plan_submit(actor=personas["commune_x"], idea=idea, title="PA", summary="Nội dung")
    with pytest.raises(ValidationError):
        plan_decide(actor=personas["commune_x"], plan=plan, approve=False)
    plan_decide(
        actor=personas["commune_x"], plan=plan, approve=False, reason="Thiếu phương án thị trường"
    )
    with pytest.raises(ValidationError):
        plan_decide(actor=personas["commune_x"], plan=plan, approve=True)
    second = plan_submit(
        actor=personas["commune_x"], idea=idea, title="PA sửa", summary="Có thị trường"
    )
    assert list(BusinessPlan.objects.order_by("pk").values_list("status", flat=True)) == [
        "returned",
        "submitted",
    ]
    assert second.status == BusinessPlanStatus.SUBMITTED
