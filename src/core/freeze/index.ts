// Freeze: MG formulas -> values with a Sources table, restore, and the cells a refresh changed.
export * from "./formula";
export * from "./sources";
export * from "./plan";
export * from "./changes";
