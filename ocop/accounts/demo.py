"""Demo accounts for every role (the seed story). Only `ocop demo` calls this; production never does."""

from django.db import transaction

from ocop.places.models import Commune, Province

from .models import Role, User

DEMO_PASSWORD = "ocop-demo"
HANOI = "01"
PHU_XUYEN = "10273"  # Xã Phú Xuyên, one of the communes of the former Phú Xuyên district

# username, role, full name, scope ("province" / "commune" / None)
DEMO_ACCOUNTS = [
    ("admin", Role.ADMIN, "Nguyễn Văn Quản (quản trị)", None),
    ("central", Role.CENTRAL, "Nguyễn Văn Trung (Bộ NN&MT)", None),
    ("province", Role.PROVINCE, "Trần Thị Hà (Sở NN&MT Hà Nội)", "province"),
    ("commune", Role.COMMUNE, "Lê Văn Xuyên (UBND xã Phú Xuyên)", "commune"),
    ("advisor", Role.ADVISOR, "Phạm Minh Tư (Tổ tư vấn)", "province"),
    *[
        # Names only: the position and agency belong to the council seat, which every label
        # shows beside the name ("Đỗ Quang Chủ (Chủ tịch hội đồng)"), so a name must not repeat them.
        (f"member{n}", Role.COUNCIL_MEMBER, name, "province")
        for n, name in enumerate(
            [
                "Đỗ Quang Chủ",
                "Ngô Thị Nông",
                "Vũ Văn Công",
                "Hoàng Thị Y",
                "Bùi Văn Khoa",
                "Đặng Thị Văn",
                "Lý Văn Thư",
            ],
            start=1,
        )
    ],
    ("producer", Role.PRODUCER, "Nguyễn Thị Hợp (HTX Nông nghiệp Phú Xuyên)", None),
    # Another producer in another commune (Phượng Dực): the two producer accounts see only their own.
    ("producer2", Role.PRODUCER, "Ngô Văn Dực (HTX Nông nghiệp Phượng Dực)", None),
]


@transaction.atomic
def seed_accounts() -> list[tuple[str, str]]:
    """Create or reset the demo accounts. Returns (username, role label) pairs for printing."""
    province = Province.objects.get(code=HANOI)
    commune = Commune.objects.get(code=PHU_XUYEN)
    printed = []
    for username, role, full_name, scope in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role = role
        user.full_name = full_name
        user.province = province if scope in ("province", "commune") else None
        user.commune = commune if scope == "commune" else None
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.email = f"{username}@demo.ocop.local"
        user.set_password(DEMO_PASSWORD)
        user.save()
        printed.append((username, str(Role(role).label)))
    return printed
