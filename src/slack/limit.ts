/** The diagnosis limiter lives with the use cases it bounds (src/services/limit.ts). */
export {
  BUSY_SENTENCE,
  createLimiter,
  DEFAULT_LIMITER,
  type Limiter,
  type LimiterSettings,
} from '../services/limit.ts';
