"""The catalogue's query: search, filters, facet counts and sorting, read from the query string.

Each facet counts the products that match every other active filter (not its own), so the counts
of one facet add up to the number of products the list would show without that facet's filter,
and choosing an option shows exactly its count. Only public data: every queryset starts from
`ocop.certificates.public.products_in_force()`.
"""

import hashlib
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, replace

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ocop.certificates.public import (
    certificates_in_force,
    latest_certificate_id,
    products_in_force,
    public_search,
)
from ocop.core.text import whole_number
from ocop.places.models import Commune, Province
from ocop.registry.choices import LegalForm
from ocop.registry.models import Product
from ocop.registry.product_sets import CURRENT_RULES, sets_of, types_of

STARS = (5, 4, 3)
# Names sort by the public key (it starts with the name, unaccented, so "Đường" sits among the D's).
SORTS = {
    "name": ("public_key", "id"),
    "stars": ("-current_stars", "public_key", "id"),
    "code": ("code", "id"),
}
FACET_SECONDS = 60
FEW_MATCHES = 2500
FACETS = ("stars", "province", "commune", "type", "set", "year", "legal_form")
FACET_LABELS = {
    "stars": _("Hạng sao"), "province": _("Tỉnh, thành phố"), "commune": _("Xã, phường"),
    "type": _("Loại sản phẩm"), "set": _("Bộ sản phẩm"), "year": _("Năm công nhận"),
    "legal_form": _("Loại hình chủ thể"),
}  # fmt: skip


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    options: list[Option]
    multiple: bool = False

    @property
    def label(self) -> str:
        return str(FACET_LABELS[self.name])

    @property
    def total(self) -> int:
        return sum(option.count for option in self.options)


@dataclass
class CatalogueQuery:
    q: str = ""
    stars: list[int] = field(default_factory=list)
    province: str = ""
    commune: str = ""
    type: str = ""
    set: int | None = None
    year: int | None = None
    legal_form: str = ""
    sort: str = "name"

    @classmethod
    def from_params(cls, params: QueryDict) -> "CatalogueQuery":
        stars = sorted(
            {n for n in (whole_number(v) for v in params.getlist("stars")) if n in STARS}
        )
        set_number = whole_number(params.get("set", ""), 3)
        year = whole_number(params.get("year", ""), 4)
        return cls(
            q=params.get("q", "")[:200].strip(),
            stars=stars,
            province=_code(params.get("province", ""), 2),
            commune=_code(params.get("commune", ""), 5),
            type=params.get("type", "") if params.get("type") in types_of(CURRENT_RULES) else "",
            set=set_number if set_number in sets_of(CURRENT_RULES) else None,
            year=year,
            legal_form=params.get("legal_form", "") if params.get("legal_form") in LegalForm.values else "",
            sort=params.get("sort", "") if params.get("sort") in SORTS else "name",
        )  # fmt: skip

    def is_active(self, name: str) -> bool:
        value = getattr(self, name)
        return bool(value) or (name in ("set", "year") and value is not None)

    @property
    def has_filters(self) -> bool:
        return any(self.is_active(name) for name in FACETS)


def _code(value: str, width: int) -> str:
    value = value.strip()
    return value.zfill(width) if value.isascii() and value.isdigit() and len(value) <= width else ""


def _in_year(year: int) -> Exists:
    return Exists(certificates_in_force().filter(product=OuterRef("pk"), decision_date__year=year))


FILTERS: dict[str, Callable[[QuerySet[Product], CatalogueQuery], QuerySet[Product]]] = {
    "stars": lambda qs, query: qs.filter(current_stars__in=query.stars),
    "province": lambda qs, query: qs.filter(producer__commune__province__code=query.province),
    "commune": lambda qs, query: qs.filter(producer__commune__code=query.commune),
    "type": lambda qs, query: qs.filter(
        rules=CURRENT_RULES,
        set_number__in=[n for n, s in sets_of(CURRENT_RULES).items() if s.type == query.type],
    ),
    "set": lambda qs, query: qs.filter(rules=CURRENT_RULES, set_number=query.set or 0),
    "year": lambda qs, query: qs.filter(_in_year(query.year or 0)),
    "legal_form": lambda qs, query: qs.filter(producer__legal_form=query.legal_form),
}


def _found_by_words(query: CatalogueQuery) -> QuerySet[Product]:
    """The products in force whose key has the query's words. A search that finds at most
    FEW_MATCHES products is run once per request and then read by id, so that the list, its count
    and every facet do not each scan all the keys again (ADR 0008). The ids are read in the list's
    order, so that without filters they are the list itself (`words_in_order`)."""
    if not query.q:
        return products_in_force()
    ids = _word_ids(query)
    return products_in_force().filter(id__in=ids) if len(ids) <= FEW_MATCHES else _words(query)


def _words(query: CatalogueQuery) -> QuerySet[Product]:
    """The search of the query's words, built once per request (on SQLite building it asks the
    substring index how many keys it finds); kept on the query object, not part of the query."""
    found = getattr(query, "_found", None)
    if found is None:
        found = query._found = public_search(products_in_force(), query.q)  # type: ignore[attr-defined]
    return found


def _word_ids(query: CatalogueQuery) -> list[int]:
    """Up to FEW_MATCHES + 1 ids of what the words find, in the list's order; read once per
    request (kept on the query object, not part of the query)."""
    ids = getattr(query, "_ids", None)
    if ids is None:
        in_order = _words(query).order_by(*SORTS[query.sort]).values_list("id", flat=True)
        ids = query._ids = list(in_order[: FEW_MATCHES + 1])  # type: ignore[attr-defined]
    return ids


def matching(query: CatalogueQuery, without: str | None = None) -> QuerySet[Product]:
    """The products in force that match the query, ignoring the filter `without` (for its facet)."""
    products = _found_by_words(query)
    for name in FACETS:
        if name != without and query.is_active(name):
            products = FILTERS[name](products, query)
    return products


def results(query: CatalogueQuery) -> QuerySet[Product]:
    """In order, without joins: the page's ids are read from the product index alone; its rows,
    producers and places are fetched for that page only (see views)."""
    return matching(query).order_by(*SORTS[query.sort])


def _grouped(products: QuerySet[Product], lookup: str) -> dict:
    rows = products.order_by().values(lookup).annotate(n=Count("id"))
    return {row[lookup]: row["n"] for row in rows}


def _options(counts: dict, labels: dict, selected: set, keep_order: bool = False) -> list[Option]:
    """Options with a count or selected, in the labels' order (or by label)."""
    options = [
        Option(str(value), str(label), counts.get(value, 0), str(value) in selected)
        for value, label in labels.items()
        if counts.get(value) or str(value) in selected
    ]
    return options if keep_order else sorted(options, key=lambda o: o.label)


def facets_html(query: CatalogueQuery, total: int, latest: int | None = None) -> SafeString:
    """The facets as HTML (templates/catalogue/_facets.html), kept FACET_SECONDS per query,
    language, result count and newest certificate: a broad query aggregates tens of thousands of
    rows per facet and renders ~100 options (ADR 0008). A new certificate or a change in the
    query's own count (counted up to 1,000 for words: core.paging.SearchPaginator) recomputes at
    once; any other change shows within a minute."""
    latest = latest_certificate_id() if latest is None else latest
    version = (astuple(replace(query, sort="")), total, latest, get_language())
    key = "ocop:catalogue-facets:" + hashlib.sha256(repr(version).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = render_to_string("catalogue/_facets.html", {"facets": facets(query)})
        cache.set(key, found, FACET_SECONDS)
    return mark_safe(found)  # noqa: S308  (our own template's output)


def words_in_order(query: CatalogueQuery) -> list[int] | None:
    """When the query has words and no filter: the ids of the first FEW_MATCHES + 1 products the
    words find, in the list's order (_found_by_words reads them once): the list's pages and its
    count, exact up to FEW_MATCHES, without another query. Else None."""
    if not query.q or query.has_filters:
        return None
    return _word_ids(query)


def result_count(query: CatalogueQuery, found: QuerySet, latest: int) -> int:
    """How many products a query without words finds, kept FACET_SECONDS per query and newest
    certificate like the facets (ADR 0008): counting every product in force, or every household's,
    walked 40,000 rows at each request (issue 14). A new certificate counts at once; a revocation,
    an expiry or an archived product shows within a minute, as in the facets; the product and
    verification pages stay live."""
    version = (astuple(replace(query, sort="")), latest)
    key = "ocop:catalogue-count:" + hashlib.sha256(repr(version).encode()).hexdigest()
    found_count = cache.get(key)
    if found_count is None:
        found_count = found.count()
        cache.set(key, found_count, FACET_SECONDS)
    return found_count


def facets(query: CatalogueQuery) -> list[Facet]:
    """Every facet with its options and counts; the commune facet once a province is chosen."""
    found = [
        Facet("stars", _stars(query), multiple=True),
        Facet("province", _provinces(query)),
    ]
    if query.province:
        found.append(Facet("commune", _communes(query)))
    found += [
        Facet("type", _types(query)),
        Facet("set", _sets(query)),
        Facet("year", _years(query)),
        Facet("legal_form", _legal_forms(query)),
    ]
    return found


def _stars(query: CatalogueQuery) -> list[Option]:
    counts = _grouped(matching(query, "stars"), "current_stars")
    labels = {n: f"{n}★" for n in STARS}
    return _options(counts, labels, {str(n) for n in query.stars}, keep_order=True)


def _provinces(query: CatalogueQuery) -> list[Option]:
    counts = _grouped(matching(query, "province"), "producer__commune__province__code")
    labels = dict(Province.objects.filter(code__in=counts).values_list("code", "name"))
    if query.province and query.province not in labels:
        labels.update(Province.objects.filter(code=query.province).values_list("code", "name"))
    return _options(counts, labels, {query.province})


def _communes(query: CatalogueQuery) -> list[Option]:
    counts = _grouped(matching(query, "commune"), "producer__commune__code")
    codes = [*counts, query.commune]
    labels = dict(Commune.objects.filter(code__in=codes).values_list("code", "name"))
    return _options(counts, labels, {query.commune})


def _set_counts(query: CatalogueQuery, without: str) -> dict:
    return _grouped(matching(query, without).filter(rules=CURRENT_RULES), "set_number")


def _types(query: CatalogueQuery) -> list[Option]:
    by_set = _set_counts(query, "type")
    counts: dict[str, int] = {}
    for number, info in sets_of(CURRENT_RULES).items():
        counts[info.type] = counts.get(info.type, 0) + by_set.get(number, 0)
    labels = {code: f"{code}. {name}" for code, name in types_of(CURRENT_RULES).items()}
    return _options(counts, labels, {query.type}, keep_order=True)


def _sets(query: CatalogueQuery) -> list[Option]:
    counts = _set_counts(query, "set")
    labels = {n: s.label for n, s in sorted(sets_of(CURRENT_RULES).items())}
    return _options(counts, labels, {str(query.set)}, keep_order=True)


def _years(query: CatalogueQuery) -> list[Option]:
    rows = (
        certificates_in_force()
        .filter(product__in=matching(query, "year"))
        .order_by()
        .values(year=ExtractYear("decision_date"))
        .annotate(n=Count("product", distinct=True))
    )
    counts = {row["year"]: row["n"] for row in rows}
    labels = {year: str(year) for year in sorted({*counts, query.year or 0} - {0}, reverse=True)}
    return _options(counts, labels, {str(query.year)}, keep_order=True)


def _legal_forms(query: CatalogueQuery) -> list[Option]:
    counts = _grouped(matching(query, "legal_form"), "producer__legal_form")
    return _options(counts, dict(LegalForm.choices), {query.legal_form})


def without_filter(params: QueryDict, name: str, value: str = "") -> str:
    """The query string without one filter value (or the whole filter), and without the page."""
    kept = params.copy()
    kept.pop("page", None)
    if value and name == "stars":
        kept.setlist(name, [v for v in kept.getlist(name) if v != value])
    else:
        kept.pop(name, None)
    if name == "province":
        kept.pop("commune", None)
    return kept.urlencode()
