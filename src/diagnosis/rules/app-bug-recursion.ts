/**
 * app_bug's readings of unbounded recursion: the code calls itself (or two objects refer to each other)
 * until the stack runs out. Every runtime names it in its own words, and none of them is caused by the
 * environment; the data only decides how deep the recursion goes before it is caught.
 */
import type { Signature } from './log-helpers.ts';

export const RECURSION_SIGNATURES: Signature[] = [
  {
    // Jackson "Infinite recursion (StackOverflowError)" (a bidirectional JPA relation serialised both
    // ways), Python "RecursionError: maximum recursion depth exceeded", JavaScript "RangeError: Maximum
    // call stack size exceeded", Ruby "stack level too deep (SystemStackError)", Go "goroutine stack
    // exceeds 1000000000-byte limit", Rust "thread 'main' has overflowed its stack", Crystal "Stack
    // overflow (e.g., infinite or very deep recursion)", .NET's "Stack overflow." before repeated frames.
    all: [
      /\bInfinite recursion \(StackOverflowError\)|\b(?:RecursionError|RuntimeError): maximum recursion depth exceeded\b|\bMaximum call stack size exceeded\b|\bstack level too deep\b|\bgoroutine stack exceeds \d{1,20}-byte limit\b|\bthread '[^'\n]{1,100}' has overflowed its stack\b|^Stack overflow\.(?:\s|$)|\bStack overflow \(e\.g\., infinite or very deep recursion\)/,
    ],
    confidence: 0.8,
    title: 'The app recursed without end until the stack overflowed (a bug in its own code)',
  },
];
