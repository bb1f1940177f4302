"""The GS1 Digital Link resolver (`/01/<GTIN>…`) and its description (`/.well-known/gs1resolver`).

Public, no login, readable from any origin (CORS *): a shop's app or a GS1 scanner asks it what a
pack's QR code means. Errors are never 200: 400 for a malformed path or a wrong check digit, 404
for a valid GTIN that no public product carries.
"""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ocop.certificates.public import current_certificate
from ocop.core.messages import MessageError

from . import digital_link, links
from .messages_gs1 import text

SAFE_METHODS = ["GET", "HEAD", "OPTIONS"]


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept"
    response["Access-Control-Expose-Headers"] = "Link, Location"
    response["Vary"] = "Accept"
    return response


def _error(status: int, error: MessageError) -> HttpResponse:
    body = text(error) + "\n"
    return _cors(HttpResponse(body, status=status, content_type="text/plain; charset=utf-8"))


def _redirect(location: str, link_header: str) -> HttpResponse:
    response = HttpResponse(status=307)
    response["Location"] = location
    response["Link"] = link_header
    return _cors(response)


@require_http_methods(SAFE_METHODS)
def resolve(request: HttpRequest, path: str) -> HttpResponse:
    """307 to the link asked for (`linkType`, default: the product page), or the linkset."""
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    try:
        link = digital_link.parse(escape_uri_path(request.path_info))
    except MessageError as error:
        return _error(400, error)
    product = links.product_for(link)
    if product is None:
        return _error(404, MessageError("dl.unknown"))
    found = links.product_links(product, current_certificate(product))
    anchor = links.absolute(link.path)
    header = digital_link.link_header(found, f"{anchor}?linkType=linkset")
    wanted = digital_link.wanted_link_type(
        request.GET.get("linkType", ""), request.headers.get("Accept", "")
    )
    if wanted == digital_link.LINKSET:
        body = json.dumps(digital_link.linkset(anchor, found), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type=digital_link.LINKSET_TYPE)
        response["Link"] = header
        return _cors(response)
    by_type = {item.link_type: item.href for item in found}
    return _redirect(by_type.get(wanted, by_type[digital_link.DEFAULT]), header)


@require_http_methods(SAFE_METHODS)
def resolver_description(request: HttpRequest) -> HttpResponse:
    """The GS1 resolver description file (GS1-Conformant resolver standard, section 4)."""
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    description = {
        "name": _("Trình phân giải GS1 Digital Link của Chương trình OCOP"),
        "resolverRoot": settings.SITE_URL,
        "supportedPrimaryKeys": ["01"],
        "supportedQualifiers": {"01": ["10", "21"]},
        "linkTypeDefaultCanBeLinkset": False,
        "supportedLinkType": [
            {"namespace": digital_link.GS1_VOC, "prefix": "gs1:"},
        ],
        "linkTypes": [
            digital_link.DEFAULT,
            digital_link.PIP,
            digital_link.CERTIFICATION,
            digital_link.LINKSET,
        ],
        "validatingResolver": True,
        "linksetMediaType": digital_link.LINKSET_TYPE,
        "contact": {"email": settings.CONTACT_EMAIL} if settings.CONTACT_EMAIL else {},
    }
    response = JsonResponse(description, json_dumps_params={"ensure_ascii": False, "indent": 2})
    return _cors(response)
