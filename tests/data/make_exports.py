"""Writes the export files in this folder (run it to remake them; the files are committed).

They imitate what Meta Business Suite and LinkedIn give users (see shared formats notes): a BOM,
quoted numbers with thousands separators, MM/DD/YYYY times, missing and extra columns, localized
headers, a duplicated row, a row with garbage, a UTF-16 page-level file with a `sep=,` line, and
an XLSX whose first row is a description. The rows are posts of the sample workspace (Fjordhotellet
Solvik), so they match; a few are not in its plan.

Their shapes follow real exports found in public repositories (issue 14; none is copied here):
Meta's publish times in US Pacific time, photo.php permalinks, Math bold text; the old Facebook
Insights post export with its row of descriptions; Meta's page-level daily files (UTF-16, `sep=,`,
a metric title, "Date","Primary", ISO midnights); LinkedIn's 2025 page export (a Metrics sheet
first, "All posts" with a UTC description row, an empty Views column, Organic/Sponsored/Total
rows) and its 2020 "Update Engagement" sheet with Excel serial dates; and files that are not post
exports (LinkedIn creator analytics, a GA4 report, follower demographics).
"""

import csv
import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
OSLO, PACIFIC = ZoneInfo("Europe/Oslo"), ZoneInfo("America/Los_Angeles")


def pacific(oslo: str, form: str = "%m/%d/%Y %H:%M") -> str:
    """Meta writes publish times in US Pacific time, whatever the page's zone: the Oslo time as Meta writes it."""
    return dt.datetime.fromisoformat(oslo).replace(tzinfo=OSLO).astimezone(PACIFIC).strftime(form)

FACEBOOK_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type",
    "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status",
    "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares",
    "Total clicks", "Link Clicks", "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)",
    "Negative feedback from users: Hide all", "Seconds viewed", "Average Seconds viewed", "Estimated earnings (USD)",
    "Ad CPM (USD)", "Ad impressions",
]
PAGE = ("104455667788990", "Fjordhotellet Solvik")


def facebook_row(post_id, title, description, when, views, reach, reactions, comments, shares, clicks, kind="Photos"):
    combined = "" if "x" in str(reach) else str(sum(int(str(v).replace(",", "")) for v in (reactions, comments, shares)))
    return [
        f"{PAGE[0]}_{post_id}", PAGE[0], PAGE[1], title, description, "", when, "", f"https://www.facebook.com/{PAGE[0]}/posts/{post_id}",
        "No", "No", kind, "", "", "", "", "Lifetime", views, reach, combined, reactions, comments, shares, clicks,
        "", "", "", "0", "", "", "", "", "",
    ]


def write_csv(name, header, rows, encoding="utf-8-sig", delimiter=",", preamble=""):
    buffer = io.StringIO(newline="")
    buffer.write(preamble)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (HERE / name).write_bytes(buffer.getvalue().encode(encoding))


def facebook():
    rows = [
        # line 2: Kari, published 4 minutes after the planned 19:00 (matched by time and title)
        facebook_row("901", "Kari: ti år i resepsjonen", "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest.",
                     pacific("2026-11-10 19:04"), "5,410", "3,120", "171", "27", "19", "33"),
        # line 3: caption only in Description (a post type that has no Title)
        facebook_row("902", "", "Lutefisk, multekrem og «Solvik-punsj». Menyen fra julebordet i 1950 ble funnet bak en skuff i resepsjonen. Skal vi servere punsjen igjen?",
                     pacific("2026-11-15 19:02"), "3,377", "2,104", "118", "17", "12", "21"),
        # line 4: the caption spans three lines
        facebook_row("903", "Karis beste tips til vintergjestene", "Ta med brodder,\nbestill bord i restauranten før du kommer,\nog spør om nordlysvekking.",
                     pacific("2026-11-17 19:00"), "4,002", "2,644", "151", "26", "17", "28"),
        # line 7: the first row again (exports repeat rows when a post was boosted)
        facebook_row("901", "Kari: ti år i resepsjonen", "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest.",
                     pacific("2026-11-10 19:04"), "5,410", "3,120", "171", "27", "19", "33"),
        # line 8: garbage in the reach cell
        facebook_row("904", "Julebordet til Solvik Båtbyggeri", "", pacific("2026-11-12 12:00"), "3,001", "2x1#3", "162", "28", "16", "25"),
        # line 9: a post that is not in the plan (posted straight from the phone)
        facebook_row("905", "Første snøen på Solvikfjellet ❄️", "Natt til i dag kom vinteren. [bold]Nydelig[/bold]!",
                     pacific("2026-11-14 09:12"), "1,980", "1,250", "88", "9", "3", "6"),
    ]
    write_csv("meta_facebook_posts.csv", FACEBOOK_HEADER, rows)


def instagram():
    # Missing: Duration (sec), Follows, Account name. Extra: a column Meta added this month.
    header = ["Post ID", "Account ID", "Account username", "Description", "Publish time", "Permalink", "Post type",
              "Data comment", "Date", "Views", "Reach", "Likes", "Shares", "Comments", "Saves", "Boost status"]
    account = "17841400000000001"
    rows = [
        ["18000000000000001", account, "fjordhotellet", "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest. Gratulerer, Kari!",
         pacific("2026-11-10 20:01"), "https://www.instagram.com/p/DAAA111/", "IG image", "", "Lifetime", "3,301", "2,250", "201", "7", "16", "23", "Not boosted"],
        ["18000000000000002", account, "fjordhotellet", "Fredager og lørdager fram til 19. desember. Overnatting og frokost inkludert.",
         pacific("2026-11-13 11:30"), "https://www.instagram.com/p/DAAA222/", "IG carousel", "", "Lifetime", "902", "590", "14", "1", "1", "", "Not boosted"],
        ["18000000000000003", account, "fjordhotellet", "Ta med brodder, bestill bord i restauranten før du kommer, og spør om nordlysvekking ved innsjekk.",
         pacific("2026-11-17 20:00"), "https://www.instagram.com/p/DAAA333/", "IG reel", "", "Lifetime", "2,870", "1,840", "231", "6", "15", "22", "Boosted"],
    ]
    write_csv("meta_instagram_posts.csv", header, rows)


def facebook_norwegian():
    # Localized headers, semicolons (Excel in Norway), day-first dates, spaces as thousands separators.
    header = ["Innlegg-ID", "Side-ID", "Sidenavn", "Tittel", "Beskrivelse", "Publiseringstidspunkt", "Permalenke",
              "Dato", "Visninger", "Rekkevidde", "Reaksjoner", "Kommentarer", "Delinger", "Klikk totalt"]
    rows = [
        [f"{PAGE[0]}_906", PAGE[0], PAGE[1], "Julebordsesongen er i gang!", "Fredager og lørdager fram til 19. desember.",
         pacific("2026-11-13 11:00", "%d.%m.%Y %H:%M"), f"https://www.facebook.com/{PAGE[0]}/posts/906", "Livstid", "1 402", "1 012", "12", "1", "1", "11"],
        [f"{PAGE[0]}_907", PAGE[0], PAGE[1], "Nordlysvarsel: slik vet du når du skal gå ut", "",
         pacific("2026-11-16 12:31", "%d.%m.%Y %H:%M"), f"https://www.facebook.com/{PAGE[0]}/posts/907", "Livstid", "2 310", "1 530", "39", "7", "6", "8"],
    ]
    write_csv("meta_facebook_posts_nb.csv", header, rows, delimiter=";")


def page_daily_utf16():
    # Page-level daily export: UTF-16 LE, a sep=, line, a line of metric descriptions, then the header.
    header = ["Date", "Facebook Page followers", "Page reach", "New followers"]
    descriptions = ["", "Lifetime: the total number of people who follow your Page", "Daily: reach", "Daily: new followers"]
    rows = [["2026-11-16", "4,858", "2,201", "4"], ["2026-11-17", "4,866", "3,019", "8"], ["2026-11-18", "4,871", "1,877", "5"]]
    buffer = io.StringIO(newline="")
    buffer.write("sep=,\r\n")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(descriptions)
    writer.writerow(header)
    writer.writerows(rows)
    (HERE / "meta_page_daily_utf16.csv").write_bytes(b"\xff\xfe" + buffer.getvalue().encode("utf-16-le"))


def linkedin():
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Metrics"
    book.active.append(["Aggregated page metrics", None])
    posts = book.create_sheet("All posts")
    posts.append(["All posts: Update engagement metrics for individual posts. Learn more at linkedin.com/help"])
    posts.append(["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date", "Campaign start date",
                  "Campaign end date", "Audience", "Impressions", "Views (excluding off-site video views)", "Off-site views",
                  "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type"])
    posts.append(["Kari: ti år i resepsjonen. I dag er det ti år siden Kari Solheim sjekket inn sin første gjest.",
                  "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001", "Organic", "", "Ingrid Berg",
                  "11/10/2026", "", "", "All followers", 1502, "", "", 12, 0.0079, 36, 5, 4, 1, 0.038, "Image"])
    posts.append(["Julebord: siste ledige fredager", "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000002",
                  "Organic", "", "Ingrid Berg", dt.datetime(2026, 11, 6), "", "", "All followers", "401", "", "", "3", "", "2",
                  "0", "0", "0", "", "Text"])
    book.save(HERE / "linkedin_posts.xlsx")


def facebook_photos():
    # Photo posts: permalinks photo.php?fbid=…&set=… that differ only in fbid, Math bold text,
    # a tab in a caption, and a published text that holds the planned title (Black Week).
    def photo(fbid):
        return f"https://www.facebook.com/photo.php?fbid={fbid}&set=a.5550001&type=3"

    rows = [
        # line 2: planned "Black Week: 30 % på vinteropphold" at 12:00, published 12:02 with more text
        facebook_row("911", "Black Week: 30 % på vinteropphold! Bestill innen søndag.", "", pacific("2026-11-23 12:02"),
                     "2,880", "1,930", "64", "12", "9", "41", kind="Photos"),
        # line 3: planned "Siste ledige julebordsdatoer" 11:00, written in Math bold letters with an emoji
        facebook_row("912", "𝐒𝐢𝐬𝐭𝐞 𝐥𝐞𝐝𝐢𝐠𝐞 𝐣𝐮𝐥𝐞𝐛𝐨𝐫𝐝𝐬𝐝𝐚𝐭𝐨𝐞𝐫 🎄", "", pacific("2026-11-20 11:03"),
                     "1,704", "1,113", "33", "4", "2", "17", kind="Photos"),
        # line 4: not planned; a tab inside its text
        facebook_row("913", "Kveldsstemning\tved fjorden", "", pacific("2026-11-21 21:40"), "950", "610", "58", "3", "1", "2"),
    ]
    for row, fbid in zip(rows, ("71000000000000911", "71000000000000912", "71000000000000913"), strict=True):
        row[8] = photo(fbid)
    write_csv("meta_facebook_photos.csv", FACEBOOK_HEADER, rows)


INSIGHTS_HEADER = [
    "Post ID", "Permalink", "Post Message", "Type", "Countries", "Languages", "Posted", "Audience Targeting",
    "Lifetime Post Total Reach", "Lifetime Post organic reach", "Lifetime Post Paid Reach", "Lifetime Post Total Impressions",
    "Lifetime Post Organic Impressions", "Lifetime Post Paid Impressions", "Lifetime Engaged Users", "Lifetime Post Consumers",
    "Lifetime Post Consumptions", "Lifetime Negative feedback",
    "Lifetime Talking About This (Post) by action type - comment", "Lifetime Talking About This (Post) by action type - like",
    "Lifetime Talking About This (Post) by action type - share",
]  # fmt: skip


def facebook_insights_old():
    # The Facebook Insights post export (before Meta Business Suite): a row of descriptions under the
    # header, "Posted" in US Pacific time with seconds and AM/PM.
    descriptions = ["", "", "", "", "", "", "", "", "Lifetime: The number of people who had your Page's post enter their screen. (Unique Users)",
                    "Lifetime: The number of people who had your Page's post enter their screen through unpaid distribution. (Unique Users)",
                    "Lifetime: The number of people who had your Page's post enter their screen through paid distribution. (Unique Users)",
                    "Lifetime: The number of times your Page's post entered a person's screen. (Total Count)", "", "", "", "", "", "", "", "", ""]  # fmt: skip
    rows = [
        descriptions,
        # line 3: planned "Ahmed forbereder risgrøten" 19:00 Oslo
        [f"{PAGE[0]}_921", f"https://www.facebook.com/{PAGE[0]}/posts/921", "Ahmed forbereder risgrøten. Hemmeligheten? Tid og fløte.",
         "Photo", "", "", pacific("2026-11-24 19:01", "%m/%d/%Y %I:%M:%S %p"), "", "2,517", "2,517", "0", "3,940", "3,940", "0",
         "201", "88", "97", "1", "14", "122", "7"],
        # line 4: not planned, published at exactly midnight Pacific
        [f"{PAGE[0]}_922", f"https://www.facebook.com/{PAGE[0]}/posts/922", "Midnattsol i november? Nei, men nordlys!",
         "Photo", "", "", "11/26/2026 12:00:00 AM", "", "1,105", "1,105", "0", "1,580", "1,580", "0",
         "95", "30", "36", "0", "6", "70", "3"],
    ]
    write_csv("facebook_insights_posts_old.csv", INSIGHTS_HEADER, rows)


def page_daily_metric(name, title, days):
    # Meta Business Suite's page-level daily export as it really comes: UTF-16 LE, `sep=,`, the
    # metric's title, then "Date","Primary" and one midnight time stamp a day.
    buffer = io.StringIO(newline="")
    buffer.write("sep=,\n")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([title])
    writer.writerow(["Date", "Primary"])
    writer.writerows([[f"{day}T00:00:00", str(value)] for day, value in days])
    (HERE / name).write_bytes(b"\xff\xfe" + buffer.getvalue().encode("utf-16-le"))


def linkedin_2025():
    # The 2025 page export: a daily "Metrics" sheet first; "All posts" has a description row saying
    # the times are UTC, an empty Views column beside a filled Impressions column, and a boosted
    # post as Organic, Sponsored and Total rows with one link.
    import openpyxl

    book = openpyxl.Workbook()
    metrics = book.active
    metrics.title = "Metrics"
    metrics.append(["Aggregated metrics for all updates. All dates and times are in UTC."])
    metrics.append(["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)", "Unique impressions (organic)",
                    "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)"])
    metrics.append(["10/16/2026", 2210, 1400, 3610, 1501, 80, 21, 101])
    posts = book.create_sheet("All posts")
    posts.append(["All posts: Update engagement metrics for individual posts. All dates and times are in UTC."])
    posts.append(["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date", "Campaign start date",
                  "Campaign end date", "Audience", "Impressions", "Views", "Offsite Views", "Clicks", "Click through rate (CTR)",
                  "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type"])
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000016"
    posts.append(["Julebord 2026: nå kan dere booke. Send oss en e-post for datoer.", link, "Organic", "", "Ingrid Berg", "10/16/2026",
                  "", "", "All followers", 3766, "", "", 144, 0.038, 51, 6, 5, 2, 0.055, "Image"])
    posts.append(["Julebord 2026: nå kan dere booke. Send oss en e-post for datoer.", link, "Sponsored", "Julebord 2026",
                  "Ingrid Berg", "10/16/2026", "10/16/2026", "10/30/2026", "Bergen, 25-54", 2607, "", "", 30, 0.0115, 12, 1, 0,
                  4, 0.018, "Image"])
    posts.append(["Julebord 2026: nå kan dere booke. Send oss en e-post for datoer.", link, "Total", "", "Ingrid Berg", "10/16/2026",
                  "", "", "", 6373, "", "", 174, 0.0273, 63, 7, 5, 6, 0.039, "Image"])
    posts.append(["Vi søker resepsjonist (deltid). Søknadsfrist 1. november.",
                  "https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000021", "Organic", "", "Ingrid Berg",
                  "10/21/2026", "", "", "All followers", 1288, "", "", 97, 0.075, 22, 3, 9, 0, 0.1, "Text"])
    book.save(HERE / "linkedin_posts_2025.xlsx")


def excel_serial(day: str) -> int:
    return (dt.date.fromisoformat(day) - dt.date(1899, 12, 30)).days


def linkedin_2020():
    # The 2020 layout: "Update Engagement" sheet, `Update Title`/`Update Link`, and "Created date"
    # as Excel serial numbers in General-formatted cells.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Update Engagement"
    sheet.append(["Update engagement metrics for individual updates. Learn more at linkedin.com/help"])
    sheet.append(["Update Title", "Update Link", "Update Type", "Campaign Name", "Posted by", "Created date", "Campaign Start Date",
                  "Campaign End Date", "Audience", "Impressions", "Video Views", "Clicks", "Click Through Rate (CTR)", "Likes",
                  "Comments", "Shares", "Follows", "Engagement Rate"])
    sheet.append(["Konferansegjestene som ble en ekstra natt", "https://www.linkedin.com/feed/update/urn:li:activity:6600000000000000029",
                  "Organic", "", "Ingrid Berg", excel_serial("2026-10-29"), "", "", "All followers", 930, "", 41, 0.044, 19, 2, 1, 0, 0.067])
    sheet.append(["Solvik er nå Miljøfyrtårn-sertifisert", "https://www.linkedin.com/feed/update/urn:li:activity:6600000000000000007",
                  "Organic", "", "Ingrid Berg", excel_serial("2026-10-07"), "", "", "All followers", 1420, "", 66, 0.046, 48, 5, 7, 1, 0.089])
    book.save(HERE / "linkedin_update_engagement_2020.xlsx")


def linkedin_creator():
    # A personal profile's creator analytics: no post export at all.
    import openpyxl

    book = openpyxl.Workbook()
    discovery = book.active
    discovery.title = "DISCOVERY"
    discovery.append(["Overall Performance", "10/1/2026 - 10/31/2026"])
    discovery.append(["Impressions", 18204])
    discovery.append(["Members reached", 7310])
    engagement = book.create_sheet("ENGAGEMENT")
    engagement.append(["Date", "Impressions", "Engagements"])
    for day in range(1, 4):
        engagement.append([f"10/{day}/2026", 400 + day, 12 + day])
    top = book.create_sheet("TOP POSTS")
    top.append(["Maximum of 50 posts available to include in this list"])
    top.append([])
    top.append(["Post URL", "Post publish date", "Engagements", None, "Post URL", "Post publish date", "Impressions"])
    followers = book.create_sheet("FOLLOWERS")
    followers.append(["Total followers on 10/31/2026:", 2210])
    followers.append([])
    followers.append(["Date", "New followers"])
    book.create_sheet("DEMOGRAPHICS").append(["Top Demographics", "Value", "Percentage"])
    book.save(HERE / "linkedin_creator_analytics.xlsx")


def not_post_exports():
    (HERE / "ga4_pages_and_screens.csv").write_text(
        "# ----------------------------------------\n# Pages and screens: Page title and screen class\n# Account: Solvik\n"
        "# Property: solvik.no\n# ----------------------------------------\n#\n# Start date: 20261001\n# End date: 20261031\n"
        "Page title and screen class,Views,Users,Views per user,Average engagement time\nJulebord,1200,800,1.5,31\n",
        encoding="utf-8",
    )
    write_csv("meta_audience_gender.csv", ["Gender", "Distribution"], [["Female", "61.2"], ["Male", "38.8"]])


if __name__ == "__main__":
    facebook_photos()
    facebook_insights_old()
    page_daily_metric("meta_page_reach_utf16.csv", "Facebook Page reach",
                      [("2026-11-16", 2201), ("2026-11-17", 3019), ("2026-11-18", 1877)])
    page_daily_metric("meta_instagram_follows_utf16.csv", "Instagram follows",
                      [("2026-11-16", 4), ("2026-11-17", 0), ("2026-11-18", 7)])
    linkedin_2025()
    linkedin_2020()
    linkedin_creator()
    not_post_exports()
    facebook()
    instagram()
    facebook_norwegian()
    page_daily_utf16()
    linkedin()
