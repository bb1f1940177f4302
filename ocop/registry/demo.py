"""Demo producers and products (the seed story, DOMAIN.md §8). Only `ocop demo` calls this.

23 invented producers in the four communes that took over the former Phú Xuyên district, about
100 plausible products of the area, and a few producers in another province to show the scope.
"""

from django.db import transaction

from ocop.accounts.models import User
from ocop.places.models import Commune

from .identifiers import gtin_check_digit, make_tax_code
from .models import Producer, Product
from .services import product_create

# commune code, legal form, name, representative (name, gender), theme
PHU_XUYEN_PRODUCERS = [
    ("10273", "cooperative", "HTX Nông nghiệp Phú Xuyên", ("Nguyễn Thị Hợp", "female"), "rice"),
    ("10273", "household", "Hộ kinh doanh Giò chả Nam Tiến", ("Trần Văn Tiến", "male"), "meat"),
    ("10273", "llc", "Công ty TNHH Thực phẩm Hồng Thái", ("Lê Thị Thái", "female"), "cakes"),
    ("10273", "cooperative", "HTX Chăn nuôi Nam Phong", ("Phạm Văn Phong", "male"), "poultry"),
    ("10273", "cooperative_group", "Tổ hợp tác Mật ong Quang Hà", ("Đỗ Thị Hà", "female"), "honey"),
    ("10273", "farm", "Trang trại Cá Minh Phát", ("Vũ Minh Phát", "male"), "fish"),
    ("10279", "cooperative", "HTX Nông nghiệp Phượng Dực", ("Ngô Văn Dực", "male"), "rice"),
    ("10279", "llc", "Công ty TNHH Mây tre đan Phú Túc", ("Hoàng Thị Túc", "female"), "weaving"),
    ("10279", "cooperative", "HTX Bèo bồng Phú Túc", ("Bùi Thị Lan", "female"), "weaving"),
    ("10279", "household", "Hộ kinh doanh Bánh chưng Hồng Minh", ("Đặng Văn Minh", "male"), "cakes"),
    ("10279", "private_enterprise", "Doanh nghiệp tư nhân Rượu Văn Hoàng", ("Lý Văn Hoàng", "male"), "spirits"),
    ("10279", "cooperative", "HTX Rau an toàn Hoàng Long", ("Trịnh Thị Long", "female"), "vegetables"),
    ("10330", "jsc", "Công ty Cổ phần Khảm trai Chuyên Mỹ", ("Nguyễn Văn Mỹ", "male"), "inlay"),
    ("10330", "cooperative", "HTX Khảm trai Chuyên Mỹ", ("Trần Thị Chuyên", "female"), "inlay"),
    ("10330", "household", "Hộ kinh doanh May mặc Vân Từ", ("Lê Thị Từ", "female"), "garments"),
    ("10330", "cooperative", "HTX Nông nghiệp Tân Dân", ("Phạm Văn Dân", "male"), "vegetables"),
    ("10330", "llc", "Công ty TNHH Đồ gỗ Phú Yên", ("Vũ Văn Yên", "male"), "wood"),
    ("10330", "cooperative", "HTX Sinh vật cảnh Châu Can", ("Đỗ Văn Can", "male"), "ornamental"),
    ("10333", "cooperative", "HTX Dịch vụ Nông nghiệp Đại Xuyên", ("Ngô Thị Xuyên", "female"), "rice"),
    ("10333", "llc", "Công ty TNHH Thực phẩm Tri Thủy", ("Hoàng Văn Thủy", "male"), "sauces"),
    ("10333", "household", "Hộ kinh doanh Nón lá Khai Thái", ("Bùi Thị Thái", "female"), "weaving"),
    ("10333", "cooperative", "HTX Chăn nuôi Bạch Hạ", ("Đặng Thị Hạ", "female"), "poultry"),
    ("10333", "cooperative_group", "Tổ hợp tác Dược liệu Quang Lãng", ("Trịnh Văn Lãng", "male"), "herbal"),
]  # fmt: skip

# theme → (product name, set number, price đồng, unit)
THEMES = {
    "rice": [("Gạo nếp cái hoa vàng", 3, 45000, "kg"), ("Gạo bắc hương", 3, 30000, "kg"),
             ("Miến dong", 6, 70000, "kg"), ("Bún khô", 6, 40000, "kg"), ("Cốm làng", 6, 120000, "kg")],
    "meat": [("Giò lụa", 8, 220000, "kg"), ("Chả quế", 8, 240000, "kg"), ("Nem chua", 8, 150000, "kg"),
             ("Giò bò", 8, 380000, "kg")],
    "cakes": [("Bánh chưng", 6, 60000, "chiếc"), ("Bánh giầy", 6, 5000, "chiếc"),
              ("Bánh tẻ", 6, 6000, "chiếc"), ("Bánh khúc", 6, 8000, "chiếc"), ("Bánh gai", 6, 10000, "chiếc")],
    "poultry": [("Gà ri thả vườn", 2, 160000, "kg"), ("Trứng gà ri", 2, 4000, "quả"),
                ("Vịt bầu", 2, 90000, "kg"), ("Trứng vịt muối", 8, 6000, "quả")],
    "honey": [("Mật ong hoa nhãn", 4, 300000, "lít"), ("Mật ong hoa vải", 4, 280000, "lít"),
              ("Phấn hoa", 4, 400000, "kg")],
    "fish": [("Cá chép giòn", 2, 120000, "kg"), ("Cá trắm đen", 2, 150000, "kg"),
             ("Chả cá", 8, 260000, "kg"), ("Cá kho làng", 8, 200000, "hộp")],
    "weaving": [("Làn bèo bồng", 21, 150000, "chiếc"), ("Thảm cói", 21, 250000, "chiếc"),
                ("Giỏ mây tre", 21, 120000, "chiếc"), ("Nón lá", 21, 80000, "chiếc"),
                ("Hộp quà đan tre", 21, 90000, "chiếc")],
    "spirits": [("Rượu nếp cái", 14, 120000, "lít"), ("Rượu ngô", 14, 100000, "lít"),
                ("Rượu thuốc nam", 15, 200000, "chai")],
    "vegetables": [("Rau cải an toàn", 1, 20000, "kg"), ("Chuối tiêu hồng", 1, 25000, "nải"),
                   ("Dưa chuột bao tử", 7, 45000, "lọ"), ("Cà muối", 7, 35000, "lọ"), ("Tỏi đen", 7, 500000, "kg")],
    "inlay": [("Tranh khảm trai", 21, 3500000, "bức"), ("Hộp gỗ khảm trai", 21, 600000, "chiếc"),
              ("Lọ hoa khảm trai", 21, 1200000, "chiếc"), ("Khay trà khảm trai", 21, 900000, "chiếc")],
    "garments": [("Áo dài may đo", 22, 1500000, "bộ"), ("Áo sơ mi nam", 22, 350000, "chiếc"),
                 ("Khăn lụa", 22, 200000, "chiếc")],
    "wood": [("Bàn ghế gỗ", 21, 12000000, "bộ"), ("Tượng gỗ mỹ nghệ", 21, 2500000, "chiếc"),
             ("Đũa gỗ", 21, 50000, "hộp")],
    "ornamental": [("Cây cảnh bonsai", 24, 5000000, "cây"), ("Đào thế", 24, 3000000, "cây"),
                   ("Quất cảnh", 24, 800000, "cây"), ("Lan hồ điệp", 23, 350000, "chậu")],
    "sauces": [("Tương bần", 9, 40000, "chai"), ("Nước mắm cốt", 9, 90000, "chai"),
               ("Dấm gạo", 9, 25000, "chai"), ("Tương ớt", 10, 30000, "chai")],
    "herbal": [("Trà hoa cúc", 12, 150000, "hộp"), ("Cao ích mẫu", 18, 250000, "lọ"),
               ("Tinh dầu sả chanh", 20, 120000, "lọ"), ("Xà phòng thảo dược", 19, 60000, "bánh")],
}  # fmt: skip

ELSEWHERE = [
    ("Hợp tác xã Gà Lạc Thủy", "cooperative", [("Gà Lạc Thủy", 2, 170000, "kg"),
                                               ("Trứng gà Lạc Thủy", 2, 4500, "quả")]),
    ("Công ty TNHH Cam Cao Phong", "llc", [("Cam Cao Phong", 1, 40000, "kg")]),
    ("HTX Du lịch cộng đồng Bản Lác", "cooperative", [("Du lịch cộng đồng Bản Lác", 26, None, "")]),
]  # fmt: skip


# demo producer account → the producer it represents (in two different communes)
REPRESENTED = {"producer": "HTX Nông nghiệp Phú Xuyên", "producer2": "HTX Nông nghiệp Phượng Dực"}


def _producer(commune: Commune, serial: int, legal_form: str, name: str, rep=("", "")) -> Producer:
    producer = Producer.objects.filter(name=name).first()
    if producer is None:
        producer = Producer(
            name=name, legal_form=legal_form, commune=commune,
            tax_code=make_tax_code(800_000 + serial * 7), representative_name=rep[0],
            representative_gender=rep[1], representative_ethnic_group="Kinh",
            founded_year=2010 + serial % 10, workforce=8 + serial * 3, local_labour_percent=80 + serial % 20,
            street_address=f"Thôn {serial % 5 + 1}", phone=f"09{12345600 + serial:08d}",
        )  # fmt: skip
        producer.save()
    return producer


def demo_gtin(serial: int, index: int) -> str:
    """A GTIN-13 for about one product in three: GS1 Vietnam's prefix 893, a company number from
    the producer's serial, the item's index, and a valid check digit; "" for the others."""
    if (serial + index) % 3:
        return ""
    body = f"893{5000 + serial:05d}{index + 1:04d}"
    return f"{body}{gtin_check_digit(body)}"


def _products(producer: Producer, items, serial: int) -> int:
    made = 0
    for index, (name, set_number, price, unit) in enumerate(items):
        full = (
            name
            if producer.commune.province.code != "01"
            else f"{name} {producer.commune.name.split(' ', 1)[-1]}"
        )
        if producer.products.filter(name=full).exists():
            continue
        product_create(actor=None, data={
            "producer": producer, "name": full, "set_number": set_number, "price": price,
            "price_unit": unit, "raw_materials": "Nguyên liệu tại địa phương",
            "gtin": demo_gtin(serial, index),
            "local_material_percent": 70 + set_number % 30, "traceability_code": set_number % 2 == 0,
            "sales_channels": ["shop", "ocop_showroom"] + (["ecommerce"] if price and price > 100000 else []),
        })  # fmt: skip
        made += 1
    return made


def _elsewhere_commune() -> Commune | None:
    """A commune of another province: Lạc Thủy if the places data has it, else any outside Hà Nội."""
    found = Commune.objects.exclude(province__code="01").filter(search_key__contains="lac thuy")
    return found.first() or Commune.objects.exclude(province__code="01").order_by("code").first()


@transaction.atomic
def seed_registry() -> tuple[int, int]:
    """Create the demo producers and products (idempotent). Returns (producers, products) totals."""
    communes = {
        c.code: c for c in Commune.objects.filter(code__in={r[0] for r in PHU_XUYEN_PRODUCERS})
    }
    for serial, (code, form, name, rep, theme) in enumerate(PHU_XUYEN_PRODUCERS, start=1):
        producer = _producer(communes[code], serial, form, name, rep)
        _products(producer, THEMES[theme], serial)
    other = _elsewhere_commune()
    if other is not None:
        for serial, (name, form, items) in enumerate(ELSEWHERE, start=100):
            _products(_producer(other, serial, form, name), items, serial)
    for account in User.objects.filter(username__in=REPRESENTED):
        Producer.objects.get(name=REPRESENTED[account.username]).representatives.add(account)
    return Producer.objects.count(), Product.objects.count()


def demo_producer(name: str) -> Producer:
    """One of the Phú Xuyên producers by name, made on the spot when the registry demo has not run
    (the evaluation demo's tests); its demo account, if any, becomes its representative."""
    for serial, (code, form, known, rep, _theme) in enumerate(PHU_XUYEN_PRODUCERS, start=1):
        if known == name:
            producer = _producer(Commune.objects.get(code=code), serial, form, name, rep)
            break
    else:
        raise KeyError(name)
    accounts = [u for u, represented in REPRESENTED.items() if represented == name]
    producer.representatives.add(*User.objects.filter(username__in=accounts))
    return producer
