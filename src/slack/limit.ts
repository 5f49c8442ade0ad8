/**
 * A small concurrency limit for diagnoses. Work beyond the limit waits in a queue without using CPU,
 * so a burst of commands neither floods the Kubernetes API server nor delays the acks of the commands
 * arriving behind it (an ack needs the event loop, which running diagnoses keep busy).
 */
export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

export const createLimiter = (max: number): Limiter => {
  let active = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    active--;
    const next = queue.shift();
    if (next) {
      active++;
      next();
    }
  };
  return {
    run: async <T>(work: () => Promise<T>): Promise<T> => {
      if (active >= max) {
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        active++;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
};
