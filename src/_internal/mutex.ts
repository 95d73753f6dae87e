/**
 * A first-come, first-served lock for async code in one process.
 *
 * @internal
 * @module
 */

/**
 * An async mutex: {@link Mutex.acquire} resolves with a `release` function once no one else holds
 * the lock; waiters are served in order.
 *
 * @internal
 */
export class Mutex {
  #locked = false;
  readonly #waiters: (() => void)[] = [];

  /** Whether someone holds the lock now (a synchronous section may run without it when it is free). */
  get locked(): boolean {
    return this.#locked;
  }

  /** Resolves once the lock is held; call the returned function exactly once to let the next one in. */
  acquire(): Promise<() => void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve(this.#release);
    }
    return new Promise((resolve) => this.#waiters.push(() => resolve(this.#release)));
  }

  readonly #release = (): void => {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  };
}
