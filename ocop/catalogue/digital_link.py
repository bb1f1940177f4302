"""GS1 Digital Link URIs (`/01/<GTIN>[/10/<lot>][/21/<serial>]`) and their linksets. Pure, no Django.

biip parses the path (GS1's grammar: qualifiers in their order, GTIN-8/12/13 zero-padded to 14
digits, the check digit); this module only narrows it to what the resolver serves (a GTIN with an
optional lot and serial) and builds the RFC 9264 linkset and the RFC 8288 Link header.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from biip import ParseError
from biip.gs1_digital_link_uris import GS1DigitalLinkURI

from ocop.core.messages import MessageError

GS1_VOC = "https://gs1.org/voc/"
# The link types the resolver answers, by their compact name (the `linkType` parameter).
CERTIFICATION = "gs1:certificationInfo"
PIP = "gs1:pip"
DEFAULT = "gs1:defaultLink"
LINKSET = "linkset"
LINKSET_TYPE = "application/linkset+json"
SERVED_QUALIFIERS = ("10", "21")  # lot, serial
# Where a 14-digit GTIN may be stored shorter: GTIN-8, -12 and -13 padded with zeros.
STORED_LENGTHS = (8, 12, 13, 14)


@dataclass(frozen=True)
class DigitalLink:
    gtin: str  # always 14 digits
    lot: str = ""
    serial: str = ""

    @property
    def path(self) -> str:
        """The canonical path: 14-digit GTIN, then lot and serial, percent-encoded."""
        path = f"/01/{self.gtin}"
        if self.lot:
            path += f"/10/{quote(self.lot, safe='')}"
        if self.serial:
            path += f"/21/{quote(self.serial, safe='')}"
        return path

    def stored_forms(self) -> list[str]:
        """The GTIN as a product may store it: 14 digits or the shorter form the zeros pad."""
        return [
            self.gtin[14 - length :]
            for length in STORED_LENGTHS
            if set(self.gtin[: 14 - length]) <= {"0"}
        ]


@dataclass(frozen=True)
class Link:
    link_type: str  # compact: "gs1:pip"
    href: str
    title: str
    media_type: str = "text/html"
    languages: Sequence[str] = ("vi",)

    @property
    def relation(self) -> str:
        """The relation type as a URI (RFC 8288 extension relation)."""
        return GS1_VOC + self.link_type.removeprefix("gs1:")


def parse(path: str) -> DigitalLink:
    """The Digital Link of a percent-encoded request path (no query), or MessageError."""
    segments = path.split("/")
    if segments[:2] != ["", "01"] or len(segments) < 3 or len(segments[2]) not in STORED_LENGTHS:
        raise MessageError("dl.malformed")
    try:
        uri = GS1DigitalLinkURI.parse("https://resolver.invalid" + path.rstrip("/"))
    except ParseError as error:
        raise MessageError("dl.malformed") from error
    values: dict[str, str] = {}
    for element in uri.element_strings:
        if element.gtin_error:
            raise MessageError("id.gtin_check")
        values[element.ai.ai] = element.value
    if set(values) - {"01", *SERVED_QUALIFIERS}:
        raise MessageError("dl.qualifier")
    return DigitalLink(values["01"], values.get("10", ""), values.get("21", ""))


def gtin14(gtin: str) -> str:
    """A stored GTIN-8/12/13/14 as the 14 digits of its Digital Link."""
    return gtin.zfill(14)


def wanted_link_type(link_type: str, accept: str) -> str:
    """What the client asked for: a link type, the linkset, or (empty) the default link."""
    if link_type in ("linkset", "all"):
        return LINKSET
    if link_type:
        return link_type
    if LINKSET_TYPE in accept:
        return LINKSET
    return ""


def linkset(anchor: str, links: Sequence[Link]) -> dict[str, object]:
    """The RFC 9264 JSON linkset of one anchor: relation URI → its target objects."""
    context: dict[str, object] = {"anchor": anchor}
    for link in links:
        targets = context.setdefault(link.relation, [])
        assert isinstance(targets, list)
        targets.append(
            {
                "href": link.href,
                "title": link.title,
                "type": link.media_type,
                "hreflang": list(link.languages),
            }
        )
    return {"linkset": [context]}


def link_header(links: Sequence[Link], linkset_href: str) -> str:
    """The RFC 8288 Link header: each link, then the linkset itself (titles stay in the linkset:
    a header carries ASCII only)."""
    parts = [
        "; ".join(
            [f"<{link.href}>", f'rel="{link.relation}"', f'type="{link.media_type}"']
            + [f'hreflang="{language}"' for language in link.languages]
        )
        for link in links
    ]
    parts.append(f'<{linkset_href}>; rel="linkset"; type="{LINKSET_TYPE}"')
    return ", ".join(parts)
