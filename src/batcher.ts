/**
 * Coalesces calls that arrive within `maxWaitMs` of each other (or `maxSize` of them) into one `run(items)`, so a
 * burst costs one database statement instead of one per item. Each caller gets the result for its own item
 * (`run` returns results in item order), or the batch's error: a failure reaches every caller of the batch, so
 * nothing is taken as done when it was not.
 */
export function createBatcher<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  { maxWaitMs, maxSize }: { maxWaitMs: number; maxSize: number },
): (item: Item) => Promise<Result> {
  let pending: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    const batch = pending;
    pending = [];
    clearTimeout(timer);
    timer = undefined;
    run(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, index) => entry.resolve(results[index])),
      (error) => batch.forEach((entry) => entry.reject(error)),
    );
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= maxSize) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
}
