/**
 * runtime_version_mismatch's reading of JVM options written for another Java release. An unrecognized option
 * alone may be a typo or a stale flag in JAVA_OPTS (bad_command_args' reading stays close); when the JVM also
 * warns that another option of the same set was deprecated or removed in a later release, the JVM itself
 * shows it is newer than the options were written for. The runtime-version-mismatch rule asks this in its
 * adjust, for its removed-JVM-option signature.
 */
import type { LogLine } from '../types.ts';

/**
 * HotSpot's own notes on options of an older release: "Option UseConcMarkSweepGC was deprecated in version 9.0
 * and will likely be removed in a future release", "Ignoring option MaxPermSize; support was removed in 8.0",
 * "Ignoring option UseBiasedLocking; support was removed in 18.0", "-XX:+PrintGCDetails is deprecated. Will
 * use -Xlog:gc* instead", "-Xloggc is deprecated. Will use -Xlog:gc:... instead".
 */
const JVM_NEWER_THAN_OPTIONS =
  /\bVM warning: (?:Option [A-Za-z]{2,60} was deprecated in version \d{1,2}(?:\.\d{1,2})?\b|[Ii]gnoring option [A-Za-z]{2,60}(?:=[\w.%]{1,20})?; support was removed in \d{1,2}(?:\.\d{1,2})?\b)|^\[[\d.]{1,12}s\]\[warning\]\[gc\] -(?:XX:[+-]PrintGC[A-Za-z]{0,40}|Xloggc:?[^\n ]{0,120}) is deprecated\. Will use -Xlog:/;

/** True when the JVM's own warnings show it is a later release than the options were written for. */
export const jvmNewerThanOptions = (lines: readonly LogLine[]): boolean =>
  lines.some((l) => JVM_NEWER_THAN_OPTIONS.test(l.text));

/**
 * Confidence of a removed-JVM-option reading: above bad_command_args' (which steps back to 0.78 then) when the
 * JVM's warnings show it is the newer one, still below the confident band (the options could be fixed too).
 */
export const removedJvmOptionConfidence = (lines: readonly LogLine[], base: number): number =>
  jvmNewerThanOptions(lines) ? 0.84 : base;
