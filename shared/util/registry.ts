// Things registered with a service (the wizard's event listeners, the helper's sources of held
// secrets): adding one returns the only way to take it back out, so a caller removes just its own.
export class Registry<T> {
  private readonly entries = new Set<T>();

  /** Adds `entry`; the function returned removes it (and does nothing the second time). */
  add(entry: T): () => void {
    this.entries.add(entry);
    return () => void this.entries.delete(entry);
  }

  /** A copy of what is registered now: an entry may add or remove others while it is used. */
  current(): T[] {
    return [...this.entries];
  }
}
