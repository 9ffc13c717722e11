// Runs async sections one at a time (admission of a plan, reading the target for `hello`), so
// two connections can never both start a plan or read the target while a plan starts.
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
