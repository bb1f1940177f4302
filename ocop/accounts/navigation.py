"""The main menu by role. Each app adds its entries here; entries whose URL does not exist yet are skipped."""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from .roles import Role

EVERY_ROLE = frozenset(Role.values)
OFFICERS = frozenset({Role.ADMIN, Role.CENTRAL, Role.PROVINCE, Role.COMMUNE})


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    roles: frozenset[str]


ENTRIES = (
    NavEntry(pgettext_lazy("menu", "Tổng quan"), "home", EVERY_ROLE),
    NavEntry(pgettext_lazy("menu", "Việc cần làm"), "evaluation:my_tasks", EVERY_ROLE),
    NavEntry(
        pgettext_lazy("menu", "Chủ thể"), "registry:producer_list", OFFICERS | {Role.PRODUCER}
    ),
    NavEntry(
        pgettext_lazy("menu", "Sản phẩm"), "registry:product_list", OFFICERS | {Role.PRODUCER}
    ),
    NavEntry(pgettext_lazy("menu", "Thay đổi chờ duyệt"), "registry:change_list", OFFICERS),
    NavEntry(
        pgettext_lazy("menu", "Hồ sơ đánh giá"),
        "evaluation:application_list",
        OFFICERS | {Role.PRODUCER, Role.ADVISOR},
    ),
    NavEntry(
        pgettext_lazy("menu", "Chấm điểm"), "evaluation:my_sheets", frozenset({Role.COUNCIL_MEMBER})
    ),
    NavEntry(
        pgettext_lazy("menu", "Hội đồng"),
        "evaluation:council_list",
        frozenset({Role.PROVINCE, Role.CENTRAL, Role.COUNCIL_MEMBER}),
    ),
    NavEntry(
        pgettext_lazy("menu", "Quyết định công nhận"),
        "evaluation:decision_list",
        frozenset({Role.PROVINCE, Role.CENTRAL}),
    ),
    NavEntry(
        pgettext_lazy("menu", "Giấy chứng nhận"),
        "certificates:certificate_list",
        OFFICERS | {Role.PRODUCER},
    ),
    NavEntry(
        pgettext_lazy("menu", "Hậu kiểm"), "inspections:inspection_list", OFFICERS | {Role.PRODUCER}
    ),
    NavEntry(pgettext_lazy("menu", "Kế hoạch, chỉ tiêu"), "programme:plan_list", OFFICERS),
    NavEntry(pgettext_lazy("menu", "Kinh phí hỗ trợ"), "programme:budget", OFFICERS),
    NavEntry(
        pgettext_lazy("menu", "Chu trình, ý tưởng"), "activities:cycle", OFFICERS | {Role.PRODUCER}
    ),
    NavEntry(
        pgettext_lazy("menu", "Tập huấn"), "activities:course_list", OFFICERS | {Role.PRODUCER}
    ),
    NavEntry(pgettext_lazy("menu", "Xúc tiến thương mại"), "activities:event_list", OFFICERS),
    NavEntry(pgettext_lazy("menu", "Bảng điều khiển chương trình"), "reports:unit_list", OFFICERS),
    NavEntry(pgettext_lazy("menu", "Bộ tiêu chí"), "criteria:ruleset_list", EVERY_ROLE),
    NavEntry(pgettext_lazy("menu", "Quản trị danh mục"), "admin:index", frozenset({Role.ADMIN})),
)


def entries_for(user) -> list[dict[str, str]]:
    if not user.is_authenticated:
        return []
    role = Role.ADMIN if user.is_superuser else user.role
    out = []
    for entry in ENTRIES:
        if role not in entry.roles:
            continue
        url = _url(entry.url_name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
        if url is None:
            continue
        out.append({"label": str(entry.label), "url": url, "name": entry.url_name})
    return out


@lru_cache(maxsize=512)
def _url(name: str, urlconf: str | None, prefix: str) -> str | None:
    """The menu's URLs, reversed once per URL configuration and script prefix (a menu is on
    every page: 20-odd reverse() calls were a tenth of a small dashboard's time)."""
    try:
        return reverse(name, urlconf=urlconf)
    except NoReverseMatch:
        return None
