// priceRepeats: a report states its headline prices twice (a summary lead, then the report body): one price
// of one day and series is one record, the first statement (its evidence is where the reader meets it), unless
// that one borrowed its unit from the article and a later one writes it.
// Same series = same figure, unit, type and day, and products where one names the other ("magnesium" and
// "magnesium ingot" in one report are the same price).
import type { Found, Refiner } from "../context";

function productsCompatible(a: string, b: string): boolean {
  return a === b || a.includes(b) || b.includes(a);
}

export const priceRepeats: Refiner = {
  name: "priceRepeats",
  refine(found: Found[]): Found[] {
    const kept: Found[] = [];
    for (const f of found) {
      if (f.kind === "price") {
        const twin = kept.find(
          (k) =>
            k.kind === "price" && k.value === f.value && k.value_max === f.value_max && k.unit === f.unit && k.price_type === f.price_type &&
            k.date === f.date && k.basis.replace(/FOB \w+/, "FOB") === f.basis.replace(/FOB \w+/, "FOB") && productsCompatible(k.product, f.product),
        );
        if (twin) {
          // A figure whose unit was borrowed from the article ("(FOB $2,220-$2,300)" beside a yuan/mt price) gives
          // way to its restatement with a unit of its own ("The FOB price was quoted at $2,220 to $2,300/mt").
          if (twin.parser === "price.borrowedUnit" && f.parser !== "price.borrowedUnit") kept[kept.indexOf(twin)] = f;
          continue;
        }
      }
      kept.push(f);
    }
    return kept;
  },
};
