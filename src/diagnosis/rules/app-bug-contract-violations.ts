/**
 * app_bug's readings of a runtime library that caught the app's own code breaking a contract it checks:
 * a comparator that is not a consistent ordering, a collection changed while it was being iterated. No
 * environment causes these; the data only decides when the broken code is finally caught.
 */
import type { Signature } from './log-helpers.ts';

export const CONTRACT_VIOLATION_SIGNATURES: Signature[] = [
  {
    // A sort routine that detects an inconsistent comparator: Java's TimSort "Comparison method violates
    // its general contract!", Rust 1.81+ "user-provided comparison function does not correctly implement
    // a total order", MSVC's debug STL "invalid comparator", libstdc++ debug mode "comparison doesn't
    // meet irreflexive requirements". The comparator is the app's code; a larger data set only reveals it.
    all: [
      /\bComparison method violates its general contract\b|\buser-provided comparison function does not correctly implement a total order\b|\binvalid comparator\b|\bcomparison doesn't meet irreflexive requirements\b/,
    ],
    confidence: 0.8,
    title: "The app's sort comparator is inconsistent (it breaks the ordering contract the sort checks)",
  },
  {
    // A collection modified while the same code iterates it: Java ConcurrentModificationException, Python
    // "RuntimeError: dictionary changed size during iteration" / "Set changed size during iteration",
    // .NET "Collection was modified; enumeration operation may not execute".
    all: [
      /\bjava\.util\.ConcurrentModificationException\b|^RuntimeError: (?:dictionary|[Ss]et|OrderedDict|deque) (?:changed size|mutated) during iteration\b|\bCollection was modified; enumeration operation may not execute\b/,
    ],
    confidence: 0.76,
    title: 'The app modified a collection while iterating it (a bug in its own code)',
  },
];
