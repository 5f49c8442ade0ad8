import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// The interpreter's own version check of runtime-version-launcher-gates.ts: a version statement in the code
// (Perl's `use v5.36`, Tcl's `package require Tcl 8.6`) that the image's interpreter is too old for. A module's
// version line ("Foo version 2 required--this is only version 1") is a library's, so it is a negative.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'a Mojolicious script with use v5.38 on a Perl 5.34 image (the "did you mean" form)',
      log: 'Perl v5.38.0 required (did you mean v5.380.0?)--this is only v5.34.0, stopped at /opt/app/script/worker line 2.\nBEGIN failed--compilation aborted at /opt/app/script/worker line 2.',
      exitCode: 255,
      min: 0.85,
    },
    {
      name: 'a Tcl script requiring Tcl 8.6 on an 8.5 interpreter',
      log: 'version conflict for package "Tcl": have 8.5.19, need 8.6\n    while executing\n"package require Tcl 8.6"\n    (file "/srv/monitor/check.tcl" line 1)',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: "a CPAN module older than the code asks for is the library's version",
      log: 'Moo version 2.004 required--this is only version 2.003006 at /app/lib/Shop/Cart.pm line 4.\nBEGIN failed--compilation aborted at /app/lib/Shop/Cart.pm line 4.',
      exitCode: 255,
      best: false,
    },
  ],
});
