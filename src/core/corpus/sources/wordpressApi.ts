// Reads a WordPress REST API collection URL (e.g. https://site/wp-json/wp/v2/posts), following its
// pagination, and returns each item as the JSON text of one item, for the wordpress reader.
// PLACEHOLDER until the feed engineer implements it.
export interface FetchedItem {
  /** The item's own REST URL (or the collection URL with its index), used as the article's origin. */
  origin: string;
  /** JSON text of one WordPress item. */
  text: string;
}

export async function fetchWordPressCollection(
  url: string,
  _opts: { fetch?: typeof fetch; maxPages?: number; timeoutMs?: number } = {},
): Promise<FetchedItem[]> {
  throw new Error(`reading WordPress URLs is not available yet (${url})`);
}
