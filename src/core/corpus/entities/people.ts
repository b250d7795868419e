// People an article introduces by a role ("Ingrid Solberg, chief executive of ...", "Ms Ingrid Solberg"): their
// two-word names are no organisation when they act later in the article.
import { plainApostrophes } from "./recognize";

const ROLE = String.raw`(?:chief executive|chief financial officer|chief operating officer|chief|CEO|CFO|COO|chairman|chairwoman|chairperson|president|vice president|managing director|director|general manager|manager|head|analyst|spokesperson|spokesman|spokeswoman|minister|professor|founder|co-founder|secretary|economist|engineer|officer|researcher)`;
const PERSON = String.raw`([A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)`;
/** "Ingrid Solberg, chief executive of ...", "Ingrid Solberg, the company's head of sales": a person introduced by a role. */
const PERSON_THEN_ROLE = new RegExp(String.raw`(?<![\w&-])(?<![A-Z][\w&-]*\s)${PERSON},\s(?:the\s|a\s|an\s|its\s)?(?:[\w'-]+\s){0,3}?${ROLE}\b`, "g");
/** "chief executive Ingrid Solberg said", "Ms Ingrid Solberg": a role or a title before the person. */
const ROLE_THEN_PERSON = new RegExp(String.raw`(?:\b${ROLE}|\b(?:Mr|Ms|Mrs|Dr)\.?)\s${PERSON}(?![\w&-]|\s[A-Z])`, "g");

/**
 * People the article introduces by a role: their names, of two words, are no organisation when they act ("...,
 * Ingrid Solberg said."). Only in a role's company: a registered name or one with a head noun never is a person.
 */
export function peopleNamed(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of texts) {
    if (!/,\s|\b(?:Mr|Ms|Mrs|Dr)\b|[a-z]\s[A-Z][a-z]+\s[A-Z]/.test(raw)) continue;
    const text = plainApostrophes(raw);
    for (const re of [PERSON_THEN_ROLE, ROLE_THEN_PERSON]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
    }
  }
  return out;
}
