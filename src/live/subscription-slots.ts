// How many live subscriptions each tenant holds open in this process, bounded.

export class TooManySubscriptionsError extends Error {
  constructor(readonly limit: number) {
    super(`Too many live subscriptions for this API key's tenant: at most ${limit} may be open at once (per instance). Close one first.`);
    this.name = 'TooManySubscriptionsError';
  }
}

export class SubscriptionSlots {
  private readonly open = new Map<string, number>();

  constructor(readonly perTenant: number) {}

  /** Takes a slot for `ownerId`, or throws TooManySubscriptionsError; the returned function gives it back (once). */
  take(ownerId: string): () => void {
    const count = this.open.get(ownerId) ?? 0;
    if (count >= this.perTenant) throw new TooManySubscriptionsError(this.perTenant);
    this.open.set(ownerId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(ownerId) ?? 1) - 1;
      if (left > 0) this.open.set(ownerId, left);
      else this.open.delete(ownerId);
    };
  }

  count(ownerId: string): number {
    return this.open.get(ownerId) ?? 0;
  }

  /** Open subscriptions, every tenant's. */
  total(): number {
    let sum = 0;
    for (const count of this.open.values()) sum += count;
    return sum;
  }
}

/** `source`, calling `release` once it ends: done, failed, or closed by its consumer (even before it started). */
export function releasing<T>(source: AsyncIterableIterator<T>, release: () => void): AsyncIterableIterator<T> {
  const settle = async (step: Promise<IteratorResult<T>>) => {
    try {
      const result = await step;
      if (result.done) release();
      return result;
    } catch (error) {
      release();
      throw error;
    }
  };
  const iterator: AsyncIterableIterator<T> = {
    next: () => settle(source.next()),
    return: (value?: unknown) => {
      release();
      return source.return ? source.return(value) : Promise.resolve({ done: true, value: undefined as T });
    },
    throw: (error?: unknown) => {
      release();
      return source.throw ? source.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
