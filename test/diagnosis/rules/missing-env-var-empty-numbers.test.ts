/**
 * missing_env_var read from a number parsed out of an empty string in the runtimes of Nim, Crystal, Ruby,
 * .NET, Rust and Erlang: the parser names the empty value, which is what an unset variable leaves behind.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a Nim worker whose parseInt(getEnv("WORKERS")) got an empty string',
      log: 'INFO queue-worker 0.9.2 starting\nTraceback (most recent call last)\n/app/src/worker.nim(17) worker\n/nim/lib/pure/strutils.nim(1126) parseInt\nError: unhandled exception: invalid integer:  [ValueError]',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Crystal service whose ENV["PORT"].to_i saw an empty value',
      log: "Unhandled exception: Invalid Int32: \"\" (ArgumentError)\n  from /usr/share/crystal/src/string.cr:466:5 in 'to_i'\n  from src/server.cr:12:1 in '__crystal_main'",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Rust service whose env::var("POOL_SIZE").unwrap_or_default().parse() failed on the empty string',
      log: "thread 'main' panicked at src/config.rs:31:58:\ncalled `Result::unwrap()` on an `Err` value: ParseIntError { kind: Empty }",
      exitCode: 101,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Ruby job whose Integer(ENV.fetch("CONCURRENCY", "")) got nothing',
      log: '/app/config/puma.rb:4:in `Integer\': invalid value for Integer(): "" (ArgumentError)',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: ".NET 8's int.Parse of a configuration value that arrived empty",
      log: "Unhandled exception. System.FormatException: The input string '' was not in a correct format.\n   at System.Number.ThrowFormatException[TChar](ReadOnlySpan`1 value)\n   at Program.<Main>$(String[] args) in /src/Program.cs:line 9",
      exitCode: 134,
      min: 0.7,
      max: 0.84,
    },
    {
      name: "Puma's config converting an unset WEB_CONCURRENCY with Integer()",
      log: "=> Booting Puma\nExiting\n/rails/config/puma.rb:12:in `Integer': can't convert nil into Integer (TypeError)\n\tfrom /rails/config/puma.rb:12:in `_load_from'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Sidekiq initializer converting an unset timeout with Float()',
      log: "/app/config/initializers/sidekiq.rb:7:in `Float': can't convert nil into Float (TypeError)\n\tfrom /app/config/environment.rb:5:in `<main>'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "a Ruby worker converting nil outside config: may be the app's own nil, an alternative to app_bug",
      log: "/app/lib/rate_limiter.rb:14:in `Integer': can't convert nil into Integer (TypeError)\n\tfrom /app/bin/worker:8:in `<main>'",
      exitCode: 1,
      min: 0.6,
      max: 0.7,
      best: false,
    },
  ],
  negatives: [
    {
      name: 'a Nim parseInt of a value that is present but not a number is a bad value, not an unset variable',
      log: 'Traceback (most recent call last)\n/app/src/shortener.nim(41) shortener\nError: unhandled exception: invalid integer: 80a [ValueError]',
      exitCode: 1,
    },
    {
      name: 'a Crystal to_i of a non-numeric value names that value',
      log: 'Unhandled exception: Invalid Int32: "eighty" (ArgumentError)',
      exitCode: 1,
    },
    {
      name: 'a Rust parse of a malformed digit names the invalid digit, not an empty string',
      log: 'called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }',
      exitCode: 101,
    },
    {
      name: 'a Ruby Integer() of a present non-number is a bad value, not an unset variable',
      log: '/rails/config/puma.rb:12:in `Integer\': invalid value for Integer(): "four" (ArgumentError)',
      exitCode: 1,
    },
  ],
});
