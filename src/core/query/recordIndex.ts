// RecordIndex: everything a lookup needs, built once per dataset, so a function call is a few map
// lookups instead of a scan. Lists are kept most recent first (see compareRecency).
import type { Dataset } from "../model/dataset";
import type { MgRecord, RecordKind } from "../model/record";
import { recencyKey, recencyRank } from "../model/recency";

export { compareRecency, recencyKey } from "../model/recency";
import { AliasGroup, REGISTRY_ALIASES } from "./aliases";
import { aliasKey, nameDistance, nameTokens, normalizeName } from "./normalize";

/** Words common to organisation names: alone, they do not single one out (see resolveSubject). */
const GENERIC_NAME_WORDS = new Set(
  (
    "light metal metals motor motors auto automotive automobile vehicle magnesium aluminum aluminium alloy alloys steel titanium " +
    "group industry industries industrial technology technologies tech materials material new energy power resources mining " +
    "smelting manufacturing precision equipment machinery international china chinese national provincial city county " +
    "government ministry commission council bureau department office association branch society university institute research " +
    "center centre company holdings investment development science engineering products product solutions trading " +
    "the of and for"
  ).split(" "),
);

/** A subject or organisation the data knows, under its canonical name, with every spelling seen. */
export interface Entity {
  /** The canonical name (the spelling used most often as a record subject, then overall). */
  readonly name: string;
  /** aliasKey(name): what lookups compare. */
  readonly key: string;
  /** Every spelling that maps to this entity. */
  readonly aliases: readonly string[];
  /** Records it is the subject or one of the organisations of, most recent first. */
  readonly records: readonly MgRecord[];
}

/** An Entity while the index is being built. */
interface MutableEntity {
  name: string;
  readonly key: string;
  aliases: string[];
  records: MgRecord[];
}

export type SubjectResolution =
  | { readonly ok: true; readonly entity: Entity; /** false when the query named only part of the name */ readonly exact: boolean }
  | { readonly ok: false; readonly reason: "empty" }
  | { readonly ok: false; readonly reason: "unknown"; readonly suggestions: readonly string[] }
  | { readonly ok: false; readonly reason: "ambiguous"; readonly candidates: readonly string[] };

function sortByRecency(input: readonly MgRecord[]): MgRecord[] {
  const dates = input.map(recencyKey);
  const order = input.map((_, i) => i);
  order.sort((a, b) => {
    const da = dates[a];
    const db = dates[b];
    if (da !== db) {
      if (da === "") return 1;
      if (db === "") return -1;
      return da < db ? 1 : -1;
    }
    const ia = input[a].id;
    const ib = input[b].id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return order.map((i) => input[i]);
}

const RESOLUTION_CACHE_LIMIT = 50_000;

interface Spelling {
  entity: MutableEntity | null;
  asSubject: number;
  total: number;
}

/**
 * Builds the index's lists record by record, most recent first. Fed by the feed parser as each record
 * is read (its strings are then still in the processor's cache, so hashing names and comparing ids
 * costs less than in a later pass over 100k records); records that do not come most recent first are
 * sorted and indexed at the end instead. A RecordIndex built from it checks that it saw exactly the
 * dataset's records, in the dataset's order, and indexes the dataset itself otherwise.
 */
export class RecordIndexBuilder {
  private records: MgRecord[] = [];
  private ordered = true;
  private prev: MgRecord | undefined;
  private prevRank = 0;
  private prevDate = "";
  readonly byKind = new Map<RecordKind, MgRecord[]>();
  readonly entityByKey = new Map<string, MutableEntity>();
  readonly spellings = new Map<string, Spelling>();
  /** Region spelling -> its alias key; alias key -> the first spelling seen. */
  private readonly regionKeys = new Map<string, string>();
  readonly regions = new Map<string, string>();

  add(r: MgRecord): void {
    if (!this.ordered) return;
    this.records.push(r);
    // compareRecency(prev, r) <= 0, compared as recencyKey would hold (rank, then date, then id) without
    // building a key per record
    const rank = recencyRank(r);
    const date = rank === 2 ? r.date : r.source_published;
    const prev = this.prev;
    if (prev !== undefined) {
      if (rank !== this.prevRank ? rank > this.prevRank : date !== this.prevDate ? date > this.prevDate : r.id < prev.id) {
        this.ordered = false;
        return;
      }
    }
    this.prev = r;
    this.prevRank = rank;
    this.prevDate = date;
    this.index(r);
  }

  private index(r: MgRecord): void {
    let kindList = this.byKind.get(r.kind);
    if (!kindList) this.byKind.set(r.kind, (kindList = []));
    kindList.push(r);
    if (r.region !== "" && !this.regionKeys.has(r.region)) {
      const rk = aliasKey(r.region);
      this.regionKeys.set(r.region, rk);
      if (!this.regions.has(rk)) this.regions.set(rk, r.region);
    }
    const byKey = this.entityByKey;
    let subjectSpelling: Spelling | undefined;
    for (let i = -1; i < r.organizations.length; i++) {
      const name = i < 0 ? r.subject : r.organizations[i];
      if (name === "") continue;
      // the subject is usually one of the organisations too: its spelling is at hand
      let sp = i >= 0 && subjectSpelling !== undefined && name === r.subject ? subjectSpelling : this.spellings.get(name);
      if (!sp) {
        const key = aliasKey(name);
        let entity: MutableEntity | null = null;
        if (key !== "") {
          entity = byKey.get(key) ?? null;
          if (!entity) byKey.set(key, (entity = { name, key, aliases: [], records: [] }));
          entity.aliases.push(name);
        }
        this.spellings.set(name, (sp = { entity, asSubject: 0, total: 0 }));
      }
      if (i < 0) subjectSpelling = sp;
      const e = sp.entity;
      if (!e) continue;
      sp.total++;
      if (i < 0) sp.asSubject++;
      if (e.records[e.records.length - 1] !== r) e.records.push(r);
    }
  }

  /**
   * The records, most recent first, with every list built, if they are exactly `input` (same records,
   * same order); undefined otherwise.
   */
  finish(input: readonly MgRecord[]): readonly MgRecord[] | undefined {
    const seen = this.records;
    if (!this.ordered || seen.length !== input.length) return undefined;
    for (let i = 0; i < seen.length; i++) if (seen[i] !== input[i]) return undefined;
    return seen;
  }

  /** A builder fed with `input`: as it comes when it is most recent first, sorted otherwise. */
  static of(input: readonly MgRecord[]): { builder: RecordIndexBuilder; records: readonly MgRecord[] } {
    const inOrder = new RecordIndexBuilder();
    for (let i = 0; i < input.length; i++) inOrder.add(input[i]);
    const records = inOrder.finish(input);
    if (records) return { builder: inOrder, records };
    const sorted = sortByRecency(input);
    const builder = new RecordIndexBuilder();
    for (let i = 0; i < sorted.length; i++) builder.index(sorted[i]);
    return { builder, records: sorted };
  }
}

export class RecordIndex {
  readonly dataset: Dataset;
  /** Every record, most recent first. */
  readonly records: readonly MgRecord[];
  private sortedEntities: readonly Entity[] | undefined;
  private readonly entityByKey: Map<string, Entity>;
  /** Registry spellings (alias keys) of entities in the data that the records never use. */
  private readonly entityByRegistryAlias = new Map<string, Entity>();
  private tokenIndex: Map<string, Entity[]> | undefined;
  private readonly byKind: Map<RecordKind, MgRecord[]>;
  private readonly byEntityKind = new Map<Entity, Map<RecordKind, MgRecord[]>>();
  private readonly byId = new Map<string, MgRecord>();
  private readonly regionNames: readonly string[];
  /** Length of the longest alias key: bounds the names worth an edit distance. */
  private readonly longestKey: number;
  private readonly resolutionCache = new Map<string, SubjectResolution>();
  private readonly memoCache = new Map<string, unknown>();

  /**
   * @param aliases alias groups (canonical name and other spellings); defaults to the bundled
   *   registry. A group links its spellings to the one entity of the data it names.
   * @param built a builder already fed with the dataset's records as they were read (see
   *   RecordIndexBuilder); used only if it saw exactly dataset.records.
   */
  constructor(dataset: Dataset, aliases: readonly AliasGroup[] = REGISTRY_ALIASES, built?: RecordIndexBuilder) {
    this.dataset = dataset;
    let records = built?.finish(dataset.records);
    let builder = built;
    if (!records || !builder) ({ builder, records } = RecordIndexBuilder.of(dataset.records));
    this.records = records;
    this.byKind = builder.byKind;
    const byKey = builder.entityByKey;
    this.entityByKey = byKey;
    const spellings = builder.spellings;
    for (const e of byKey.values()) {
      if (e.aliases.length > 1) {
        e.aliases.sort((a, b) => {
          const sa = spellings.get(a)!;
          const sb = spellings.get(b)!;
          return sb.asSubject - sa.asSubject || sb.total - sa.total || (a < b ? -1 : 1);
        });
        e.name = e.aliases[0];
      }
    }
    for (const group of aliases) {
      const keys = [...new Set([group.name, ...group.aliases].map(aliasKey))].filter((k) => k !== "");
      const present = [...new Set(keys.map((k) => this.entityByKey.get(k)).filter((e): e is Entity => e !== undefined))];
      if (present.length !== 1) continue;
      for (const k of keys) if (!this.entityByKey.has(k)) this.entityByRegistryAlias.set(k, present[0]);
    }
    this.regionNames = [...builder.regions.values()].sort((a, b) => a.localeCompare(b));
    let longest = 0;
    for (const k of this.entityByKey.keys()) longest = Math.max(longest, k.length);
    this.longestKey = longest;
  }

  /** Every entity, in the order of its alias key (sorted on first use). */
  get entities(): readonly Entity[] {
    if (!this.sortedEntities) {
      // plain code-unit order: localeCompare would cost more than the rest of the build on 100k names
      this.sortedEntities = [...this.entityByKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    return this.sortedEntities;
  }

  /** Entities by each word of their alias key (built on first use: only partial names need it). */
  private entitiesByToken(): Map<string, Entity[]> {
    if (!this.tokenIndex) {
      const index = new Map<string, Entity[]>();
      for (const entity of this.entityByKey.values()) {
        const tokens = nameTokens(entity.key);
        for (let t = 0; t < tokens.length; t++) {
          const token = tokens[t];
          if (tokens.indexOf(token) !== t) continue;
          let list = index.get(token);
          if (!list) index.set(token, (list = []));
          list.push(entity);
        }
      }
      this.tokenIndex = index;
    }
    return this.tokenIndex;
  }

  /**
   * Which entity a user means. In order: a name or alias equal after normalisation ("saic",
   * "SAIC", "S.A.I.C." -> SAIC; legal forms such as "Co., Ltd." ignored; registry aliases such as
   * "SAIC Motor"); else the one entity whose
   * name contains every word of the query ("Inovance" -> "Suzhou Inovance ..."), ambiguous when
   * several do; else unknown, with the closest names as suggestions.
   */
  resolveSubject(query: string): SubjectResolution {
    const cached = this.resolutionCache.get(query);
    if (cached) return cached;
    const resolution = this.resolveUncached(query);
    if (this.resolutionCache.size >= RESOLUTION_CACHE_LIMIT) this.resolutionCache.clear();
    this.resolutionCache.set(query, resolution);
    return resolution;
  }

  private resolveUncached(query: string): SubjectResolution {
    const key = aliasKey(query);
    if (key === "") return { ok: false, reason: "empty" };
    const exact = this.entityByKey.get(key) ?? this.entityByRegistryAlias.get(key);
    if (exact) return { ok: true, entity: exact, exact: true };
    const tokens = [...new Set(nameTokens(key))];
    let candidates: Entity[] | null = null;
    for (const t of tokens) {
      const withToken = this.entitiesByToken().get(t);
      if (!withToken) {
        candidates = [];
        break;
      }
      candidates = candidates === null ? withToken.slice() : candidates.filter((e) => withToken.includes(e));
    }
    // A part of a name answers only when it is distinctive: "Inovance" names one company, "Motor" or
    // "Light" only happen to occur in one name today; they must be given in full.
    if (candidates && candidates.length === 1 && tokens.every((t) => GENERIC_NAME_WORDS.has(t))) {
      return { ok: false, reason: "ambiguous", candidates: [candidates[0].name] };
    }
    if (candidates && candidates.length === 1) return { ok: true, entity: candidates[0], exact: false };
    if (candidates && candidates.length > 1) {
      return { ok: false, reason: "ambiguous", candidates: candidates.map((e) => e.name).sort((a, b) => a.localeCompare(b)) };
    }
    return { ok: false, reason: "unknown", suggestions: this.closestNames(query, 3) };
  }

  /**
   * Subjects whose names contain the query, best first: a name that starts with it, then one with a word
   * that starts with it, then any other ("ser" gives Seres before Maserati); within a rank, more records first.
   */
  searchSubjects(query: string): Entity[] {
    const q = normalizeName(query);
    if (!q) return [...this.entities].sort((a, b) => b.records.length - a.records.length || a.name.localeCompare(b.name));
    const ranked: { e: Entity; rank: number }[] = [];
    for (const e of this.entities) {
      let rank = 3;
      for (const a of e.aliases) {
        const n = normalizeName(a);
        const at = n.indexOf(q);
        if (at < 0) continue;
        rank = Math.min(rank, at === 0 ? 0 : n[at - 1] === " " ? 1 : 2);
      }
      if (rank < 3) ranked.push({ e, rank });
    }
    return ranked.sort((a, b) => a.rank - b.rank || b.e.records.length - a.e.records.length || a.e.name.localeCompare(b.e.name)).map((x) => x.e);
  }

  /** The known names closest to a query (edit distance, prefixes and words), best first. */
  closestNames(query: string, limit = 3): string[] {
    const key = aliasKey(query);
    // Far longer than any name: nothing is close, and the edit distance would cost its square.
    if (key === "" || key.length > 4 * this.longestKey + 8) return [];
    return this.entities
      .map((e) => ({ e, d: nameDistance(key, e.key) }))
      .filter((x) => x.d <= 0.6)
      .sort((a, b) => a.d - b.d || a.e.key.localeCompare(b.e.key))
      .slice(0, limit)
      .map((x) => x.e.name);
  }

  /** The entity's records, most recent first; of one kind when given. */
  recordsOf(entity: Entity, kind?: RecordKind): readonly MgRecord[] {
    if (kind === undefined) return entity.records;
    // split by kind on first use: most entities are never looked up
    let perKind = this.byEntityKind.get(entity);
    if (!perKind) {
      perKind = new Map();
      for (const r of entity.records) {
        let list = perKind.get(r.kind);
        if (!list) perKind.set(r.kind, (list = []));
        list.push(r);
      }
      this.byEntityKind.set(entity, perKind);
    }
    return perKind.get(kind) ?? EMPTY;
  }

  /** All records of a kind, most recent first. */
  recordsOfKind(kind: RecordKind): readonly MgRecord[] {
    return this.byKind.get(kind) ?? EMPTY;
  }

  /** Whether a record is about the entity (its subject or one of its organisations). */
  involves(record: MgRecord, entity: Entity): boolean {
    if (aliasKey(record.subject) === entity.key) return true;
    return record.organizations.some((o) => aliasKey(o) === entity.key);
  }

  /**
   * A result computed once per index and key (text searches such as policy queries), so repeated
   * formulas cost a map lookup. Bounded like the subject cache.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memoCache.has(key)) return this.memoCache.get(key) as T;
    const v = compute();
    if (this.memoCache.size >= RESOLUTION_CACHE_LIMIT) this.memoCache.clear();
    this.memoCache.set(key, v);
    return v;
  }

  record(id: string): MgRecord | undefined {
    if (this.byId.size === 0) for (const r of this.records) this.byId.set(r.id, r);
    return this.byId.get(id);
  }

  /** Region names as spelled in the data, sorted. */
  regions(): readonly string[] {
    return this.regionNames;
  }

  /** The region spelled as in the data for a user's region text, or undefined. */
  resolveRegion(query: string): string | undefined {
    const key = aliasKey(query);
    return this.regionNames.find((r) => aliasKey(r) === key);
  }
}

const EMPTY: readonly MgRecord[] = Object.freeze([]);

/** Build the index of a dataset (validated by parseDataset beforehand). */
export function buildIndex(dataset: Dataset, aliases?: readonly AliasGroup[]): RecordIndex {
  return new RecordIndex(dataset, aliases);
}
