import type { CrashFacts, ExitMeaning, Finding, Target } from './types.ts';

/** Everything a rule may look at: the gathered facts, the decoded exit, and names for next steps. */
export interface RuleContext extends CrashFacts {
  exit: ExitMeaning;
  target: Target;
}

/**
 * A rule owns one cause. It is a pure function of the context: no I/O, no clock, no globals.
 * It returns null when its cause does not apply, or one finding (evidence, confidence, next steps).
 */
export interface Rule {
  /** Equal to the rule's file name (without .ts), so a finding can be traced to its code. */
  id: string;
  match(context: RuleContext): Finding | null;
}
