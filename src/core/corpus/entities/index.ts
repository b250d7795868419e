// Entities: the alias registry (data) and the recogniser of organisation mentions in sentences.
export * from "./registry";
export * from "./recognize";
export * from "./regions";
export { peopleNamed } from "./people";
export { containsAny } from "./substrings";
