// Table logic of the task pane, host-neutral: filters -> rows -> typed columns -> Excel write plan / CSV.
export * from "./dates";
export * from "./cells";
export * from "./columns";
export * from "./storedFilter";
export * from "./filter";
export * from "./presets";
export * from "./plan";
export * from "./csv";
