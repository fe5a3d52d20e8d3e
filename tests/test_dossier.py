"""The dossier built at once and kept up to date article by article, on hand-written articles."""

from __future__ import annotations

import pytest

from storyline.dossier.build import Dossier, Source, build_dossier

ARTICLES = {
    "alva-herald": ("Ferry Marisol burns off Port Alva",
                    "The ferry Marisol caught fire off Port Alva on Tuesday evening. "
                    "Coast guard boats rescued all 212 passengers from the burning ferry within an hour. "
                    "Harbour master Ilse Varga said the blaze began in the engine room.\n\n"
                    "“Everyone got off safely,” Varga told reporters.\n\n"
                    "The Marisol, built in 1998, has sailed between Port Alva and Kessel Island for twenty years."),
    "kessel-times": ("Passengers rescued as ferry fire spreads",
                     "Fire broke out aboard the ferry Marisol near Port Alva on Tuesday. "
                     "Coast guard crews rescued the 212 passengers of the burning ferry in under an hour. "
                     "The ferry operator Nordline said it would review its fire drills next month."),
    "coast-wire": ("Hundreds saved from ferry blaze",
                   "Rescuers pulled 230 passengers from the burning ferry Marisol off Port Alva. "
                   "The fire started in the engine room, the harbour master said."),
}


def analysed(articles: dict[str, tuple[str, str]]) -> list[Source]:
    from storyline.analyse import Context, analyse, default_stages
    from storyline.clean.article import build_article
    from storyline.records import RawDocument

    context, stages, out = Context.current(), default_stages(), []
    for outlet, (title, body) in articles.items():
        raw = RawDocument(f"{outlet}.txt", f"{title}\n\n{body}".encode(), "text/plain")
        article, analysis = analyse(build_article(raw), stages, context)
        out.append(Source(outlet, outlet, None, outlet, article.text, analysis))
    return out


@pytest.fixture(scope="module")
def sources():
    return analysed(ARTICLES)


def _groups(dossier: dict) -> list[tuple]:
    return sorted(tuple(sorted((e["article"], e["start"]) for e in c["evidence"])) for c in dossier["claims"])


def _claim(dossier: dict, sources: list[Source], words: str) -> dict:
    text = {s.id: s.text for s in sources}
    return next(c for c in dossier["claims"] if any(words in text[e["article"]][e["start"]:e["end"]] for e in c["evidence"]))


def test_article_by_article_reaches_the_dossier_built_at_once(sources):
    at_once = build_dossier(sources)
    for order in (sources, sources[::-1], [sources[1], sources[0], sources[2]]):
        dossier = Dossier()
        for source in order:
            dossier.add(source)
        assert _groups(dossier.result()) == _groups(at_once)


def test_claims_are_corroborated_single_source_or_in_conflict(sources):
    dossier = build_dossier(sources)
    rescue = _claim(dossier, sources, "rescued all 212 passengers")
    assert {"alva-herald", "kessel-times"} <= set(rescue["sources"])
    # 212 passengers in two outlets, 230 in the third: the same rescue, numbers that disagree.
    assert _claim(dossier, sources, "pulled 230 passengers") is rescue and rescue["status"] == "conflict"
    engine_room = _claim(dossier, sources, "began in the engine room")
    assert engine_room["status"] == "corroborated" and set(engine_room["sources"]) == {"alva-herald", "coast-wire"}
    assert _claim(dossier, sources, "review its fire drills")["status"] == "single-source"
    assert all(len(c["evidence"]) == 1 + len(c["variants"]) for c in dossier["claims"])


def test_a_quote_and_its_attribution_are_not_a_claim(sources):
    dossier = build_dossier(sources)
    quote = next(q for q in dossier["quotes"] if "got off safely" in q["text"])
    assert quote["speaker"] == "Ilse Varga" and quote["sources"] == ["alva-herald"]
    with pytest.raises(StopIteration):
        _claim(dossier, sources, "Varga told reporters")


def _arrest(who: str, where: str, day: int) -> tuple[str, str]:
    return ("Ferry captain arrested",
            f"The {who} arrested ferry captain Tomas Brell in {where} on March {day}, 2026. "
            "Brell commanded the Marisol when it caught fire.")


def test_outlets_that_disagree_on_who_where_and_when_are_a_conflict():
    sources = analysed({"alva-herald": _arrest("Alva Port Authority", "Lisbon", 2),
                        "kessel-times": _arrest("Nordline Company", "Porto", 3)})
    claim = _claim(build_dossier(sources), sources, "arrested ferry captain")
    assert claim["status"] == "conflict"
    on = {c["on"]: {v["value"].removeprefix("The "): v["sources"] for v in c["values"]} for c in claim["conflicts"]}
    assert on["who"] == {"Alva Port Authority": ["alva-herald"], "Nordline Company": ["kessel-times"]}
    assert on["place"] == {"Lisbon": ["alva-herald"], "Porto": ["kessel-times"]}
    assert on["date"] == {"2026-03-02": ["alva-herald"], "2026-03-03": ["kessel-times"]}


def test_outlets_that_agree_corroborate():
    sources = analysed({"alva-herald": _arrest("Alva Port Authority", "Lisbon", 2),
                        "kessel-times": _arrest("Alva Port Authority", "Lisbon", 2)})
    claim = _claim(build_dossier(sources), sources, "arrested ferry captain")
    assert claim["status"] == "corroborated" and "conflicts" not in claim
