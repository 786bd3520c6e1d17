"""PDF/A-2b parts that ReportLab does not write by itself: an sRGB ICC profile, the OutputIntent and XMP metadata.

The ICC profile is generated here from the published sRGB figures (IEC 61966-2-1: D50-adapted primaries and
the sRGB tone curve), so no third-party profile file with its own licence has to be shipped. Everything is
computed from fixed numbers: the same letter gives the same bytes.

Only :func:`maak_pdfa` touches the PDF, through pikepdf (qpdf), which it imports itself; no ReportLab internals.
"""

from __future__ import annotations

import struct
from datetime import date
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

ICC_NAAM = "sRGB IEC61966-2.1"

# D50-adapted (Bradford) sRGB primaries and the D50 white point, as in every ICC v2 sRGB display profile.
_WIT = (0.9642, 1.0, 0.8249)
_ROOD = (0.4360747, 0.2225045, 0.0139322)
_GROEN = (0.3850649, 0.7168786, 0.0971045)
_BLAUW = (0.1430804, 0.0606169, 0.7141733)


def _s15f16(x: float) -> bytes:
    return struct.pack(">i", round(x * 65536))


def _xyz(waarden: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15f16(v) for v in waarden)


def _tekst(t: str) -> bytes:
    return b"text\0\0\0\0" + t.encode("ascii") + b"\0"


def _desc(t: str) -> bytes:
    ascii_ = t.encode("ascii") + b"\0"
    # ASCII part, then empty Unicode (language code, count 0) and empty ScriptCode (code, count, 67 bytes)
    return b"desc\0\0\0\0" + struct.pack(">I", len(ascii_)) + ascii_ + b"\0" * 8 + b"\0\0\0" + b"\0" * 67


def _srgb_curve(n: int = 1024) -> bytes:
    def lineair(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    waarden = [round(lineair(i / (n - 1)) * 65535) for i in range(n)]
    return b"curv\0\0\0\0" + struct.pack(">I", n) + struct.pack(f">{n}H", *waarden)


@lru_cache(maxsize=1)
def srgb_icc() -> bytes:
    """A complete ICC v2.1 display profile for sRGB (about 2.5 kB)."""
    curve = _srgb_curve()
    tags = [
        (b"desc", _desc(ICC_NAAM)),
        (b"cprt", _tekst("No copyright, use freely")),
        (b"wtpt", _xyz(_WIT)),
        (b"rXYZ", _xyz(_ROOD)),
        (b"gXYZ", _xyz(_GROEN)),
        (b"bXYZ", _xyz(_BLAUW)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    tabel = b""
    data = b""
    offset = 128 + 4 + 12 * len(tags)
    gezien: dict[bytes, tuple[int, int]] = {}
    for sig, inhoud in tags:
        if inhoud not in gezien:  # the three TRC tags share one curve, as the ICC spec allows
            while (offset + len(data)) % 4:
                data += b"\0"
            gezien[inhoud] = (offset + len(data), len(inhoud))
            data += inhoud
        plek, lengte = gezien[inhoud]
        tabel += sig + struct.pack(">II", plek, lengte)
    while len(data) % 4:
        data += b"\0"
    lichaam = struct.pack(">I", len(tags)) + tabel + data
    grootte = 128 + len(lichaam)
    kop = (
        struct.pack(">I", grootte)
        + b"\0\0\0\0"  # preferred CMM: none
        + bytes([2, 0x10, 0, 0])  # version 2.1.0
        + b"mntr"
        + b"RGB "
        + b"XYZ "
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 4  # platform
        + b"\0" * 4  # flags
        + b"\0" * 4  # manufacturer
        + b"\0" * 4  # model
        + b"\0" * 8  # attributes
        + b"\0\0\0\0"  # rendering intent: perceptual
        + b"".join(_s15f16(v) for v in _WIT)  # PCS illuminant D50
        + b"\0" * 4  # creator
        + b"\0" * 44
    )
    assert len(kop) == 128
    return kop + lichaam


def _xmp_datum(d: date) -> str:
    return f"{d.isoformat()}T12:00:00+00:00"


def pdf_datum(d: date) -> str:
    """The Info dictionary form of the same moment as the XMP dates."""
    return f"D:{d:%Y%m%d}120000+00'00'"


def xmp(*, titel: str, auteur: str, onderwerp: str, producent: str, maker: str, datum: date, taal: str) -> bytes:
    """The XMP packet: PDF/A-2b identification and the same title, author, subject and dates as the Info dict."""
    e = escape
    d = _xmp_datum(datum)
    tekst = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(titel)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{e(auteur)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(onderwerp)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{e(taal)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{e(producent)}</pdf:Producer>
   <pdf:Keywords></pdf:Keywords>
   <xmp:CreatorTool>{e(maker)}</xmp:CreatorTool>
   <xmp:CreateDate>{d}</xmp:CreateDate>
   <xmp:ModifyDate>{d}</xmp:ModifyDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return tekst.encode("utf-8")


def maak_pdfa(pdf: bytes, *, metadata: bytes, datum: date) -> bytes:
    """Turn ReportLab's PDF into PDF/A-2b: the XMP metadata stream, the sRGB OutputIntent, the letter's date as
    creation and modification date, and a file written by qpdf (through pikepdf's public API).

    ReportLab writes stream data directly followed by ``endstream``; ISO 19005-2 §6.1.7.1 wants an end-of-line
    before it, and /Length must count the data only. qpdf writes every stream that way, so the whole file is
    written again here instead of patching ReportLab's writer. The trailer /ID is derived from the content, so the
    same letter gives the same bytes."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.Root.Metadata = doc.make_stream(metadata, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
        profiel = doc.make_stream(srgb_icc(), N=3)
        doc.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.OutputIntent,
                    S=pikepdf.Name.GTS_PDFA1,
                    OutputConditionIdentifier=pikepdf.String(ICC_NAAM),
                    Info=pikepdf.String(ICC_NAAM),
                    RegistryName=pikepdf.String("http://www.color.org"),
                    DestOutputProfile=profiel,
                )
            ]
        )
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream) and obj.read_raw_bytes().endswith(b"\r"):
                _zonder_cr_aan_eind(obj)
        doc.docinfo.CreationDate = pikepdf.String(pdf_datum(datum))
        doc.docinfo.ModDate = pikepdf.String(pdf_datum(datum))
        uit = io.BytesIO()
        # No object streams: PDF/A-2 allows them, but uncompressed cross-references keep the XMP packet findable
        # by scanning, as archive tools expect. Streams are written as they are (ReportLab compressed them; the XMP
        # packet stays uncompressed on purpose), so qpdf does not undo the ASCIIHex wrapping below.
        doc.save(
            uit,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
        )
    return uit.getvalue()


def _zonder_cr_aan_eind(stream: Any) -> None:
    """Stream data that happens to end in CR (compressed data can) is read by a validator as data + a CRLF
    end-of-line, so its /Length looks one byte too long (PDFA2B-STREAM-LENGTH-001). Such a stream gets an
    ASCIIHexDecode filter in front of its own filters: its encoded data then ends in '>' (ISO 32000-1 §7.4.2).
    PDF/A-2 allows that filter; it happens to about one stream in 256 and costs that stream double its size."""
    import pikepdf

    rauw = stream.read_raw_bytes()
    filters = stream.get("/Filter")
    parms = stream.get("/DecodeParms")
    if filters is None:
        filters = pikepdf.Array()
    elif isinstance(filters, pikepdf.Name):
        filters = pikepdf.Array([filters])
    nieuw_filters = pikepdf.Array([pikepdf.Name.ASCIIHexDecode, *filters])
    if parms is not None:
        lijst = list(parms) if isinstance(parms, pikepdf.Array) else [parms]
        parms = pikepdf.Array([None, *lijst])
    stream.write(rauw.hex().encode("ascii") + b">", filter=nieuw_filters, decode_parms=parms)
