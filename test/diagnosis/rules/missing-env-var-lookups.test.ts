/**
 * The environment lookups of missing-env-var-lookups.ts: an exception raised by reading an unset
 * variable is claimed whatever the language calls it, and the same exception from a plain map is not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: `a Java client handed an unexpanded \${REDIS_HOST} as its host name`,
      log: `Caused by: java.net.UnknownHostException: \${REDIS_HOST}: Name or service not known\n\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)`,
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
    {
      name: "a tool that says an environment variable it reads is required and was not set (a templated profile's env_var)",
      log: 'Compilation Error\n  Required environment variable ANALYTICS_WAREHOUSE_PASSWORD was not provided to the job',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: "OCaml's Sys.getenv raising Not_found (backtrace on)",
      log: 'Fatal error: exception Not_found\nRaised by primitive operation at Stdlib__Sys.getenv in file "sys.ml", line 32\nCalled from Dune__exe__Config.load in file "bin/config.ml", line 8, characters 16-40\nCalled from Dune__exe__Main in file "bin/main.ml", line 3, characters 13-27',
      exitCode: 2,
      min: 0.8,
    },
    {
      name: ".NET's dictionary of the environment indexed with an unset variable",
      log: "Unhandled exception. System.Collections.Generic.KeyNotFoundException: The given key 'DATABASE_URL' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n   at Orders.Api.Program.Main(String[] args) in /src/Orders.Api/Program.cs:line 12",
      exitCode: 134,
      min: 0.8,
    },
    {
      name: "Spring Boot's validated properties bound to nothing (APP_MAIL_HOST unset)",
      log: [
        '***************************',
        'APPLICATION FAILED TO START',
        '***************************',
        'Description:',
        "Binding to target org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under 'app.mail' to com.example.mail.MailProperties failed:",
        '    Property: app.mail.host',
        '    Value: "null"',
        '    Reason: must not be blank',
      ].join('\n'),
      exitCode: 1,
      min: 0.7,
    },
    {
      name: ".NET's options validation: a [Required] field no variable provided (Storage__ConnectionString)",
      log: "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'StorageOptions' members: 'ConnectionString' with the error: 'The ConnectionString field is required.'.\n   at Microsoft.Extensions.Options.OptionsFactory`1.Create(String name)",
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a generic required-setting check naming a dotted property',
      log: 'level=error msg="startup failed" err="setting \'storage.s3.bucket\' is required"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'Micronaut-style binding failure that echoes an unresolved upper-case placeholder as the value',
      log: `***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nBinding to target com.acme.mail.MailProperties failed:\n\n    Property: mail.smtp.port\n    Value: "\${SMTP_PORT}"\n    Origin: class path resource [application-prod.yml] - 7:11\n    Reason: failed to convert java.lang.String to java.lang.Integer`,
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Go's url.Parse refusing a dollar-brace reference that the entrypoint never expanded",
      log: `panic: parse "\${REDIS_URL}": first path segment in URL cannot contain colon\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/worker/main.go:31 +0x1c5`,
      exitCode: 2,
      min: 0.75,
    },
    {
      name: "Java's Integer.parseInt given an unexpanded dollar-brace reference",
      log: `Exception in thread "main" java.lang.NumberFormatException: For input string: "\${WORKER_THREADS}"\n\tat java.base/java.lang.Integer.parseInt(Integer.java:662)`,
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'nginx that cannot resolve a real upstream name is a DNS failure, not a placeholder',
      log: 'nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:7',
      exitCode: 1,
    },
    {
      name: 'a variable that was required and then provided is a log of success, not a missing one',
      log: 'info: environment variable REDIS_URL required by the cache layer, value provided by secret redis-auth',
      exitCode: 0,
    },
    {
      name: 'a property that must be set to another value is a bad value, not a missing one',
      log: "ConfigurationException: 'quarkus.http.ssl.client-auth' property must be set to REQUIRED when mTLS is enabled",
      exitCode: 1,
    },
    {
      name: "Spring Boot's validation of a value that arrived (out of range) is not an absent one",
      log: '    Property: app.pool.size\n    Value: "0"\n    Reason: must be greater than or equal to 1',
      exitCode: 1,
    },
    {
      name: "OCaml's Not_found from List.assoc is the app's bug",
      log: 'Fatal error: exception Not_found\nRaised at Stdlib__List.assoc in file "list.ml", line 191, characters 10-25\nCalled from Router.dispatch in file "src/router.ml", line 44, characters 4-30',
      exitCode: 2,
    },
    {
      name: "OCaml's Sys.getenv_opt does not raise: a later Not_found is not the lookup's",
      log: 'Fatal error: exception Not_found\nRaised at Stdlib__Hashtbl.find in file "hashtbl.ml", line 541, characters 13-28\nCalled from Dune__exe__Main.port in file "bin/main.ml", line 6, characters 2-40 (Sys.getenv_opt)',
      exitCode: 2,
    },
    {
      name: ".NET's KeyNotFoundException for a lower-case key is a dictionary in the app",
      log: "Unhandled exception. System.Collections.Generic.KeyNotFoundException: The given key 'userId' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n   at Api.Handlers.Cart.Add() in /src/Cart.cs:line 40",
      exitCode: 134,
    },
    {
      name: `a \${NAME:-default} quoted in an error carries its own value: not an unexpanded variable`,
      log: `Error: invalid URL "\${API_BASE:-http://api:8080}": scheme must be http or https`,
      exitCode: 1,
    },
    {
      name: 'a Spring binding value that references another property (lower-case) is not an environment variable',
      log: `    Property: app.mail.host\n    Value: "\${mail.host}"\n    Reason: must be a valid URL`,
      exitCode: 1,
    },
  ],
});
