"""Datelines: when (and on which clock) an article was published, and where that is written.

A dateline is the publication date, never an event: its words are kept out of claims. Shapes:

- a short line near the top with a full date, maybe a clock time and a time zone:
  `2025年3月11日 星期二`, `Published: 25 Jan 2025 14:05 GMT`, `Mar 11, 2025 08:05 HKT`,
  `2025/10/08 07:30　記者…／新竹報導`, `Rotterdam, 4 September 2025`;
- the start of the first paragraph, wire style: `SAN FRANCISCO, March 10 (Wire) - ...`,
  `CAMBRIDGE, Mass., January 27, 2025 — ...`, `BOSTON (Wire) - ...` (a place, no date);
- a bracketed lead: `【…网讯 2025年4月17日】...`, `【2026年6月10日 经济日报】...`, or a reporter's
  byline `〔記者張家瑋／台北報導〕...` (no date: its words are kept out of claims and names), or a
  Chinese wire lead with its day, `财联社10月14日讯`, `新华社北京5月19日电`.

A month and day without a year keep `year = None`; the pipeline fills the year in from the
corpus (`infer_year`). The time zone comes from an abbreviation after a clock time (HKT, GMT)
or from the place (verifier/data/places.toml), else it is unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.lang import alternation, read_data_file
from verifier.text.fold import fold
from verifier.tables import table

DATELINE_LINES = 40
SHORT_LINE = 60
_HAS_DIGIT = re.compile(r"[0-9〇零一二三四五六七八九]")
_CLOCK = re.compile(r"(?<![0-9])([01]?[0-9]|2[0-3])[:：]([0-5][0-9])(?![0-9])")
# wire style: PLACE[, Region][, date] [(Agency)] - ; the place is written in capitals
_WIRE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)"
    r"(?P<region>(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)*?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?|[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+[0-9]{4})?))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:[-—–]{1,2}|:)\s+"
)
# the same with the place in title case (`Taipei, Nov. 26 (CNA) The court…`): only with both a
# date and an agency in brackets, the dash after them optional
_WIRE_TITLED = re.compile(
    r"^\s*(?P<place>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3})"
    r"(?P<region>(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)*?)"
    r",\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?|[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+[0-9]{4})?)"
    r"\s*\((?P<agency>[^()\n]{1,40})\)\s*(?:(?:[-—–]{1,2}|:)\s*)?"
)
# a bracketed lead: 【…网讯 2025年4月17日】 or 【2026年6月10日 经济日报】
_BRACKET = re.compile(r"^\s*[【\[]\s*(?:(?P<agency>[^】\]\n0-9]{1,30}?)\s*)?(?P<date>[0-9]{4}[^】\]\n]{3,16}?)\s*"
                      r"(?:[^】\]\n0-9]{1,30})?[】\]]")
# a Taiwan wire lead: （中央社記者…台北6日電）, the day of the month only
_PAREN_LEAD = re.compile(r"^\s*[（(](?P<who>[^（）()\n]{1,30}?)(?P<day>[0-9]{1,2})日(?:专)?电\s*[)）]")
# a Chinese wire lead with its day: 财联社10月14日讯, 新华社北京5月19日电 (the year comes from the corpus)
_AGENCY_LEAD = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff]{2,12}?)\s*(?P<m>1[0-2]|0?[1-9])月(?P<d>[12][0-9]|3[01]|0?[1-9])日\s*(?:讯|电|专电|消息)")
# a reporter's byline opening the first paragraph: 〔记者张家玮／台北报导〕, 【记者王小明/台北报道】
_BYLINE = re.compile(r"^\s*[〔【\[（(]\s*记者[^〕】\]）)\n]{1,30}?[/／]\s*(?P<place>[\u4e00-\u9fff]{2,4}?)\s*(?:报导|报道)\s*[〕】\]）)]")
_REPORTED_FROM = re.compile(r"[/／]\s*(?P<place>[\u4e00-\u9fff]{2,4}?)\s*(?:报导|报道|电)")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # the span of the dateline's words, kept out of claims
    year: int | None
    month: int | None
    day: int | None
    time: str | None  # HH:MM where the dateline gives a clock time
    tz: str | None  # IANA name
    place: str | None
    # a wire lead after a date line ("Published: …" above "NEW YORK, May 7 (Wire) -"): its words
    # are kept out of claims and names too, though the date line gives the date
    lead_start: int | None = None
    lead_end: int | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        lead = [(self.lead_start, self.lead_end)] if self.lead_start is not None and self.lead_end is not None else []
        return [(self.start, self.end), *lead]

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


@table("prepare")
def _places() -> dict:
    data = read_data_file("places.toml")
    abbreviations = {k.upper(): v for k, v in data["abbreviations"].items()}
    places = {fold(k).casefold(): v for k, v in data["places"].items()}
    markers = {fold(k).casefold(): v for k, v in data["markers"].items()}
    return {
        "far_clock": data["far_clock"],
        "abbreviations": abbreviations,
        "abbreviation_re": re.compile(rf"(?<![A-Za-z]){alternation(abbreviations)}(?![A-Za-z])"),
        "places": places,
        "place_re": re.compile(rf"(?<![a-z]){alternation(places)}(?![a-z])"),
        "markers": markers,
        "marker_re": re.compile(alternation(markers)),
        "event_en_re": re.compile(rf"(?<![a-z]){alternation(data['event_place']['en'])}\s+(?:an?\s+event\s+in\s+)?$"),
        "event_zh_re": re.compile(alternation(fold(w) for w in data["event_place"]["zh"])),
    }


def day_begun_afar(line: Dateline | None, published: dt.date | None, zone: str | None) -> dt.date | None:
    """The day after the publication date, when at the dateline's clock time it has already begun
    on the far clock (places.toml far_clock: Tuesday 22:15 in New York is Wednesday morning in
    Hong Kong); None otherwise, or when the dateline gives no clock time or zone."""
    from zoneinfo import ZoneInfo

    if line is None or line.time is None or zone is None or published is None:
        return None
    hour, minute = map(int, line.time.split(":"))
    try:
        moment = dt.datetime.combine(published, dt.time(hour, minute), ZoneInfo(zone))
        there = moment.astimezone(ZoneInfo(_places()["far_clock"])).date()
    except (ValueError, KeyError):
        return None
    return there if there > published else None


def place_zone(name: str) -> str | None:
    """The time zone of a place a dateline names (SAN FRANCISCO, 新竹), if known."""
    return _places()["places"].get(fold(name).casefold().strip(" .,"))


@lru_cache(maxsize=4)
def _casefolded(folded: str) -> str:
    """An article's folded text in lower case, made once (not once per date looked at)."""
    return folded.casefold()


def zone_marker(folded: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A clock named in the text just before a date (美西时间, local time): (zone, start, end)."""
    m = None
    for m in _places()["marker_re"].finditer(_casefolded(folded), start, end):
        pass
    return (_places()["markers"][m.group(0)], m.start(), m.end()) if m else None


def event_place_zone(folded: str, start: int, end: int) -> str | None:
    """The clock of a place the text says an event was at, between `start` and `end` ("on Tuesday
    at an event in San Jose", 在美国加州圣何塞举行, 上周二于加州发布): the place right after "in",
    "at", 在 or 于 (places.toml [event_place])."""
    low = _casefolded(folded)
    p = _places()
    for m in p["place_re"].finditer(low, start, end):
        if p["event_en_re"].search(low, max(start, m.start() - 24), m.start()) \
                or p["event_zh_re"].search(low, max(start, m.start() - 6), m.start()):
            return p["places"][m.group(0)]
    return None


def _zone_in(folded_line: str) -> str | None:
    p = _places()
    m = p["abbreviation_re"].search(folded_line)
    if m:
        return p["abbreviations"][m.group(0).upper()]
    m = _REPORTED_FROM.search(folded_line)
    if m and place_zone(m.group("place")):
        return place_zone(m.group("place"))
    m = p["place_re"].search(folded_line.casefold())
    return p["places"][m.group(0)] if m else None


def _read_date(raw: str, folded: str) -> tuple[int | None, int | None, int | None, int, int] | None:
    """(year, month, day, start, end) of the first full or month-day date in a line."""
    from verifier.normalize.engine import analyze

    for found in analyze(raw, folded=folded, kinds=("date",), min_score=0.5):
        v = found.value
        if v.month and v.day and not v.issue and not v.relative:
            return v.year, v.month, v.day, found.start, found.end
    return None


def find(text: str, folded: str, lines, is_prose) -> Dateline | None:
    """The dateline among the first lines of an article (`lines`: objects with start, end)."""
    prose_seen = 0
    for n, line in enumerate(l for l in lines if text[l.start:l.end].strip()):
        if n >= DATELINE_LINES or prose_seen >= 2:
            break
        raw = text[line.start:line.end]
        f_line = folded[line.start:line.end]
        prose = is_prose(raw)
        prose_seen += prose
        if not _HAS_DIGIT.search(f_line) and not _WIRE.match(raw):
            continue
        lead = _lead(raw, f_line, line.start)
        if lead is not None:
            return lead
        if (prose or len(raw.strip()) > SHORT_LINE) and not _labelled(f_line):
            continue
        found = _read_date(raw, f_line)
        if found and found[0]:
            year, month, day, _, _ = found
            clock = _CLOCK.search(f_line)
            stripped = len(raw) - len(raw.lstrip())
            lead = _lead_after(text, folded, lines, line, is_prose)
            return Dateline(line.start + stripped, line.start + len(raw.rstrip()), year, month, day,
                            f"{int(clock.group(1)):02d}:{clock.group(2)}" if clock else None,
                            _zone_in(f_line) or (lead.tz if lead else None), None,  # (台北报导: Taipei's clock)
                            *((lead.start, lead.end) if lead else ()))
    return None


@table("prepare")
def _labels_re() -> re.Pattern[str]:
    labels = read_data_file("furniture.toml")["dateline"]["labels"]
    return re.compile(rf"\s*(?i:{alternation(fold(w) for w in labels)})\s*[:：]?")


def _labelled(f_line: str) -> bool:
    """Whether a line opens with a publication label ("Published:", 发布时间：)."""
    return _labels_re().match(f_line) is not None


FOOT_LINES = 3  # a labelled publication line is looked for among this many last lines


def published_at_foot(text: str, folded: str, lines) -> dt.date | None:
    """The date of a labelled publication line among the article's last lines ("Published Dec 4,
    2026, 6:10 p.m. HKT" under the text), for an article whose head gives none."""
    for line in [l for l in lines if text[l.start:l.end].strip()][-FOOT_LINES:][::-1]:
        raw, f_line = text[line.start:line.end], folded[line.start:line.end]
        if _labelled(f_line):
            found = _read_date(raw, f_line)
            if found and found[0] and found[1] and found[2]:
                return dt.date(found[0], found[1], found[2])
    return None


LEAD_AFTER_LINES = 3  # a wire lead is looked for this many lines after a date line


def _lead_after(text: str, folded: str, lines, date_line, is_prose) -> Dateline | None:
    """The wire lead that opens the first lines after a date line, if one does."""
    after = [l for l in lines if l.start > date_line.start and text[l.start:l.end].strip()][:LEAD_AFTER_LINES]
    for line in after:
        lead = _lead(text[line.start:line.end], folded[line.start:line.end], line.start)
        if lead is not None:
            return lead
        if is_prose(text[line.start:line.end]):
            break
    return None


def _lead(raw: str, f_line: str, offset: int) -> Dateline | None:
    """A dateline at the start of a paragraph: wire style or bracketed."""
    m = _WIRE.match(raw)
    if m and (m.group("date") or m.group("agency") or place_zone(m.group("place").strip())) \
            and len(m.group("place").split()) <= 4 and m.group("place").strip().isupper():
        place = m.group("place").strip()
        region = (m.group("region") or "").strip(" ,")
        zone = place_zone(place) or (place_zone(f"{place}, {region}") if region else None)
        year = month = day = None
        end = offset + m.end() - 1
        if m.group("date"):
            found = _read_date(m.group("date"), fold(m.group("date")))
            if found:
                year, month, day = found[0], found[1], found[2]
        else:
            # "NEW YORK (AP) — Published 9:47 PM EST, Sunday, November 8, 2026", "MUNICH (AFP) - Wed,
            # 24 Jun 2026 15:20 CEST": the line goes on with the time it was filed, and nothing else
            rest = raw[m.end():]
            found = _read_date(rest, fold(rest)) if rest.strip() and len(rest.strip()) <= SHORT_LINE \
                and not rest.rstrip().endswith((".", "。")) else None
            if found and found[0]:
                year, month, day = found[0], found[1], found[2]
                end = offset + len(raw.rstrip())
                zone = zone or _zone_in(fold(rest))
        return Dateline(offset + m.start("place"), end, year, month, day, None, zone, place.title())
    m = _WIRE_TITLED.match(raw)
    found = _read_date(m.group("date"), fold(m.group("date"))) if m else None
    if found and found[1] and found[2]:
        place, region = m.group("place"), (m.group("region") or "").strip(" ,")
        zone = place_zone(place) or (place_zone(f"{place}, {region}") if region else None)
        return Dateline(offset + m.start("place"), offset + len(raw[:m.end()].rstrip()), found[0], found[1], found[2],
                        None, zone, place)
    m = _BRACKET.match(raw)
    if m:
        found = _read_date(m.group("date"), fold(m.group("date")))
        if found and found[0]:
            return Dateline(offset + m.start(), offset + m.end(), found[0], found[1], found[2], None, None, None)
    m = _AGENCY_LEAD.match(f_line)
    if m:
        who = m.group("who")
        place = next((who[-n:] for n in (3, 2) if len(who) > n and place_zone(who[-n:])), None)
        return Dateline(offset + m.start(), offset + m.end(), None, int(m.group("m")), int(m.group("d")), None,
                        place_zone(place) if place else None, place)
    m = _BYLINE.match(f_line)
    if m:  # (a byline: the reporter is no one the article tells of)
        return Dateline(offset + m.start(), offset + m.end(), None, None, None, None, place_zone(m.group("place")),
                        m.group("place"))
    m = _PAREN_LEAD.match(f_line)
    if m and 1 <= int(m.group("day")) <= 31:
        who = m.group("who")
        place = next((who[-n:] for n in (3, 2) if len(who) > n and place_zone(who[-n:])), None)
        return Dateline(offset + m.start(), offset + m.end(), None, None, int(m.group("day")), None,
                        place_zone(place) if place else None, place)
    return None


def infer_month(day: int, known: list[dt.date]) -> dt.date | None:
    """The date of a dateline that gives only the day of the month (（…6日電）): the day of that
    number nearest the corpus's other publication dates (within 15 days), else unknown."""
    best: tuple[int, dt.date] | None = None
    for d in known:
        for months in (-1, 0, 1):
            y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
            try:
                candidate = dt.date(y, m + 1, day)
            except ValueError:
                continue
            gap = abs((candidate - d).days)
            if gap <= 15 and (best is None or (gap, candidate) < best):
                best = (gap, candidate)
    return best[1] if best else None


def infer_year(month: int, day: int, known: list[dt.date], own_years: list[int]) -> int | None:
    """The year of a dateline that gives only a month and a day: the year in which that day is
    closest to the dates of the corpus's other sources (within 60 days), else the latest year
    the article itself names, else unknown."""
    best: tuple[int, int] | None = None
    for d in known:
        for year in (d.year - 1, d.year, d.year + 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            gap = abs((candidate - d).days)
            if gap <= 60 and (best is None or gap < best[0]):
                best = (gap, year)
    if best:
        return best[1]
    return max(own_years) if own_years else None


@lru_cache(maxsize=64)
def zone_city(zone: str) -> str:
    """A place to name a time zone by: the first English place the data gives for it
    (America/Los_Angeles -> San Francisco), else the zone's own city."""
    for name, z in read_data_file("places.toml")["places"].items():
        if z == zone and name.isascii():
            return name.title()
    return zone.split("/")[-1].replace("_", " ")
