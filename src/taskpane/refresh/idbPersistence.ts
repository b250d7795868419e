// The refreshed dataset survives the session in IndexedDB: it holds hundreds of MB where
// OfficeRuntime.storage holds 10 MB for every add-in of the domain. One object store, one key; the
// value is validated again when read (controller.restore), so a damaged copy is refused, not used.
import type { FeedDataPersistence, StoredFeedData } from "../../core/feed/controller";

const DB_NAME = "magnesium-tracker";
const DB_VERSION = 1;
const STORE = "refreshed-data";
const KEY = "current";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another open copy of the add-in"));
  });
}

async function withStore<T>(factory: IDBFactory, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const result = request(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
      tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction was aborted (is the disk full?)"));
    });
    return await result;
  } finally {
    db.close();
  }
}

/** Persistence in IndexedDB; `factory` defaults to the page's indexedDB (fake-indexeddb in tests). */
export function indexedDbPersistence(factory: IDBFactory | undefined = globalThis.indexedDB): FeedDataPersistence {
  const need = (): IDBFactory => {
    if (!factory) throw new Error("IndexedDB is not available in this browser");
    return factory;
  };
  return {
    async load() {
      if (!factory) return undefined;
      return withStore(factory, "readonly", (s) => s.get(KEY));
    },
    async save(data: StoredFeedData) {
      await withStore(need(), "readwrite", (s) => s.put(data, KEY));
    },
    async clear() {
      if (!factory) return;
      await withStore(factory, "readwrite", (s) => s.delete(KEY));
    },
  };
}
