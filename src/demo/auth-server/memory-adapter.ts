import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface StoredEntry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * Per-provider in-memory storage. oidc-provider's built-in memory adapter shares one
 * global store between every Provider in the process and prints a warning on start;
 * the demo runs several authorization servers side by side and wants a quiet console.
 */
export function createMemoryAdapterFactory(): AdapterFactory {
  const entries = new Map<string, StoredEntry>();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        entries.set(keyFor(id), { payload, expiresAt });
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        return findWhere((payload) => payload.uid === uid);
      },
      async findByUserCode(userCode) {
        return findWhere((payload) => payload.userCode === userCode);
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const [key, entry] of entries) {
          if (entry.payload.grantId === grantId) entries.delete(key);
        }
      },
    };

    function findWhere(matches: (payload: AdapterPayload) => boolean): AdapterPayload | undefined {
      for (const key of entries.keys()) {
        if (!key.startsWith(`${model}:`)) continue;
        const payload = read(key);
        if (payload && matches(payload)) return payload;
      }
      return undefined;
    }
  };
}
