// A sentence that issues a policy, releases a standard or quotes a price yields that record, not also an event. A policy the
// sentence only refers to (no date of its own: "products listed in the "... Catalog"") leaves the event be.
import type { Refiner } from "../context";

export const policiesOverEvents: Refiner = {
  name: "policiesOverEvents",
  refine(found) {
    // A price report's dateline dates its prices: the report is no event either.
    const claimed = new Set(
      found.filter((f) => ((f.kind === "policy" || f.kind === "standard") && (f.date !== "" || f.date_effective !== "")) || f.kind === "price").map((f) => f.sentenceIndex),
    );
    return found.filter((f) => f.kind !== "event" || !claimed.has(f.sentenceIndex));
  },
};
