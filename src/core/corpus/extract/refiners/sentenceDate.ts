// sentenceDate: a sentence that dates a happening ("On December 20, ... released the robot, 11% lighter")
// dates every record it yields, not only its event: the weight saving, the capacity and the project of that
// sentence happened (or were reported) that day. Without it, lookups call an undated figure and a dated one
// "equally recent". Also for a record whose evidence reaches back to an antecedent sentence that dates the
// happening ("On January 18, the kiln started production ... The rotary kiln, with ... 1,350 t"): the date is
// then readable in the record's evidence too.
// Only the date an event of that sentence took from its own words (no dateline, no document field) and only
// when that sentence dates exactly one happening; policies, standards and prices keep their own dates
// (release, implementation, the day a price holds for), which their parsers and reportDay decide.
import type { Found, Refiner } from "../context";
import { withinBackground } from "../dates";

const TAKES_SENTENCE_DATE = new Set(["weight_saving", "capacity", "project", "deal", "product"]);

export const sentenceDate: Refiner = {
  name: "sentenceDate",
  refine(found: Found[]): Found[] {
    const bySentence = new Map<number, Found[]>();
    for (const f of found) {
      if (f.kind !== "event" || f.date === "" || f.date_evidence !== "") continue;
      const list = bySentence.get(f.sentenceIndex);
      if (list) list.push(f);
      else bySentence.set(f.sentenceIndex, [f]);
    }
    if (bySentence.size === 0) return found;
    return found.map((f) => {
      // A former figure held before the happening, not on its day.
      if (!TAKES_SENTENCE_DATE.has(f.kind) || f.status === "former" || f.date !== "" || f.date_evidence !== "") return f;
      // The record's own sentence first, then the sentences its evidence reaches back to, nearest first.
      for (let i = f.sentenceIndex; i >= 0 && i >= f.sentenceIndex - 3; i--) {
        const events = bySentence.get(i);
        if (!events) continue;
        if (i !== f.sentenceIndex && !f.evidence.includes(events[0].evidence)) break;
        const days = new Set(events.map((e) => `${e.date}|${e.date_end}`));
        if (days.size !== 1) return f;
        // "X, founded in 1998, has a capacity of 20,000 t": the founding's year is background, not the figure's day.
        if (datedInBackground(events[0].evidence, events[0].date)) return f;
        return { ...f, date: events[0].date, date_end: events[0].date_end };
      }
      return f;
    });
  },
};

/** Whether every place the sentence writes the date's year lies in a background clause (an apposition, "Founded in ..."). */
function datedInBackground(text: string, date: string): boolean {
  const year = date.slice(0, 4);
  let seen = false;
  for (let i = text.indexOf(year); i >= 0; i = text.indexOf(year, i + 4)) {
    seen = true;
    if (!withinBackground(text, i, i + 4)) return false;
  }
  return seen;
}
