// The extractor configuration: parsers run in this order on every sentence, then refiners run in this
// order over everything found in the article. Adding a pattern = one file in parsers/ + one line here.
import type { Parser, Refiner } from "./context";
import { policyParser } from "./parsers/policy";
import { tradeRemedyParser } from "./parsers/tradeRemedy";
import { governmentOrderParser } from "./parsers/governmentOrder";
import { standardParser } from "./parsers/standard";
import { standardCatalogueParser } from "./parsers/standardCatalogue";
import { capacityParser } from "./parsers/capacity";
import { weightSavingParser } from "./parsers/weightSaving";
import { productWeightParser } from "./parsers/productWeight";
import { projectParser } from "./parsers/project";
import { dealParser } from "./parsers/deal";
import { eventParser } from "./parsers/event";
import { undatedEventParser } from "./parsers/undatedEvent";
import { priceParser } from "./parsers/price";
import { boilerplate } from "./refiners/boilerplate";
import { policiesOverEvents } from "./refiners/policiesOverEvents";
import { provenance } from "./refiners/provenance";
import { dedupe } from "./refiners/dedupe";
import { priceRepeats } from "./refiners/priceRepeats";
import { reportDay } from "./refiners/reportDay";
import { sentenceDate } from "./refiners/sentenceDate";

export interface ExtractorConfiguration {
  parsers: Parser[];
  refiners: Refiner[];
}

export const DEFAULT_CONFIGURATION: ExtractorConfiguration = {
  parsers: [policyParser, tradeRemedyParser, governmentOrderParser, standardParser, standardCatalogueParser, capacityParser, weightSavingParser, productWeightParser, projectParser, dealParser, priceParser, eventParser, undatedEventParser],
  refiners: [boilerplate, policiesOverEvents, reportDay, provenance, sentenceDate, dedupe, priceRepeats],
};
