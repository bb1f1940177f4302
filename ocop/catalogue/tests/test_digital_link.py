"""The pure Digital Link module: parsing, the stored forms of a GTIN, the linkset and Link header."""

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ocop.catalogue import digital_link
from ocop.catalogue.digital_link import DigitalLink, Link
from ocop.core.messages import MessageError
from ocop.registry.identifiers import gtin_check_digit


def with_check(body: str) -> str:
    return body + str(gtin_check_digit(body))


def test_parse_pads_to_14_digits_and_reads_lot_and_serial():
    assert digital_link.parse("/01/8930000000019/10/L1/21/S%2F2") == DigitalLink(
        "08930000000019", "L1", "S/2"
    )
    assert digital_link.parse("/01/12345670/") == DigitalLink("00000012345670")


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/01/08930000000018", "id.gtin_check"),
        ("/01/0893000000001", "id.gtin_check"),  # 13 digits whose check digit is wrong
        ("/01/abcdefgh", "dl.malformed"),
        ("/01/123", "dl.malformed"),
        ("/02/08930000000019", "dl.malformed"),
        ("/01/08930000000019/235/X", "dl.qualifier"),
    ],
)
def test_parse_refuses(path, code):
    with pytest.raises(MessageError) as refused:
        digital_link.parse(path)
    assert refused.value.message.code == code


def test_stored_forms_are_the_zero_padded_shorter_gtins():
    assert DigitalLink("08930000000019").stored_forms() == ["8930000000019", "08930000000019"]
    assert DigitalLink("00000012345670").stored_forms() == [
        "12345670", "000012345670", "0000012345670", "00000012345670",
    ]  # fmt: skip
    assert DigitalLink("18930000000016").stored_forms() == ["18930000000016"]


def test_canonical_path_encodes_lot_and_serial():
    assert (
        DigitalLink("08930000000019", "A/B", "1 2").path == "/01/08930000000019/10/A%2FB/21/1%202"
    )


@hypothesis_settings(max_examples=60)
@given(st.from_regex(r"\A893\d{9}\Z"))
def test_every_valid_vietnamese_gtin13_parses_back(body):
    gtin = with_check(body)
    link = digital_link.parse(f"/01/{gtin}")
    assert link.gtin == "0" + gtin
    assert gtin in link.stored_forms()


@hypothesis_settings(max_examples=60)
@given(st.from_regex(r"\A893\d{9}\Z"), st.integers(1, 9))
def test_every_wrong_check_digit_is_refused(body, shift):
    good = int(with_check(body)[-1])
    with pytest.raises(MessageError) as refused:
        digital_link.parse(f"/01/{body}{(good + shift) % 10}")
    assert refused.value.message.code == "id.gtin_check"


def test_wanted_link_type():
    assert digital_link.wanted_link_type("", "text/html") == ""
    assert digital_link.wanted_link_type("", "application/linkset+json") == "linkset"
    assert digital_link.wanted_link_type("linkset", "") == "linkset"
    assert digital_link.wanted_link_type("all", "") == "linkset"
    assert digital_link.wanted_link_type("gs1:pip", "application/linkset+json") == "gs1:pip"


def test_linkset_groups_targets_by_relation_uri():
    links = [
        Link("gs1:pip", "https://x/p", "P"),
        Link("gs1:pip", "https://x/q", "Q", languages=("vi", "en")),
    ]
    assert digital_link.linkset("https://x/01/1", links) == {
        "linkset": [
            {
                "anchor": "https://x/01/1",
                "https://gs1.org/voc/pip": [
                    {"href": "https://x/p", "title": "P", "type": "text/html", "hreflang": ["vi"]},
                    {
                        "href": "https://x/q",
                        "title": "Q",
                        "type": "text/html",
                        "hreflang": ["vi", "en"],
                    },
                ],
            }
        ]
    }
    assert digital_link.link_header(links[1:], "https://x/ls") == (
        '<https://x/q>; rel="https://gs1.org/voc/pip"; type="text/html"; hreflang="vi"; '
        'hreflang="en", <https://x/ls>; rel="linkset"; type="application/linkset+json"'
    )
