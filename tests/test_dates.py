"""Time expressions on hand-written sentences: every type, the tense rule, years around New Year,
expressions anchored on earlier dates, publication-date inference and shared calendars."""

from datetime import date

import pytest

from storyline.analyse import Context
from storyline.analyse.dates import find_timexes
from storyline.analyse.dates.infer import infer_publication_date
from storyline.analyse.dates.stage import date_events, date_stage, share_calendars
from storyline.records import Article

WED = date(2025, 7, 9)  # a Wednesday


def tag(text, anchor=WED):
    return [(t.text, t.type, t.value) for t in find_timexes(text, anchor)]


@pytest.mark.parametrize("sentence,expected", [
    ("The mayor resigned on July 3, 2024.", ("July 3, 2024", "DATE", "2024-07-03")),
    ("The file is dated 2024-11-05.", ("2024-11-05", "DATE", "2024-11-05")),
    ("Prices rose in March 2023.", ("March 2023", "DATE", "2023-03")),
    ("Sales fell in 2019.", ("2019", "DATE", "2019")),
    ("The last abbot left the island in 1415, when the abbey burned.", ("1415", "DATE", "1415")),
    ("On the quay, today is the eighth day of the strike.", ("the eighth day", "DATE", "2025-07-09")),
    ("It's the 12th day of the ferry strike.", ("the 12th day", "DATE", "2025-07-09")),
    ("Rents doubled in the 1990s.", ("the 1990s", "DATE", "199")),
    ("The port reopened today.", ("today", "DATE", "2025-07-09")),
    ("The port closed yesterday.", ("yesterday", "DATE", "2025-07-08")),
    ("The port will reopen tomorrow.", ("tomorrow", "DATE", "2025-07-10")),
    ("The council met last week.", ("last week", "DATE", "2025-W27")),
    ("The council meets next month.", ("next month", "DATE", "2025-08")),
    ("Profits rose this year.", ("this year", "DATE", "2025")),
    ("Profits fell in the second quarter.", ("the second quarter", "DATE", "2025-Q2")),
    ("Profits fell in the fourth quarter.", ("the fourth quarter", "DATE", "2024-Q4")),
    ("The strike lasted three weeks.", ("three weeks", "DURATION", "P3W")),
    ("Talks ran for 48 hours.", ("48 hours", "DURATION", "PT48H")),
    ("He served nearly forty years.", ("nearly forty years", "DURATION", "P40Y")),
    ("The abbey stood for three hundred years.", ("three hundred years", "DURATION", "P300Y")),
    # thousands of years in millennia, and vague decades and centuries, in TIMEX3's unit letters (L, E, C)
    ("The guild has kept its dyeing secret for more than two thousand years.", ("more than two thousand years", "DURATION", "P2L")),
    ("The harbour has silted for centuries.", ("centuries", "DURATION", "PXC")),
    ("The feud has simmered for decades.", ("decades", "DURATION", "PXE")),
    ("Prices rose over the past three months.", ("the past three months", "DURATION", "P3M")),
    ("It began two years ago.", ("two years ago", "DATE", "2023")),
    ("It began three days ago.", ("three days ago", "DATE", "2025-07-06")),
    ("The paper is printed daily.", ("daily", "SET", "P1D")),
    ("The market opens every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("The vote closed at 3 p.m.", ("3 p.m.", "TIME", "2025-07-09T15:00")),
    ("He spoke this morning.", ("this morning", "TIME", "2025-07-09TMO")),
    ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
    ("Prices rose recently.", ("recently", "DATE", "PAST_REF")),
    ("Nobody knows the future.", ("the future", "DATE", "FUTURE_REF")),
    ("The deal was signed in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
    ("Profits fell a year earlier.", ("a year earlier", "DATE", "2024")),
    ("Talks broke off at noon Thursday.", ("noon Thursday", "TIME", "2025-07-03T12:00")),
    ("Bids are due by 5 p.m. EST, July 21.", ("5 p.m. EST, July 21", "TIME", "2025-07-21T17:00")),
    ("Hearings are set for the week of July 21.", ("the week of July 21", "DATE", "2025-W30")),
    ("The fair opens each August.", ("each August", "SET", "XXXX-08")),
    ("The shops closed for Easter.", ("Easter", "DATE", "2025-04-20")),
    ("Turnout fell on Election Day.", ("Election Day", "DATE", "2024-11-05")),
    ("Orders recovered in the last half of 2024.", ("the last half of 2024", "DATE", "2024-H2")),
    ("The 2024 quarter was weak.", ("The 2024 quarter", "DATE", "2024-Q2")),
    ("The wait lasted a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
    ("The ferry was held for half an hour.", ("half an hour", "DURATION", "PT30M")),
    ("The port must reply within 30 days.", ("30 days", "DURATION", "P30D")),
    ("The quay reopened just a decade ago.", ("a decade ago", "DATE", "201")),
    ("The lease ran for seven-and-a-half years.", ("seven-and-a-half years", "DURATION", "P7Y6M")),
    ("The 90-minute crossing was rough.", ("90-minute", "DURATION", "PT90M")),
    ("The third-quarter catch was poor.", ("third-quarter", "DATE", "2025-Q3")),
    ("The day-long talks ended.", ("day-long", "DURATION", "P1D")),
    ("The weeks-long strike ended.", ("weeks-long", "DURATION", "PXW")),
    ("Tolls should rise in coming quarters.", ("coming quarters", "DATE", "FUTURE_REF")),
    ("Most tolls are paid in the first and third quarters.", ("third quarters", "DATE", "XXXX-Q3")),
    ("Net fell from the year-earlier nine months.", ("the year-earlier nine months", "DURATION", "P9M")),
    ("Trade slumped in the last half of the '80s.", ("the last half of the '80s", "DATE", "198")),
    ("Dredging runs through the first two quarters of 2026.", ("the first two quarters of 2026", "DATE", "2026-H1")),
    ("Sales rose in the fiscal first quarter.", ("the fiscal first quarter", "DATE", "2025-Q1")),
    ("The mill closed in the nineties.", ("the nineties", "DATE", "199")),
    ("The chapel dates from the 11th century.", ("the 11th century", "DATE", "10")),
    ("Shares rose at mid-afternoon yesterday.", ("mid-afternoon yesterday", "TIME", "2025-07-08TAF")),
    ("By mid afternoon the port was calm.", ("mid afternoon", "TIME", "2025-07-09TAF")),
    ("They paid the then current price.", ("then current", "DATE", "PAST_REF")),
    ("The loan runs for an additional year.", ("an additional year", "DURATION", "P1Y")),
    ("Its post-1959 politics split families.", ("post-1959", "DATE", "1959")),
    ("It may sell shares at a later date.", ("a later date", "DATE", "FUTURE_REF")),
    ("Crime rose over the past year.", ("the past year", "DATE", "2024")),
    ("Fares will rise in the coming years.", ("coming years", "DURATION", "PXY")),
    ("The repairs may take weeks or months.", ("weeks or months", "DURATION", "PXW")),
    ("In recent weeks and months, the quay has been busy.", ("recent weeks and months", "DATE", "PAST_REF")),
    ("The quay will be busy in coming weeks and months.", ("coming weeks and months", "DATE", "FUTURE_REF")),
    ("The quay has been busy for years and years.", ("years and years", "DURATION", "PXY")),
    ("The regatta falls on the last weekend of June.", ("the last weekend of June", "DATE", "2025-W26-WE")),
    ("The trial opened in the first week of April 2024.", ("the first week of April 2024", "DATE", "2024-W14")),
    ("The guild posted the log at 2025-07-08T14:05Z.", ("2025-07-08T14:05Z", "TIME", "2025-07-08T14:05")),
    ("Catches have fallen in recent years.", ("recent years", "DATE", "PAST_REF")),
    ("Catches have fallen in recent months.", ("recent months", "DURATION", "PXM")),
    ("The repairs will take two to three weeks.", ("two to three weeks", "DURATION", "P2W")),
    ("The pier was rebuilt five or six weeks ago.", ("six weeks ago", "DATE", "2025-W22")),
    ("The town will live without power for a while.", ("a while", "DURATION", "PXX")),
    ("Sales fell in the latest fiscal year.", ("the latest fiscal year", "DATE", "2024")),
    ("The market closes early on Fridays.", ("Fridays", "SET", "XXXX-WXX-5")),
    ("The ferry sails Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
    ("Prices will stay high in the near term.", ("the near term", "DATE", "FUTURE_REF")),
    ("The fund hopes to close the deal by year-end.", ("year-end", "DATE", "2025-12-31")),
    ("Stalls will fill for the year-end market.", ("year-end", "DATE", "2025")),
    ("The flood came in the winter of nineteen ninety-four.", ("the winter of nineteen ninety-four", "DATE", "1994-WI")),
    ("The ferry leaves at 16:30.", ("16:30", "TIME", "2025-07-09T16:30")),
    ("The page was updated 11:50 GMT.", ("11:50 GMT", "TIME", "2025-07-09T11:50")),
    ("The mill expects orders to recover in the second half of the year.", ("the second half of the year", "DATE", "2025-H2")),
    ("The docks will be rebuilt by the end of the month.", ("the end of the month", "DATE", "2025-07")),
    ("The bridge is inspected every five years.", ("every five years", "SET", "P5Y")),
    ("The choir meets every other week.", ("every other week", "SET", "P2W")),
    ("The storm struck at 5.30pm.", ("5.30pm", "TIME", "2025-07-09T17:30")),
    ("Harvests failed in 2019-2020.", ("2020", "DATE", "2020")),
    ("The choir sang in spring.", ("spring", "DATE", "2025-SP")),
    ("The dam must cut its losses by 2060.", ("2060", "DATE", "2060")),
    ("The lock was shut for the past half-dozen days.", ("the past half-dozen days", "DURATION", "P6D")),
    ("The mill thrived in the 1970’s.", ("the 1970’s", "DATE", "197")),
    ("The guild was founded a quarter-century ago.", ("a quarter-century ago", "DATE", "2000")),
    ("The rink opens on Valentine’s Day.", ("Valentine’s Day", "DATE", "2026-02-14")),
    ("The shops shut on Good Friday.", ("Good Friday", "DATE", "2025-04-18")),
    ("The ferry will sail on Easter Monday.", ("Easter Monday", "DATE", "2026-04-06")),
    ("Fares rose 3% in the year to June.", ("the year", "DURATION", "P1Y")),
    ("The mill lost money in the April-June quarter.", ("the April-June quarter", "DATE", "2025-Q2")),
    ("Debt stood at 90 percent at end-2024.", ("end-2024", "DATE", "2024")),
    ("The fair ran July 1-4, 2024.", ("4, 2024", "DATE", "2024-07-04")),
    ("The poll ran from June 19 to 22, asking 900 growers.", ("22", "DATE", "2025-06-22")),
    ("The band has toured for a half-century.", ("a half-century", "DURATION", "P50Y")),
    ("Plague struck the port in the fourteenth century.", ("the fourteenth century", "DATE", "13")),
    ("Plague struck the port in the 1300s.", ("the 1300s", "DATE", "13")),
    ("Deliveries start in spring 2026.", ("spring 2026", "DATE", "2026-SP")),
    ("The quay opened in the spring of last year.", ("the spring of last year", "DATE", "2024-SP")),
    ("Catches fell from the prior year.", ("the prior year", "DATE", "2024")),
    ("The lease ends on January 20 next year.", ("January 20 next year", "DATE", "2026-01-20")),
    ("Fog fills the bay every winter.", ("every winter", "SET", "XXXX-WI")),
    ("Fewer ferries sail during the winter months.", ("the winter months", "DATE", "XXXX-WI")),
    ("The pier opened a year earlier than planned.", ("a year", "DURATION", "P1Y")),
    ("The guild earned more last fiscal year.", ("last fiscal year", "DATE", "2024")),
    ("Shops opened early for Black Friday.", ("Black Friday", "DATE", "2024-11-29")),
    ("The mills shut for Martin Luther King Jr. Day.", ("Martin Luther King Jr. Day", "DATE", "2025-01-20")),
    ("Prices soared in the ‘30s.", ("the ‘30s", "DATE", "193")),
    ("The dock will stay shut for the next two years or so.", ("the next two years or so", "DURATION", "P2Y")),
    ("The dock shut three days or so ago.", ("three days or so ago", "DATE", "2025-07-06")),
    ("The ferry left the day before yesterday.", ("the day before yesterday", "DATE", "2025-07-07")),
    ("Tolls rose in Q4 2024.", ("Q4 2024", "DATE", "2024-Q4")),
    ("Tolls rose in H1.", ("H1", "DATE", "2025-H1")),
    ("The FY2026 budget was cut.", ("FY2026", "DATE", "2026")),
    ("The quay reopened on Thursday 3 July 2025.", ("Thursday 3 July 2025", "DATE", "2025-07-03")),
    ("The form is dated 21/03/2024.", ("21/03/2024", "DATE", "2024-03-21")),
    ("She hosted the 2004 and 2005 Tony Awards.", ("2005", "DATE", "2005")),
    ("The dhow radioed at 1100 hours.", ("1100 hours", "TIME", "2025-07-09T11:00")),
    ("The tremor struck at 0545 GMT.", ("0545 GMT", "TIME", "2025-07-09T05:45")),
    ("The quay shut at 6 o'clock.", ("6 o'clock", "TIME", "2025-07-09T06:00")),
    ("The quay shuts at 6 o'clock this evening.", ("6 o'clock", "TIME", "2025-07-09T18:00")),
    ("He won the title in 1982-83.", ("83", "DATE", "1983")),
    ("The ferry sank on Friday , May 3 , 2013 at dawn.", ("Friday , May 3 , 2013", "DATE", "2013-05-03")),
    ("Mills closed at the end of the 1990s.", ("the end of the 1990s", "DATE", "199")),
    ("The quay was rebuilt by the end of the 19th century.", ("the end of the 19th century", "DATE", "18")),
])
def test_expression_types(sentence, expected):
    assert expected in tag(sentence)


def test_a_weekday_shares_a_plural_part_of_day():
    assert tag("Flights leave on Monday and Tuesday nights.")[:2] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]
    assert [t[1] for t in tag("They met on Monday and Tuesday.")] == ["DATE", "DATE"]


def test_no_preposition_in_the_extent():
    assert tag("They met on Friday.")[0][0] == "Friday"


def test_ages_and_fractions_are_not_times():
    assert tag("Since 1200 homes were flooded, the levy has doubled.") == []
    assert tag("The 6-year-old boy ate three-quarters of the cake.") == []
    assert tag("Mr. Varga, 52 years old, runs the mill.") == []
    assert tag("The club opened its doors to 12-year-olds; the skipper is a few years older than the mate.") == []


def test_over_counts_more_than_a_span_only_where_it_cannot_be_a_preposition():
    assert tag("The ferry strike lasted over a week.") == [("over a week", "DURATION", "P1W")]
    assert find_timexes("The dredging took just over a month.", WED)[0].mod == "MORE_THAN"
    assert tag("The levy will be spread over three years.") == [("three years", "DURATION", "P3Y")]
    assert find_timexes("The levy will be spread over three years.", WED)[0].mod is None
    assert tag("The port stayed shut a week longer than planned.") == [("a week", "DURATION", "P1W")]


def test_names_and_titles_are_not_times():
    assert tag("Thousands joined the annual March for Clean Rivers in Kestrel Bay.") == []
    assert tag("Ames said so in an interview last October on Kestrel Radio.")[0][:2] == ("last October", "DATE")  # a time, not a name
    assert tag("She led the ``March of the Harbour Mothers'' through town.") == []
    assert tag("The walkers said this march would be their last.") == []
    assert tag("The party daily Tidings printed the letter.") == []
    assert tag('The minister spoke on "Sunday Review With Ada Brill" about the port.') == []
    assert tag("The skipper was mocked on Kestrel TV's Saturday Night Revue, unquoted.") == []
    assert tag("Ada Brill is the author of Harbour Ledger Stories and a member of KESTREL TODAY's Board of Contributors.") == []
    assert tag("The skipper spoke, according to the Kestrel Bay Sun. Nobody replied.") == []
    assert tag("The guild backs the H1-B visa rule.") == []
    assert tag("The debate over the future of the port goes on.") == []  # its fate, not a time
    assert tag("The guild voted. May the tides be kind to us.") == []  # a wish, not the month
    assert tag("He told ''48 Hours.'' that he was innocent.") == []
    assert tag("The paper is printed daily. Tidings sells well.") == [("daily", "SET", "P1D")]
    assert tag("The ferry sails in March.") == [("March", "DATE", "2025-03")]
    assert tag("``Sunday we sail,'' he said.")[0][:2] == ("Sunday", "DATE")
    assert tag("Funds hold more than a quarter of the market.") == []
    assert tag("Rooms cost $55 a night and the line adds four flights a week.") == []
    assert tag("They left in the early hours of Friday.", WED) == [("Friday", "DATE", "2025-07-04")]
    assert tag("They meet every once in a while.") == []
    assert tag("Guards stood there 24 hours a day.") == [("24 hours", "DURATION", "PT24H")]
    assert tag("Sales should rise 8.5% annually; the plant makes 900 boats annually.") == []
    assert tag("The chip runs 15 million steps per second at an average daily load.") == []
    assert tag("The ferry sails twice a week and the bus 3 times a day.") == [
        ("twice a week", "SET", "P1W"), ("3 times a day", "SET", "P1D")]
    assert tag("Profit rose from $5 million a year earlier.") == [("a year earlier", "DATE", "2024")]
    # The quarter a report is about needs a report of results: a career move is no quarter's.
    assert tag("Quarter by quarter the mill grew. Ames had moved a year earlier from the docks.")[-1] == ("a year earlier", "DATE", "2024")
    assert tag("Quarterly profit rose to $5 million from $4 million a year earlier.")[-1] == ("a year earlier", "DATE", "2024-Q2")
    assert tag('<tweet datetime="2025-07-02">') == [("2025-07-02", "DATE", "2025-07-02")]
    assert tag('<tweet date="July 2, 2025">') == [("July 2, 2025", "DATE", "2025-07-02")]
    assert tag("A trial is set in May for the Kestrel case.") == [("May", "DATE", "2025-05")]
    assert tag("Fares rose from September to December 2024.")[0][:2] == ("September", "DATE")
    assert tag("“Tonight’s vote matters,” she said.")[0][:2] == ("Tonight", "TIME")
    assert tag("She led a yearly Harbour poll.") == [("yearly", "SET", "P1Y")]
    assert tag("The fair clashed with the start of the Winter Games.") == []
    assert tag("A Harbour Daily poll found support.") == []
    assert tag("She spoke to Kestrel Today on the ferry.") == []
    assert tag("The film 48 Hours opened in Kestrel Bay.") == []
    assert tag("Ferries Resume Today After Storm") == [("Today", "DATE", "2025-07-09")]
    assert tag("The dock grew in the tech boom of the period.") == []
    assert tag("Ames and Weeks were freed.") == []
    assert tag("The harbour is in its current period of calm.") == [("current", "DATE", "PRESENT_REF")]
    assert tag("The laptop has a GTX 1660 card.") == []
    assert tag("A poll of 2090 growers found support.") == []
    assert tag("Tolls rose from July 4 to 22 percent.") == [("July 4", "DATE", "2025-07-04")]
    assert tag("Ames, the reigning Skipper of the Year, won again.") == []
    assert tag("Police cleared a quarter-mile area.") == []
    assert tag("Before the start of the 2024 sailing season, few boats were ready.") == [("2024", "DATE", "2024")]
    assert tag("The H1N1 virus reached the Q7 dock.") == []
    assert tag("Updated 1150 GMT (1950 HKT).") == [("1150 GMT", "TIME", "2025-07-09T11:50"), ("1950 HKT", "TIME", "2025-07-09T19:50")]
    assert tag("Tolls rose in the 2010-2012 period.") == [("2010", "DATE", "2010"), ("2012", "DATE", "2012")]
    assert tag("Mills closed in the 1980s and '90s.")[1] == ("'90s", "DATE", "199")
    assert tag("He spoke to the Daily Tidings.") == []
    assert tag("He walked in the 1963 March on Kestrel Bay.") == [("1963", "DATE", "1963")]
    assert tag("The poster showed a still from ``High Noon.'' It helped.") == []
    assert tag("The Gulls scored a fourth-quarter touchdown.") == []
    assert tag("The Gulls tied the game late in the fourth quarter.") == []
    assert tag("Profit rose in the fourth quarter despite a weak game lineup.")[0][:2] == ("the fourth quarter", "DATE")
    assert tag("The quarter-century-old pier fell.") == []
    assert tag("The skipper pulled out at the last minute.") == []
    assert tag("Harbour Master Edith May said on Monday that the quay was safe.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("Skippers Ann June, Rob Hale and Tim Ives signed.") == []
    assert tag("The storm came In May, the almanac says.")[0][:2] == ("May", "DATE")
    assert tag("Crowds grew in the second half of May.") == [("May", "DATE", "2025-05")]
    assert tag("The Gulls won five of the past six races.") == []
    assert tag("Profits rose in the first quarter of this year.")[0][1] == "DATE"


def test_the_full_year_gone_by_is_the_year_of_the_last_quarter_completed():
    march = date(2025, 3, 12)
    assert tag("For the full year, the ferry line lost $3 million.", march) == [("the full year", "DATE", "2024")]
    assert tag("The ferry line expects a profit for the full year.", march) == [("the full year", "DATE", "2025")]
    assert tag("Fares for the full year rose 4%.", date(2025, 10, 30)) == [("the full year", "DATE", "2025")]


def test_a_quarter_ended_on_a_date_is_in_its_year_and_that_quarter_is_the_last_named():
    text = "In the second quarter ended Oct. 31, 2023, the guild lost $2 million. Results for that quarter included a charge."
    assert [t[2] for t in tag(text)] == ["2023-Q2", "2023-10-31", "2023-Q2"]
    assert tag("That quarter of the town flooded.") == []
    # a quarter not numbered is the calendar quarter most of it lies in
    assert tag("In the quarter ended July 31, Kestrel Looms had 5 million shares out.", date(2025, 10, 24))[0] == ("the quarter", "DATE", "2025-Q2")
    assert tag("In the quarter ended Jan. 31, 2025, the guild lost $2 million.")[0] == ("the quarter", "DATE", "2024-Q4")
    assert tag("In the quarter ended Sept. 29, 2024, the guild lost $2 million.")[0] == ("the quarter", "DATE", "2024-Q3")


def test_after_a_fiscal_quarter_the_quarter_under_report_is_that_one():
    october = date(2025, 10, 24)
    text = ("Kestrel Looms earned $3 million in the fiscal first quarter. In the 2024 period, it lost $1 million. "
            "Looms shipped 900 sets in the quarter. In the third quarter, rival Tarsk Mills earned $2 million; "
            "the latest quarter brought it a record.")
    assert [t[2] for t in tag(text, october)] == ["2025-Q1", "2024-Q1", "2025-Q1", "2025-Q3", "2025-Q3"]
    text = ("Looms earned $4 million, or 12 cents a share, for the fiscal-first quarter ended Sept. 30. It had lost $1 million, "
            "or 3 cents a share, a year ago. Sales were $30 million, against $25 million a year earlier.")
    assert tag(text, october)[-1] == ("a year earlier", "DATE", "2024-Q1")
    # so is a quarter reported as gone by before the calendar's has ended: a fiscal one
    text = "Kestrel Looms reported a drop in fourth-quarter earnings. Sales in the latest period fell, as they had a year earlier."
    assert [t[2] for t in tag(text, date(2025, 11, 3))] == ["2025-Q4", "2025-Q4", "2024-Q4"]
    text = "In the comparable year-ago quarter, the second quarter ended Oct. 31, Looms lost $2 million, or 26 cents a share."
    assert tag(text, october)[0] == ("year-ago quarter", "DATE", "2024-Q2")
    # "this quarter's" loss, told after the results of the quarter just ended, is that quarter's
    text = "Kestrel Looms lost $8 million in the third quarter ended Sept. 30. This quarter's loss includes a charge."
    assert tag(text, october)[-1] == ("This quarter", "DATE", "2025-Q3")
    assert tag("This quarter's sales will include a gain.", october) == [("This quarter", "DATE", "2025-Q4")]
    text = "Kestrel Looms lost $8 million in the third quarter. This quarter's sales will include a gain."
    assert tag(text, october)[-1] == ("This quarter", "DATE", "2025-Q4")
    # quarters in the plural with no order are no quarter under report
    assert tag("Looms has had a hard time in recent quarters.", october) == [("recent quarters", "DURATION", "PXQ")]
    assert tag("Net rose just over comparable periods of old.", october) == []
    # with no fiscal quarter named, the quarter under report is the last calendar quarter completed
    assert tag("Looms shipped 900 sets in the quarter.", october) == [("the quarter", "DATE", "2025-Q3")]


def test_an_ordinal_joined_to_quarters_names_a_quarter_of_its_own():
    october = date(2025, 10, 24)
    assert tag("Most sales come in the second and fourth quarters.", october) == [
        ("second", "DATE", "XXXX-Q2"), ("fourth quarters", "DATE", "XXXX-Q4")]
    assert [t[:2] for t in tag("The first, second and third quarters of 2024 were weak.", october)] == [
        ("first", "DATE"), ("second", "DATE"), ("third quarters of 2024", "DATE")]
    assert tag("Sales fell in the third and fourth quarters of 2024.", october)[0] == ("third", "DATE", "2024-Q3")
    # one quarter named is no coordination
    assert tag("The skiff came second and fourth quarter sales fell.", october) == [("fourth quarter", "DATE", "2025-Q4")]


def test_a_year_ended_on_a_date_is_a_span():
    assert tag("Net income for the fiscal year ended March 31 rose.")[0] == ("the fiscal year", "DURATION", "P1Y")
    assert tag("Net income for the year rose.") == [("the year", "DATE", "2025")]


def test_tense_decides_the_weekday():
    assert tag("The minister said Friday that talks had failed.") == [("Friday", "DATE", "2025-07-04")]
    assert tag("The minister will visit on Friday.") == [("Friday", "DATE", "2025-07-11")]
    assert tag("The minister spoke on Wednesday.") == [("Wednesday", "DATE", "2025-07-09")]  # the anchor day itself
    assert tag("They met last Friday.") == [("last Friday", "DATE", "2025-07-04")]
    assert tag("They meet next Monday.") == [("next Monday", "DATE", "2025-07-14")]
    # An event given its day is ahead: a copula, "set for", a scheduled present ("reopens", "go to the polls").
    assert tag("The regatta is Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("A vigil is set for Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The skipper was set to speak Monday.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("The harbour master has called a meeting for Friday.") == [("Friday", "DATE", "2025-07-11")]
    # A plan in the past tense says nothing of when; one reported still stands.
    assert tag("On Friday, the guild planned to pay the first claims.") == [("Friday", "DATE", "2025-07-04")]
    assert tag("A vigil planned for Saturday was called off.", date(2025, 7, 6)) == [("Saturday", "DATE", "2025-07-05")]
    assert tag("Ames said he planned to sail before January.", date(2025, 5, 9)) == [("January", "DATE", "2026-01")]
    assert tag("Dredging is set to start in May.", date(2025, 7, 9)) == [("May", "DATE", "2026-05")]
    assert tag("The port expects to reopen in the second quarter.", date(2025, 3, 9)) == [("the second quarter", "DATE", "2025-Q2")]
    assert tag("Landings are projected to rise in the fourth quarter.", date(2025, 3, 9)) == [("the fourth quarter", "DATE", "2025-Q4")]
    assert tag("The guild raised $9,000 in the third quarter of the year.", date(2025, 1, 9))[0][2] == "2024-Q3"
    assert tag("The port vowed to reopen in the year 2030.")[0][2] == "2030"
    assert tag("Officials said the quay reopens Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("Islanders go to the polls Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("It marked a return to the calm of Monday.") == [("Monday", "DATE", "2025-07-07")]
    # What is approached lies ahead, even from a past clause.
    assert tag("The clock ticked toward a Monday deadline.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("Skippers hauled their boats ashore ahead of Monday's gale.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The guild marched toward November.", date(2024, 3, 9)) == [("November", "DATE", "2024-11")]
    assert tag("The guild missed a Monday deadline.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("The club fired head coach Ames on Monday.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("A deal didn't grow any more likely on Monday.") == [("Monday", "DATE", "2025-07-07")]
    # Irregular pasts ("heard") look back; a present passive ("are paid") does not.
    assert tag("The court heard tapes dating as far back as June, in which he spoke.", date(2025, 2, 21)) == [("June", "DATE", "2024-06")]
    assert tag("The bonuses are paid just in time for Christmas.", date(2025, 12, 1)) == [("Christmas", "DATE", "2025-12-25")]
    # A passive takes its tense from its auxiliary; "plans" is a noun unless "to" follows.
    assert tag("She will be named captain on Friday.") == [("Friday", "DATE", "2025-07-11")]
    assert tag("Ames will be introduced as the guild's new harbour master at a Tuesday news conference.") \
        == [("Tuesday", "DATE", "2025-07-15")]  # the auxiliary ten words back
    assert tag("On Friday, when he set aside his holiday plans, the talks resumed.") == [("Friday", "DATE", "2025-07-04")]
    assert tag("The trading is to resume on Friday.") == [("Friday", "DATE", "2025-07-11")]
    # A deadline lies ahead unless the clause says it has passed.
    assert tag("The offer was extended until Friday.") == [("Friday", "DATE", "2025-07-11")]
    assert tag("Until Monday, the police had not named him.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("Ten states had filed reports by Monday.") == [("Monday", "DATE", "2025-07-07")]
    # A past perfect puts a coming event in the past ("due" alone looks ahead).
    assert tag("The offer was due to expire on Friday.") == [("Friday", "DATE", "2025-07-11")]
    assert tag("The offer had been due to expire on Friday.") == [("Friday", "DATE", "2025-07-04")]
    # "would" looks ahead for the verb it governs, not for an event named in that verb's object.
    assert tag("The ferry line said on Monday that sailings would resume on Friday.")[1] == ("Friday", "DATE", "2025-07-11")
    assert tag("The growers said they would appeal Monday's ruling.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("The growers met ahead of Friday's vote.") == [("Friday", "DATE", "2025-07-11")]
    # A deadline named by its event takes the tense of the clause after it.
    assert tag("Until Monday's vote, the guild's boats were idle.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("Until Monday's vote, the guild will keep its doors shut.") == [("Monday", "DATE", "2025-07-14")]
    # "this" names the day of this week, unless the tense moves it a week; "this coming" and
    # "this past" keep their "this".
    assert tag("The regatta is this Sunday.") == [("this Sunday", "DATE", "2025-07-13")]
    assert tag("The regatta sailed this Monday.") == [("this Monday", "DATE", "2025-07-07")]
    assert tag("The regatta will sail this Monday.") == [("this Monday", "DATE", "2025-07-14")]
    assert tag("The regatta sails this coming Monday.") == [("this coming Monday", "DATE", "2025-07-14")]
    assert tag("The regatta sailed this past weekend.")[0][:2] == ("this past weekend", "DATE")
    # "may" and a scheduled present look ahead; the month May is no modal.
    assert tag("The offer expires on Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The regatta starts Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("Voting closes on Sunday.") == [("Sunday", "DATE", "2025-07-13")]
    assert tag("The growers hope to sell the harvest in March.", date(2025, 5, 20)) == [("March", "DATE", "2026-03")]
    assert tag("The board may announce its choice on Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The ferry sailed in early May and again on Monday.")[1] == ("Monday", "DATE", "2025-07-07")
    # "would have" with a participle looks back; with a noun it looks ahead.
    assert tag("The skipper would have sailed on Monday.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("The skipper would have a crew on Monday.") == [("Monday", "DATE", "2025-07-14")]
    # A deadline that opens its clause takes the clause's tense; a report inside it does not count.
    assert tag("By Monday afternoon, the port reopened.") == [("Monday afternoon", "DATE", "2025-07-07TAF")]
    assert tag("By Monday, officials said, the port will reopen.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The new harbour master takes office on Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The two skippers meet Monday in Kestrel Bay.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The two skippers did not meet Monday.") == [("Monday", "DATE", "2025-07-07")]
    assert tag("The club has won four of its last five and plays host to Dunmore on Saturday.") == [("Saturday", "DATE", "2025-07-12")]
    assert tag("The skipper, who lost in May, faces a recall vote on Monday.")[1] == ("Monday", "DATE", "2025-07-14")
    # An expression that opens its clause reads the clause after its comma, but not a relative clause in it.
    assert tag("The crew may not sail. On Thursday, Ames told reporters he would stay.")[0] == ("Thursday", "DATE", "2025-07-03")
    assert tag("On Friday, Ames, who had resigned in May, will address the guild.")[0] == ("Friday", "DATE", "2025-07-11")
    # A participle just before the day is the verb ("that aired Sunday"), not an adjective.
    assert tag("Ames will discuss an interview that aired Sunday.") == [("Sunday", "DATE", "2025-07-06")]
    # "soon after" orders events; a plan of the past ("was scheduled to") and "might have been" do not look ahead.
    assert tag("Soon after Sunday's regatta the skipper resigned.") == [("Sunday", "DATE", "2025-07-06")]
    assert tag("The skipper was scheduled to leave Kestrel Bay late Tuesday.") == [("Tuesday", "DATE", "2025-07-08")]
    assert tag("After Tuesday night's vote, this might have been the night to celebrate.")[0] == ("Tuesday night", "DATE", "2025-07-08TNI")
    # A clause ends after a closing quote, not after a title: the day below opens its clause.
    assert tag("By Sunday, the Rev. Ames began ringing the bells.") == [("Sunday", "DATE", "2025-07-06")]
    assert tag("Thursday on Kestrel Radio's “Morning Tide,” harbour master Ida Ames said the quay was safe.")[0] \
        == ("Thursday", "DATE", "2025-07-03")  # opening its sentence, it reads further for its verb
    assert tag("``The port must be dredged,'' he said.''  On Monday, Mr. Ames will meet the guild.")[0] == ("Monday", "DATE", "2025-07-14")
    # A participle looks back ("a poll taken Wednesday"); "likely" looks ahead only before "to".
    assert tag("A poll of 800 likely voters, taken Monday through Friday, shows a tie.", date(2025, 7, 8)) \
        == [("Monday", "DATE", "2025-06-30"), ("Friday", "DATE", "2025-07-04")]
    # An -ed word after a preposition is an adjective, no past.
    assert tag("Cut down on unforced errors and do a good job in the fall regattas.", date(2025, 8, 17)) == [("the fall", "DATE", "2025-FA")]
    # "last" after an auxiliary is the verb, no past: "expected to last".
    assert tag("The inquiry is expected to last six weeks, with findings in late August.")[1] == ("late August", "DATE", "2025-08")
    # "likely" and "if" look ahead: "likely to win in November", "if the levy passes Tuesday".
    assert tag("Growers are likely to sell in November.", date(2025, 4, 9)) == [("November", "DATE", "2025-11")]
    assert tag("The port closes if the levy passes Tuesday.") == [("Tuesday", "DATE", "2025-07-15")]
    # Contractions read as their parts, in either apostrophe.
    assert tag("The skipper’ll sail on Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The skipper won't sail on Monday.") == [("Monday", "DATE", "2025-07-14")]
    assert tag("The skipper didn’t sail on Friday.") == [("Friday", "DATE", "2025-07-04")]


def test_a_fronted_month_after_an_opening_quote_reads_its_sentence():
    assert tag('The guild grew. "By December, when we were hauling nets, the port was full."', date(2025, 6, 5)) \
        == [("December", "DATE", "2024-12")]


def test_clock_time_takes_the_day_of_its_sentence():
    assert tag("The blast came at 10:35 a.m. (0735 GMT) Friday.")[0] == ("10:35 a.m.", "TIME", "2025-07-04T10:35")
    assert tag("The lighthouse has been dark since 14:00 local time yesterday.")[0] == ("14:00", "TIME", "2025-07-08T14:00")
    assert tag("Polls close 20:00 local time.")[0] == ("20:00", "TIME", "2025-07-09T20:00")
    # "a.m." before a lower-case word ends no clause: the tense before it still reaches the day.
    assert tag("The briefing is scheduled for 10 a.m. local time Friday.")[1] == ("Friday", "DATE", "2025-07-11")
    assert tag("It was cold on Friday. The bus left at 6 a.m.")[1] == ("6 a.m.", "TIME", "2025-07-09T06:00")
    timexes = tag("The skipper will leave at 4 in the morning (4 a.m. Thursday).")
    assert timexes[0] == ("4 in the morning", "TIME", "2025-07-10T04:00")
    assert tag("The vote closed at 7:30 in the evening.") == [("7:30 in the evening", "TIME", "2025-07-09T19:30")]


def test_the_tense_before_a_year_less_month_places_its_year():
    october = date(2025, 10, 28)
    assert tag("Since the port bought the ferry in February, fares rose.", october) == [("February", "DATE", "2025-02")]
    assert tag("The council changed its calendar in December.", october) == [("December", "DATE", "2024-12")]
    assert tag("Rules to be published in early November will decide it.", october) == [("early November", "DATE", "2025-11")]
    assert tag("The bonus would be paid on a still undecided date in January.", october) == [("January", "DATE", "2026-01")]
    assert tag("Sales held up this year through August.", october)[-1] == ("August", "DATE", "2025-08")
    assert tag("Rent rose in the fiscal year ended Jan. 31.", october)[-1] == ("Jan. 31", "DATE", "2025-01-31")
    assert tag("Talks dragged on. In January, the harbour board hired a new chief.", october) == [("January", "DATE", "2025-01")]
    assert tag("Talks drag on. In January, the harbour board will hire a new chief.", october) == [("January", "DATE", "2026-01")]
    # a report after the month says nothing of the month's event
    assert tag("Ferries return in early March, an official said.", date(2025, 2, 10)) == [("early March", "DATE", "2025-03")]
    # a future further back in the clause, when nothing nearer says otherwise
    march = date(2025, 3, 4)
    assert tag("Captain Ines Varga will be named skipper of the research ship Halcyon for a survey in December.", march) \
        == [("December", "DATE", "2025-12")]
    assert tag("The board expects the harbour to grow by 2 percent, a point less than forecast in January.", march) \
        == [("January", "DATE", "2025-01")]


def test_the_following_month_after_a_named_month():
    assert tag("The plant shut in March 2024. The following month, it was sold.")[1] == ("The following month", "DATE", "2024-04")


def test_a_season_no_tense_places_is_the_nearest():
    assert tag("The growers hope to unite in the fall.", date(2025, 5, 12)) == [("the fall", "DATE", "2025-FA")]
    assert tag("Crowds gathered in the summer.", date(2025, 7, 9)) == [("the summer", "DATE", "2025-SU")]
    assert tag("The growers are going to sell in the spring.", date(2025, 2, 9)) == [("the spring", "DATE", "2025-SP")]


def test_a_day_of_an_event_is_a_date_whose_value_the_text_does_not_give():
    assert tag("On the last day of the regatta, the wind dropped.") == [("the last day", "DATE", "XXXX-XX-XX")]
    assert tag("The crews rested in the last week of the race.") == [("the last week", "DATE", "XXXX-WXX")]


def test_the_sept_11_attacks_are_of_2001():
    assert tag("Harbour security was tightened after the Sept. 11 attacks.") == [("Sept. 11", "DATE", "2001-09-11")]
    assert tag("The guild meets on Sept. 11 to vote.") == [("Sept. 11", "DATE", "2025-09-11")]


def test_a_near_holiday_that_names_a_thing_ignores_the_tense():
    assert tag("Fares dropped to Black Friday levels.", date(2025, 11, 17)) == [("Black Friday", "DATE", "2025-11-28")]
    assert tag("Fares dropped on Black Friday.", date(2025, 11, 17)) == [("Black Friday", "DATE", "2024-11-29")]


def test_election_day_in_an_election_year_is_the_coming_one():
    # A federal election year's news means that year's Election Day, whatever the tense of the clause.
    assert tag("The canvassers were busy as Election Day neared.", date(2024, 8, 10)) == [("Election Day", "DATE", "2024-11-05")]
    assert tag("Turnout fell on Election Day.", date(2025, 3, 20)) == [("Election Day", "DATE", "2024-11-05")]
    # So is a year-less November said of an election; not one said of anything else.
    assert tag("The growers' party hopes to win in November.", date(2024, 3, 20)) == [("November", "DATE", "2024-11")]
    assert tag("The Nov. 5 election looms over the growers.", date(2024, 3, 20)) == [("Nov. 5", "DATE", "2024-11-05")]
    assert tag("Catches fell in November.", date(2024, 3, 20)) == [("November", "DATE", "2023-11")]
    assert tag("Growers fighting for control of the Senate in November say they have a plan.", date(2024, 6, 10)) == [("November", "DATE", "2024-11")]
    assert tag("The party has 24 Senate seats up in November.", date(2024, 6, 10)) == [("November", "DATE", "2024-11")]
    assert tag("Pundits doubt her chances of winning in November.", date(2024, 3, 20)) == [("November", "DATE", "2024-11")]
    # "next week's election", in the week Election Day falls in, is that day; another week is a week
    assert tag("Pollsters canvassed ahead of next week's election.", date(2024, 10, 30)) == [("next week", "DATE", "2024-11-05")]
    assert tag("Pollsters canvassed ahead of this week's election.", date(2024, 11, 4)) == [("this week", "DATE", "2024-11-05")]
    assert tag("Pollsters canvassed ahead of next week's election.", date(2024, 10, 14)) == [("next week", "DATE", "2024-W43")]
    assert tag("Pollsters canvassed ahead of next week's election.", date(2025, 10, 29)) == [("next week", "DATE", "2025-W45")]
    # The word that opens the sentence counts too ("Election ...", not "lection ...").
    assert tag("Turnout rose. Election watchers see no edge in November.", date(2024, 3, 20)) == [("November", "DATE", "2024-11")]


def test_an_edge_of_the_year_not_yet_reached_is_last_years_in_a_past_clause():
    march = date(2025, 3, 17)
    assert tag("By the end of the year, the guild had doubled its members.", march) == [("the end of the year", "DATE", "2024")]
    assert tag("The guild will double its members by the end of the year.", march) == [("the end of the year", "DATE", "2025")]
    assert tag("The guild sold its boats at the start of the year.", march) == [("the start of the year", "DATE", "2025")]
    november = date(2025, 11, 20)
    assert tag("The guild will sell its boats at the start of the year.", november) == [("the start of the year", "DATE", "2026")]
    assert tag("The guild sold its boats at the end of the month.", date(2025, 7, 9)) == [("the end of the month", "DATE", "2025-06")]
    # "determined to" is no past: a resolve, looking ahead.
    assert tag("Crews worked on, determined to finish before the end of the year.", march)[0][2] == "2025"


def test_the_weekend_by_tense():
    assert tag("The police made arrests over the weekend.") == [("the weekend", "DATE", "2025-W27-WE")]
    assert tag("The gale is forecast to ease over the weekend.") == [("the weekend", "DATE", "2025-W28-WE")]
    assert tag("Gales will rise tonight and blow through the weekend.")[1] == ("the weekend", "DATE", "2025-W28-WE")
    assert tag("Traders will sell ahead of the weekend.") == [("the weekend", "DATE", "2025-W28-WE")]
    thursday = date(2025, 7, 10)
    assert tag("This weekend the choir sings in the square.", thursday) == [("This weekend", "DATE", "2025-W28-WE")]
    assert tag("The choir sang this weekend.", thursday) == [("this weekend", "DATE", "2025-W27-WE")]
    assert tag("The choir sings this weekend.", date(2025, 7, 7)) == [("this weekend", "DATE", "2025-W27-WE")]


def test_year_placement_around_new_year():
    new_year = date(2025, 1, 3)
    assert tag("The fire started on Dec. 28.", new_year) == [("Dec. 28", "DATE", "2024-12-28")]
    assert tag("The budget is due on Jan. 15.", new_year) == [("Jan. 15", "DATE", "2025-01-15")]
    assert tag("Results come in February.", date(2024, 12, 20)) == [("February", "DATE", "2025-02")]
    assert tag("Sales were weak in November.", date(2025, 1, 10)) == [("November", "DATE", "2024-11")]
    # A leap day takes the nearest year that has one.
    assert tag("The books close by Feb. 29.", date(2024, 2, 10)) == [("Feb. 29", "DATE", "2024-02-29")]
    # A day well behind the anchor that a future cue puts ahead is next year's; a deadline is not moved.
    assert tag("The toll goes into effect on Jan. 1.", date(2025, 5, 20)) == [("Jan. 1", "DATE", "2026-01-01")]
    assert tag("The toll took effect on Jan. 1.", date(2025, 5, 20)) == [("Jan. 1", "DATE", "2025-01-01")]
    assert tag("Growers had to file by March 15.", date(2025, 5, 20)) == [("March 15", "DATE", "2025-03-15")]
    assert tag("Crews raced ahead of the Jan. 3 vote.", date(2025, 5, 20)) == [("Jan. 3", "DATE", "2026-01-03")]
    # A day a span runs from ("since Jan. 1") is behind, however near next year's is.
    assert tag("The port has logged 400 landings since Jan. 1.", date(2025, 9, 29)) == [("Jan. 1", "DATE", "2025-01-01")]
    # A future a few words back puts a month-day months away ahead.
    assert tag("Astronomers said the comet will pass within 8 million miles of the island on Oct. 19.", date(2025, 3, 20)) \
        == [("Oct. 19", "DATE", "2025-10-19")]
    # So does one further back in the clause, if no nearer cue says otherwise ("since their ...").
    february = date(2025, 2, 13)
    assert tag("It said two new ferries would sail from Tarsk, with the third leaving each Thursday from August 6.", february)[-1] \
        == ("August 6", "DATE", "2025-08-06")
    assert tag("The skipper will take the helm after a run of good catches since their Oct. 13 refit.", february) \
        == [("Oct. 13", "DATE", "2024-10-13")]
    # So is the first day of a span that ends behind the anchor.
    assert tag("The port logged 400 landings between January 1 and September 26.", date(2025, 9, 29)) \
        == [("January 1", "DATE", "2025-01-01"), ("September 26", "DATE", "2025-09-26")]
    # A span of months keeps its order too; a span still to come moves its end, not its start.
    assert tag("The ferry ran from January to June.", date(2025, 3, 20)) == [("January", "DATE", "2024-01"), ("June", "DATE", "2024-06")]
    assert tag("The quay will be closed from Monday through Thursday.") == [("Monday", "DATE", "2025-07-14"), ("Thursday", "DATE", "2025-07-17")]
    assert tag("The quay will be closed from July 16 through Tuesday.")[1] == ("Tuesday", "DATE", "2025-07-22")


def test_expressions_anchored_on_an_earlier_date():
    text = "The dam broke on March 2, 2021. Two days later the river crested. The next day, crews arrived. That week was the worst."
    timexes = find_timexes(text, WED)
    values = [(t.text, t.value) for t in timexes]
    # TimeML marks the duration in "Two days later" and leaves "later" out; the day it leads to is kept as `anchored`.
    assert values == [("March 2, 2021", "2021-03-02"), ("Two days", "P2D"), ("The next day", "2021-03-05"), ("That week", "2021-W09")]
    assert timexes[1].type == "DURATION" and timexes[1].anchored == "2021-03-04"
    assert [e["date"] for e in date_events(text, timexes)][:2] == ["2021-03-02", "2021-03-04"]
    # "The end of the month" in a past clause right after a month named is that month's.
    text = "In January, ice closed the harbour. By the end of the month, the fleet had moved south."
    assert tag(text)[1] == ("the end of the month", "DATE", "2025-01")
    assert tag("Ames was elected in May. The vote is due by the end of the month.")[1] == ("the end of the month", "DATE", "2025-07")
    assert tag("In May 2019, catches fell. By the end of the year, the guild had sold two boats.")[1] == ("the end of the year", "DATE", "2019")
    # Years later count from the year just named, when that is the last time the text gave.
    later = find_timexes("The guild was founded in 1990. Five years later, it bought the quay.", WED)[1]
    assert (later.text, later.value, later.anchored) == ("Five years", "P5Y", "1995")
    # After a month, "that day" is a day of it; a month to come is no such antecedent.
    text = "The mill shut on Thursday. The flood came last October, and the old bridge fell that same day."
    assert tag(text)[-1] == ("that same day", "DATE", "2024-10-XX")
    assert tag("The guild met on Monday and will sail in October. The vote that day was close.")[-1] == ("that day", "DATE", "2025-07-07")


def test_a_day_of_the_month_on_its_own():
    assert tag("The hearing is set for the 28th.") == [("the 28th", "DATE", "2025-07-28")]
    assert tag("The hearing was held on the 28th.") == [("the 28th", "DATE", "2025-06-28")]
    assert tag("The regatta opened on June 3. On the 28th, the fleet sailed home.")[1] == ("the 28th", "DATE", "2025-06-28")
    assert tag("She lives on the 28th floor; it was approved for the 5th time.") == []


def test_a_bare_next_counts_from_the_publication_date():
    text = "The quay opened in June 2019. The next month it flooded. Its new owners will sell it next month."
    assert [(t.text, t.value) for t in find_timexes(text, WED)] == [
        ("June 2019", "2019-06"), ("The next month", "2019-07"), ("next month", "2025-08")]


def test_a_fronted_month_reads_its_whole_sentence():
    # The sentence runs past "vs." and "Gov." to its verb.
    text = "In January, a week after the Ames vs. Brill ruling upheld by Gov. Tull and the port board, the ferry sank."
    assert tag(text, date(2025, 10, 9))[0] == ("January", "DATE", "2025-01")


def test_the_previous_weekday_counts_from_the_day_last_named():
    text = "The ferry sank on Friday, July 4, 2025. Divers had searched since the previous Friday."
    assert [(t.text, t.value) for t in find_timexes(text, WED)][-1] == ("the previous Friday", "2025-06-27")
    assert tag("The fair opened on March 3, 2024. The following Monday it closed.")[-1] == (
        "The following Monday", "DATE", "2024-03-04")


def test_a_year_counted_from_the_year_last_named():
    assert tag("Ames joined the board in 2004, the same year Brill left it.")[1] == ("the same year", "DATE", "2004")
    assert tag("The levy passed in 2008 and was repealed the next year.")[1] == ("the next year", "DATE", "2009")
    assert tag("Built in 1987, the mill expects 900 orders over the next year.")[1] == ("the next year", "DATE", "2026")
    # A day named ahead keeps the count: "the next day" after it is the day after it.
    assert tag("The fair opens on July 21, 2025. The next day, the mayor will speak.")[1] == ("The next day", "DATE", "2025-07-22")


def test_a_year_earlier_after_a_period_is_that_period_a_year_back():
    assert tag("Idle berths reached 14 percent in the first quarter, up from 9 percent a year earlier.")[-1] == ("a year earlier", "DATE", "2024-Q1")
    assert tag("Catches fell in May, after a rise a year earlier.")[-1] == ("a year earlier", "DATE", "2024-05")
    # The period compared, not the base it was compared with.
    assert tag("Landings rose 1% in May from April and were up 5% from a year earlier.")[-1] == ("a year earlier", "DATE", "2024-05")
    # A "quarter-century" is no quarter: wages a year earlier are the year before.
    text = "Joblessness sat near its quarter-century low. Average hourly earnings left wages 3 percent higher than a year earlier."
    assert tag(text, date(2025, 2, 6))[-1] == ("a year earlier", "DATE", "2024")
    # Months reported together lie in the year before, not in its quarter under report.
    october = date(2025, 10, 24)
    text = "Kestrel Looms earned $9 million in the third quarter. In the nine months, profit rose to $20 million from $15 million a year earlier."
    assert tag(text, october)[-1] == ("a year earlier", "DATE", "2024")
    text = "In the first nine months, Looms lost $2 million, against a profit of $1 million in the 2024 period."
    assert tag(text, october)[-1] == ("the 2024 period", "DATE", "2024")
    text = ("Looms earned $1 million in the third quarter. In the first nine months, it lost $2 million, or 9 cents a share. "
            "The year-ago results included a charge.")
    assert tag(text, october)[-1] == ("year-ago", "DATE", "2024")
    assert tag("Looms earned $9 million in the quarter, up from $7 million a year earlier.", october)[-1] == ("a year earlier", "DATE", "2024-Q3")


def test_last_year_beside_the_latest_quarter_is_that_quarter_a_year_back():
    october = date(2025, 10, 24)
    text = "In the latest quarter, Kestrel Looms lost $2 million on rugs, compared with earnings of $3 million last year."
    assert tag(text, october)[-1] == ("last year", "DATE", "2024-Q3")
    text = "Looms's rugs lost $2 million in the latest quarter. Its carpets earned $4 million, against $3 million last year."
    assert tag(text, october)[-1] == ("last year", "DATE", "2024-Q3")
    # after a fiscal quarter, that one a year back
    text = "Looms earned $5 million in the fiscal second quarter. The latest period includes a gain. Last year's results included a charge."
    assert tag(text, october)[-1] == ("Last year", "DATE", "2024-Q2")
    # a year set against this year, or with no quarter beside it, is the year
    text = "There was no gain in the latest period. And while rugs made no profit this year, last year they earned $3 million."
    assert tag(text, october)[-1] == ("last year", "DATE", "2024")
    assert tag("Looms's carpets earned $4 million, against $3 million last year.", october) == [("last year", "DATE", "2024")]


def test_a_year_earlier_after_a_day_is_that_day_a_year_back():
    text = "Profit for the quarter ended June 30, 2025, rose to $9 million from $7 million a year earlier."
    assert [(t.text, t.value) for t in find_timexes(text, WED)][-1] == ("a year earlier", "2024-06-30")
    assert tag("Profit rose to $9 million from $7 million a year earlier.")[-1] == ("a year earlier", "DATE", "2024")


def test_a_month_takes_a_year_written_later_or_earlier():
    assert tag("Fares rose from September to December 2024.")[0] == ("September", "DATE", "2024-09")
    assert tag("Ice closed the lake from November through March 2024.")[0] == ("November", "DATE", "2023-11")
    assert tag("The quay opened in June 2019 and flooded in October of that year.")[1] == (
        "October of that year", "DATE", "2019-10")
    assert tag("The quay flooded in the summer and fall of 2019.")[0] == ("the summer", "DATE", "2019-SU")


def test_durations_counted_from_another_time():
    timexes = find_timexes("Voting closed on May 4, 2022. Results came 10 days after the vote.", WED)
    assert [(t.text, t.type, t.value, t.anchored) for t in timexes][1] == ("10 days", "DURATION", "P10D", "2022-05-14")
    timexes = find_timexes("The ferry sank on May 4, 2022. A day earlier, its owner had sold it.", WED)
    assert [(t.text, t.type, t.value, t.anchored) for t in timexes][1] == ("A day", "DURATION", "P1D", "2022-05-03")
    assert tag("Profits were higher than a year earlier.") == [("a year earlier", "DATE", "2024")]


def test_the_day_after_an_event():
    text = "The call on July 3 went badly. The day after his call, he phoned the prime minister."
    assert ("The day after", "DATE", "2025-07-04") in tag(text)
    assert tag("The day before last Tuesday's regatta, the crews trained.") == [("day before last Tuesday", "DATE", "2025-07-07")]
    # With nothing after it, "the year before" is the one before the year last named.
    assert tag("Catches fell to 300 tons last year, from 450 tons the year before.")[1] == ("the year before", "DATE", "2023")
    # "a day after" measures the gap between two events: a duration, as TimeBank marks it.
    assert tag("The ferry sank on July 3, a day after its inspection.")[1] == ("a day", "DURATION", "P1D")
    # In apposition to a date, "the day before the regatta" names that date.
    assert tag("The ferry sank on July 3, the day before the regatta.")[1] == ("the day", "DATE", "2025-07-03")


def test_a_count_of_units_ahead_after_in_is_a_time_to_come():
    # "in five years" said of the future is the year five years on, not a span of five years
    assert tag("The harbour bonds will be redeemed in five years.") == [("five years", "DATE", "2030")]
    assert tag("The ferry will resume in 10 days.") == [("10 days", "DATE", "2025-07-19")]
    # a count left vague or given as a range only says it lies ahead
    assert tag("The guild may, in a year or two, reopen the mill.") == [("a year or two", "DATE", "FUTURE_REF")]
    assert tag("The mayor said she would decide in a few weeks.") == [("a few weeks", "DATE", "FUTURE_REF")]
    # spans still: in the past, after "within", after a superlative or a negation, or a quarter named by what follows
    assert tag("The council drafted the plan in two weeks.") == [("two weeks", "DURATION", "P2W")]
    assert tag("The council will rule within two weeks.") == [("two weeks", "DURATION", "P2W")]
    assert tag("Tolls will reach their highest level in five years.") == [("five years", "DURATION", "P5Y")]
    assert tag("She will wear the coat she hasn’t worn in six months.") == [("six months", "DURATION", "P6M")]
    assert tag("Taxes would be small in a quarter that lost money.") == [("a quarter", "DURATION", "P1Q")]


def test_the_week_named_by_the_story_keeps_its_week_open():
    # which week "the week" is rests on the story: its year, and the week left open, as TimeBank writes it
    assert tag("The Larkspur index fell on Friday. For the week, it lost 3%.")[1] == ("the week", "DATE", "2025-WXX")
    assert tag("It was the week's busiest session.") == [("the week", "DATE", "2025-WXX")]
    assert tag("Sales doubled in the week following the storm.") == [("the week", "DATE", "2025-WXX")]
    # not a time: an idiom, the days of any week, a title, or a week counted from another time
    for sentence in ("He was the flavor of the week.", "Ferries sail on the days of the week the tide allows.",
                     "She was named Player of the Week.", "STAT OF THE WEEK: 40 ferries."):
        assert not any(text.lower() == "the week" for text, _, _ in tag(sentence)), sentence
    assert tag("The vote was on May 4, 2022. The week before, the mayor resigned.")[1] == ("The week before", "DATE", "2022-W17")


def test_formerly_tells_of_a_role_not_a_time():
    assert tag("Ada Brill, formerly the port's treasurer, resigned today.") == [("today", "DATE", "2025-07-09")]


def test_without_an_anchor_relative_values_stay_open():
    assert tag("They met on Friday and again on July 4.", None) == [("Friday", "DATE", "XXXX-WXX-5"), ("July 4", "DATE", "XXXX-07-04")]


def test_inferred_publication_date_from_weekday_and_date():
    text = ("The minister said Monday that the talks would resume. "
            "The talks collapsed last Friday after a night of shelling on June 6.")
    inferred = infer_publication_date(text, now=date(2026, 11, 22))
    assert inferred.value == date(2025, 6, 9)  # June 6 was a Friday in 2025; the Monday after
    assert inferred.confidence > 0.6


def test_a_day_named_again_and_again_is_one_coincidence():
    once = "The talks collapsed on Friday after a night of shelling on June 6."
    thrice = once + " Friday was cold. The envoys had left on Friday."
    one, three = (infer_publication_date(text, now=date(2026, 11, 22)) for text in (once, thrice))
    assert one.value == three.value and one.confidence == three.confidence
    assert len(three.evidence) == 1


def test_a_chance_weekday_match_years_back_does_not_outweigh_the_recent_year():
    # Oct. 4 fell on a Monday in 2010, not in 2016: a match six years back is no evidence for them.
    inferred = infer_publication_date("The council met on Monday. The ferry contract ran out on Oct. 4.", now=date(2016, 10, 5))
    assert date(2016, 10, 4) <= inferred.value <= date(2016, 10, 5)


def test_an_event_weeks_ahead_is_likelier_than_the_same_date_a_year_ago():
    text = "The Calvera regatta on June 30 will close the harbour for a day, the port authority said."
    assert infer_publication_date(text, now=date(2025, 6, 11)).value == date(2025, 6, 11)


def test_a_wire_dateline_gives_the_day_filed():
    # Dec. 11 fell on a Thursday in 2014, not in 2015: "Thursday" here is the day before the filing.
    text = "KESTREL BAY, Dec. 11 (Tidewire) — The harbour board voted on Thursday to close the old pier."
    inferred = infer_publication_date(text, now=date(2015, 12, 12))
    assert inferred.value == date(2015, 12, 11) and "dateline 2015-12-11" in inferred.evidence


def test_weekday_date_pair_without_comma():
    inferred = infer_publication_date("The vote was held Friday August 2, officials said.", now=date(2026, 11, 22))
    assert date(2024, 8, 2) <= inferred.value <= date(2024, 8, 9)  # the latest August 2 that was a Friday


def test_inference_never_goes_past_ingestion_and_keeps_quiet_without_dates():
    inferred = infer_publication_date("The ferry sailed on May 2 and docked on May 4.", now=date(2026, 3, 1))
    assert inferred.value <= date(2026, 3, 1) and (inferred.value.month, inferred.value.day) == (5, 4)
    assert infer_publication_date("The ferry sailed on Monday.", now=date(2026, 3, 1)) is None
    # A date long gone, with nothing else to go by, bounds the date but does not give it.
    assert infer_publication_date("The guild was founded on July 14, 1889.", now=date(2026, 3, 1)) is None
    assert infer_publication_date("The guild was founded on Feb. 14, 2026.", now=date(2026, 3, 1)).value == date(2026, 2, 14)
    # A payment date is still to come: a dividend "payable Dec. 15" is declared before it, not a year after.
    declared = infer_publication_date("Kestrel Mills Ltd. declared a dividend, payable Dec. 15 to holders of record Nov. 17.",
                                      now=date(2025, 10, 27))
    assert declared.value.year == 2025


def article(text, **fields):
    return Article(id="x", source="x.txt", text=text, **fields)


def test_given_date_wins_over_inference():
    given = article("The ferry sailed on Friday, May 2.", published="2025-05-05", published_source="given")
    result, outputs = date_stage(given, Context(date(2026, 1, 1)))
    assert (result.published, result.published_source) == ("2025-05-05", "given")
    assert outputs["timexes"][0]["value"] == "2025-05-02"


def test_stage_infers_and_dates_events():
    result, outputs = date_stage(article("The minister said Monday the port would reopen. The port closed last Friday, June 6."),
                                 Context(date(2026, 11, 22)))
    assert (result.published, result.published_source) == ("2025-06-09", "inferred")
    assert [e["date"] for e in outputs["events"]] == ["2025-06-09", "2025-06-06"]


def test_articles_analysed_together_share_a_calendar():
    context = Context(date(2026, 11, 22))
    sure = date_stage(article("Officials said Monday the dam had held. It cracked last Friday, June 6."), context)
    unsure = date_stage(article("Engineers said on June 8 that the June 6 crack was small."), context)
    assert unsure[0].published.startswith("2026")  # alone, nothing fixes its year
    (_, _), (redated, outputs) = share_calendars([sure, unsure], context)
    assert redated.published == "2025-06-08" and redated.published_source == "inferred"
    assert [t["value"] for t in outputs["timexes"]] == ["2025-06-08", "2025-06-06"]


def test_event_dates_skip_durations_and_vague_references():
    text = "The strike lasted two weeks. It ended on Friday. Prices rose recently."
    events = date_events(text, find_timexes(text, WED))
    assert [(text[e["start"]:e["end"]], e["date"]) for e in events] == [("It ended on Friday.", "2025-07-04")]


def test_a_timeml_file_copied_into_two_folders_is_scored_once(tmp_path):
    from storyline.evaluate.timex import read_corpus

    document = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-07-09" functionInDocument="CREATION_TIME">'
                'July 9, 2025</TIMEX3></DCT><TEXT>The ferry sailed <TIMEX3 tid="t1" type="DATE" value="2025-07-07">'
                'on Monday</TIMEX3>.</TEXT></TimeML>')
    for folder in ("harbour", "copies"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ferry.tml").write_text(document, encoding="utf-8")
    (corpus_document,) = read_corpus(tmp_path)
    assert corpus_document.dct == "2025-07-09" and [t.text for t in corpus_document.timexes] == ["on Monday"]


def test_a_rule_skipped_for_want_of_its_words_would_have_found_nothing():
    # Every rule with listed words, run on sentences that lack them, finds nothing; run where they
    # stand, it finds its expression.
    from storyline.analyse.dates.grammar import RULE_NEEDS, RULES

    patterns = dict(RULES)
    lacking = "The port said on Monday that 300 ships, some of them first built in 1990, sailed last month."
    for name in RULE_NEEDS:
        assert not any(word in lacking.lower() for word in RULE_NEEDS[name])
        assert not patterns[name].search(lacking), name
    having = {"holiday": "on Christmas Eve", "century": "the 19th century", "spelled_decade": "the sixties",
              "fiscal_year": "fiscal 2024", "quarter": "the third quarter", "year_quarter": "the 2024 quarter",
              "month_span_quarter": "the January-March quarter", "period_part": "coming quarters",
              "week_of_month": "the first week of May"}
    for name, phrase in having.items():
        assert any(word in phrase.lower() for word in RULE_NEEDS[name]) and patterns[name].search(phrase), name

