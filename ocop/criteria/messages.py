"""The words of the criteria app's pure modules (engine, advisor): each message code as a gettext
string with %(name)s placeholders. The CLI prints them in the active language, Vietnamese by
default, exactly as the msgids read."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.core.i18n import Texts, render
from ocop.core.messages import Message, MessageError

from .advisor import Advice

TEXTS: Texts = {
    "answer.missing": gettext_lazy("thiếu điểm tiêu chí %(criterion)s"),
    "answer.not_allowed": gettext_lazy(
        "tiêu chí %(criterion)s không có mức %(points)s điểm (các mức: %(levels)s)"
    ),
    "answer.unknown_criterion": gettext_lazy(
        "phiếu bộ sản phẩm %(set)s không có tiêu chí %(criterion)s"
    ),
    "answer.bad_outcome": gettext_lazy("kết quả %(kind)s không hợp lệ"),
    "advice.top": gettext_lazy("Sản phẩm đã đạt 5 sao, hạng cao nhất."),
    "advice.unreachable": gettext_lazy("Không thể đạt %(target)s sao với phiếu này."),
    "advice.ready": gettext_lazy("Đã đủ điều kiện đạt %(target)s sao."),
    "advice.steps": gettext_lazy("Để đạt %(target)s sao: %(changes)s."),
}


def text(message: Message | MessageError) -> str:
    return render(message, TEXTS)


def advice_steps(advice: Advice) -> list[str]:
    """Each change of the advice as one phrase (the option text is the rule set's own words)."""
    return [
        _("tiêu chí %(criterion)s từ %(from)s lên %(to)s điểm — %(option)s")
        % {"criterion": s.criterion, "from": s.from_points, "to": s.to_points, "option": s.option}
        for s in advice.steps
    ]


def advice_text(advice: Advice) -> str:
    """The advice as one sentence in the active language."""
    if advice.message.code != "advice.steps":
        return text(advice.message)
    params = {**advice.message.params, "changes": "; ".join(advice_steps(advice))}
    return text(Message("advice.steps", params))
