// The data in use, from the one DataStore the MG functions share: the pane re-renders when a
// refresh swaps it.
import { useEffect, useState } from "react";
import { DataSnapshot, sharedStore } from "../core/data/store";

export type DataState = { status: "loading" } | { status: "ready"; snapshot: DataSnapshot } | { status: "failed"; message: string };

export function useData(): DataState {
  const store = sharedStore();
  const [state, setState] = useState<DataState>(() => {
    const s = store.current();
    return s ? { status: "ready", snapshot: s } : { status: "loading" };
  });
  useEffect(() => {
    const unsubscribe = store.subscribe((snapshot) => setState({ status: "ready", snapshot }));
    const s = store.current();
    if (s) setState({ status: "ready", snapshot: s });
    else {
      // functions.js (on the same page) starts this load too; whichever runs first wins. Imported
      // lazily: the dataset validator (zod) is shared with functions.js, not part of the pane's bundle.
      void import(/* webpackChunkName: "bundled-load" */ "../core/data/bundled").then((m) => m.startBundledLoad(store));
      store.whenReady(30_000).then(
        (snapshot) => setState({ status: "ready", snapshot }),
        (e: unknown) => setState({ status: "failed", message: e instanceof Error ? e.message : String(e) }),
      );
    }
    return unsubscribe;
  }, [store]);
  return state;
}
