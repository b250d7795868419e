// True once the data in use has been swapped for other data after the pane started with some (a feed
// refresh, or refreshed data restored at start-up): the first load of the data is not a swap.
import { useEffect, useState } from "react";
import { sharedStore } from "../../core/data/store";

export function useDataSwapped(): boolean {
  const [swapped, setSwapped] = useState(false);
  useEffect(() => sharedStore().subscribe((_next, previous) => { if (previous) setSwapped(true); }), []);
  return swapped;
}
