// The query core: one index per dataset, the MG functions as plain functions over it.
export { RecordIndex, buildIndex, compareRecency, recencyKey } from "./recordIndex";
export type { Entity, SubjectResolution } from "./recordIndex";
export { normalizeName, aliasKey, nameTokens, editDistance, nameDistance } from "./normalize";
export * from "./answer";
export { isoToSerial, serialToIso, isoSpan, datePrecision, isCalendarDate } from "../model/dates";
export {
  FUNCTION_SPECS,
  functionSpec,
  weightSaving,
  capacity,
  policyDate,
  fact,
  source,
  events,
  policies,
  projects,
  subjects,
  dataInfo,
  toTable,
  EVENTS_COLUMNS,
  POLICIES_COLUMNS,
  PROJECTS_COLUMNS,
} from "./functions";
export type { Arg, FunctionSpec, ParamSpec } from "./functions";
