"""The parts of the Phụ lục III forms (Decision 26/2026/QĐ-TTg) that depend on the dossier: Mẫu 02's
section on changes (upgrade, Art. 6.1.b) and 3-year update (re-evaluation, Art. 6.1.c), its
intellectual-property ticks, and the commune's Mẫu 03. They validate input; services write."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.core.forms import CleanInputMixin
from ocop.core.text import clean_long_text

from .models import ApplicationKind

LONG = 4000  # characters of one text part of a form
UPGRADE_FIELDS = (
    ("upgrade_changes", _("Những thay đổi so với sản phẩm OCOP đã được công nhận (nội dung và tài "
                          "liệu minh chứng)")),
)  # fmt: skip
# Art. 6.1.c: "cập nhật những nội dung mới và kết quả sau thời gian sản phẩm OCOP được công nhận
# về: nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, các phiếu kiểm nghiệm
# định kỳ, thị trường tiêu thụ, sản lượng, doanh thu và bổ sung minh chứng các giấy tờ pháp lý có
# thời hạn".
UPDATE_FIELDS = (
    ("update_materials_technology", _("Nguyên liệu, công nghệ sử dụng")),
    ("update_packaging_label", _("Bao bì, nhãn mác")),
    ("update_quality", _("Công bố chất lượng, các phiếu kiểm nghiệm định kỳ")),
    ("update_market", _("Thị trường tiêu thụ, sản lượng, doanh thu")),
    ("update_legal_papers", _("Bổ sung minh chứng các giấy tờ pháp lý có thời hạn")),
)


def kind_fields(kind: str) -> tuple[tuple[str, Any], ...]:
    """The Mẫu 02 fields a dossier of this kind must fill besides the common ones."""
    if kind == ApplicationKind.UPGRADE:
        return UPGRADE_FIELDS
    if kind == ApplicationKind.REEVALUATION:
        return UPDATE_FIELDS
    return ()


def kind_problems(kind: str, form02: dict) -> list[str]:
    """Why Mẫu 02 is not complete for its kind (empty: it is)."""
    missing = [
        name for name, _label in kind_fields(kind) if not str(form02.get(name) or "").strip()
    ]
    if not missing:
        return []
    if kind == ApplicationKind.UPGRADE:
        return [str(_("Báo cáo tự đánh giá (Mẫu 02) chưa nêu những thay đổi so với sản phẩm OCOP "
                      "đã được công nhận (điểm b khoản 1 Điều 6)."))]  # fmt: skip
    return [str(_("Báo cáo tự đánh giá (Mẫu 02) chưa cập nhật đủ nội dung mới sau thời gian được "
                  "công nhận (điểm c khoản 1 Điều 6): %(count)s mục còn trống.")
                % {"count": len(missing)})]  # fmt: skip


class Form02Parts:
    """Mixed into Form02: the sections of its kind and the rule of the ticks under d)."""

    def add_kind_sections(self, kind: str) -> None:
        for name, label in kind_fields(kind):
            self.fields[name] = forms.CharField(  # type: ignore[attr-defined]
                label=label, max_length=LONG, widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": _("Mục này bắt buộc với hồ sơ %(kind)s.")
                                % {"kind": ApplicationKind(kind).label.lower()}},
            )  # fmt: skip

    def check_ip_ticks(self, data: dict, items: tuple[str, ...]) -> None:
        """Mẫu 02, 7.d): the parent tick "Đã có đăng ký sở hữu trí tuệ" and the titles under it
        go together: a title without the parent, or the parent without a title, is refused."""
        titled = any(data.get(item) for item in items) or bool(data.get("ip_other"))
        if titled and not data.get("has_ip_registration"):
            self.add_error(  # type: ignore[attr-defined]
                "has_ip_registration",
                _("Đã đánh dấu văn bằng sở hữu trí tuệ: hãy đánh dấu cả mục d) Đã có đăng ký sở "
                  "hữu trí tuệ."),
            )  # fmt: skip
        if data.get("has_ip_registration") and not titled:
            self.add_error(  # type: ignore[attr-defined]
                "has_ip_registration",
                _("Đã đánh dấu mục d): hãy đánh dấu ít nhất một loại văn bằng hoặc ghi rõ loại "
                  "khác."),
            )  # fmt: skip


class Form03(CleanInputMixin, forms.Form):
    """Mẫu 03: Báo cáo đánh giá một số nội dung của hồ sơ (the commune's part; part I comes from
    the registry and the dossier)."""

    raw_materials = forms.CharField(
        label=_("1. Về sử dụng nguyên liệu địa phương"), max_length=LONG,
        help_text=_("Mô tả của chủ thể và đánh giá về tình hình sử dụng nguyên liệu thực tế của "
                    "chủ thể trên địa bàn xã."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    local_labour = forms.CharField(
        label=_("2. Về sử dụng lao động địa phương"), max_length=LONG,
        help_text=_("Mô tả của chủ thể và đánh giá về tình hình sử dụng thực tế về lao động địa "
                    "phương của chủ thể trên địa bàn xã."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    idea_origin = forms.CharField(
        label=_("3. Nguồn gốc ý tưởng sản phẩm"), max_length=LONG,
        help_text=_("Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa "
                    "trên thực tế của địa phương."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    local_identity = forms.CharField(
        label=_("4. Bản sắc/trí tuệ địa phương"), max_length=LONG,
        help_text=_("Giá trị văn hóa, tri thức bản địa (giống, nguyên liệu, điều kiện sản xuất), "
                    "kinh nghiệm sản xuất của cộng đồng và phương thức sản xuất đặc trưng của địa "
                    "phương, tạo nên sự khác biệt của sản phẩm."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    proposal_letter = forms.CharField(
        label=_("Văn bản đề nghị UBND tỉnh (số, ngày)"), max_length=255
    )
    signer_title = forms.ChoiceField(
        label=_("Người ký"), initial="chair",
        choices=[("chair", _("Chủ tịch")), ("vice_chair", _("Phó Chủ tịch (ký thay Chủ tịch)"))],
    )  # fmt: skip
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=150, required=False)


def clean_descriptions(post, codes: list[str]) -> tuple[dict[str, str], list[str]]:
    """Mẫu 02 part III: the "Mô tả, chứng minh" text per criterion, from `describe_<code>` fields
    (cleaned like every form's text). Unknown codes are dropped, blank ones left out; a text over
    the limit is an error (then nothing is saved)."""
    found, errors = {}, []
    for code in codes:
        text = clean_long_text(post.get(f"describe_{code}", "")).strip()
        if len(text) > LONG:
            errors.append(str(_("Mô tả, chứng minh của tiêu chí %(code)s dài quá %(limit)s ký tự.")
                              % {"code": code, "limit": LONG}))  # fmt: skip
        elif text:
            found[code] = text
    return found, errors
