/**
 * A small in-process cache for public reads: entries live `ttlMs`, the
 * oldest go first past `max`, and concurrent misses share one load. Writers
 * in this process drop what they change; other instances catch up within
 * the TTL.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.at < this.ttlMs) return entry.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: Date.now(), value });
    // A failed load is not kept.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
  }
}
