import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appBug } from '../../../src/diagnosis/rules/app-bug.ts';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(appBug, 'app_bug', {
  positives: [
    {
      name: 'Python recursing through a parent chain until the interpreter stops it',
      log: 'Traceback (most recent call last):\n  File "/app/tree.py", line 12, in walk\n    return walk(node.parent)\n  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Node service whose serializer follows a cycle until the call stack is full',
      log: 'file:///app/dist/cache.js:41\n    return { ...node, children: node.children.map(snapshot) };\n                                               ^\n\nRangeError: Maximum call stack size exceeded\n    at snapshot (file:///app/dist/cache.js:41:48)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Rust service whose sort comparator is not a total order (Rust 1.81 checks it)',
      log: "thread 'main' panicked at library/core/src/slice/sort/shared/smallsort.rs:862:5:\nuser-provided comparison function does not correctly implement a total order\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
      exitCode: 101,
      min: 0.75,
    },
    {
      name: 'a Python worker that removes keys from a dict while it iterates it',
      log: 'Traceback (most recent call last):\n  File "/app/worker/cache.py", line 41, in evict\n    for key in self.entries:\nRuntimeError: dictionary changed size during iteration',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Go service registers its metrics handler twice on the default mux',
      log: 'panic: http: multiple registrations for /metrics\n\ngoroutine 1 [running]:\nnet/http.(*ServeMux).register(...)\n\t/usr/local/go/src/net/http/server.go:2733\nmain.main()\n\t/src/cmd/api/main.go:41 +0x1c5',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a Mongoose model compiled twice when a module is imported under two paths',
      log: '/app/node_modules/mongoose/lib/index.js:556\n      throw new _mongoose.Error.OverwriteModelError(name);\n      ^\n\nOverwriteModelError: Cannot overwrite `Invoice` model once compiled.\n    at Mongoose.model (/app/node_modules/mongoose/lib/index.js:556:13)\n    at Object.<anonymous> (/app/src/models/invoice.js:40:27)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a prometheus_client counter declared in a module that runs twice',
      log: 'Traceback (most recent call last):\n  File "/app/app/metrics.py", line 9, in <module>\n    REQUESTS = Counter("http_requests_total", "Requests")\n  File "/usr/local/lib/python3.12/site-packages/prometheus_client/registry.py", line 43, in register\n    raise ValueError(\nValueError: Duplicated timeseries in CollectorRegistry: {\'http_requests_total\', \'http_requests_created\'}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Node logger quotes an unhandled rejection: a null dereference in a route loader',
      log: "2024-06-02T10:11:12.001Z info  [ghost] booting\n2024-06-02T10:11:13.400Z error [process] Unhandled rejection: TypeError: Cannot read properties of null (reading 'slug')\n    at PostsService.loadFeatured (/var/lib/ghost/core/server/services/posts.js:88:31)",
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'Python mutates a set while iterating it in a background task',
      log: 'Traceback (most recent call last):\n  File "/app/worker/sessions.py", line 77, in expire_idle\n    for sid in self._active:\nRuntimeError: Set changed size during iteration',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: '.NET enumerates a list that a handler modifies',
      log: 'Unhandled exception. System.InvalidOperationException: Collection was modified; enumeration operation may not execute.\n   at System.Collections.Generic.List`1.Enumerator.MoveNextRare()\n   at Billing.Scheduler.Run() in /src/Billing/Scheduler.cs:line 41',
      exitCode: 134,
      min: 0.6,
    },
    {
      name: 'Spring Data derived query names a property the entity does not have',
      log: "org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'invoiceService': Unsatisfied dependency expressed through constructor parameter 0: Error creating bean with name 'invoiceRepository': Could not create query for public abstract java.util.List com.acme.billing.InvoiceRepository.findByCustomerNumber(java.lang.String); Reason: Failed to create query for method public abstract java.util.List com.acme.billing.InvoiceRepository.findByCustomerNumber(java.lang.String); No property 'customerNumber' found for type 'Invoice'",
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'Hibernate 5 mappedBy pointing at a renamed property',
      log: 'Caused by: org.hibernate.AnnotationException: mappedBy reference an unknown target entity property: com.acme.shop.LineItem.order in com.acme.shop.Order.items',
      exitCode: 1,
      min: 0.65,
    },
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
    {
      name: '.NET dependency injection refuses a cycle between services',
      log: "Unhandled exception. System.InvalidOperationException: A circular dependency was detected for the service of type 'Shop.Orders.IOrderService'.\nShop.Orders.IOrderService(Shop.Orders.OrderService) -> Shop.Payments.IPaymentService(Shop.Payments.PaymentService) -> Shop.Orders.IOrderService",
      min: 0.75,
    },
    {
      name: 'Python circular import (not a missing package)',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 1, in <module>\n    from app.routes import api\nImportError: cannot import name 'User' from partially initialized module 'app.models' (most likely due to a circular import) (/app/app/models.py)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'OCaml List.assoc raising Not_found in the app',
      log: 'Fatal error: exception Not_found\nRaised at Stdlib__List.assoc in file "list.ml", line 191, characters 10-25\nCalled from Router.dispatch in file "src/router.ml", line 40, characters 4-30',
      exitCode: 2,
      min: 0.6,
    },
    {
      name: 'Haskell partial function',
      log: 'ledger: Prelude.head: empty list\nCallStack (from HasCallStack):\n  error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'Rust unwrap on None',
      log: "thread 'main' panicked at src/main.rs:22:48:\ncalled `Option::unwrap()` on a `None` value\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
      exitCode: 101,
      min: 0.65,
    },
    {
      name: 'Go write to a nil map',
      log: 'panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.(*Registry).Add(...)\n\t/src/registry.go:31',
      exitCode: 2,
      min: 0.65,
    },
    {
      name: 'Swift force-unwrap of nil',
      log: 'Fatal error: Unexpectedly found nil while unwrapping an Optional value: file App/Routes.swift, line 48',
      exitCode: 132,
      min: 0.65,
    },
    {
      name: 'Kotlin lateinit property read too early',
      log: 'Exception in thread "main" kotlin.UninitializedPropertyAccessException: lateinit property repo has not been initialized\n\tat com.acme.AppKt.main(App.kt:14)',
      min: 0.65,
    },
    {
      name: 'C++ std::out_of_range from map::at',
      log: "terminate called after throwing an instance of 'std::out_of_range'\n  what():  map::at",
      exitCode: 134,
      min: 0.6,
    },
    {
      name: 'Perl method on undef',
      log: 'Can\'t call method "id" on an undefined value at /app/lib/Orders.pm line 77.',
      exitCode: 255,
      min: 0.55,
    },
    {
      name: 'Lua index on nil (OpenResty worker)',
      log: "2024/06/01 10:00:00 [error] 7#7: *1 lua entry thread aborted: runtime error: /app/lua/router.lua:21: attempt to index a nil value (field 'routes')",
      min: 0.55,
    },
    {
      name: 'Julia BoundsError',
      log: 'ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [4]\nStacktrace:\n [1] getindex\n   @ ./essentials.jl:13 [inlined]',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'Erlang badmatch on a value of the app',
      log: '{"init terminating in do_boot",{{badmatch,[]},[{ledger_app,start,2,[{file,"src/ledger_app.erl"},{line,19}]}]}}',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'a .NET dictionary filled with a duplicate key',
      log: 'Unhandled exception. System.ArgumentException: An item with the same key has already been added. Key: EUR\n   at System.Collections.Generic.Dictionary`2.TryInsert(TKey key, TValue value, InsertionBehavior behavior)\n   at Pricing.RateCache.Load() in /src/Pricing/RateCache.cs:line 31',
      exitCode: 134,
      min: 0.6,
    },
    {
      name: 'Java Optional.get on an empty Optional, under a framework wrapper',
      log: "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'tenantRegistry'\nCaused by: java.util.NoSuchElementException: No value present\n\tat java.base/java.util.Optional.get(Optional.java:143)\n\tat com.acme.tenants.TenantRegistry.init(TenantRegistry.java:58)",
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'ASP.NET Core cannot activate a controller whose service was never registered',
      log: "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Billing.IInvoiceStore' while attempting to activate 'Billing.InvoiceService'.\n   at Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetService(IServiceProvider sp, Type type, Type implementationType, Boolean isDefaultParameterRequired)",
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'Guice finds no binding for an interface the app injects',
      log: 'Exception in thread "main" com.google.inject.CreationException: Unable to create injector, see the following errors:\n\n1) [Guice/MissingImplementation]: No implementation for com.acme.mail.MailSender was bound.',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Go send on a closed channel wins over a tracing exporter that cannot resolve its collector',
      log: '2025/02/11 09:00:01 traces export: context deadline exceeded: rpc error: code = Unavailable desc = name resolver error: produced zero addresses for jaeger-collector.tracing:4317\n2025/02/11 09:00:09 traces export: dial tcp: lookup jaeger-collector.tracing on 10.96.0.10:53: no such host\npanic: send on closed channel\n\ngoroutine 41 [running]:\nmain.(*fanout).publish(0xc0000a2000, {0xc0001b4000, 0x10})\n\t/src/cmd/fanout/fanout.go:77 +0x8d\ncreated by main.(*fanout).start in goroutine 1\n\t/src/cmd/fanout/fanout.go:52 +0x1a5',
      exitCode: 2,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'an Elixir GenServer terminating because its database connection was refused (the network, not the code)',
      log: '[error] GenServer MyApp.Repo.Listener terminating\n** (DBConnection.ConnectionError) tcp connect (db.internal:5432): connection refused - :econnrefused\n    (db_connection 2.6.0) lib/db_connection/connection.ex:95: DBConnection.Connection.connect/2',
      exitCode: 1,
    },
    {
      name: 'a tool that names its own configured recursion depth limit is not a stack overflow',
      log: 'include resolver: maximum recursion depth is 64 (raise INCLUDE_DEPTH to allow deeper includes)\ndone',
      exitCode: 0,
    },
    {
      name: 'a comparison of versions logged as information is not a broken comparator',
      log: 'INFO comparing schema versions: contract v3 matches general release\nINFO server started on :8080',
      exitCode: 0,
    },
    {
      name: 'a component that reports it was already registered and carries on is not a crash',
      log: 'INFO  plugin @fastify/cors already registered, skipping\nINFO  Server listening at http://0.0.0.0:3000',
      exitCode: 0,
    },
    {
      name: 'a runtime fault a worker recovered from and logged is not the crash',
      log: 'time=2025-02-11T09:00:01Z level=WARN msg="worker recovered" err="panic: close of closed channel"\ntime=2025-02-11T09:00:02Z level=ERROR msg="failed to connect to redis" addr=redis:6379 err="dial tcp 10.0.0.7:6379: connect: connection refused"',
      exitCode: 1,
    },
    {
      name: 'a debug line saying a lookup returned null is not a crash',
      log: 'DEBUG [cache] lookup for key user:42 returned null (reading from database instead)\nINFO  [http] listening on :8080',
      exitCode: 1,
    },
    {
      name: 'a DI container logging the providers it resolved is not a failure',
      log: '[Nest] 1  - LOG [InstanceLoader] ShipmentsModule dependencies initialized +3ms\n[Nest] 1  - LOG [NestApplication] Nest application successfully started',
    },
    {
      name: 'Hibernate schema validation against a database without the migration',
      log: 'org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing column [customer_id] in table [orders]',
      exitCode: 1,
    },
    {
      name: 'an iteration log line that is not an error',
      log: 'INFO cache warm-up: dictionary size 1200 during iteration 3, continuing',
    },
    {
      name: "a database's duplicate-key violation is the data, not a stream misuse",
      log: 'ERROR: duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=(a@b.c) already exists.',
      exitCode: 1,
    },
    { name: 'an exception handled and logged at info', log: 'INFO request failed, will retry\nINFO done' },
    {
      name: 'a traceback caused by a missing module belongs to that cause',
      log: 'Traceback (most recent call last):\n  File "/app/app.py", line 1, in <module>\n    import flask\nModuleNotFoundError: No module named \'flask\'',
    },
    {
      name: "OCaml's Not_found raised by Sys.getenv is a variable that is not set",
      log: 'Fatal error: exception Not_found\nRaised by primitive operation at Stdlib__Sys.getenv in file "sys.ml", line 32\nCalled from Dune__exe__Main in file "bin/main.ml", line 5, characters 12-40',
      exitCode: 2,
    },
    {
      name: "Scala's sys.env lookup of an unset variable",
      log: 'Exception in thread "main" java.util.NoSuchElementException: key not found: DATABASE_URL\n\tat scala.collection.immutable.Map$Map1.apply(Map.scala:163)',
      exitCode: 1,
    },
    {
      name: 'an Erlang badmatch on {error, eaddrinuse} is the environment, not the code',
      log: '{"init terminating in do_boot",{{badmatch,{error,eaddrinuse}},[{server,start,0,[]}]}}',
      exitCode: 1,
    },
    {
      name: 'a circular placeholder in a config file is the config',
      log: "java.lang.IllegalArgumentException: Circular placeholder reference 'db.url' in property definitions",
      exitCode: 1,
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
