"""Dates: time expressions found, typed and resolved to calendar values (TimeML TIMEX3)."""

from storyline.analyse.dates.tagger import Timex, find_timexes

__all__ = ["Timex", "find_timexes"]
