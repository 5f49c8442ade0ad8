/** What a secret is replaced with. The key name around it stays, so a line remains readable evidence. */
export const MASK = '[REDACTED]';
