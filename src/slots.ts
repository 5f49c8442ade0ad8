/**
 * At most `count` pieces of work at once; the rest wait in arrival order, without bound or deadline
 * (the bounded, time-limited queue for people's diagnoses is services/limit.ts). A finishing piece hands
 * its slot straight to the next waiting one.
 */
export const createSlots = (count: number): (<T>(work: () => Promise<T>) => Promise<T>) => {
  let free = count;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free -= 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
};
