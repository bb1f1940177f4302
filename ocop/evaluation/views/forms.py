"""The producer's forms: Mẫu 01, Mẫu 02 (parts I, II, IV) and the live self-score (part III)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role

from ..forms import Form01, Form02
from ..forms_phuluc3 import clean_descriptions
from ..phuluc3 import classification
from ..selfscore import evaluate, sheet_for
from ..services.applications import application_save_forms, may_edit
from .common import error_text, fetch, form02_initial


def _editable(request, pk: int):
    application = fetch(request, pk)
    if not may_edit(request.user, application):
        raise PermissionDenied
    return application


def _form_page(request, pk: int, form_class, key: str, template: str, next_page: str):
    application = _editable(request, pk)
    initial = form02_initial(application) if key == "form02" else application.form01
    kwargs = {"kind": application.kind} if key == "form02" else {}
    form = form_class(request.POST or None, initial=initial, **kwargs)
    if request.method == "POST" and form.is_valid():
        application_save_forms(
            actor=request.user, application=application, **{key: form.cleaned_data}
        )
        messages.success(request, _("Đã lưu."))
        return redirect(next_page, pk=application.pk)
    context = {"application": application, "form": form}
    if key == "form01":
        context["classification"] = classification(application.rules, application.set_number)
    return render(request, template, context)


@role_required(Role.PRODUCER)
def application_form01(request, pk: int):
    return _form_page(
        request, pk, Form01, "form01", "evaluation/application_form01.html",
        "evaluation:application_form02",
    )  # fmt: skip


@role_required(Role.PRODUCER)
def application_form02(request, pk: int):
    return _form_page(
        request, pk, Form02, "form02", "evaluation/application_form02.html",
        "evaluation:application_selfscore",
    )  # fmt: skip


def _descriptions(application, post) -> dict[str, str]:
    sheet = sheet_for(application.rules, application.set_number)
    found, errors = clean_descriptions(post, [c.code for c in sheet.criteria] if sheet else [])
    if errors:
        raise ValidationError(errors)
    return found


def _score_context(application, raw):
    sheet = sheet_for(application.rules, application.set_number)
    if sheet is None:
        return {"application": application, "sheet": None}
    answers, summary = evaluate(sheet, raw)
    described = application.form02.get("descriptions") or {}
    rows = [
        {
            "group": criterion.group,
            "criterion": criterion,
            "points": answers.get(criterion.code),
            "levels": _levels(criterion),
            "description": described.get(criterion.code, ""),
        }
        for criterion in sheet.criteria
    ]
    return {"application": application, "sheet": sheet, "rows": rows, "summary": summary}


def _levels(criterion) -> list[dict]:
    """Every allowed score with the option text that gives it (0 = no option met)."""
    out = []
    for points in criterion.allowed:
        option = criterion.option_for(points)
        out.append({"points": points, "text": option.text if option else ""})
    return out


@role_required(Role.PRODUCER)
def application_selfscore(request, pk: int):
    """Part III: a level for every criterion; the summary beside it updates live (htmx)."""
    application = _editable(request, pk)
    if request.method == "POST":
        raw = {key[6:]: value for key, value in request.POST.items() if key.startswith("score_")}
        try:
            descriptions = _descriptions(application, request.POST)  # Mẫu 02 part III
            unchanged = descriptions == (application.form02.get("descriptions") or {})
            application_save_forms(
                actor=request.user, application=application, self_scores=raw,
                form02=None if unchanged else {"descriptions": descriptions},
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã lưu điểm tự đánh giá."))
            return redirect("evaluation:application_detail", pk=application.pk)
    context = _score_context(application, application.self_scores)
    return render(request, "evaluation/application_selfscore.html", context)


@role_required(Role.PRODUCER)
def application_selfscore_preview(request, pk: int):
    """The summary for the answers in the form, not saved (htmx partial)."""
    application = _editable(request, pk)
    raw = {key[6:]: value for key, value in request.POST.items() if key.startswith("score_")}
    return render(request, "evaluation/_selfscore_live.html", _score_context(application, raw))
