/**
 * The readings of missing-env-var-absent-inputs.ts: the shape an unset variable takes one step later (a
 * URL built from "None", an empty driver or URL, a secret never given, an Elixir setting never filled),
 * claimed in other products' words than the batch cases; the same failures with a real value present are not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a Python settings validator handed None where a URL string belongs (os.getenv of an unset variable)',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 12, in <module>\n    queue = QueueClient(url=os.getenv("JOBS_QUEUE_URL"))\nTypeError: invalid queue configuration: expected a string, got None',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "a client library's required setting that was to come from the environment",
      log: 'Traceback (most recent call last):\n  File "/app/sync.py", line 12, in <module>\n    client = Client()\nshopify_sync.errors.ConfigurationError: Required configuration option \'api_key\' is not set (pass it to Client() or set SHOPIFY_API_KEY)',
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
    {
      name: 'a Python client whose base URL came from os.environ.get and was None',
      log: `Traceback (most recent call last):\n  File "/app/worker.py", line 12, in <module>\n    resp = requests.get(f"{base}/v1/health")\nrequests.exceptions.MissingSchema: Invalid URL 'None/v1/health': No scheme supplied. Perhaps you meant https://None/v1/health?`,
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a Java client whose base URI was built from a null property',
      log: 'Exception in thread "main" java.lang.IllegalArgumentException: URI is not absolute: null/api/orders\n\tat java.base/java.net.URL.fromURI(URL.java:719)',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a Go service whose sql.Open driver name came from an unset variable',
      log: '2025/01/02 10:00:00 starting billing\n2025/01/02 10:00:00 fatal: sql: unknown driver "" (forgotten import?)',
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
    {
      name: 'a Sequelize app started without its dialect variable',
      log: 'Error: Dialect needs to be explicitly supplied as of v4.0.0\n    at new Sequelize (/app/node_modules/sequelize/lib/sequelize.js:301:13)',
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
    {
      name: 'a Go client parsing an empty connection URL',
      log: 'level=fatal msg="cannot connect to NATS" error="parse \\"\\": empty url"\nError: parse "": empty url',
      exitCode: 1,
      min: 0.8,
      best: 'missing_env_var',
    },
    {
      name: 'an older Ansible run from a Job with no vault password file variable',
      log: 'PLAY [all] *****\nERROR! A vault password must be specified to decrypt data',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a restic backup CronJob without RESTIC_PASSWORD',
      log: 'Fatal: an empty password is not allowed by default. Pass the flag `--insecure-no-password` to restic to disable this check',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a Phoenix release whose runtime.exs left :secret_key_base unset',
      log: '** (ArgumentError) could not fetch application environment :secret_key_base for application :shop because configuration at :secret_key_base was not set\n    (elixir 1.16.2) lib/application.ex:771: Application.fetch_env!/2',
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
    {
      name: 'an image whose entrypoint fills a dotted setting from a variable that was not passed',
      log: 'RuntimeError: app.public_url is not configured and must have a value.',
      exitCode: 1,
      min: 0.7,
      best: 'missing_env_var',
    },
    {
      name: 'a Rust service whose AMQP URL read with unwrap_or_default did not parse',
      log: 'Error: failed to create broker client\n\nCaused by:\n    AMQP URL did not parse',
      exitCode: 1,
      min: 0.6,
      max: 0.8,
      best: 'missing_env_var',
    },
    {
      name: 'a Python settings module that raises because its variable is not available',
      log: 'Traceback (most recent call last):\n  File "/app/settings.py", line 12, in <module>\n    raise RuntimeError("MEILI_MASTER_KEY not available")\nRuntimeError: MEILI_MASTER_KEY not available',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go client given an empty Redis URL (no scheme at all)',
      log: '2025/01/02 10:00:00 starting notifier\n2025/01/02 10:00:00 parse redis url: redis: invalid URL scheme: ',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'an ASP.NET API whose JWT authority rendered empty: new Uri("")',
      log: [
        'Unhandled exception. System.UriFormatException: Invalid URI: The URI is empty.',
        '   at System.Uri.CreateThis(String uri, Boolean dontEscape, UriKind uriKind, UriCreationOptions& creationOptions)',
        '   at System.Uri..ctor(String uriString)',
        '   at Ledger.Api.Program.<>c__DisplayClass0_0.<<Main>$>b__2(JwtBearerOptions options) in /src/Ledger.Api/Program.cs:line 41',
      ].join('\n'),
      min: 0.7,
    },
    {
      name: 'a .NET worker whose HttpClient base address came from an unset variable',
      log: 'Unhandled exception. System.UriFormatException: Invalid URI: The URI is empty.\n   at System.Uri..ctor(String uriString)\n   at Billing.Worker.Startup.<>c.<ConfigureServices>b__1_0(HttpClient c) in /src/Billing.Worker/Startup.cs:line 27',
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a Java client built with new URL("") from System.getenv',
      log: 'Exception in thread "main" java.net.MalformedURLException: no protocol: \n\tat java.base/java.net.URL.<init>(URL.java:674)\n\tat com.acme.sync.Main.main(Main.java:19)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Python job that opened an empty URL with urllib',
      log: 'Traceback (most recent call last):\n  File "/app/fetch.py", line 9, in <module>\n    urllib.request.urlopen(os.environ.get("FEED_URL", ""))\nValueError: unknown url type: \'\'',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an OpenSearch node without discovery settings in a container (its variables did not arrive)',
      log: '[2024-04-02T09:12:44,118][ERROR][o.o.b.OpenSearchBootstrap] [opensearch-0] node validation exception\n[1] bootstrap checks failed\n[1]: the default discovery settings are unsuitable for production use; at least one of [discovery.seed_hosts, discovery.seed_providers, cluster.initial_cluster_manager_nodes] must be configured',
      exitCode: 78,
      min: 0.55,
      max: 0.7,
    },
  ],
  negatives: [
    {
      name: 'a validator that wanted a string and got a number is a wrong type, not an unset variable',
      log: '** (ArgumentError) invalid value for :name option: expected string, got: 42',
      exitCode: 1,
    },
    {
      name: 'a required setting missing from a config file the app parses is that file, not a variable',
      log: "fatal: /etc/relay/config.yaml: line 12: required setting 'listen' missing",
      exitCode: 1,
    },
    {
      name: 'a URL that is present but malformed is not an unset variable',
      log: "TypeError: Invalid URL\n    at new URL (node:internal/url:816:25) {\n  code: 'ERR_INVALID_URL',\n  input: 'htp:/catalog.shop.svc/v2/'\n}",
      exitCode: 1,
    },
    {
      name: 'a driver that is named but not compiled in is a missing import, not a missing variable',
      log: 'fatal: sql: unknown driver "postgres" (forgotten import?)',
      exitCode: 1,
    },
    {
      name: 'a vault password that was given but is wrong is not an absent one',
      log: 'ERROR! Decryption failed (no vault secrets were found that could decrypt) on /runner/group_vars/all/vault.yml',
      exitCode: 1,
    },
    {
      name: 'an Elixir config key that is present with a bad value is not unset',
      log: '** (ArgumentError) invalid value for :pool_size: expected a positive integer, got: "ten"',
      exitCode: 1,
    },
    {
      name: 'a feature that is not available on this platform is not a variable',
      log: 'RuntimeError: CUDA_GRAPHS not available on this platform',
      exitCode: 1,
    },
    {
      name: 'a Go client given a URL with a wrong scheme was given a value',
      log: '2025/01/02 10:00:00 parse redis url: redis: invalid URL scheme: http',
      exitCode: 1,
    },
    {
      name: 'a URI that is present but malformed is a bad value, not an empty one',
      log: 'Unhandled exception. System.UriFormatException: Invalid URI: The hostname could not be parsed.\n   at System.Uri..ctor(String uriString)',
      exitCode: 134,
    },
    {
      name: 'an unknown url type that names the value is a URL without its scheme, not an empty one',
      log: "ValueError: unknown url type: 'feeds.internal/rss'",
      exitCode: 1,
    },
    {
      name: 'an Elasticsearch bootstrap check on vm.max_map_count is the node, not a variable',
      log: 'ERROR: [1] bootstrap checks failed\n[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
      exitCode: 78,
    },
  ],
});
