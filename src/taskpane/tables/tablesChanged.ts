// A tiny signal between the pane's Excel jobs and the stale-tables notice: after an insert or a refresh
// the notice reads the workbook's stored tables again (their dataset versions may have changed).
type Listener = () => void;
const listeners = new Set<Listener>();

export function onTablesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

export function notifyTablesChanged(): void {
  for (const l of [...listeners]) l();
}
