"""The demo team's year as data: where each checklist item stands and the tasks on the boards.

The story, as seen on 27 November 2026: research and most of the launch are
done, Double 11 has just finished, the team is preparing Double 12, a few
things are late and a few are blocked on money or headcount.
Owners: lin (operations lead), chen (design), wang (marketing), zhao
(customer service), zhou (product development), he (HR), sun (BD), liu (data
analysis), xu (store admin).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

D = date

# (item id, status, owner, due, when it was done or last edited, notes)
CHECKLIST = [
    ("research-a", "done", "liu", D(2026, 1, 30), D(2026, 1, 28), "Online linen apparel grows ~18 % a year; our 11 offline stores sell 40 M CNY."),
    ("research-b", "done", "lin", D(2026, 2, 6), D(2026, 2, 5), "Tmall flagship (B2C) first, Douyin and JD as second channels."),
    ("research-c", "done", "lin", D(2026, 2, 6), D(2026, 2, 6), "Main aim: build the online channel fast; brand awareness second."),
    ("research-d", "done", "lin", D(2026, 2, 13), D(2026, 2, 12), "Promotion budget 1.5 M CNY for 2026, approved by the CEO."),
    ("launch-a", "done", "chen", D(2026, 3, 6), D(2026, 3, 4), ""),
    ("launch-b", "done", "chen", D(2026, 3, 13), D(2026, 3, 16), "1200×1200, under 500 KB, white background; 9 photos per style."),
    ("launch-c", "done", "chen", D(2026, 3, 20), D(2026, 3, 19), ""),
    ("launch-d", "done", "xu", D(2026, 3, 27), D(2026, 3, 26), "First 64 styles listed."),
    ("launch-e", "open", "he", D(2026, 11, 20), D(2026, 10, 9), "Customer service standards agreed; design and marketing still to do."),
    ("promotion-a", "done", "wang", D(2026, 4, 10), D(2026, 4, 9), "Daily cap 6,000 CNY; bids reviewed every Monday."),
    ("promotion-b", "done", "wang", D(2026, 4, 30), D(2026, 4, 28), ""),
    ("promotion-c", "open", "lin", D(2026, 12, 12), D(2026, 11, 16), "618 and Double 11 done; Double 12 to run."),
    ("promotion-d", "done", "sun", D(2026, 10, 10), D(2026, 10, 9), "Registered for 618, Double 11 and Double 12."),
    ("promotion-e", "open", "xu", D(2026, 11, 15), D(2026, 9, 21), "Three stores copy our photos; evidence half collected."),
    ("promotion-f", "skipped", "sun", None, D(2026, 2, 20), "No resellers in year one: the brand sells only in its own stores."),
    ("promotion-g", "open", "wang", D(2026, 12, 18), D(2026, 10, 30), ""),
    ("promotion-h", "open", "zhao", D(2026, 12, 20), D(2026, 11, 2), ""),
    ("promotion-i", "open", "wang", D(2026, 11, 30), D(2026, 10, 12), ""),
    ("review-1", "open", "liu", D(2026, 12, 4), D(2026, 11, 13), ""),
    ("review-2", "open", "liu", D(2026, 11, 24), D(2026, 11, 13), "Weekly report runs by hand; template still to agree."),
    ("review-3", "open", "lin", D(2026, 12, 15), D(2026, 11, 20), ""),
    ("review-4", "open", "lin", D(2027, 1, 15), D(2026, 11, 20), ""),
]


@dataclass(frozen=True)
class DemoTask:
    department: str
    title: str
    status: str
    owner: str
    due: date | None
    created: date
    priority: int = 3
    tags: tuple[str, ...] = ()
    checklist_item: str | None = None
    blocked_reason: str = ""
    blocked_since: date | None = None
    done: date | None = None
    notes: str = ""


T = DemoTask

TASKS = [
    # design
    T("design", "Double 12 home page banner and countdown module", "doing", "chen", D(2026, 11, 30), D(2026, 11, 16), 1, ("double12", "homepage"), "promotion-c"),
    T("design", "Retouch autumn/winter linen coat photos (1200×1200, < 500 KB)", "done", "chen", D(2026, 9, 20), D(2026, 9, 7), 2, ("photos",), "launch-b", done=D(2026, 9, 18)),
    T("design", "Redraw the size chart for the description pages", "todo", "chen", D(2026, 12, 10), D(2026, 11, 18), 3, ("detail-page",), "launch-c"),
    T("design", "Shoot model photos for the spring 2027 preview", "blocked", "chen", D(2026, 12, 18), D(2026, 11, 9), 2, ("photos", "spring27"),
      blocked_reason="photographer's quote is over budget; budget not approved", blocked_since=D(2026, 11, 19)),
    T("design", "Home page redesign for the Double 11 presale", "done", "chen", D(2026, 10, 18), D(2026, 9, 28), 1, ("double11", "homepage"), "launch-a", done=D(2026, 10, 17)),
    # marketing
    T("marketing", "Double 12 keyword bids within the 6,000 CNY daily cap", "doing", "wang", D(2026, 11, 28), D(2026, 11, 17), 1, ("ppc", "double12"), "promotion-a"),
    T("marketing", "Weekly Zhitongche bid review", "todo", "wang", D(2026, 11, 30), D(2026, 11, 23), 2, ("ppc",), "promotion-a"),
    T("marketing", "New Year gift-with-purchase promotion plan", "todo", "wang", D(2026, 12, 15), D(2026, 11, 20), 2, ("cny", "gifts"), "promotion-b"),
    T("marketing", "Recruit 20 Taobaoke affiliates for linen bedding", "blocked", "wang", D(2026, 11, 20), D(2026, 10, 30), 3, ("affiliates",), "promotion-g",
      blocked_reason="commission rate not approved by finance", blocked_since=D(2026, 11, 6)),
    T("marketing", "Publish four linen care guides on Xiaohongshu", "doing", "wang", D(2026, 11, 25), D(2026, 10, 12), 3, ("content",), "promotion-i"),
    T("marketing", "618 recap: spend vs sales by keyword", "done", "wang", D(2026, 7, 5), D(2026, 6, 20), 2, ("618", "ppc"), done=D(2026, 7, 3)),
    # customer service
    T("customer_service", "Hire 3 temporary agents for the Double 12 peak", "doing", "zhao", D(2026, 11, 29), D(2026, 11, 13), 1, ("double12", "staffing")),
    T("customer_service", "Quick-reply scripts for shipping delays", "done", "zhao", D(2026, 11, 8), D(2026, 10, 26), 2, ("double11",), done=D(2026, 11, 6)),
    T("customer_service", "Member tier rules for the CRM (silver, gold)", "todo", "zhao", D(2026, 12, 20), D(2026, 11, 2), 2, ("crm",), "promotion-h"),
    T("customer_service", "Text members about the Double 12 presale", "blocked", "zhao", D(2026, 12, 1), D(2026, 11, 16), 2, ("crm", "double12"), "promotion-h",
      blocked_reason="SMS package not bought: budget not approved", blocked_since=D(2026, 11, 24)),
    # product development
    T("product_development", "Confirm Double 12 stock of the best-selling linen shirts", "doing", "zhou", D(2026, 11, 28), D(2026, 11, 13), 1, ("double12", "supply")),
    T("product_development", "Spring 2027 range: brief for 12 new styles", "todo", "zhou", D(2026, 12, 31), D(2026, 11, 10), 2, ("spring27",)),
    T("product_development", "Restock the washed linen duvet cover (sold out on Double 11)", "done", "zhou", D(2026, 11, 20), D(2026, 11, 12), 1, ("supply", "double11"), done=D(2026, 11, 19)),
    T("product_development", "Audit the organic linen fabric supplier", "todo", "zhou", D(2027, 1, 15), D(2026, 11, 4), 4, ("supply",)),
    # HR
    T("hr", "Customer service assessment criteria (agreed with ops and the CS lead)", "done", "he", D(2026, 4, 30), D(2026, 4, 6), 2, ("standards",), "launch-e", done=D(2026, 4, 29)),
    T("hr", "Design department work standards and review cycle", "doing", "he", D(2026, 11, 20), D(2026, 10, 9), 2, ("standards",), "launch-e"),
    T("hr", "Hire a second retoucher", "blocked", "he", D(2026, 12, 15), D(2026, 10, 20), 3, ("staffing",),
      blocked_reason="headcount not approved for Q4", blocked_since=D(2026, 11, 3)),
    T("hr", "Onboarding checklist for temporary agents", "done", "he", D(2026, 11, 5), D(2026, 10, 22), 3, ("staffing",), done=D(2026, 11, 4)),
    # BD
    T("bd", "Register for Tmall's official Double 12 campaign", "done", "sun", D(2026, 11, 18), D(2026, 11, 2), 1, ("double12",), "promotion-d", done=D(2026, 11, 17)),
    T("bd", "Apply for a slot in Tmall's New Year festival venue", "todo", "sun", D(2026, 12, 8), D(2026, 11, 20), 2, ("cny",), "promotion-d"),
    T("bd", "Double 11 presale registration", "done", "sun", D(2026, 10, 10), D(2026, 9, 15), 1, ("double11",), "promotion-d", done=D(2026, 10, 9)),
    T("bd", "Douyin live-stream host for Double 12", "doing", "sun", D(2026, 12, 3), D(2026, 11, 18), 2, ("douyin", "live")),
    # data analysis
    T("data_analysis", "Double 11 recap: traffic, conversion and order value by channel", "doing", "liu", D(2026, 11, 27), D(2026, 11, 12), 1, ("double11", "review"), "review-1"),
    T("data_analysis", "Weekly sales report template for all three channels", "todo", "liu", D(2026, 11, 24), D(2026, 11, 13), 2, ("reports",), "review-2"),
    T("data_analysis", "Track competitors' linen shirt prices", "done", "liu", D(2026, 3, 31), D(2026, 3, 2), 3, ("market",), "research-a", done=D(2026, 3, 30)),
    T("data_analysis", "Break down Douyin traffic by source", "todo", "liu", D(2026, 12, 4), D(2026, 11, 20), 3, ("douyin",), "review-1"),
    T("data_analysis", "Market sizing: online linen apparel in 2026", "done", "liu", D(2026, 1, 30), D(2026, 1, 6), 2, ("market",), "research-a", done=D(2026, 1, 28)),
    # operations
    T("operations", "Move Q4 budget from Douyin to Tmall search", "doing", "lin", D(2026, 12, 1), D(2026, 11, 20), 1, ("budget",), "review-3",
      notes="Douyin is at ~85 % of its target; Tmall search converts at twice the rate."),
    T("operations", "Double 12 run sheet: who does what on 12/12", "todo", "lin", D(2026, 12, 5), D(2026, 11, 23), 1, ("double12",), "promotion-c"),
    T("operations", "Confirm the 2026 promotion budget with finance", "done", "lin", D(2026, 1, 20), D(2026, 1, 7), 1, ("budget",), "research-d", done=D(2026, 1, 19)),
    T("operations", "Archive what worked in 618", "done", "lin", D(2026, 7, 31), D(2026, 7, 6), 3, ("review",), "review-4", done=D(2026, 7, 29)),
    T("operations", "Approve the Double 12 gift budget", "blocked", "lin", D(2026, 11, 26), D(2026, 11, 10), 1, ("double12", "budget"), "promotion-c",
      blocked_reason="budget not approved by finance yet", blocked_since=D(2026, 11, 18)),
    # store admin
    T("store_admin", "List 8 new winter styles", "doing", "xu", D(2026, 11, 30), D(2026, 11, 16), 2, ("listing",), "launch-d"),
    T("store_admin", "File complaints against 3 stores copying our photos", "todo", "xu", D(2026, 11, 15), D(2026, 10, 21), 2, ("ip",), "promotion-e"),
    T("store_admin", "Update shipping templates for remote regions", "done", "xu", D(2026, 10, 25), D(2026, 10, 12), 3, ("logistics",), done=D(2026, 10, 23)),
    T("store_admin", "Set up the Double 12 coupons in the back office", "todo", "xu", D(2026, 12, 6), D(2026, 11, 24), 1, ("double12", "coupons")),
]
