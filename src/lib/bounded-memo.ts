/**
 * Memoizes a one-argument function over its most recent inputs. The whole memo is dropped when it reaches
 * `limit` entries: simpler than LRU and enough for inputs that repeat in bursts, like the runs a CI bot
 * repeats in every verdict of a change.
 */
export function boundedMemo<Result>(compute: (input: string) => Result, limit = 20_000): (input: string) => Result {
  let memo = new Map<string, Result>();
  return (input) => {
    const known = memo.get(input);
    if (known !== undefined || memo.has(input)) return known as Result;
    const result = compute(input);
    if (memo.size >= limit) memo = new Map();
    memo.set(input, result);
    return result;
  };
}
