/**
 * Coded errors. Code that fails with something a user can act on throws an ExitcodeError with one of
 * these codes and a sentence that says what happened and what to do; callers switch on `code`.
 * Anything else is an unknown error: logged with context, answered politely, never shown raw.
 */
export const ERROR_CODES = [
  'bad_input',
  'invalid_name',
  'file_unreadable',
  'config_invalid',
  'pod_not_found',
  'workload_not_found',
  'namespace_not_found',
  'forbidden',
  'cluster_unreachable',
  'cluster_timeout',
  'cluster_error',
  'not_allowed',
  'slack_error',
  'model_error',
  'action_refused',
  'action_failed',
  'busy',
  'too_large',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class ExitcodeError extends Error {
  readonly code: ErrorCode;
  /** Structured context for logs; never shown to a user. */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, userMessage: string, details: Record<string, unknown> = {}) {
    super(userMessage);
    this.name = 'ExitcodeError';
    this.code = code;
    this.details = details;
  }
}

export const isExitcodeError = (error: unknown): error is ExitcodeError => error instanceof ExitcodeError;

export const UNKNOWN_ERROR_SENTENCE =
  'Something went wrong on our side while doing that; it has been logged. Please try again in a moment.';

/** The one sentence a user may see for any error. */
export const userSentence = (error: unknown): string =>
  isExitcodeError(error) ? error.message : UNKNOWN_ERROR_SENTENCE;
