"""Reference tables for entity identity: demonyms, national prefixes and metonyms.

These are facts of English usage, not tuning: a demonym names its country's people, and news
writes a building or a city for the body that sits in it ("the Pentagon", "the Kremlin").
"""

from __future__ import annotations

_COUNTRIES = """
Afghan Afghanistan|Albanian Albania|Algerian Algeria|American United States|Argentine Argentina|Argentinian Argentina
Armenian Armenia|Australian Australia|Austrian Austria|Azerbaijani Azerbaijan|Bahraini Bahrain|Bangladeshi Bangladesh
Belarusian Belarus|Belgian Belgium|Bolivian Bolivia|Bosnian Bosnia|Brazilian Brazil|British Britain|Bulgarian Bulgaria
Burmese Myanmar|Cambodian Cambodia|Cameroonian Cameroon|Canadian Canada|Chadian Chad|Chilean Chile|Chinese China
Colombian Colombia|Congolese Congo|Croatian Croatia|Cuban Cuba|Cypriot Cyprus|Czech Czech Republic|Danish Denmark
Dutch Netherlands|Ecuadorian Ecuador|Egyptian Egypt|Emirati United Arab Emirates|English England|Eritrean Eritrea
Estonian Estonia|Ethiopian Ethiopia|Filipino Philippines|Finnish Finland|French France|Georgian Georgia|German Germany
Ghanaian Ghana|Greek Greece|Guatemalan Guatemala|Haitian Haiti|Honduran Honduras|Hungarian Hungary|Icelandic Iceland
Indian India|Indonesian Indonesia|Iranian Iran|Iraqi Iraq|Irish Ireland|Israeli Israel|Italian Italy|Ivorian Ivory Coast
Jamaican Jamaica|Japanese Japan|Jordanian Jordan|Kazakh Kazakhstan|Kenyan Kenya|Korean Korea|Kosovar Kosovo
Kuwaiti Kuwait|Kyrgyz Kyrgyzstan|Latvian Latvia|Lebanese Lebanon|Liberian Liberia|Libyan Libya|Lithuanian Lithuania
Malaysian Malaysia|Malian Mali|Maltese Malta|Mexican Mexico|Moldovan Moldova|Mongolian Mongolia|Moroccan Morocco
Mozambican Mozambique|Nepali Nepal|Nepalese Nepal|Nicaraguan Nicaragua|Nigerian Nigeria|Nigerien Niger
North Korean North Korea|Norwegian Norway|Omani Oman|Pakistani Pakistan|Palestinian Palestine|Panamanian Panama
Paraguayan Paraguay|Peruvian Peru|Polish Poland|Portuguese Portugal|Qatari Qatar|Romanian Romania|Russian Russia
Rwandan Rwanda|Saudi Saudi Arabia|Scottish Scotland|Senegalese Senegal|Serbian Serbia|Singaporean Singapore
Slovak Slovakia|Slovenian Slovenia|Somali Somalia|South African South Africa|South Korean South Korea
Spanish Spain|Sri Lankan Sri Lanka|Sudanese Sudan|Swedish Sweden|Swiss Switzerland|Syrian Syria|Taiwanese Taiwan
Tajik Tajikistan|Tanzanian Tanzania|Thai Thailand|Tunisian Tunisia|Turkish Turkey|Turkmen Turkmenistan
Ugandan Uganda|Ukrainian Ukraine|Uruguayan Uruguay|Uzbek Uzbekistan|Venezuelan Venezuela|Vietnamese Vietnam
Welsh Wales|Yemeni Yemen|Zambian Zambia|Zimbabwean Zimbabwe|European Europe|African Africa|Asian Asia
"""

DEMONYMS: dict[str, str] = {}
"""Demonym (lower case, singular and plural) -> place name: "russian" -> "Russia"."""
for _pair in _COUNTRIES.replace("\n", "|").split("|"):
    if _pair.strip():
        _words = _pair.split()
        # The demonym is the leading run of words that are not part of the place's name.
        _split = 2 if _pair.startswith(("North Korean", "South Korean", "South African", "Sri Lankan")) else 1
        _demonym, _place = " ".join(_words[:_split]), " ".join(_words[_split:])
        DEMONYMS[_demonym.casefold()] = _place
        DEMONYMS[_demonym.casefold() + "s"] = _place
del _pair, _words, _split, _demonym, _place

NATIONAL_PREFIXES = ("u.s.", "us", "united states", "american", "u.k.", "uk", "british", "russian", "ukrainian", "chinese",
                     "french", "german", "israeli", "iranian", "indian", "japanese", "federal", "national")
"""Words before an institution's name that say whose it is: "U.S. Defense Department"."""

PLACE_ALIASES: dict[str, str] = {
    "us": "united states", "u.s.": "united states", "u.s": "united states", "usa": "united states", "u.s.a.": "united states",
    "america": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "holland": "netherlands", "the netherlands": "netherlands",
}
"""Keys of a place's other names: "the U.S." and "America" are the United States."""

METONYMS: dict[str, str] = {
    "pentagon": "defense department",
    "defence department": "defense department",
    "defense ministry": "defense department",
    "dod": "defense department",
    "state department": "state department",
    "white house": "white house",
    "kremlin": "kremlin",
    "justice department": "justice department",
    "doj": "justice department",
    "treasury": "treasury department",
    "un": "united nations",
    "u.n.": "united nations",
    "eu": "european union",
    "e.u.": "european union",
    "nato": "north atlantic treaty organization",
    "fbi": "federal bureau of investigation",
    "cia": "central intelligence agency",
}
"""Keys of names that stand for one body: "the Pentagon" and "the Department of Defense"."""
