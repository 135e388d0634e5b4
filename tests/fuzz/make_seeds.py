#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/NAME/seed-*), small files built
from the sample corpus and test fixtures plus hostile inputs: invalid UTF-8, NULs, huge
numbers, unbalanced quotes, truncated, encrypted and self-referencing PDFs, broken zips.
Run from anywhere: `python3 tests/fuzz/make_seeds.py`. Only seed-* files are rewritten;
regression inputs (regress-*) that reproduce past findings are kept as they are.
Targets whose first byte steers them (a file name or mode) get that byte prepended here."""
import io
import pathlib
import zipfile
import zlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"


def write(target, name, data, selector=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if selector is not None:
        data = bytes([selector]) + data
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"seed-{name}").write_bytes(data)


def letters(n):
    files = sorted((ROOT / "data" / "corpus").glob("*.txt"))[:n]
    files += sorted((ROOT / "data" / "seeds").glob("*.txt"))[:3]
    return [(f.stem, f.read_bytes()) for f in files]


# ---- PDF ------------------------------------------------------------------------------------
def pdf(objects, root=1, extra_trailer=b"", xref=True):
    """A PDF from object bodies (numbered from 1) with a correct cross-reference table."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R ".encode() + extra_trailer +
            f" >>\nstartxref\n{start}\n%%EOF\n".encode())
    return out


def stream(data, entries=b""):
    return b"<< " + entries + f" /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def text_pdf(pages, info=None):
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(len(pages)))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b""]  # 4: the Info dictionary; then per page a content stream and the page
    for lines in pages:
        content = b"BT /F1 12 Tf 16 TL 72 720 Td\n"
        for line in lines:
            esc = line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            content += b"(" + esc + b") Tj T*\n"
        content += b"ET"
        objs.append(stream(content))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                    f"<< /Font << /F1 3 0 R >> >> /Contents {len(objs)} 0 R >>".encode())
    objs[3] = b"<< /Producer (foilog fuzz seeds) >>" if info is None else info
    return pdf(objs, extra_trailer=b"/Info 4 0 R")


LETTER = [b"Freedom of Information Request FOI 003477-20", b"Dear Requester,",
          b"Date received: 3 March 2021", b"1. How many officers? 2. What cost?",
          b"The information is exempt under section 31(1)(a) of the FOIA.",
          b"Yours sincerely, Information Rights Team, West Midlands Police"]


def pdf_seeds():
    plain = text_pdf([LETTER])
    seeds = {
        "letter.pdf": plain,
        "two-pages-furniture.pdf": text_pdf([[b"West Midlands Police", b"Page 1 of 2", b"a"],
                                             [b"West Midlands Police", b"Page 2 of 2", b"b"]]),
        "truncated.pdf": plain[: len(plain) // 2],
        "cut-before-eof.pdf": plain[:-40],
        # An /Encrypt dictionary whose check values fit no password: poppler reports it locked.
        "encrypted.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                              b"<< /Type /Pages /Kids [] /Count 0 >>",
                              b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"41" * 32 +
                              b"> /U <" + b"42" * 32 + b"> >>"],
                             extra_trailer=b"/Encrypt 3 0 R /ID [<0123456789abcdef0123456789abcdef>"
                                           b" <0123456789abcdef0123456789abcdef>]"),
        # Loops a naive parser: a page tree that is its own kid, an xref chain pointing back to
        # itself, a form XObject that draws itself.
        "page-tree-loop.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                   b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        "xref-prev-loop.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                   b"<< /Type /Pages /Kids [] /Count 0 >>"],
                                  extra_trailer=b"/Prev 9"),
        "form-draws-itself.pdf": pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            stream(b"/X1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                              b"/Resources << /XObject << /X1 3 0 R >> >>"),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /X1 3 0 R >> >> /Contents 5 0 R >>",
            stream(b"/X1 Do")]),
        "no-xref.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                       b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                       b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 99999 99999] >> "
                       b"endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        "flate.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                          b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                          b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
                          b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                          b"<< /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
                          stream(zlib.compress(b"BT /F1 10 Tf 72 700 Td (Section 40\\(2\\) "
                                               b"applies.) Tj ET"), b"/Filter /FlateDecode")]),
        "image-only.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                               b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
                               stream(bytes(range(256)) * 4, b"/Type /XObject /Subtype /Image "
                                      b"/Width 32 /Height 32 /ColorSpace /DeviceGray "
                                      b"/BitsPerComponent 8"),
                               stream(b"q 100 0 0 100 0 0 cm /Im1 Do Q"),
                               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Resources "
                               b"<< /XObject << /Im1 3 0 R >> >> /Contents 4 0 R >>"]),
        "hidden-under-box.pdf": text_pdf([LETTER + [b"0 0 0 rg"]],
                                         info=b"<< /Author (Jane Smith) /Title (Letter) >>"),
        "invalid-utf8-title.pdf": text_pdf([[b"caf\xe9 \xff\xfe"]], info=b"<< /Title (\xff\xfe\xc3) >>"),
    }
    return seeds


# ---- Office ---------------------------------------------------------------------------------
def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            # A fixed timestamp, so regenerating the seeds changes no bytes.
            info = zipfile.ZipInfo(name, date_time=(2021, 3, 4, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body, extra=()):
    return zip_bytes([("[Content_Types].xml", "<Types/>"),
                      ("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"),
                      ("docProps/core.xml", '<cp:coreProperties xmlns:cp="c" xmlns:dc="d">'
                       "<dc:title>Letter</dc:title><dc:creator>Jane Smith</dc:creator>"
                       "</cp:coreProperties>")] + list(extra))


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


X = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def xlsx(sheet_state="hidden"):
    return zip_bytes([
        ("[Content_Types].xml", "<Types/>"),
        ("xl/workbook.xml", f'<workbook {X} {R}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/>'
                            f'<sheet name="Secret" sheetId="2" state="{sheet_state}" r:id="rId2"/>'
                            "</sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Target="worksheets/sheet2.xml"/>'
         '<Relationship Id="rId3" Target="sharedStrings.xml"/></Relationships>'),
        ("xl/sharedStrings.xml", f'<sst {X}><si><t>Name</t></si><si><t>Jane Smith</t></si></sst>'),
        ("xl/worksheets/sheet1.xml", f'<worksheet {X}><cols><col min="2" max="2" hidden="1"/></cols>'
                                     '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
                                     '<c r="B1"><v>42</v></c></row><row r="2" hidden="1">'
                                     '<c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
                                     '</sheetData></worksheet>'),
        ("xl/worksheets/sheet2.xml", f'<worksheet {X}><sheetData><row r="1"><c r="A1" t="s">'
                                     '<v>1</v></c></row></sheetData></worksheet>'),
        ("xl/pivotCache/pivotCacheDefinition1.xml", "<pivotCacheDefinition/>"),
    ])


def office_seeds():
    letter = docx("".join(para(t) for t in ["FOI 003477-20", "Dear Requester,",
                                           "Section 40(2) applies."]) +
                  "<w:tbl><w:tr><w:tc>" + para("a") + "</w:tc><w:tc>" + para("b") +
                  "</w:tc></w:tr></w:tbl>" +
                  '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>item'
                  "</w:t></w:r></w:p>" +
                  "<w:p><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p>" +
                  '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r></w:p>',
                  [("word/comments.xml", f"<w:comments {W}><w:comment w:author=\"A\">" +
                    para("a comment") + "</w:comment></w:comments>"),
                   ("word/header1.xml", f"<w:hdr {W}>" + para("Letterhead") + "</w:hdr>")])
    return {
        "letter.docx": (0, letter),
        "truncated.docx": (0, letter[: len(letter) // 2]),
        "bad-xml.docx": (0, docx("<w:p><w:r><w:t>unclosed")),
        "no-document.docx": (0, zip_bytes([("word/other.xml", "<x/>")])),
        "hidden-sheets.xlsx": (1, xlsx("hidden")),
        "very-hidden.xlsx": (1, xlsx("veryHidden")),
        "truncated.xlsx": (1, xlsx()[:300]),
        "not-a-zip": (1, b"PK\x03\x04" + b"\x00" * 60),
    }


# ---- E-mail ---------------------------------------------------------------------------------
def email_seeds():
    import base64
    pdf_b64 = base64.encodebytes(text_pdf([LETTER])).decode()
    docx_b64 = base64.encodebytes(office_seeds()["letter.docx"][1]).decode()
    head = ("From: FOI Team <foi@west-midlands.police.uk>\r\nTo: requester@example.org\r\n"
            "Subject: FOI 003477-20 response\r\nDate: Thu, 4 Mar 2021 10:00:00 +0000\r\n"
            "MIME-Version: 1.0\r\n")
    return {
        "plain.eml": head + "Content-Type: text/plain; charset=utf-8\r\n\r\nDear Requester,\r\n"
                     "Section 12 applies.\r\n",
        "multipart.eml": head + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n'
                         "Content-Type: text/html; charset=windows-1252\r\n"
                         "Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>Cost =A3450</p>\r\n"
                         "--b1\r\nContent-Type: application/pdf; name=letter.pdf\r\n"
                         "Content-Disposition: attachment; filename=letter.pdf\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n" + pdf_b64 +
                         "--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument."
                         "wordprocessingml.document; name=a.docx\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n" + docx_b64 + "--b1--\r\n",
        "nested-bad-base64.eml": head + 'Content-Type: multipart/mixed; boundary="o"\r\n\r\n--o\r\n'
                                 'Content-Type: multipart/alternative; boundary="i"\r\n\r\n--i\r\n'
                                 "Content-Type: text/plain; charset=x-unknown-charset\r\n\r\n"
                                 "caf\xe9\r\n--i\r\nContent-Type: application/pdf\r\n"
                                 "Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"
                                 "--i--\r\n",
        "unterminated.eml": head + 'Content-Type: multipart/mixed; boundary="never"\r\n\r\n--never\r\n'
                            "Content-Type: text/plain\r\n\r\nno closing boundary",
        "header-only.eml": "From: a@b\r\nSubject: =?utf-8?B?////?=\r\nDate: 99 Foo 99999\r\n",
    }


# ---- Text, HTML -----------------------------------------------------------------------------
HOSTILE_TEXT = {
    "invalid-utf8.txt": b"Dear \xff\xfe\xc3( Requester \xe2\x82 \xa3450 \xed\xa0\x80 end",
    "nuls.txt": b"Section\x0012\x00applies\x00" * 4,
    "utf16.txt": "\ufeffDear Requester, section 40(2)".encode("utf-16-le"),
    "crlf-formfeed.txt": b"Line one\r\nLine two\rLine three\x0cPage two\r\n\r\n\r\n\r\nend",
    "huge-numbers.txt": b"Section 99999999999999999999999(1)(a) on 99/99/99999999999 cost "
                        b"\xc2\xa3999999999999999999999999999",
    "doubled-phrase.txt": b"OFFICE OF THE POLICE OFFICE OF THE POLICE\nNo No\n",
    "html-lines.txt": b"<p>Dear <b>Requester</b></p>\n<td>a</td>\t<td>b</td>\n<a href='x'>link",
    "markdown.md": b"# Heading\n\n* item [link](http://x) <https://y>\n\n| a | b |\n|---|---|\n"
                   b"```\ncode\n```\n[ref]: http://z\n***\n",
    "unbalanced.md": b"[[[[(((( **_ ` <a <b </ \"unbalanced",
    "only-spaces.txt": b" \t \xc2\xa0 \xe2\x80\x8b \n\n",
}

HTML = {
    "log-page.html": "<!doctype html><html><head><title>FOI 123 | Council</title>"
                     '<link rel="canonical" href="https://www.example.gov.uk/foi/123">'
                     "<style>p{}</style><script>var x = '</p>';</script></head><body>"
                     '<nav>Home</nav><div class="cookie-banner">Cookies</div>'
                     "<h1>Request 123</h1><table><tr><th>Ref</th><td>FOI 123</td></tr></table>"
                     "<ol><li>One</li><li>Two<ul><li>Nested</li></ul></li></ol>"
                     '<p hidden>hidden</p><footer>Footer</footer></body></html>',
    "unclosed.html": "<html><body><table><tr><td>a<td>b<tr><td><p><b><i>unclosed <",
    "deep.html": "<div>" * 500 + "deep" + "</div>" * 10,
    "charset-meta.html": b'<html><head><meta charset="windows-1252"></head><body>\x93quoted\x94 '
                         b"\xa3450</body></html>",
    "invalid-utf8.html": b"<html><body>\xff\xfe<p>\xc3(</p>\x00</body></html>",
    "entities.html": "<p>&amp;&lt;&#0;&#x110000;&#xD800;&nosuchentity;&#99999999999;</p>",
}


def main():
    for old in CORPUS.glob("*/seed-*"):
        old.unlink()
    for stem, data in letters(6):
        write("text", stem + ".txt", data)
        for sel in (0, 7):
            write("extract", f"{stem}-{sel}.txt", data, sel)
    for name, data in HOSTILE_TEXT.items():
        write("text", name, data, 0)
        write("extract", name, data, 3)
    write("text", "empty", b"")
    write("extract", "empty", b"")
    write("extract", "1000-questions.txt",
          "Your request:\n" + "".join(f"{i}. How many {i}?\n" for i in range(1, 1001)) +
          "Our response:\n" + "".join(f"{i}. None.\n" for i in range(1, 50)), 0)
    write("extract", "dates-and-refs.txt",
          "Our Ref: FOI/AH/17/16\nDate received: 31/02/2020\nResponded: 29 February 2021\n"
          "Case Number 4687 FS50662638 IC-106031-D4Y0 Decision 1/2019 2019/20\n"
          "section 12, s31(1)(a), Regulation 12(5)(b), section 40 (1), s99999999\n"
          "Contact foi@example.gov.uk or 0121 626 5000, NI QQ123456C. Dear Mr Smith,", 5)

    for name, data in HTML.items():
        write("html", name, data, 0)
    for f in sorted((ROOT / "tests" / "web" / "fixtures").glob("*.html")):
        write("html", f.name, f.read_bytes(), 1)

    for name, data in pdf_seeds().items():
        write("pdf", name, data)
    for name, data in email_seeds().items():
        write("email", name, data.encode("latin-1") if isinstance(data, str) else data)
    for name, (sel, data) in office_seeds().items():
        write("office", name, data, sel)

    inspect = [("letter.pdf", 0, pdf_seeds()["hidden-under-box.pdf"]),
               ("encrypted.pdf", 0, pdf_seeds()["encrypted.pdf"]),
               ("truncated.pdf", 0, pdf_seeds()["truncated.pdf"]),
               ("letter.docx", 1, office_seeds()["letter.docx"][1]),
               ("truncated.docx", 1, office_seeds()["truncated.docx"][1]),
               ("hidden-sheets.xlsx", 2, office_seeds()["hidden-sheets.xlsx"][1]),
               ("very-hidden.xlsx", 2, office_seeds()["very-hidden.xlsx"][1]),
               ("truncated.xlsx", 2, office_seeds()["truncated.xlsx"][1]),
               ("text.txt", 3, b"plain text has no container")]
    for name, sel, data in inspect:
        write("inspect", name, data, sel)

    # read_document: the selector picks the file name (txt md html pdf eml docx xlsx none).
    docs = [("letter.txt", 0, letters(1)[0][1]), ("markdown.md", 1, HOSTILE_TEXT["markdown.md"]),
            ("page.html", 2, HTML["log-page.html"]), ("letter.pdf", 3, pdf_seeds()["letter.pdf"]),
            ("plain.eml", 4, email_seeds()["plain.eml"]),
            ("letter.docx", 5, office_seeds()["letter.docx"][1]),
            ("sheet.xlsx", 6, office_seeds()["hidden-sheets.xlsx"][1]),
            ("pdf-named-txt", 0, pdf_seeds()["letter.pdf"]),
            ("binary", 7, bytes(range(256)) * 8), ("empty", 0, b""),
            ("invalid-utf8", 7, HOSTILE_TEXT["invalid-utf8.txt"]),
            ("encrypted.pdf", 3, pdf_seeds()["encrypted.pdf"]),
            ("truncated.pdf", 3, pdf_seeds()["truncated.pdf"])]
    for name, sel, data in docs:
        write("read_document", name, data, sel)

    queries = {
        "empty": "", "plain": "q=police+overtime", "wildcard": "q=a*", "wildcards": "q=*+?+a*b*",
        "unbalanced-quote": 'q=%22police+overtime', "unbalanced-brackets": "q=((police+OR",
        "operators": "q=police+AND+NOT+OR+NEAR+ADJ+-+%2B", "fields":
        "q=authority:west+exemption:s31(1)(a)+topic:policing+outcome:refused+ref:FOI/AH/17/16"
        "+year:2020+type:police+regime:FOIA+title:x+unknown:y",
        "reference": "q=FOI+003477-20", "synonym": "q=SIEM", "spelling": "q=polise+overtme",
        "nul": "q=a%00b", "invalid-utf8": "q=%ff%fe%c3%28&authority=%ff",
        "facets": "authority=west-midlands-police&outcome=refused&exemption=s31&year=2020"
                  "&regime=FOIA&topic=policing&authority_type=police",
        "facet-injection": "authority=x+OR+authority:y&outcome=%27+OR+1%3D1+--",
        "dates": "from=2020-01-01&to=2019-12-31", "bad-date": "from=2020-02-30&to=9999-99-99",
        "paging": "page=1000000&per_page=100&sort=newest&mode=questions",
        "huge-page": "page=99999999999999999999&per_page=-1", "repeated": "q=a&q=b&sort=x&sort=y",
        "1000-terms": "q=" + "+".join(f"t{i}" for i in range(1000)),
        "10kb": "q=" + "x" * 10240, "many-filters": "&".join(f"topic=t{i}" for i in range(60)),
        "encoded": "q=%2", "plus-space": "q=+++&=&&&=x&q",
    }
    for name, q in queries.items():
        write("query", name, q)

    heads = {
        "get-search": "GET /search?q=x HTTP/1.1\r\nHost: a\r\n",
        "post-check": "POST /check HTTP/1.1\r\nContent-Length: 100\r\n",
        "post-root": "POST / HTTP/1.1\r\nContent-Length: 5\r\n",
        "chunked": "POST /check HTTP/1.1\r\nTransfer-Encoding: chunked\r\n",
        "cl-te": "POST /api/check HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked, gzip\r\n",
        "dup-cl": "POST /check HTTP/1.1\r\nContent-Length: 4\r\nContent-Length: 5\r\n",
        "no-cl": "PUT /api/publish/1 HTTP/1.1\r\n",
        "get-with-body": "GET / HTTP/1.1\r\nContent-Length: 5\r\n",
        "ranges": "GET /search?q=x HTTP/1.1\r\nRange: bytes=0-,0-,0-,1-2\r\n",
        "one-range": "GET /static/foilog.css HTTP/1.1\r\nRange: bytes=0-10\r\n",
        "static": "GET /static/foilog.css HTTP/1.1\r\n",
        "static-dotdot": "GET /static/../data/foilog.sqlite HTTP/1.1\r\n",
        "static-encoded": "GET /static/%2e%2e%2f%2e%2e/etc/passwd HTTP/1.1\r\n",
        "static-double": "GET /static/%252e%252e/x HTTP/1.1\r\n",
        "static-backslash": "GET /static/..\\..\\x HTTP/1.1\r\n",
        "static-nul": "GET /static/foilog.css%00.png HTTP/1.1\r\n",
        "staticfoo": "GET /staticfoo/x HTTP/1.1\r\n",
        "exemption": "GET /exemption/Section%2031(1)(a) HTTP/1.1\r\n",
        "upload-too-big": "POST /publish/upload HTTP/1.1\r\nContent-Length: 33554433\r\n",
        "upload": "POST /api/publish HTTP/1.1\r\nContent-Length: 1000\r\n",
        "huge-cl": "POST /check HTTP/1.1\r\nContent-Length: 9999999999999999999\r\n",
        "huge-cl-20": "POST /check HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n",
        "negative-cl": "POST /check HTTP/1.1\r\nContent-Length: -2\r\n",
        "delete": "DELETE /api/publish/5 HTTP/1.1\r\nContent-Length: 0\r\n",
        "lowercase-headers": "POST /check HTTP/1.1\r\ncontent-length: 3\r\ntransfer-encoding: x\r\n",
        "many-headers": "GET / HTTP/1.1\r\n" + "".join(f"X-H{i}: v\r\n" for i in range(101)),
        "no-path": "GET\r\n", "empty": "",
    }
    for name, h in heads.items():
        write("router", name, h)

    manifests = {
        "valid.csv": "file,reference,date_received,date_responded,title\r\n"
                     "letter.pdf,FOI 1,2021-03-01,2021-03-20,Letter\r\n",
        "quoted.csv": 'filename,title\n"a ""b"".pdf","x, y"\n"../../etc/passwd",z\n',
        "unbalanced.csv": 'file,title\n"a.pdf,"unterminated\n',
        "no-file-column.csv": "reference,title\nFOI 1,x\n",
        "header-only.csv": "file\n",
        "invalid-utf8.csv": b"file,title\n\xff\xfe.pdf,\xc3(\n",
        "dates.csv": "file,date_received\na.pdf,31/02/2021\nb.pdf,99/99/99999999999\n",
        "empty": "",
    }
    for name, m in manifests.items():
        write("manifest", name, m)


if __name__ == "__main__":
    main()
