"""Read-only pages over the rule sets: lists, a sheet readable on a phone, the blank PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ocop.criteria.pdf import blank_sheet_pdf
from ocop.criteria.rules import RuleSet, Sheet, load_all, load_rule_set


def _rule_set_or_404(code: str) -> RuleSet:
    try:
        return load_rule_set(code)
    except KeyError:
        raise Http404(code) from None


def _sheet_or_404(rule_set: RuleSet, number: int) -> Sheet:
    sheet = rule_set.sheets.get(number)
    if sheet is None:
        raise Http404(number)
    return sheet


@login_required
def ruleset_list(request: HttpRequest) -> HttpResponse:
    return render(request, "criteria/ruleset_list.html", {"rule_sets": load_all()})


@login_required
def set_list(request: HttpRequest, rules: str) -> HttpResponse:
    rule_set = _rule_set_or_404(rules)
    types = [
        (product_type, [s for s in rule_set.sets if s.type == product_type.code])
        for product_type in rule_set.types
    ]
    return render(request, "criteria/productset_list.html", {"rule_set": rule_set, "types": types})


@login_required
def sheet_detail(request: HttpRequest, rules: str, number: int) -> HttpResponse:
    rule_set = _rule_set_or_404(rules)
    sheet = _sheet_or_404(rule_set, number)
    context = {"rule_set": rule_set, "sheet": sheet, "product_set": rule_set.product_set(number)}
    return render(request, "criteria/sheet_detail.html", context)


@login_required
def sheet_pdf(request: HttpRequest, rules: str, number: int) -> HttpResponse:
    rule_set = _rule_set_or_404(rules)
    sheet = _sheet_or_404(rule_set, number)
    response = HttpResponse(blank_sheet_pdf(rule_set, sheet), content_type="application/pdf")
    filename = f"phieu-{rule_set.code}-bo-{number:02d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
