// Generalisation probes for kind event: how newswires, trade press, company releases, automotive press and
// government news phrase a happening (datelines, production starts, construction, commissioning, suspensions,
// restarts, visits, shipments, exhibitions, signings, awards, deals), and what is no happening (plans, forecasts,
// possibilities, statistics, history, quoted opinions, share or price moves). Sentences written for this test, with
// invented organisations. Conventions (test/gold/WRITING.md): a dateline dates the happening its sentence tells;
// a weekday, "today", "this month" or a month after publication date nothing of their own (the event stays undated,
// never a guessed day or year).
import { extract, ofKind } from "./helpers";

const events = (paragraphs: string[][], published: string, title: string) => ofKind(extract(paragraphs, { published, title, outlet: "Probe Wire" }), "event");

describe("event probes: happenings", () => {
  it.each<[string, string[][], string, string, string, string]>([
    ["xinhua dateline+Monday", [["BEIJING, March 4 (Xinhua) -- Qiantang Metals Co., Ltd. began commercial production at its new magnesium alloy plant in Yinchuan on Monday, the company said."]], "2025-03-04", "Qiantang Metals starts alloy output", "2025-03-04", "Qiantang"],
    ["reuters dateline+Thursday", [["SYDNEY, Oct 2 (Reuters) - Kestrel Magnesium Ltd said on Thursday it had poured its first metal at its demonstration plant in Queensland."]], "2025-10-02", "Kestrel pours first magnesium", "2025-10-02", "Kestrel"],
    ["prnewswire today", [["VANCOUVER, British Columbia, May 12, 2025 /PRNewswire/ -- Northvale Magnesium Corp. today announced that it has achieved first production of magnesium metal at its pilot facility."]], "2025-05-12", "Northvale achieves first production", "2025-05-12", "Northvale"],
    ["on Monday May 22", [["Brantwood Alloys Inc. broke ground on its magnesium recycling facility in Ohio on Monday May 22."]], "2023-05-24", "Brantwood breaks ground", "2023-05-22", "Brantwood"],
    ["construction began", [["Construction of the Halvorsen Metals Group smelter began on 14 February 2024."]], "2024-02-20", "Smelter construction", "2024-02-14", "Halvorsen"],
    ["groundbreaking ceremony", [["On June 3, Taihe Light Alloy Co., Ltd. held a groundbreaking ceremony for its magnesium alloy project in Anhui."]], "2024-06-05", "Taihe breaks ground", "2024-06-03", "Taihe"],
    ["expansion completed", [["In September 2024, Ostrava Castings Group completed the expansion of its die-casting plant, adding two large cells."]], "2024-10-01", "Ostrava expansion", "2024-09", "Ostrava"],
    ["line commissioned", [["The second electrolysis line at the Marlow Magnesium Ltd plant was commissioned in January."]], "2025-03-10", "Marlow commissions line", "2025-01", "Marlow"],
    ["halted output", [["Redcliff Magnesium Ltd halted output at its Utah smelter on Aug. 18 after a power outage."]], "2025-08-20", "Redcliff halts output", "2025-08-18", "Redcliff"],
    ["idled", [["Fenwick Metals Corp. idled its magnesium plant in November 2023, citing weak prices."]], "2024-01-10", "Fenwick idles plant", "2023-11", "Fenwick"],
    ["care and maintenance", [["In July 2024, Yarrow Magnesium Ltd placed its Tasmanian operation on care and maintenance."]], "2024-08-02", "Yarrow mothballs plant", "2024-07", "Yarrow"],
    ["restarted", [["Halden Metals AS restarted production at its Porsgrunn line on 2 April 2025 after a six-month shutdown."]], "2025-04-04", "Halden restarts", "2025-04-02", "Halden"],
    ["visit", [["On November 12, a delegation from Vostok Automotive Group visited the Fugu plant of Jinhe Magnesium Co., Ltd."]], "2024-11-14", "Delegation visits Jinhe", "2024-11-12", ""],
    ["first shipment", [["Kestrel Magnesium Ltd shipped its first 20 tonnes of magnesium ingot to a customer in Japan on 9 December 2025."]], "2025-12-11", "Kestrel ships first ingot", "2025-12-09", "Kestrel"],
    ["auto show unveil", [["Lumina Motors unveiled a magnesium-intensive concept car at the Shanghai Auto Show on April 23."]], "2025-04-25", "Lumina concept", "2025-04-23", "Lumina"],
    ["MoU", [["On 5 March 2025, Corvane Automotive Group and Qiantang Metals Co., Ltd. signed a memorandum of understanding on magnesium wheel supply."]], "2025-03-07", "Corvane MoU", "2025-03-05", "Corvane"],
    ["offtake", [["Northvale Magnesium Corp. signed a binding offtake agreement with Brantwood Alloys Inc. in October 2024."]], "2024-11-01", "Northvale offtake", "2024-10", "Northvale"],
    ["award", [["Ostrava Castings Group received the Die Casting Innovation Award on 17 May 2025 for a magnesium seat frame."]], "2025-05-20", "Ostrava award", "2025-05-17", "Ostrava"],
    ["acquisition", [["Halvorsen Metals Group completed its acquisition of Fenwick Metals Corp. on January 31, 2025."]], "2025-02-03", "Halvorsen closes deal", "2025-01-31", "Halvorsen"],
    ["merger", [["In March 2024, Taihe Light Alloy Co., Ltd. merged with Jinhe Magnesium Co., Ltd. to form a new group."]], "2024-04-02", "Taihe and Jinhe merge", "2024-03", "Taihe"],
    ["official visit", [["The governor of Altavia Province visited the Redcliff Magnesium Ltd smelter on 3 June 2025 to inspect the new furnace."]], "2025-06-05", "Governor visits smelter", "2025-06-03", ""],
    ["said on Tuesday, no dateline", [["Marlow Magnesium Ltd said on Tuesday that it had resumed production at its Texas plant."]], "2025-06-12", "Marlow resumes output", "", "Marlow"],
    ["last week", [["Fenwick Metals Corp. reopened its Nevada plant last week."]], "2025-06-12", "Fenwick reopens", "", "Fenwick"],
    ["earlier this month", [["Earlier this month, Yarrow Magnesium Ltd commissioned a new casting line."]], "2025-09-20", "Yarrow casting line", "", "Yarrow"],
    ["December in January article", [["Brantwood Alloys Inc. began trial production in December."]], "2025-01-15", "Brantwood trial production", "", "Brantwood"],
    ["first production quarter", [["Vantor Resources Ltd achieved first production at its magnesium project in the third quarter of 2024."]], "2024-11-01", "Vantor first production", "2024", "Vantor"],
    ["release today, no dateline", [["Corvane Automotive Group today announced the start of series production of its magnesium seat structure at its Leipzig plant."]], "2025-02-11", "Corvane starts production", "", "Corvane"],
    ["said on date", [["Taihe Light Alloy Co., Ltd. has begun production of AZ91D ingot at its new plant, the company said on 2 July 2024."]], "2024-07-03", "Taihe begins ingot", "2024-07-02", "Taihe"],
    ["debuted at show", [["Lumina Motors debuted its magnesium-framed Aster hatchback at the Detroit auto show in January 2025."]], "2025-02-01", "Lumina Aster", "2025-01", "Lumina"],
    ["on Friday opened", [["On Friday, officials opened the Marlow Magnesium Ltd recycling plant in Texas."]], "2025-06-16", "Marlow plant opens", "", "Marlow"],
    ["dateline two paragraphs weekday", [["OSLO, Jan 8 (Reuters) - Halden Metals AS reported higher quarterly profit."], ["Halden said it started up a new remelting furnace on Wednesday."]], "2026-01-08", "Halden Metals profit rises on furnace restart", "", "Halden"],
    ["the company in a later paragraph", [["OSLO, Jan 8 (Reuters) - Halden Metals Ltd reported higher quarterly profit."], ["The company said it started up a new remelting furnace on Wednesday."]], "2026-01-08", "Halden Metals profit rises on furnace restart", "", "Halden"],
    ["entered production year", [["Qiantang Metals Co., Ltd. entered series production of magnesium battery housings in 2024."]], "2025-01-20", "Qiantang housings", "2024", "Qiantang"],
    ["suspended operations date", [["On 21 October 2024, Jinhe Magnesium Co., Ltd. suspended operations at two of its furnaces for environmental checks."]], "2024-10-25", "Jinhe suspends", "2024-10-21", "Jinhe"],
    ["delivered first", [["Brantwood Alloys Inc. delivered the first batch of recycled magnesium billets to Lumina Motors in May 2025."]], "2025-06-01", "Brantwood delivers", "2025-05", "Brantwood"],
    ["signed supply agreement wire weekday", [["TOKYO, Feb 17 (Reuters) - Sakaida Metals Corp. signed a long-term magnesium supply agreement with Kestrel Magnesium Ltd on Monday."]], "2026-02-17", "Sakaida supply", "2026-02-17", "Sakaida"],
    ["AP said Thursday", [["Redcliff Magnesium Ltd said Thursday it had restarted its second furnace."]], "2025-08-21", "Redcliff restarts furnace", "", "Redcliff"],
    ["dateline day-month-year", [["MELBOURNE, Australia, 3 March 2025 -- Yarrow Magnesium Ltd has poured first metal at its Bell Bay plant."]], "2025-03-03", "Yarrow pours first metal", "2025-03-03", "Yarrow"],
    ["government signing", [["On 14 August 2025, the Ministry of Trade of Veltravia and Qiantang Metals Co., Ltd. signed a cooperation agreement on a magnesium industrial park."]], "2025-08-15", "Magnesium park agreement", "2025-08-14", ""],
    ["fire", [["A fire broke out at the Fugu plant of Jinhe Magnesium Co., Ltd. on the night of 6 January 2025, halting production."]], "2025-01-08", "Fire at Jinhe plant", "2025-01-06", "Jinhe"],
    ["closed at end of month", [["Fenwick Metals Corp. permanently closed its Nevada smelter at the end of June 2024."]], "2024-08-01", "Fenwick closes smelter", "2024-06", "Fenwick"],
    ["passive care and maintenance", [["The Bell Bay plant of Yarrow Magnesium Ltd was placed on care and maintenance in March 2025."]], "2025-04-01", "Bell Bay idled", "2025-03", "Yarrow"],
    ["pleased to announce", [["Northvale Magnesium Corp. is pleased to announce that construction of its demonstration plant commenced on 11 August 2025."]], "2025-08-12", "Northvale construction", "2025-08-11", "Northvale"],
    ["trade fair range", [["Ostrava Castings Group exhibited its magnesium seat frames at a die-casting fair in Nuremberg from 13 to 15 January 2026."]], "2026-01-20", "Ostrava at fair", "2026-01-13", "Ostrava"],
    ["won prize month", [["In October 2025, Lumina Motors won the Lightweight Design Prize for its magnesium instrument panel beam."]], "2025-11-02", "Lumina prize", "2025-10", "Lumina"],
    ["acquisition completed wire", [["PERTH, Sept 30 (Reuters) - Vantor Resources Ltd completed its takeover of Yarrow Magnesium Ltd on Tuesday."]], "2025-09-30", "Vantor completes Yarrow takeover", "2025-09-30", "Vantor"],
    ["commenced construction, announced on", [["Kestrel Magnesium Ltd (ASX: KMG) has commenced construction of its demonstration plant, the company announced on 4 June 2025."]], "2025-06-05", "Kestrel starts building", "2025-06-04", "Kestrel"],
    ["inaugurated", [["The Quebec plant of Northvale Magnesium Corp. was officially inaugurated on 18 September 2024."]], "2024-09-19", "Northvale plant opens", "2024-09-18", "Northvale"],
    ["production resumed", [["Production at the Bell Bay smelter resumed on 1 February 2025 after Yarrow Magnesium Ltd secured a new power contract."]], "2025-02-03", "Bell Bay restarts", "2025-02-01", "Yarrow"],
    ["on the morning of", [["On the morning of March 18, the first furnace of magnesium ingots rolled off the production line at Taihe Light Alloy Co., Ltd."]], "2025-03-20", "Taihe first ingots", "2025-03-18", "Taihe"],
    ["at time on date", [["At 10:28 on June 6, the first batch of high-purity magnesium came off the line at the new plant of Jinhe Magnesium Co., Ltd."]], "2025-06-08", "Jinhe first batch", "2025-06-06", "Jinhe"],
    ["production began late month", [["Production of the magnesium-intensive Aster began at the Ohio plant of Lumina Motors in late March."]], "2025-04-10", "Aster production", "2025-03", "Lumina"],
    ["on Tuesday signed, undated", [["Brantwood Alloys Inc. and Sakaida Metals Corp. on Tuesday signed a joint venture agreement to build a recycling plant."]], "2025-04-10", "Brantwood JV", "", "Brantwood"],
    ["announced on that it had", [["Kestrel Magnesium Ltd announced on 2 May 2025 that it had entered into a binding offtake agreement with Sakaida Metals Corp."]], "2025-05-03", "Kestrel offtake", "2025-05-02", "Kestrel"],
    ["bankruptcy filing", [["Redcliff Magnesium Ltd filed for Chapter 11 bankruptcy protection in July 2023."]], "2023-08-01", "Redcliff files", "2023-07", "Redcliff"],
    ["listing", [["Qiantang Metals Co., Ltd. was listed on the Shenzhen Stock Exchange on 9 October 2024."]], "2024-10-10", "Qiantang lists", "2024-10-09", "Qiantang"],
    ["first shipment left port", [["The first shipment of magnesium ingot from the Northvale Magnesium Corp. plant left the port of Montreal on 30 November 2025."]], "2025-12-01", "First shipment", "2025-11-30", "Northvale"],
    ["cross-month range", [["Magnesium Week 2025 was held in Shanghai from June 30 to July 2, hosted by Qiantang Metals Co., Ltd."]], "2025-07-05", "Magnesium Week", "2025-06-30", ""],
    ["said on date, did and would", [["Kestrel Magnesium Ltd said on 2 May 2025 it had begun production and would expand the plant in 2027."]], "2025-05-03", "Kestrel begins production", "2025-05-02", "Kestrel"],
    ["dateline did, and expects", [["SYDNEY, Oct 2 (Reuters) - Kestrel Magnesium Ltd said it had poured its first metal, and expects to reach full output in 2027."]], "2025-10-02", "Kestrel pours first metal", "2025-10-02", "Kestrel"],
  ])("%s", (_name, paragraphs, published, title, date, subject) => {
    const found = events(paragraphs, published, title);
    expect(found.map((e) => e.date)).toContain(date);
    const event = found.find((e) => e.date === date)!;
    if (subject) expect(event.subject).toContain(subject);
    expect(event.title).not.toBe("");
  });
});

describe("event probes: no happening", () => {
  it.each<[string, string[][], string, string]>([
    ["will begin 2027", [["Kestrel Magnesium Ltd will begin commercial production in 2027."]], "2025-05-01", "Kestrel outlook"],
    ["expects to commission", [["Northvale Magnesium Corp. expects to commission its smelter in the second half of 2026."]], "2025-05-01", "Northvale outlook"],
    ["forecast", [["Global magnesium demand is forecast to grow 5% a year through 2030, according to Halvorsen Metals Group."]], "2025-05-01", "Demand outlook"],
    ["statistic produced", [["Qiantang Metals Co., Ltd. produced 50,000 t of magnesium in 2023."]], "2025-05-01", "Qiantang output"],
    ["history", [["Magnesium was first produced in 1808 by the English chemist Humphry Davy."]], "2025-05-01", "Magnesium history"],
    ["quoted opinion", [["\"The market in 2024 was the hardest we have seen,\" said Jan Novak, chief executive of Ostrava Castings Group."]], "2025-05-01", "Ostrava interview"],
    ["export stat", [["China's magnesium exports fell 8% in May from a year earlier."]], "2025-06-20", "Exports"],
    ["scheduled restart", [["Yarrow Magnesium Ltd is scheduled to restart the smelter in March."]], "2025-01-20", "Yarrow restart"],
    ["future weekday", [["Brantwood Alloys Inc. will hold a ground-breaking ceremony on Friday."]], "2025-06-10", "Brantwood plans"],
    ["price on Monday", [["Magnesium ingot prices in Fugu were 17,200 yuan/t on Monday."]], "2025-06-10", "Prices"],
    ["aims by end", [["Taihe Light Alloy Co., Ltd. aims to start production by the end of 2026."]], "2025-06-10", "Taihe aims"],
    ["conditional", [["If prices recover, Fenwick Metals Corp. could restart its plant in 2026."]], "2025-06-10", "Fenwick maybe"],
    ["dateline plan weekday", [["TORONTO, Jan 8 (Reuters) - Vantor Resources Ltd plans to build a magnesium plant in Quebec, it said on Wednesday."]], "2026-01-08", "Vantor plans"],
    ["analyst said", [["Prices could rebound in the second quarter of 2026, analysts at Marlow Magnesium Ltd said."]], "2025-06-10", "Outlook"],
    ["statistic shipped", [["Kestrel Magnesium Ltd shipped 12,000 tonnes of ingot in 2024, up 9% on the year."]], "2025-03-10", "Kestrel shipments"],
    ["idle since", [["The Bell Bay smelter of Yarrow Magnesium Ltd has been idle since 2022."]], "2025-03-10", "Bell Bay"],
    ["targeting", [["Kestrel Magnesium Ltd is targeting first metal in the fourth quarter of 2026."]], "2025-03-10", "Kestrel target"],
    ["national output stat", [["Magnesium production in China rose 4% in 2024."]], "2025-03-10", "China output"],
    ["analysts expect", [["Analysts expect Qiantang Metals Co., Ltd. to restart the line in March."]], "2025-01-10", "Qiantang outlook"],
    ["may begin", [["Northvale Magnesium Corp. may begin production as early as June."]], "2025-01-10", "Northvale outlook"],
    ["dateline price move", [["SHANGHAI, June 10 (Trade Wire) - Magnesium ingot prices in Fugu fell 200 yuan/t to 17,000 yuan/t."]], "2025-06-10", "Magnesium prices fall"],
    ["dateline would build", [["SANTIAGO, April 2 (Reuters) - Kestrel Magnesium Ltd said on Wednesday it would build a magnesium refinery in Chile by 2028."]], "2025-04-02", "Kestrel to build refinery"],
    ["shares rose", [["Shares of Qiantang Metals Co., Ltd. rose 6% on 3 March 2025 after the results."]], "2025-03-04", "Qiantang shares"],
    ["said in month that it plans", [["Sakaida Metals Corp. said in March 2025 that it plans to double its magnesium capacity by 2028."]], "2025-04-01", "Sakaida plans"],
    ["surplus since", [["The market has been in surplus since March 2024, Halvorsen Metals Group said."]], "2025-04-01", "Market"],
    ["quoted friday", [["Magnesium ingot was quoted at 17,500 yuan/t on Friday in Fugu, up from last week."]], "2025-04-01", "Prices"],
    ["told conference would recover", [["An executive of Qiantang Metals Co., Ltd. told a conference in May 2025 that demand would recover next year."]], "2025-06-01", "Demand"],
    ["dateline plan with deadline", [["SYDNEY, Oct 2 (Reuters) - Kestrel Magnesium Ltd plans to start commercial production by 2027."]], "2025-10-02", "Kestrel plans"],
    ["dateline forecast", [["LONDON, May 5 (Reuters) - Global magnesium demand will rise 5% in 2026, Halvorsen Metals Group said."]], "2025-05-05", "Demand outlook"],
    ["dateline statistic and plan", [["PERTH, Sept 30 (Reuters) - Vantor Resources Ltd said it produced 8,000 tonnes of magnesium, and expects to double output in 2026."]], "2025-09-30", "Vantor output"],
  ])("%s", (_name, paragraphs, published, title) => {
    expect(events(paragraphs, published, title).map((e) => [e.date, e.title])).toEqual([]);
  });
});
