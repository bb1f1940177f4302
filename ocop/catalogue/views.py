"""The public catalogue: no login, public data only (read through ocop.certificates.public)."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from ocop.certificates import public
from ocop.core.paging import CountedPaginator, SearchPaginator, query_without_page

from . import pages
from .search import (
    FEW_MATCHES,
    SORTS,
    CatalogueQuery,
    facets_html,
    result_count,
    results,
    without_filter,
    words_in_order,
)

PAGE_SIZE = 24


def catalogue_list(request: HttpRequest) -> HttpResponse:
    """Search, filters with counts, sorting, pages; an exact reference opens the product."""
    query = CatalogueQuery.from_params(request.GET)
    if query.q and any(ch.isdigit() for ch in query.q):
        found = public.public_product_by_reference(query.q)
        if found is not None:
            return redirect("catalogue:product", code=found.code)
    # Ids first (read from the covering index, ADR 0008), then the page's rows and places.
    latest = public.latest_certificate_id()
    matched = words_in_order(query)
    if matched is not None:  # only words, whose first matches were read in order: the list
        paginator: Paginator = SearchPaginator(matched, PAGE_SIZE, FEW_MATCHES, ids=matched)
    elif query.q:  # words and filters: counted from page 1, or up to 1,000
        paginator = SearchPaginator(results(query).values_list("id", flat=True), PAGE_SIZE)
    else:  # filters only: the count is kept like the facets
        ids = results(query).values_list("id", flat=True)
        paginator = CountedPaginator(ids, PAGE_SIZE, result_count(query, ids, latest))
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "query": query,
        "page": page,
        "products": public.products_in_order(list(page.object_list)),
        "facets_html": facets_html(query, page.paginator.count, latest),
        "active": pages.active_filters(query, request.GET),
        "sorts": list(SORTS),
        "page_query": without_filter(request.GET, "page"),
    }
    template = "catalogue/_results.html" if request.headers.get("HX-Request") else None
    response = render(request, template or "catalogue/product_list.html", context)
    patch_vary_headers(response, ["HX-Request"])  # the page or only its results
    return response


def product_detail(request: HttpRequest, code: str) -> HttpResponse:
    product = public.public_product(code)
    if product is None:
        raise Http404
    return render(request, "catalogue/product_detail.html", pages.product_context(request, product))


def product_image(request: HttpRequest, code: str, image_pk: int) -> FileResponse:
    """A photo of a public product (media files are private; these are published with it)."""
    image = public.public_image(code, image_pk)
    if image is None:
        raise Http404
    return FileResponse(image.image.open("rb"))


DECISIONS_PER_PAGE = 20
REVOCATIONS_PER_PAGE = 20


DECISION_PRODUCTS_PER_PAGE = 50


def decision_list(request: HttpRequest) -> HttpResponse:
    """Two pagers, `page` (decisions) and `revoked`: each one's links keep the other's page. Each
    decision lists its first products; with `number`, `date` and `authority`, one decision's page
    lists them all, 50 a page."""
    if any(name in request.GET for name in pages.DECISION_PARAMS):
        return _decision_detail(request)
    decisions = Paginator(pages.decision_groups(), DECISIONS_PER_PAGE)
    decisions_page = decisions.get_page(request.GET.get("page"))
    revoked = Paginator(public.public_revocations(), REVOCATIONS_PER_PAGE)
    context = {
        "decisions": decisions_page,
        "decisions_query": query_without_page(request, "page"),
        "groups": pages.with_certificates(decisions_page.object_list),
        "revoked": revoked.get_page(request.GET.get("revoked")),
        "revoked_query": query_without_page(request, "revoked"),
        "today": timezone.localdate(),
    }
    return render(request, "catalogue/decision_list.html", context)


def _decision_detail(request: HttpRequest) -> HttpResponse:
    certificates = pages.decision_certificates(request.GET)
    if certificates is None:
        raise Http404
    products = Paginator(certificates, DECISION_PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    products.object_list = list(products.object_list)
    if not products.object_list:  # no such decision published
        raise Http404
    first = products.object_list[0]
    return render(request, "catalogue/decision_detail.html", {
        "decision": first, "rules_label": pages.rules_label(first.rules),
        "products": products, "query": query_without_page(request),
    })  # fmt: skip
