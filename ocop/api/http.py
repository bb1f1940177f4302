"""What every API view shares: anonymous, throttled per client, paged, with ETag/Last-Modified."""

import hashlib
from datetime import datetime

from django.conf import settings
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.throttling import SimpleRateThrottle

from ocop.accounts.throttle import client_address
from ocop.certificates.public_lists import public_data_changed_at


class ClientRateThrottle(SimpleRateThrottle):
    """settings.API_THROTTLE_RATE per client address, read on each request (so it can be set by
    the environment, and lowered by a test)."""

    scope = "api"

    def get_rate(self) -> str:
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request) or "-"}


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100


def _any_origin(response):
    """Readable from any origin: the API is anonymous (no cookie is read), so `*` is safe."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    # A conditional GET from another origin is preflighted (If-None-Match is not safelisted).
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
    return response


class ReadOnly:
    """GET and HEAD only; a write is refused as not allowed before it can use up the client's
    quota (DRF checks throttles before the method)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientRateThrottle]
    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        return _any_origin(super().finalize_response(request, response, *args, **kwargs))  # type: ignore[misc]  # the view class's

    def initial(self, request, *args, **kwargs) -> None:
        if request.method.lower() not in self.http_method_names:
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]  # the view class's


class PublicView(ReadOnly, GenericAPIView):
    """Read-only and public: no authentication (no session, no CSRF), paged, with validators."""

    pagination_class: type[Pages] | None = Pages
    # Reference data (places, product sets) has no meaningful Last-Modified; ETag only.
    send_last_modified = True
    rows_changed: list[datetime | None] = []

    def query(self, serializer_class):
        """The validated query parameters (400 naming the parameter when one is bad)."""
        query = serializer_class(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return query

    def changed_at(self) -> datetime | None:
        """Upper bound of the last change of what this answer shows: the newest audit entry
        (every change by a service leaves one) or the newest row shown, whichever is later."""
        moments = [public_data_changed_at(), *self.rows_changed]
        return max((m for m in moments if m is not None), default=None)

    def shown(self, rows):
        """Notes when the rows shown last changed (those that have updated_at)."""
        self.rows_changed = [getattr(row, "updated_at", None) for row in rows]
        return rows

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        changed = self.changed_at() if self.send_last_modified else None
        if changed is not None:
            response["Last-Modified"] = http_date(changed.timestamp())
        conditional = get_conditional_response(
            request._request,
            etag=etag,
            last_modified=int(changed.timestamp()) if changed else None,
            response=response,
        )
        return _any_origin(conditional)
