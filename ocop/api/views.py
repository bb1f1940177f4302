"""The REST API /api/v1/: read-only, public, anonymous. Each view validates its query, reads
through ocop.certificates.public (the one door to public data) and pages the answer."""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.mixins import ListModelMixin
from rest_framework.response import Response

from ocop.certificates import public_lists
from ocop.criteria.rules import load_rule_set

from . import params
from . import serializers as out
from .http import PublicView, ReadOnly


class Schema(ReadOnly, SpectacularAPIView):
    """The OpenAPI 3 document (YAML; `?format=json` for JSON)."""


class ListView(ListModelMixin, PublicView):
    """A paged list: `rows(query)` gives the queryset or list, the serializer shapes each row."""

    query_class: type[params.serializers.Serializer] = params.Query

    def rows(self, query):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        rows = self.rows(self.query(self.query_class))
        page = self.shown(self.paginate_queryset(rows))
        return self.get_paginated_response(self.get_serializer(self.decorate(page), many=True).data)

    def decorate(self, page):
        return page


class DetailView(PublicView):
    pagination_class = None

    def get(self, request, *args, **kwargs):
        found = self.shown([self.object(**kwargs)])
        return Response(self.get_serializer(found[0]).data)

    def object(self, **kwargs):
        raise NotImplementedError


def _one(rows):
    found = list(rows[:1])
    if not found:
        raise Http404
    return found[0]


@extend_schema(parameters=[params.ProductQuery], tags=["products"])
class ProductList(ListView):
    """Products with a certificate in force (or every public one: `status=all`), by code."""

    serializer_class = out.ProductSerializer
    query_class = params.ProductQuery

    def rows(self, query):
        wanted = query.product_filter()
        products = public_lists.public_product_rows()
        return public_lists.filter_products(products, wanted).order_by("code")


@extend_schema(tags=["products"])
class ProductDetail(DetailView):
    """One public product by its code, whatever its certificate's status."""

    serializer_class = out.ProductSerializer

    def object(self, code):
        return _one(public_lists.public_product_rows().filter(code=code))


@extend_schema(parameters=[params.ProducerQuery], tags=["producers"])
class ProducerList(ListView):
    """Producers of public products, public fields only."""

    serializer_class = out.ProducerSerializer
    query_class = params.ProducerQuery

    def rows(self, query):
        return public_lists.filter_producers(
            public_lists.public_producer_rows(), **query.validated_data
        )


@extend_schema(tags=["producers"])
class ProducerDetail(DetailView):
    serializer_class = out.ProducerSerializer

    def object(self, pk):
        return _one(public_lists.public_producer_rows().filter(pk=pk))


@extend_schema(parameters=[params.CertificateQuery], tags=["certificates"])
class CertificateList(ListView):
    """Certificates of public products, any status, with the live status and verification URL."""

    serializer_class = out.CertificateSerializer
    query_class = params.CertificateQuery

    def rows(self, query):
        data = dict(query.validated_data)
        return public_lists.filter_certificates(
            public_lists.public_certificate_rows(),
            number=data.get("number", ""),
            product=data.get("product", ""),
            stars=tuple(data.get("stars", ())),
            statuses=tuple(sorted(data.get("status", ()))),
            province=data.get("province", ""),
            year=data.get("year"),
            changed_since=data.get("updated_since"),
        ).order_by("-issue_date", "-id")


@extend_schema(tags=["certificates"])
class CertificateDetail(DetailView):
    """One certificate by its number (e.g. 001/2026/GCN-01)."""

    serializer_class = out.CertificateSerializer

    def object(self, number):
        return _one(public_lists.public_certificate_rows().filter(number=number))


@extend_schema(parameters=[params.DecisionQuery], tags=["decisions"])
class DecisionList(ListView):
    """Recognition decisions, newest first, with the products each recognised. Read from the
    certificates issued under them, which every recognised product has (also those recognised
    before the system kept decision records)."""

    serializer_class = out.DecisionSerializer
    query_class = params.DecisionQuery

    def rows(self, query):
        data = query.validated_data
        return public_lists.recognition_decisions(
            year=data.get("year"),
            province=data.get("province", ""),
            changed_since=data.get("updated_since"),
        )

    def decorate(self, page):
        found = public_lists.decision_certificates(page)
        for decision in page:
            decision["certificates"] = found.get(
                tuple(decision[f] for f in public_lists.DECISION_KEY), []
            )
        return page


@extend_schema(tags=["places"])
class ProvinceList(ListView):
    serializer_class = out.ProvinceSerializer
    query_class = params.serializers.Serializer
    send_last_modified = False

    def rows(self, query):
        return public_lists.public_provinces()


@extend_schema(tags=["places"])
class ProvinceDetail(DetailView):
    serializer_class = out.ProvinceSerializer
    send_last_modified = False

    def object(self, code):
        return _one(public_lists.public_provinces().filter(code=code))


@extend_schema(parameters=[params.CommuneQuery], tags=["places"])
class CommuneList(ListView):
    serializer_class = out.CommuneSerializer
    query_class = params.CommuneQuery
    send_last_modified = False

    def rows(self, query):
        communes = public_lists.public_communes()
        if query.validated_data.get("province"):
            communes = communes.filter(province__code=query.validated_data["province"])
        if query.validated_data.get("q"):
            communes = communes.search(query.validated_data["q"])
        return communes


@extend_schema(tags=["places"])
class CommuneDetail(DetailView):
    serializer_class = out.CommuneSerializer
    send_last_modified = False

    def object(self, code):
        return _one(public_lists.public_communes().filter(code=code))


@extend_schema(parameters=[params.ProductSetQuery], tags=["product-sets"])
class ProductSetList(ListView):
    """The product sets of a rule set (default the current one, 26-2026), with type and group."""

    serializer_class = out.ProductSetSerializer
    query_class = params.ProductSetQuery
    send_last_modified = False

    def rows(self, query):
        rule_set = load_rule_set(query.validated_data["rules"])
        types = {t.code: t.name for t in rule_set.types}
        groups = {g.code: g.name for g in rule_set.groups}
        wanted = query.validated_data.get("type")
        return [
            {
                "rules": rule_set.code,
                "number": s.number,
                "code": s.code,
                "name": s.name,
                "type": s.type,
                "type_name": types.get(s.type, ""),
                "group": s.group,
                "group_name": groups.get(s.group, ""),
            }  # fmt: skip
            for s in rule_set.sets
            if not wanted or s.type == wanted
        ]


@extend_schema(parameters=[params.StatsQuery], tags=["stats"])
class Stats(ListView):
    """Products recognised, by province (or commune: `unit=commune`), year and stars."""

    serializer_class = out.StatsRowSerializer
    query_class = params.StatsQuery

    def rows(self, query):
        data = query.validated_data
        return public_lists.recognition_counts(
            by_commune=data["unit"] == "commune",
            province=data.get("province", ""),
            year=data.get("year"),
            stars=tuple(data.get("stars", ())),
        )

    def decorate(self, page):
        return [
            {
                "unit": {"code": row["unit_code"], "name": row["unit_name"]},
                "year": row["year"],
                "stars": row["stars"],
                "products": row["products"],
            }  # fmt: skip
            for row in page
        ]


ENDPOINTS = [
    "products", "producers", "certificates", "decisions", "provinces", "communes",
    "product_sets", "stats", "schema", "docs",
]  # fmt: skip


@extend_schema(
    tags=["index"],
    responses=inline_serializer("Index", {name: serializers.CharField() for name in ENDPOINTS}),
)
class Index(PublicView):
    """Where each list of the API is."""

    pagination_class = None
    send_last_modified = False

    def get(self, request, *args, **kwargs):
        return Response(
            {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in ENDPOINTS}
        )
