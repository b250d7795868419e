// Alias registry of organisations (src/data/aliases.json, maintained by the corpus pipeline as data):
// lets a lookup by another known spelling ("SAIC Motor", "Ministry of Industry and Information
// Technology") find the entity the records name ("SAIC", "MIIT").
import registry from "../../data/aliases.json";

export interface AliasGroup {
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Keeps only well-formed entries, so a malformed registry entry cannot break lookups. */
export function parseAliasGroups(input: unknown): AliasGroup[] {
  const entities = (input as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(entities)) return [];
  const groups: AliasGroup[] = [];
  for (const e of entities) {
    const name = (e as { name?: unknown })?.name;
    const aliases = (e as { aliases?: unknown })?.aliases;
    if (typeof name !== "string") continue;
    groups.push({ name, aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : [] });
  }
  return groups;
}

/** The registry bundled with the add-in. */
export const REGISTRY_ALIASES: readonly AliasGroup[] = parseAliasGroups(registry);
