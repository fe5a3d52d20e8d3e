"""Every reader, and every kind of bad input named in the foundation issue."""

import gzip
import json
import os

from conftest import FIXTURES, run_cli

from storyline.errors import DecodeError, EmptyInputError, FormatError, InputError, StorylineError, TooLargeError
from storyline.ingest.readers import read_inputs

BODY = "The harbour reopened on Monday after a week of storms, the port authority said."
HTML = f"""<!DOCTYPE html><html><head><title>Harbour reopens | Test Gazette</title>
<meta property="og:site_name" content="Test Gazette"></head><body><nav>Home | World | Sport</nav>
<article><h1>Harbour reopens</h1><p>{BODY}</p><p>Fishing boats were the first to leave, and ferries will follow on Tuesday.</p>
<p>Repairs to the north quay will take another month, officials said on Monday afternoon.</p></article>
<footer>© 2024 Test Gazette</footer></body></html>"""


def results(*paths):
    return list(read_inputs([str(p) for p in paths]))


def one_doc(path):
    (doc,) = results(path)
    assert not isinstance(doc, StorylineError), doc
    return doc


def test_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    doc = one_doc(path)
    assert (doc.media_type, doc.text, doc.source) == ("text/plain", BODY, str(path))


def test_html_by_ending_and_by_content(tmp_path):
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "b.txt").write_text(HTML)
    assert one_doc(tmp_path / "a.html").media_type == "text/html"
    assert one_doc(tmp_path / "b.txt").media_type == "text/plain"  # the ending decides first
    (tmp_path / "c").write_text(HTML)
    assert one_doc(tmp_path / "c").media_type == "text/html"  # no ending: the content decides


def test_json_object_array_and_lines(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": BODY, "title": "T", "outlet": "O", "published": "2024-03-01"}))
    doc = one_doc(tmp_path / "one.json")
    assert doc.field("title") == "T" and doc.field("published") == "2024-03-01"
    (tmp_path / "many.json").write_text(json.dumps([{"text": BODY}, {"html": HTML}]))
    docs = results(tmp_path / "many.json")
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["1", "2"]
    (tmp_path / "lines.jsonl").write_text(json.dumps({"text": BODY}) + "\n\n" + json.dumps({"text": BODY + " Again."}) + "\n")
    assert [d.source.rsplit("#", 1)[1] for d in results(tmp_path / "lines.jsonl")] == ["1", "3"]


def test_malformed_json_lines_fail_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps({"text": BODY}), "{not json", json.dumps({"title": "no body"}), json.dumps([1]), json.dumps({"text": "  "})]))
    out = results(path)
    assert not isinstance(out[0], StorylineError)
    assert isinstance(out[1], FormatError) and "mixed.jsonl#2: line 2 is not valid JSON" in str(out[1])
    assert isinstance(out[2], FormatError) and "neither a 'text' nor an 'html' string field (fields: title)" in str(out[2])
    assert isinstance(out[3], FormatError) and "holds a JSON list" in str(out[3])
    assert isinstance(out[4], EmptyInputError)


def test_rss_feed_with_full_content(tmp_path):
    feed = FIXTURES.parent.parent / "demo" / "corpus" / "feeds" / "coastline-daily.rss"
    docs = results(feed)
    assert len(docs) == 2
    first = dict(docs[0].fields)
    assert first["outlet"] == "Coastline Daily" and first["published"] == "2024-03-14"
    assert "returned to the cranes" in first["html"]  # content:encoded, not the one-line description
    assert first["authors"] == ["Rui Fonteyn"]


def test_atom_feed(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Gazette</title><id>urn:x</id><updated>2024-05-02T10:00:00Z</updated>
<entry><title>Bridge opens</title><id>urn:1</id><updated>2024-05-02T10:00:00Z</updated><link href="https://atom.example/bridge"/>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""")
    (doc,) = results(path)
    assert dict(doc.fields)["url"] == "https://atom.example/bridge" and dict(doc.fields)["published"] == "2024-05-02"


def test_malformed_feed(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title><item><title>a</ti")
    out = results(path)
    assert isinstance(out[0], (FormatError, EmptyInputError)) and "broken.rss" in str(out[0])


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>")
    (error,) = results(path)
    assert isinstance(error, FormatError) and "is not an RSS or Atom feed" in str(error)


def test_gzip_of_each_format(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": BODY}) + "\n").encode()))
    assert one_doc(tmp_path / "a.txt.gz").text == BODY
    assert one_doc(tmp_path / "b.html.gz").media_type == "text/html"
    assert one_doc(tmp_path / "c.jsonl.gz").field("text") == BODY


def test_truncated_gzip(tmp_path):
    data = gzip.compress((BODY * 200).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (error,) = results(tmp_path / "cut.txt.gz")
    assert isinstance(error, FormatError) and "cut.txt.gz: is a damaged or truncated gzip file" in str(error)


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text(BODY)
    assert [d.source for d in results(tmp_path)] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_empty_directory(tmp_path):
    (error,) = results(tmp_path)
    assert isinstance(error, EmptyInputError) and "holds no article files" in str(error)


def test_missing_path_and_broken_link(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    missing, broken = results(tmp_path / "nope.txt", tmp_path / "link.txt")
    assert isinstance(missing, InputError) and str(missing) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert isinstance(broken, InputError)


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (error,) = results(path)
    assert isinstance(error, TooLargeError) and "huge.txt: is 52.4 MB; one article is at most 10.5 MB" in str(error)


def test_binary_and_empty_files(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    binary, empty = results(tmp_path / "photo.txt", tmp_path / "empty.txt")
    assert isinstance(binary, DecodeError) and "looks like binary data" in str(binary)
    assert isinstance(empty, EmptyInputError)


def test_url_without_network_fails_clearly():
    (error,) = list(read_inputs(["http://127.0.0.1:9/article"]))
    assert isinstance(error, InputError)
    assert str(error).startswith("http://127.0.0.1:9/article: cannot be fetched")


def test_standard_input(tmp_path):
    done = run_cli("extract", "-", input=BODY.encode())
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["path"] == "-" and record["text"] == BODY
