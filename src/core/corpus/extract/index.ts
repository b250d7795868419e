// Extraction entry point: Article + Sentences -> RecordDrafts.
// For each sentence: find organisations, dates (with the article's year context) and quantities once, run
// every parser of the configuration, then keep a small discourse state (who/what the section is about) for
// sentences that refer back ("It ...", "This product ..."). Refiners then merge and filter.
import type { Article, RecordDraft, Sentence } from "../types";
import { acronymDefinitions, containsAny, findOrganizations, getRegistry, legalFormlessDefinitions, peopleNamed, plainApostrophes, scanOf, tickerDefinitions, shortNameDefinitions } from "../entities";
import type { EntityMention, EntityRegistry, TextScans } from "../entities";
import type { Discourse, Found, SentenceContext } from "./context";
import { DEFAULT_CONFIGURATION, ExtractorConfiguration } from "./configuration";
import { articleSubjectYear, findDates, statedYear } from "./dates";
import { findQuantities } from "./numbers";
import { fewerPiecesThan, introducedProduct, openingNounPhrase, refersBack, whoIsInvolved } from "./text";

export type { ExtractorConfiguration } from "./configuration";
export { DEFAULT_CONFIGURATION } from "./configuration";

/**
 * Organisations of every sentence, with the article's registry: the bundled aliases plus acronyms the article
 * itself defines ("... Commission (NDRC)"). Sentences are scanned once; only those containing a new acronym
 * are scanned again with the extended registry.
 */
function articleOrganizations(article: Article, sentences: Sentence[], scans: TextScans): { registry: EntityRegistry; orgs: EntityMention[][] } {
  const base = getRegistry();
  const people = peopleNamed([article.title, ...sentences.map((s) => s.text)]);
  const notPeople = (ms: EntityMention[]) => (people.size === 0 ? ms : ms.filter((m) => m.registered || m.entity.type !== "organization" || !people.has(m.text)));
  const orgs = sentences.map((s) => notPeople(findOrganizations(s.text, base, scans)));
  const defs = [...acronymDefinitions(article.title, base), ...sentences.flatMap((s, i) => acronymDefinitions(s.text, base, orgs[i]))];
  // Aliases already defined, by a set: an article can define thousands.
  const defined = new Set(defs.map((d) => d.alias));
  const fresh = (d: { alias: string }) => !defined.has(d.alias);
  const define = (more: typeof defs) => {
    defs.push(...more);
    for (const d of more) defined.add(d.alias);
  };
  // Short names ("Kestrel" for "Kestrel Magnesium Corp") the article uses after the full name.
  define(shortNameDefinitions(sentences.map((s) => s.text), orgs, base).filter(fresh));
  // "Latrobe Magnesium (ASX: LMG)": a listed company by its ticker.
  define(tickerDefinitions([article.title, ...sentences.map((s) => s.text)], base).filter(fresh));
  // "U.S. Magnesium" for "U.S. Magnesium LLC".
  define(legalFormlessDefinitions(orgs, base).filter(fresh));
  if (defs.length === 0) return { registry: base, orgs };
  const registry = base.withAliases(defs);
  const holds = containsAny(sentences.map((s) => s.text), defs.map((d) => d.alias));
  sentences.forEach((s, i) => {
    if (holds[i]) orgs[i] = notPeople(findOrganizations(s.text, registry, scans));
  });
  return { registry, orgs };
}

/** Types an article can be "about" as the company later sentences call "the company" or "the producer". */
const LEAD_TYPES = new Set(["company", "organization"]);

/**
 * The company a story is about: the one its title names, if exactly one. (Only the title: it is shown beside
 * every record of the source, so a record that takes its subject from it still shows where the name comes from.)
 */
function leadOrganization(article: Article, registry: EntityRegistry, scans: TextScans, orgs: EntityMention[][]): EntityMention[] {
  if (!article.title) return [];
  const names = findOrganizations(article.title, registry, scans).filter((m) => LEAD_TYPES.has(m.entity.type));
  if (names.length > 0) return new Set(names.map((m) => m.entity.name)).size === 1 ? names.slice(0, 1) : [];
  // "Halden Metals to restart smelter" names no one by its own words; the body's "Halden Metals said ..." tells
  // that it is a company: a company of the body written in the title, as a whole run of words, is its lead.
  const title = plainApostrophes(article.title);
  const found = new Map<string, EntityMention>();
  for (const ms of orgs) {
    for (const m of ms) {
      if (!LEAD_TYPES.has(m.entity.type) || found.has(m.entity.name) || fewerPiecesThan(m.entity.name, 2)) continue;
      const at = wholeWordsAt(title, m.entity.name);
      if (at >= 0) found.set(m.entity.name, { ...m, start: at, end: at + m.entity.name.length, text: m.entity.name });
    }
  }
  return found.size === 1 ? [...found.values()] : [];
}

/** Where `name` is written in `text` as whole words, or -1. */
function wholeWordsAt(text: string, name: string): number {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!/[\w&-]/.test(text.charAt(at - 1)) && !/[\w&-]/.test(text.charAt(at + name.length))) return at;
  }
  return -1;
}

export function buildContexts(article: Article, sentences: Sentence[]): SentenceContext[] {
  // Quotes and registry-free name patterns of each text, shared by its scans and its context.
  const scans: TextScans = new Map();
  const { registry, orgs } = articleOrganizations(article, sentences, scans);
  const articleYear = articleSubjectYear(article.title, sentences.slice(0, 3).map((s) => s.text));
  const headingOrgs = new Map<string, EntityMention[]>();
  const leadOrgs = leadOrganization(article, registry, scans, orgs);
  const contexts: SentenceContext[] = [];
  let sectionKey: string | undefined;
  let sectionYear: number | undefined;
  let discourse: Discourse | undefined;
  const refers = new Map<number, boolean>();
  const refersBackAt = (i: number) => {
    let r = refers.get(i);
    if (r === undefined) refers.set(i, (r = refersBack(sentences[i].text)));
    return r;
  };
  sentences.forEach((sentence, i) => {
    // The unit of context is the section when the article has headings, else the paragraph.
    const key = sentence.section ? `s|${sentence.section}` : `p|${sentence.paragraph}`;
    if (key !== sectionKey) {
      sectionKey = key;
      sectionYear = undefined;
      discourse = undefined;
    }
    const text = sentence.text;
    const section = sentence.section ?? "";
    if (section && !headingOrgs.has(section)) headingOrgs.set(section, findOrganizations(section, registry, scans));
    const dates = findDates(text);
    const ctx: SentenceContext = {
      article,
      sentence,
      text,
      registry,
      orgs: orgs[i],
      headingOrgs: section ? headingOrgs.get(section)! : [],
      leadOrgs,
      discourse: refersBackAt(i) ? discourse : undefined,
      dates,
      years: { articleYear, sectionYear, sentenceYear: statedYear(dates, text), published: article.published },
      quantities: findQuantities(text),
      previous: i > 0 && sentences[i - 1].paragraph === sentence.paragraph ? sentences[i - 1].text : "",
      quotes: scanOf(text, scans).quotes,
    };
    contexts.push(ctx);
    // What later sentences may refer back to.
    // What this sentence introduces matters only if the next one refers back to it.
    const next = sentences[i + 1];
    const referredTo = !!next && refersBackAt(i + 1);
    // Else the sentence's own opening noun phrase ("The one-piece frame, ..., replaces ...") when nothing was introduced before.
    const product = (referredTo ? introducedProduct(text) : "") || ctx.discourse?.product || (referredTo ? openingNounPhrase(text) : "");
    if (ctx.orgs.length > 0) {
      discourse = { ...whoIsInvolved(ctx, { inherit: false }), product };
    } else if (ctx.discourse) {
      discourse = { ...ctx.discourse, product: product || ctx.discourse.product };
    } else discourse = product ? { subject: "", organizations: [], region: "", product } : undefined;
    const stated = statedYear(dates, text);
    if (stated) sectionYear = stated;
  });
  return contexts;
}

function sameSection(a: SentenceContext, b: SentenceContext): boolean {
  if (a.sentence.section || b.sentence.section) return a.sentence.section === b.sentence.section;
  return a.sentence.paragraph === b.sentence.paragraph;
}

function strip(f: Found): RecordDraft {
  const { sentenceIndex: _s, parser: _p, ...draft } = f;
  return draft;
}

export function extractWith(config: ExtractorConfiguration, article: Article, sentences: Sentence[]): RecordDraft[] {
  const contexts = buildContexts(article, sentences);
  let found: Found[] = [];
  for (let c = 0; c < contexts.length; c++) {
    const ctx = contexts[c];
    const fromSentence: Found[] = [];
    for (const parser of config.parsers) {
      const r = parser.parse(ctx);
      for (let k = 0; k < r.length; k++) fromSentence.push(r[k]);
    }
    for (let k = 0; k < fromSentence.length; k++) found.push(fromSentence[k]);
    // A policy's issuer is who the following sentences ("The measures indicated that ...") are about.
    const policy = fromSentence.find((f) => f.kind === "policy" && f.subject);
    const following = contexts[c + 1];
    if (policy && following && following.orgs.length === 0 && refersBack(following.text) && sameSection(following, ctx)) {
      following.discourse = { subject: policy.subject, organizations: policy.organizations, region: policy.region, product: "" };
    }
  }
  for (const refiner of config.refiners) found = refiner.refine(found, { article, sentences, contexts });
  return found.map(strip);
}

export function extractDrafts(article: Article, sentences: Sentence[]): RecordDraft[] {
  return extractWith(DEFAULT_CONFIGURATION, article, sentences);
}
