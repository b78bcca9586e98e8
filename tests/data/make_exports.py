"""Writes the export files in this folder (run it to remake them; the files are committed).

They imitate what Meta Business Suite and LinkedIn give users (see shared formats notes): a BOM,
quoted numbers with thousands separators, MM/DD/YYYY times, missing and extra columns, localized
headers, a duplicated row, a row with garbage, a UTF-16 page-level file with a `sep=,` line, and
an XLSX whose first row is a description. The rows are posts of the sample workspace (Fjordhotellet
Solvik), so they match; a few are not in its plan.
"""

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent

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
        facebook_row(
            "901",
            "Kari: ti år i resepsjonen",
            "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest.",
            "11/10/2026 19:04",
            "5,410",
            "3,120",
            "171",
            "27",
            "19",
            "33",
        ),
        # line 3: caption only in Description (a post type that has no Title)
        facebook_row(
            "902",
            "",
            "Lutefisk, multekrem og «Solvik-punsj». Menyen fra julebordet i 1950 ble funnet bak en skuff i resepsjonen. "
            "Skal vi servere punsjen igjen?",
            "11/15/2026 19:02",
            "3,377",
            "2,104",
            "118",
            "17",
            "12",
            "21",
        ),
        # line 4: the caption spans three lines
        facebook_row(
            "903",
            "Karis beste tips til vintergjestene",
            "Ta med brodder,\nbestill bord i restauranten før du kommer,\nog spør om nordlysvekking.",
            "11/17/2026 19:00",
            "4,002",
            "2,644",
            "151",
            "26",
            "17",
            "28",
        ),
        # line 7: the first row again (exports repeat rows when a post was boosted)
        facebook_row(
            "901",
            "Kari: ti år i resepsjonen",
            "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest.",
            "11/10/2026 19:04",
            "5,410",
            "3,120",
            "171",
            "27",
            "19",
            "33",
        ),
        # line 8: garbage in the reach cell
        facebook_row(
            "904", "Julebordet til Solvik Båtbyggeri", "", "11/12/2026 12:00", "3,001", "2x1#3", "162", "28", "16", "25"
        ),
        # line 9: a post that is not in the plan (posted straight from the phone)
        facebook_row(
            "905",
            "Første snøen på Solvikfjellet ❄️",
            "Natt til i dag kom vinteren. [bold]Nydelig[/bold]!",
            "11/14/2026 09:12",
            "1,980",
            "1,250",
            "88",
            "9",
            "3",
            "6",
        ),
    ]
    write_csv("meta_facebook_posts.csv", FACEBOOK_HEADER, rows)


def instagram():
    # Missing: Duration (sec), Follows, Account name. Extra: a column Meta added this month.
    header = ["Post ID", "Account ID", "Account username", "Description", "Publish time", "Permalink", "Post type",
              "Data comment", "Date", "Views", "Reach", "Likes", "Shares", "Comments", "Saves", "Boost status"]
    account = "17841400000000001"
    rows = [
        [
            "18000000000000001",
            account,
            "fjordhotellet",
            "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest. Gratulerer, Kari!",
            "11/10/2026 20:01",
            "https://www.instagram.com/p/DAAA111/",
            "IG image",
            "",
            "Lifetime",
            "3,301",
            "2,250",
            "201",
            "7",
            "16",
            "23",
            "Not boosted",
        ],
        [
            "18000000000000002",
            account,
            "fjordhotellet",
            "Fredager og lørdager fram til 19. desember. Overnatting og frokost inkludert.",
            "11/13/2026 11:30",
            "https://www.instagram.com/p/DAAA222/",
            "IG carousel",
            "",
            "Lifetime",
            "902",
            "590",
            "14",
            "1",
            "1",
            "",
            "Not boosted",
        ],
        [
            "18000000000000003",
            account,
            "fjordhotellet",
            "Ta med brodder, bestill bord i restauranten før du kommer, og spør om nordlysvekking ved innsjekk.",
            "11/17/2026 20:00",
            "https://www.instagram.com/p/DAAA333/",
            "IG reel",
            "",
            "Lifetime",
            "2,870",
            "1,840",
            "231",
            "6",
            "15",
            "22",
            "Boosted",
        ],
    ]
    write_csv("meta_instagram_posts.csv", header, rows)


def facebook_norwegian():
    # Localized headers, semicolons (Excel in Norway), day-first dates, spaces as thousands separators.
    header = ["Innlegg-ID", "Side-ID", "Sidenavn", "Tittel", "Beskrivelse", "Publiseringstidspunkt", "Permalenke",
              "Dato", "Visninger", "Rekkevidde", "Reaksjoner", "Kommentarer", "Delinger", "Klikk totalt"]
    rows = [
        [f"{PAGE[0]}_906", PAGE[0], PAGE[1], "Julebordsesongen er i gang!", "Fredager og lørdager fram til 19. desember.",
         "13.11.2026 11:00", f"https://www.facebook.com/{PAGE[0]}/posts/906", "Livstid", "1 402", "1 012", "12", "1", "1", "11"],
        [f"{PAGE[0]}_907", PAGE[0], PAGE[1], "Nordlysvarsel: slik vet du når du skal gå ut", "",
         "16.11.2026 12:31", f"https://www.facebook.com/{PAGE[0]}/posts/907", "Livstid", "2 310", "1 530", "39", "7", "6", "8"],
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
    posts.append(
        [
            "Post title",
            "Post link",
            "Post type",
            "Campaign name",
            "Posted by",
            "Created date",
            "Campaign start date",
            "Campaign end date",
            "Audience",
            "Impressions",
            "Views (excluding off-site video views)",
            "Off-site views",
            "Clicks",
            "Click through rate (CTR)",
            "Likes",
            "Comments",
            "Reposts",
            "Follows",
            "Engagement rate",
            "Content Type",
        ]
    )
    posts.append(["Kari: ti år i resepsjonen. I dag er det ti år siden Kari Solheim sjekket inn sin første gjest.",
                  "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001", "Organic", "", "Ingrid Berg",
                  "11/10/2026", "", "", "All followers", 1502, "", "", 12, 0.0079, 36, 5, 4, 1, 0.038, "Image"])
    posts.append(["Julebord: siste ledige fredager", "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000002",
                  "Organic", "", "Ingrid Berg", dt.datetime(2026, 11, 6), "", "", "All followers", "401", "", "", "3", "", "2",
                  "0", "0", "0", "", "Text"])
    book.save(HERE / "linkedin_posts.xlsx")


if __name__ == "__main__":
    facebook()
    instagram()
    facebook_norwegian()
    page_daily_utf16()
    linkedin()
