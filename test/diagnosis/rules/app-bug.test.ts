import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appBug } from '../../../src/diagnosis/rules/app-bug.ts';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(appBug, 'app_bug', {
  positives: [
    {
      name: 'a Unity game server null reference',
      log: 'Loading world: Dedicated\nNullReferenceException: Object reference not set to an instance of an object\n  at ZNet.LoadWorld () [0x00012] in <b1e2c3d4>:0',
      min: 0.55,
    },
    {
      name: 'an Elixir MatchError in the app',
      log: '08:25:01.100 [error] GenServer Billing.Ledger terminating\n** (MatchError) no match of right hand side value: {:error, :not_found}\n    (billing 0.4.2) lib/billing/ledger.ex:88: Billing.Ledger.handle_call/3',
      min: 0.55,
    },
    {
      name: 'go nil dereference',
      log: 'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b1c2d]\n\ngoroutine 1 [running]:\nmain.(*Server).Start(0x0)\n\t/app/server.go:42 +0x2d\nmain.main()\n\t/app/main.go:17 +0x85',
      exitCode: 2,
      min: 0.7,
    },
    {
      name: 'python TypeError',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 52, in <module>\n    main()\n  File "/app/worker.py", line 47, in main\n    total = count + "items"\nTypeError: unsupported operand type(s) for +: \'int\' and \'str\'',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'node TypeError',
      log: "/usr/src/app/src/handler.js:18\n    return user.profile.name;\n                        ^\n\nTypeError: Cannot read properties of undefined (reading 'name')\n    at handle (/usr/src/app/src/handler.js:18:25)\n    at main (/usr/src/app/src/index.js:9:3)",
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'java NPE',
      log: 'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.acme.App.main(App.java:12)',
      min: 0.65,
    },
    {
      name: '.NET NullReference',
      log: 'Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n   at Api.Program.Main(String[] args) in /src/Program.cs:line 21',
      min: 0.65,
    },
    {
      name: 'ruby NoMethodError',
      log: "/app/lib/importer.rb:14:in `run': undefined method `each' for nil:NilClass (NoMethodError)",
      min: 0.6,
    },
    {
      name: 'php uncaught',
      log: 'PHP Fatal error:  Uncaught Error: Call to a member function format() on null in /var/www/html/src/Report.php:33',
      min: 0.6,
    },
  ],
  negatives: [
    { name: 'an exception handled and logged at info', log: 'INFO request failed, will retry\nINFO done' },
    {
      name: 'a traceback caused by a missing module belongs to that cause',
      log: 'Traceback (most recent call last):\n  File "/app/app.py", line 1, in <module>\n    import flask\nModuleNotFoundError: No module named \'flask\'',
    },
  ],
});

test('app-bug: a specific cause inside a stack trace outranks the generic reading', () => {
  const finding = appBug.match(
    contextFor({
      name: '',
      log: 'thread \'main\' panicked at src/main.rs:10:5:\ncreate dir: Os { code: 30, kind: ReadOnlyFilesystem, message: "Read-only file system" }',
    }),
  );
  assert.ok(finding && finding.confidence < 0.6);
});
