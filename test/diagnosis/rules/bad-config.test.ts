import { badConfig } from '../../../src/diagnosis/rules/bad-config.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PodFacts } from '../../../src/diagnosis/types.ts';
import { containerFacts, podFacts, contextFor as podContext } from '../../fixtures/pods.ts';
import { ruleTable } from './helpers.ts';

ruleTable(badConfig, 'bad_config', {
  positives: [
    {
      name: 'a settings library reading TOML with its vendored copy of tomllib',
      log: 'Traceback (most recent call last):\n  File "/usr/local/lib/python3.11/site-packages/dynaconf/vendor/tomllib/_parser.py", line 649, in parse_value\n    raise suffixed_err(src, pos, "Invalid value")\ndynaconf.vendor.tomllib._parser.TOMLDecodeError: Invalid value (at line 4, column 9)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Superset's config module filled from an env value written as JSON's true (Python needs True)",
      log: "Loaded your LOCAL configuration at [/app/pythonpath/superset_config.py]\nTraceback (most recent call last):\n  File \"/app/pythonpath/superset_config.py\", line 12, in <module>\n    ENABLE_PROXY_FIX = true\n                       ^^^^\nNameError: name 'true' is not defined. Did you mean: 'True'?",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: "a JS config file given Python's None",
      log: 'file:///app/next.config.mjs:4\n  output: None,\n          ^\n\nReferenceError: None is not defined\n    at file:///app/next.config.mjs:4:11',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Quarkus option set through its environment variable with a value it does not accept',
      log: "Invalid value for option 'KC_HOSTNAME_STRICT': yes. Expected values are: true, false",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a client library refusing an option value it requires to be null or a number',
      log: 'Error: Your cache options ttl must be a positive integer.\n    at new Cache (/app/node_modules/x/index.js:10:11)',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'JupyterHub refusing a config value of the wrong type',
      log: "traitlets.traitlets.TraitError: The 'cull_idle_timeout' trait of a JupyterHub instance expected an int, not the str '3600'.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Cassandra listing a mis-indented key it does not know',
      log: 'Exception (org.apache.cassandra.exceptions.ConfigurationException) encountered during startup: Invalid yaml. Please remove properties [concurrent_wrties] from your cassandra.yaml',
      exitCode: 3,
      min: 0.75,
    },
    {
      name: "Python logging.config failing on a handler's value (a size given as a string)",
      log: "TypeError: '>' not supported between instances of 'str' and 'int'\n\nThe above exception was the direct cause of the following exception:\n\nValueError: Unable to configure handler 'rotating'",
      exitCode: 1,
      min: 0.6,
      max: 0.84,
    },
    {
      name: 'a JavaScript settings file of a server that does not compile after a template dropped a comma',
      log: "Error loading settings file: /data/settings.js\n/data/settings.js:88\n    editorTheme: {\n    ^^^^^^^^^^^\n\nSyntaxError: Unexpected identifier 'editorTheme'",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a pydantic v2 settings model that forbids extra keys, given a misspelt key',
      log: "pydantic_core._pydantic_core.ValidationError: 1 validation error for ProxyConfig\nmodel_lst\n  Extra inputs are not permitted [type=extra_forbidden, input_value=[{'model_name': 'gpt-4o'}], input_type=list]",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "configparser's getboolean refuses a value with an inline comment (INI config of a Python tool)",
      log: 'Traceback (most recent call last):\n  File "/usr/lib/python3.11/configparser.py", line 828, in getboolean\n    raise ValueError(\'Not a boolean: %s\' % value)\nValueError: Not a boolean: true ; enable for prod',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a config loader names the key in its section whose value is not a number',
      log: 'ConfigError: Failed to convert value to float. Please check "sample_rate" key in "tracing" section. Current value: "0.1%".',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a YAML config file mounted from a ConfigMap key that rendered nothing',
      log: 'time="2025-03-02T10:01:00Z" level=fatal msg="config file /etc/exporter/config.yaml is empty"',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a Rust service whose address variable does not parse as host:port',
      log: 'Error: failed to parse METRICS_ADDR="9100": invalid socket address syntax',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: '.NET configuration binding that cannot convert a value to its setting type',
      log: "Unhandled exception. System.InvalidOperationException: Failed to convert configuration value at 'Worker:PollInterval' to type 'System.TimeSpan'.\n ---> System.FormatException: String '5 minutes' was not recognized as a valid TimeSpan.",
      exitCode: 134,
      min: 0.8,
    },
    {
      name: 'an enum setting bound through the options pattern names no member of the enum',
      log: "Unhandled exception. System.ArgumentException: Requested value 'Strict2' was not found.\n   at System.Enum.Parse[TEnum](String value)\n   at Program.<>c.<<Main>$>b__0_1(CacheOptions o) in /src/Api/Program.cs:line 21\n   at Microsoft.Extensions.Options.OptionsFactory`1.Create(String name)",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'a fluentd output type one slip off the built-in stdout is a typo in the config',
      log: '2024-02-07 12:01:44 +0000 [error]: config error file="/fluentd/etc/fluent.conf" error_class=Fluent::ConfigError error="Unknown output plugin \'stdotu\'. Run \'gem search -rd fluent-plugin\' to find plugins"',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'a server that names an unknown configuration key it did not expect',
      log: 'level=fatal msg="loading config" error="unknown configuration key \'retention_peroid\' in /etc/agent/config.yaml"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a server whose config parser only says it failed, naming the file and line',
      log: '2024-06-01 10:00:00: (configfile.c.1900) source: /etc/app/server.conf line: 12 pos: 5 parser failed somehow near here: }',
      exitCode: 255,
      min: 0.7,
    },
    {
      name: 'a fileConfig formatter whose printf-style format is declared with the brace style',
      log: "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.13/logging/config.py\", line 95, in _create_formatters\n    f = c(fs, dfs, stl, **kwargs)\nValueError: Invalid format '%(asctime)s %(levelname)s %(message)s' for '{' style",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Python's dictConfig cannot build a filter of the logging configuration",
      log: "TypeError: RequestIdFilter.__init__() got an unexpected keyword argument 'header'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/app/main.py\", line 9, in <module>\n    logging.config.dictConfig(LOGGING)\nValueError: Unable to configure filter 'request_id'",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a .NET validator that rejects a section of the configuration it bound',
      log: "Unhandled exception. System.InvalidOperationException: The rate limiter config is invalid. (Policy 'burst' requires PermitLimit greater than 0.)\n   at Acme.Gateway.RateLimiting.Validate(RateLimiterOptions options)\n   at Program.<Main>$(String[] args) in /src/Program.cs:line 19",
      exitCode: 134,
      min: 0.78,
    },
    {
      name: "a daemon's configuration error with the EX_CONFIG exit code (sysexits 78)",
      log: 'postfix/postfix-script: starting the Postfix mail system\nfatal: Configuration error. smtpd_tls_security_level: bad value "mayy"',
      exitCode: 78,
      min: 0.8,
    },
    {
      name: 'a next.config.js rendered from a template that does not compile',
      log: "/app/next.config.js:12\n  images: {\n  ^^^^^^\n\nSyntaxError: Unexpected identifier 'images'\n    at internalCompileFunction (node:internal/vm:76:18)\n    at wrapSafe (node:internal/modules/cjs/loader:1283:20)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a process manager that says its config file is malformatted',
      log: '[PM2][ERROR] File /app/pm2.config.json malformatted\nError: Unexpected token } in JSON at position 212',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Squid refuses a rule naming an ACL it has not defined (a different directive)',
      log: "2024/08/12 07:31:44| Processing Configuration File: /etc/squid/squid.conf (depth 0)\n2024/08/12 07:31:44| ERROR: aclParseAclList: ACL name 'office_nets' not found.\n2024/08/12 07:31:44| FATAL: Bungled /etc/squid/squid.conf line 41: ssl_bump splice office_nets",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go service that cannot parse its config file (lower-case errno elsewhere absent)',
      log: 'Error: failed to load configuration: yaml: line 12: did not find expected key',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'ISC dhcpd names the semicolon its config file lacks',
      log: 'Internet Systems Consortium DHCP Server 4.4.3\n/etc/dhcp/dhcpd.conf line 14: semicolon expected.\n  option routers 10.0.0.1\nConfiguration file errors encountered -- exiting',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Varnish's VCC compiler rejects the VCL",
      log: "Error:\nMessage from VCC-compiler:\nSymbol not found: 'req.htp.host'\n('/etc/varnish/default.vcl' Line 31 Pos 13)\n\nRunning VCC-compiler failed, exited with 2\nVCL compilation failed",
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a MySQL option file whose settings come before any [group] header',
      log: 'mysqld: [ERROR] Found option without preceding group in config file /etc/mysql/conf.d/tuning.cnf at line 1.\nmysqld: [ERROR] Fatal error in defaults handling. Program aborted!',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'php-fpm finds no pool section in its rendered configuration',
      log: '[03-Dec-2026 01:12:44] ERROR: No pool defined. at least one pool section must be specified in config file\n[03-Dec-2026 01:12:44] ERROR: failed to post process the configuration\n[03-Dec-2026 01:12:44] ERROR: FPM initialization failed',
      exitCode: 78,
      min: 0.75,
    },
    {
      name: 'PyYAML reports a colon in an unquoted value',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 8, in <module>\nyaml.scanner.ScannerError: mapping values are not allowed in this context\n  in "/etc/app/config.yml", line 7, column 21',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'js-yaml reports a mis-indented block',
      log: 'Error: bad indentation of a sequence entry (12:5)\n\n 10 |   - name: web\n 11 |     port: 80\n 12 |    - name: api',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a JSON schema validator names an extra property',
      log: 'level=fatal msg="invalid configuration: Additional property listen_adress is not allowed"',
      exitCode: 1,
      min: 0.7,
      max: 0.8,
    },
    {
      name: 'an OpenTelemetry pipeline refers to an exporter that is not configured',
      log: 'Error: invalid configuration: service::pipelines::traces: references exporter "otlp/tempo" which is not configured\n2024/06/01 10:00:00 collector server run finished with error: invalid configuration',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a log4j2 status logger rejects its configuration',
      log: 'ERROR StatusLogger Unable to locate plugin type for JsonTemplateLayout\nERROR StatusLogger Unable to invoke factory method in class org.apache.logging.log4j.core.appender.ConsoleAppender for element Console',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'cuttlefish cannot convert a setting value',
      log: '2024-06-01 10:00:00.000 [error] Error generating configuration in phase transform_datatypes\n2024-06-01 10:00:00.000 [error] Error transforming datatype for: riak.listener.http.internal',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an unknown cuttlefish variable is a typo or a newer key: not confident',
      log: '[error] Error preparing configuration in phase validation:\n[error]   - Conf file attempted to set unknown variable: cluster_formation.k8s.hostnme',
      exitCode: 1,
      min: 0.7,
      max: 0.8,
    },
    {
      name: 'a PostgreSQL parameter the server does not know stays below the confident band (typo or newer version)',
      log: '2024-06-03 08:01:12.051 UTC [1] LOG:  unrecognized configuration parameter "shared_bufers" in file "/etc/postgresql/postgresql.conf" line 121\n2024-06-03 08:01:12.051 UTC [1] FATAL:  configuration file "/etc/postgresql/postgresql.conf" contains errors',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a strict schema that names a key it does not know (zod)',
      log: 'ZodError: [\n  {\n    "code": "unrecognized_keys",\n    "keys": ["listen_adress"],\n    "path": ["server"],\n    "message": "Unrecognized key(s) in object: \'listen_adress\'"\n  }\n]',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: "Logstash's pipeline grammar error",
      log: '[2024-04-09T08:11:02,441][ERROR][logstash.agent           ] Failed to execute action {:action=>LogStash::PipelineAction::Create/pipeline_id:main, :exception=>"LogStash::ConfigurationError", :message=>"Expected one of [ \\\\t\\\\r\\\\n], \\"#\\", \\"{\\" at line 12, column 9 (byte 215) after filter {\\n  grok "}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a settings file called invalid JSON by the app itself',
      log: "Exception: Invalid JSON in /app/config/settings.json: Expecting ',' delimiter: line 12 column 5 (char 311)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a HOCON file that does not parse (Play)',
      log: "Oops, cannot start the server.\ncom.typesafe.config.ConfigException$Parse: application.conf @ file:/opt/app/conf/application.conf: 12: Key 'play.http' may not be followed by token: '}' (if you intended '}' to be part of a key or string value, try enclosing the key or value in double quotes)",
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'an INI file without its section header',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 9, in <module>\n    config.read('/etc/app/app.ini')\nconfigparser.MissingSectionHeaderError: File contains no section headers.\nfile: '/etc/app/app.ini', line: 1\n'log_level = info\\n'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Erlang advanced.config with a syntax error (RabbitMQ)',
      log: 'BOOT FAILED\n===========\nError during startup: {error,{config_file_error,"error in config file \\"/etc/rabbitmq/advanced.config\\" (3): syntax error before: \']\'"}}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a configuration class of exception (Hazelcast)',
      log: 'Exception in thread "main" com.hazelcast.config.InvalidConfigurationException: cvc-complex-type.2.4.a: Invalid content was found starting with element \'netwrk\'',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go app whose JSON config ends early',
      log: 'level=info msg="starting exporter" version=1.4.2\nlevel=fatal msg="unable to parse config" file=/etc/exporter/config.json err="unexpected end of JSON input"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Caddyfile that ends inside a block',
      log: 'Error: adapting config using caddyfile: /etc/caddy/Caddyfile:23 - Error during parsing: Unexpected EOF',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "flannel's --iface names an interface the node does not have",
      log: 'I0412 09:12:01.101010       1 main.go:212] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001 iface:[eth1]}\nE0412 09:12:01.123456       1 main.go:330] Could not find valid interface matching eth1: failed to find IPv4 address for interface eth1',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a semantic error reported as a failed load step (Alertmanager)',
      log: 'ts=2024-05-06T13:20:41.924Z caller=coordinator.go:113 level=info component=configuration msg="Loading configuration file" file=/etc/alertmanager/alertmanager.yml\nts=2024-05-06T13:20:41.925Z caller=coordinator.go:118 level=error component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/alertmanager.yml err="no global SMTP smarthost set"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'fluentd rejects a parameter of its config',
      log: '2024-02-07 12:01:44 +0000 [info]: parsing config file is succeeded path="/fluentd/etc/fluent.conf"\n2024-02-07 12:01:44 +0000 [error]: config error file="/fluentd/etc/fluent.conf" error_class=Fluent::ConfigError error="\'path\' parameter is required"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a URL setting without its scheme',
      log: 'Error: APP_URL must start with http:// or https:// (got "shop.example.com")',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a MinIO key shorter than allowed',
      log: 'ERROR Invalid credentials: Access key length should be at least 3, and secret key length at least 8 characters',
      min: 0.75,
    },
    {
      name: '.NET invariant globalization with cultures',
      log: "Unhandled exception. System.Globalization.CultureNotFoundException: Only the invariant culture is supported in globalization-invariant mode. See https://aka.ms/GlobalizationInvariantMode for more information. (Parameter 'name')",
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a Kubernetes service-link value in PORT',
      log: "RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type string ('tcp://10.96.4.4:3000').",
      min: 0.75,
    },
    {
      name: 'a certificate password that does not open the pfx',
      log: 'Unhandled exception. Interop+Crypto+OpenSslCryptographicException: error:23076071:PKCS12 routines:PKCS12_parse:mac verify failure',
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a parser naming file, line and column (NATS)',
      log: 'nats-server: /etc/nats/nats.conf:14:3: Expected a map value terminator "}" or a key/value separator, got \'=\' instead',
      min: 0.7,
    },
    {
      name: 'Consul with several private addresses',
      log: "==> Multiple private IPv4 addresses found. Please configure one with 'bind' and/or 'advertise'.",
      min: 0.7,
    },
    {
      name: 'php-fpm pool value out of range',
      log: '[02-May-2024 09:14:01] ERROR: [pool www] pm.max_children must be a positive value\n[02-May-2024 09:14:01] ERROR: failed to post process the configuration\n[02-May-2024 09:14:01] ERROR: FPM initialization failed',
      min: 0.8,
    },
    {
      name: 'a malformed XML config (ClickHouse)',
      log: "Processing configuration file '/etc/clickhouse-server/config.xml'.\nPoco::Exception. Code: 1000, e.code() = 0, SAXParseException: Tag mismatch in '/etc/clickhouse-server/config.d/listen.xml', line 4 column 2",
      min: 0.75,
    },
    {
      name: 'a Kestrel address that does not parse',
      log: "Unhandled exception. System.FormatException: Failed to parse port 'port' in address 'http://*:port'.\n   at Microsoft.AspNetCore.Http.BindingAddress.Parse(String address)",
      min: 0.7,
    },
    {
      name: 'redis mangled directive line',
      log: "*** FATAL CONFIG FILE ERROR (Redis 6.2.5) ***\nReading the configuration file, at line 1\n>>> 'unixsocket /run/redis/redis.sock nunixsocketperm 755 ntimeout 0'\nwrong number of arguments",
      min: 0.75,
    },
    {
      name: 'nginx unknown directive',
      log: '2024/01/01 00:00:00 [emerg] 1#1: unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14\nnginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'apache syntax error',
      log: "AH00526: Syntax error on line 12 of /usr/local/apache2/conf/httpd.conf:\nInvalid command 'RewriteEngine', perhaps misspelled or defined by a module not included in the server configuration",
      min: 0.8,
    },
    {
      name: 'postgres parameter',
      log: '2024-01-01 00:00:00.000 UTC [1] LOG:  invalid value for parameter "max_connections": "abc"\n2024-01-01 00:00:00.000 UTC [1] FATAL:  configuration file "/etc/postgresql/postgresql.conf" contains errors',
      min: 0.8,
    },
    {
      name: 'yaml in a go app',
      log: 'level=fatal msg="failed to load config" err="yaml: line 7: did not find expected key"',
      min: 0.7,
    },
    {
      name: 'spring property binding',
      log: "***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nFailed to bind properties under 'server.port' to java.lang.Integer:",
      min: 0.75,
    },
    {
      name: 'elasticsearch unknown setting',
      log: 'java.lang.IllegalArgumentException: unknown setting [xpack.security.enabeld] please check that any required plugins are installed',
      min: 0.75,
    },
    {
      name: 'traefik unknown static config field',
      log: '2025-03-01T10:00:00Z ERR Command error error="field not found, node: entrypoint"',
      min: 0.7,
    },
    {
      name: 'postgres pg_hba.conf rejected',
      log: '2025-01-01 10:00:00.000 UTC [1] LOG:  invalid connection type "hostt"\n2025-01-01 10:00:00.000 UTC [1] FATAL:  could not load pg_hba.conf',
      min: 0.7,
    },
    {
      name: 'rabbitmq config file syntax',
      log: "2025-01-01 10:00:00.000000+00:00 [error] <0.228.0> Failed to parse configuration file /etc/rabbitmq/rabbitmq.conf: syntax error on line 4: syntax error before: '='",
      min: 0.7,
    },
    {
      name: 'loki config validation',
      log: 'level=error ts=2025-01-01T10:00:00.000Z caller=main.go:52 msg="validating config" err="invalid schema config: the table period must be a multiple of 24h"',
      min: 0.7,
    },
    {
      name: 'snakeyaml duplicate key',
      log: "org.yaml.snakeyaml.constructor.DuplicateKeyException: while constructing a mapping\n in 'reader', line 1, column 1:\nfound duplicate key spring",
      min: 0.7,
    },
    {
      name: 'kong declarative config',
      log: 'Error: /usr/local/share/lua/5.1/kong/cmd/start.lua:99: nginx: [error] init_by_lua error: /usr/local/share/lua/5.1/kong/init.lua:553: error parsing declarative config file /kong/kong.yml:',
      min: 0.7,
    },
    {
      name: 'otel collector config decode',
      log: 'Error: failed to get config: cannot unmarshal the configuration: 1 error(s) decoding:',
      min: 0.7,
    },
    {
      name: 'pgbouncer config syntax',
      log: '2025-01-01 10:00:00.000 UTC [1] ERROR syntax error in configuration (/etc/pgbouncer/pgbouncer.ini:7), stopping loading\n2025-01-01 10:00:00.000 UTC [1] FATAL cannot load config file',
      min: 0.7,
    },
    {
      name: 'an AWS endpoint built from an availability zone where the region belongs cannot be resolved',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 22, in <module>\n    table.load()\nbotocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://dynamodb.eu-west-2b.amazonaws.com/"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "the SDK's own check rejects a region value that is not a region",
      log: "botocore.exceptions.InvalidRegionError: Provided region_name 'eu-central-1 ' doesn't match a supported format.",
      exitCode: 1,
      min: 0.8,
      max: 0.84,
    },
    {
      name: 'a Sentry DSN that does not parse (JavaScript SDK)',
      log: 'SentryError: Invalid Sentry Dsn: 4f1c9e2d7a@o123456.ingest.sentry.io/789\n    at dsnFromString (/app/node_modules/@sentry/utils/cjs/dsn.js:41:11)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a URL setting without its scheme, as Go net/http reports it',
      log: '{"level":"fatal","msg":"cannot fetch feature flags","error":"Get \\"flags.internal.example.com/api/v1/flags\\": unsupported protocol scheme \\"\\""}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "a loader's summary line steps back when another line names a section a newer release added",
      log: "Error: failed to get config: cannot unmarshal the configuration: 1 error(s) decoding:\n\n* '' has invalid keys: connectors\n2024/06/01 10:00:00 collector server run finished with error: failed to get config: cannot unmarshal the configuration",
      exitCode: 1,
      min: 0.3,
      max: 0.45,
      best: 'runtime_version_mismatch',
    },
    {
      name: 'figment rejects a string where a port number belongs, naming the key',
      log: 'Error: invalid type: found string "eighty", expected u16 for key "default.port" in Rocket.toml TOML file',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a listener setting without its colon does not parse as a broker endpoint (Redpanda-like wording)',
      log: 'ERROR 2024-06-20 main - Failed to parse PLAINTEXT//0.0.0.0:29092 as a listener: expected NAME://HOST:PORT',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'chrony names an invalid line of its config file',
      log: 'Fatal error : Invalid command at line 3 in file /etc/chrony/chrony.conf',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "configparser's % interpolation breaks on a URL-encoded password in alembic.ini",
      log: "configparser.InterpolationSyntaxError: '%' must be followed by '%' or '(', found: '%40db:5432/app'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Symfony's Config component rejects a misspelled key of a bundle",
      log: 'In ArrayNode.php line 304:\n  Unrecognized options "enable_swagger_uii" under "api_platform". Did you mean "enable_swagger_ui"?',
      exitCode: 1,
      min: 0.75,
    },
    {
      // The kubelet left $(NAME) as typed because the variable is not defined: an unset variable's reading.
      name: 'a value that is an unexpanded $(VAR) reference fails to parse: only a weak bad-config reading',
      log: 'level=info msg="loading tracing configuration"\nlevel=error err="yaml: unmarshal errors:\\n  line 1: cannot unmarshal !!str `$(TRACING_CONFIG)` into tracing.Config\\nparsing tracing YAML"',
      exitCode: 1,
      min: 0.4,
      max: 0.45,
      best: false,
    },
    {
      name: 'a model server whose protobuf text config does not parse (TensorFlow Serving)',
      log: '2024-06-05 10:11:02.123456: I tensorflow_serving/model_servers/server.cc:77] Building single TensorFlow model file config\n[libprotobuf ERROR external/com_google_protobuf/src/google/protobuf/text_format.cc:337] Error parsing text-format tensorflow.serving.ModelServerConfig: 4:12: Expected "{", found ":".\nFailed to parse ModelServerConfig from /models/models.config',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'OpenSearch refuses single-node discovery together with a seeded initial master list',
      log: '[2024-03-02T10:11:12,000][ERROR][o.o.b.OpenSearchUncaughtExceptionHandler] [os-0] uncaught exception in thread [main]\njava.lang.IllegalArgumentException: setting [cluster.initial_cluster_manager_nodes] is not allowed when [discovery.type] is set to [single-node]',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a JVM given an initial heap above its maximum heap by the config',
      log: 'Error occurred during initialization of VM\nInitial heap size set to a larger value than the maximum heap size',
      exitCode: 1,
      min: 0.7,
      best: false,
    },
    {
      name: 'memcached refuses an item size limit above half of its memory limit',
      log: 'Cannot set item size limit higher than 1/2 of memory max.',
      exitCode: 64,
      min: 0.7,
    },
    {
      name: 'a vite config that uses require() in a "type": "module" package (written for the other module system)',
      log: "file:///app/vite.config.js:3\nconst path = require('path');\n             ^\n\nReferenceError: require is not defined in ES module scope, you can use import instead\n    at file:///app/vite.config.js:3:14",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Python-written server config (Superset) that does not compile after an edit',
      log: 'Loaded your LOCAL configuration at [/app/pythonpath/superset_config.py]\nTraceback (most recent call last):\n  File "/app/pythonpath/superset_config.py", line 41\n    SQLALCHEMY_DATABASE_URI = "postgresql://superset@db/superset"\nIndentationError: unexpected indent',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'HAProxy names the file and line of a keyword it does not know (a typo in the mounted config)',
      log: "[NOTICE]   (1) : haproxy version is 2.8.5\n[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:23] : unknown keyword 'timout' in 'defaults' section\n[ALERT]    (1) : config : Fatal errors found in configuration.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a listener section in the config file that lacks the key its kind requires (a misspelt key)',
      log: "Error: invalid configuration: the listener \"public\" is missing the required 'port' property (found 'prot')\n    at loadConfig (/app/dist/config.js:88:11)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Python logging refuses a LOG_LEVEL name it does not know (setLevel from the environment)',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    logging.getLogger().setLevel(os.environ["LOG_LEVEL"])\n  File "/usr/local/lib/python3.12/logging/__init__.py", line 1507, in setLevel\n    self.level = _checkLevel(level)\nValueError: Unknown level: \'VERBOSE\'',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: ".NET's logging filter refuses a level name from configuration (Warn for Warning)",
      log: "Unhandled exception. System.InvalidOperationException: Configuration value 'Warn' is not supported.\n   at Microsoft.Extensions.Logging.LoggerFilterConfigureOptions.TryGetSwitch(String value, LogLevel& level)",
      exitCode: 134,
      min: 0.8,
    },
    {
      name: "a Go server's TOML file with an unquoted value (BurntSushi/toml)",
      log: 'Error: loading config: toml: line 4 (last key "server.listen"): expected value but found "0" instead',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Python's tomllib rejects a hand-edited config file",
      log: 'tomllib.TOMLDecodeError: Expected newline or end of document after a statement (at line 3, column 11)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'logging.ini lists a handler whose section was deleted',
      log: 'Traceback (most recent call last):\n  File "/usr/local/lib/python3.12/logging/config.py", line 146, in _install_handlers\n    section = cp["handler_%s" % hand]\nKeyError: \'handler_console\'',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "CoreDNS's kubernetes plugin rejects its Corefile block",
      log: "plugin/kubernetes: Wrong argument count or unexpected line ending after 'fallthrough'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a database password shorter than the server accepts',
      log: 'FATAL: MINIO_ROOT_PASSWORD must be at least 8 characters long',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a generated key that fails the length check may as well be empty: a likely reading, not a sure one',
      log: 'ArgumentError: SECRET_KEY_BASE must be at least 64 characters',
      exitCode: 1,
      min: 0.55,
      max: 0.7,
      // An unset key read as "" fails the same check, so the unset-variable reading stays just ahead.
      best: 'missing_env_var',
    },
    {
      name: 'PostgreSQL rejects a value that holds another -c flag: the args item, not the setting, is the likelier cause',
      log: 'FATAL:  invalid value for parameter "shared_buffers": "1GB -c work_mem=64MB"',
      exitCode: 1,
      min: 0.4,
      max: 0.6,
      best: false,
    },
    {
      name: 'a listen address of a family the node has disabled (IPv6 on an IPv4-only node)',
      log: '2024/04/03 06:55:40 [emerg] 1#1: socket() [::]:80 failed (97: Address family not supported by protocol)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a process manager that names the section of its config file it rejects',
      log: "Error: Invalid user name www in section 'program:php-fpm' (file: '/etc/supervisord.conf')\nFor help, use /usr/bin/supervisord -h",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a server check that one setting requires another the file leaves out',
      log: 'ERROR: [1] bootstrap checks failed\n[1]: HTTP SSL must be enabled when client authentication is enabled. Please set [xpack.security.http.ssl.enabled] to [true]',
      exitCode: 78,
      min: 0.8,
    },
    {
      name: 'a release whose compile-time setting differs in its runtime config',
      log: 'ERROR! the application :billing has a different value set for key :http inside key BillingWeb.Endpoint during runtime compared to compile time.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Python's ipaddress given host:port where the bind address setting wants an IP",
      log: 'Traceback (most recent call last):\n  File "/app/server.py", line 9, in <module>\n    bind = ipaddress.ip_address(os.environ["BIND_ADDRESS"])\n  File "/usr/local/lib/python3.12/ipaddress.py", line 54, in ip_address\n    raise ValueError(f\'{address!r} does not appear to be an IPv4 or IPv6 address\')\nValueError: \'0.0.0.0:9000\' does not appear to be an IPv4 or IPv6 address',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an Elixir release validating a variable by type',
      log: '** (RuntimeError) expected PHX_PORT to be an integer, got: "http://0.0.0.0:4000"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Lua configuration with an unclosed table (Prosody prosody.cfg.lua after a module was removed)',
      log: "startup             error\tError parsing config file: /etc/prosody/prosody.cfg.lua:41: '}' expected (to close '{' at line 37) near 'VirtualHost'",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Lua configuration read from memory with an unfinished string (PowerDNS Recursor lua-config-file)',
      log: "Jun 02 10:11:12 Fatal error: Unable to load Lua script from '/etc/powerdns/recursor.lua': [string \"chunk\"]:7: unfinished string near '\"10.0.0.0/8'",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'Knot Resolver kresd.conf with a stray symbol',
      log: "[system] error: /etc/knot-resolver/kresd.conf:14: unexpected symbol near '='",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'Dovecot naming the file and line of a setting written without its equals sign',
      log: "doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-ssl.conf line 12: Expecting '='",
      exitCode: 89,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a line-oriented daemon rejecting a value out of the range the directive allows',
      log: 'rsyslogd: error: port must be between 1 and 65535 at line 9 of /etc/rsyslog.d/30-forward.conf',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a DNS server naming the file, line, item and value it rejects (Knot, another item)',
      log: "2024-08-02T11:03:47+0000 error: config, file '/etc/knot/knot.conf', line 22, item 'address', value '10.0.0.5:5353' (invalid address)\n2024-08-02T11:03:47+0000 critical: failed to load configuration file '/etc/knot/knot.conf'",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'older BurntSushi TOML wording (InfluxDB 1.x influxdb.conf with an unquoted path)',
      log: "run: parse config: Near line 12 (last key parsed 'meta.dir'): expected a top-level item to end with a newline, comment, or EOF, but got '/' instead",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a TLS broker URL without the parameter its client demands (Celery result backend)',
      log: '  File "/usr/local/lib/python3.12/site-packages/celery/backends/redis.py", line 330, in _params_from_url\n    raise ValueError(E_REDIS_SSL_CERT_REQS_MISSING_INVALID)\nValueError: \nA rediss:// URL must have parameter ssl_cert_reqs and this must be set to CERT_REQUIRED, CERT_OPTIONAL, or CERT_NONE',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a password with a reserved character read as the port (Python urllib under SQLAlchemy)',
      log: '  File "/usr/local/lib/python3.11/urllib/parse.py", line 182, in port\n    raise ValueError(f"Port could not be cast to integer value as {port!r}")\nValueError: Port could not be cast to integer value as \'S3cr#t\'',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: "Go's URL parser reading a password as the port",
      log: 'panic: parse "postgres://app:pa/ss@db:5432/app": invalid port ":pa" after host',
      exitCode: 2,
      min: 0.75,
      max: 0.84,
    },
  ],
  negatives: [
    {
      name: 'a Redis URL with no scheme at all is an unset variable (missing_env_var)',
      log: 'ValueError: Redis URL must specify one of the following schemes (redis://, rediss://, unix://)',
      exitCode: 1,
    },
    {
      name: 'a connection string missing a parameter because the variable is undefined is not a bad value',
      log: "Error: connection string is missing parameter 'undefined'",
      exitCode: 1,
    },
    {
      name: 'a Lua syntax error in a plugin handler is the code, not a configuration (Kong custom plugin)',
      log: "nginx: [error] init_by_lua error: /usr/local/share/lua/5.1/kong/plugins/ratelimit-ext/handler.lua:42: unexpected symbol near 'end'",
      exitCode: 1,
    },
    {
      name: 'a TOML config that is not there at all is a missing file',
      log: 'run: parse config: open /etc/kapacitor/kapacitor.conf: no such file or directory',
      exitCode: 1,
    },
    {
      name: 'Postfix unable to open main.cf at all is not a line of it',
      log: 'postconf: fatal: open /etc/postfix/main.cf: No such file or directory',
      exitCode: 1,
    },
    {
      name: 'the same address check on an empty value is an unset variable',
      log: 'ERROR!!! [Livebook] expected LIVEBOOK_IP to be a valid ipv4 or ipv6 address, got: ',
      exitCode: 1,
    },
    {
      name: 'ipaddress given an empty string (the variable was not set)',
      log: "ValueError: '' does not appear to be an IPv4 or IPv6 address",
      exitCode: 1,
    },
    {
      name: 'a TOML library that is merely absent is not a malformed file',
      log: "ModuleNotFoundError: No module named 'tomli'",
      exitCode: 1,
    },
    {
      name: 'a NameError on an ordinary name in the app code is a bug, not a setting',
      log: 'Traceback (most recent call last):\n  File "/app/report.py", line 88, in build\n    arr = np.zeros(n)\nNameError: name \'np\' is not defined',
      exitCode: 1,
    },
    {
      name: 'an option that must be set is a missing value, not a wrong one',
      log: 'Error: option apiKey must be set',
      exitCode: 1,
    },
    {
      name: 'a logging handler whose log directory is not writable is a permission problem',
      log: "PermissionError: [Errno 13] Permission denied: '/var/log/app/app.log'\nValueError: Unable to configure handler 'file': [Errno 13] Permission denied: '/var/log/app/app.log'",
      exitCode: 1,
    },
    {
      name: "a TraitError on an app's own attribute outside configuration",
      log: 'traitlets.traitlets.TraitError: Cell index 12 out of range',
      exitCode: 1,
    },
    {
      name: 'an unsupported operation value in the app data is not a configuration value',
      log: "Unhandled exception. System.NotSupportedException: Value 'Info' is not supported by this serializer.\n   at Reports.Export.Write(Stream s)",
      exitCode: 134,
    },
    {
      name: 'a pydantic model missing a required field is not an unknown key',
      log: 'pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\ndatabase_url\n  Field required [type=missing, input_value={}, input_type=dict]',
      exitCode: 1,
    },
    {
      name: 'an app converting its own input data is not a setting',
      log: 'ERROR ingest: could not convert value "" to int for row 17\nTraceback (most recent call last):\nValueError: bad row',
      exitCode: 1,
    },
    {
      name: 'a config file that is absent is not an empty one',
      log: 'FATAL: configuration file /etc/app/app.yaml does not exist or is empty',
      exitCode: 1,
    },
    {
      name: 'an enum parse of the app own data (no configuration reader) is a bug, not a setting',
      log: "Unhandled exception. System.ArgumentException: Requested value 'PENDING_REVIEW' was not found.\n   at System.Enum.Parse[TEnum](String value)\n   at Orders.Domain.OrderMapper.ToStatus(String raw) in /src/Orders/Domain/OrderMapper.cs:line 18",
      exitCode: 134,
    },
    {
      name: 'an empty address variable is unset, not malformed',
      log: 'Error: failed to parse METRICS_ADDR="": invalid socket address syntax',
      exitCode: 1,
    },
    {
      name: 'a missing required environment variable is not a key of the config file',
      log: "Error: the database section is missing the required 'url' setting: set the DATABASE_URL environment variable",
      exitCode: 1,
    },
    {
      name: 'an unexpected config value read from a remote service is not a key of the local config',
      log: 'ERROR feature flags: unexpected response from config service (HTTP 502), retrying\nERROR feature flags: giving up after 5 attempts',
      exitCode: 1,
    },
    {
      name: "the app's own ES module using require() is the app's bug, not a configuration file",
      log: "file:///app/src/server.mjs:10\nconst express = require('express');\n                ^\n\nReferenceError: require is not defined in ES module scope, you can use import instead",
      exitCode: 1,
    },
    {
      name: 'a Python config that compiles but reads an unset variable is not a syntax problem',
      log: 'Traceback (most recent call last):\n  File "/etc/gunicorn/gunicorn.conf.py", line 3, in <module>\n    workers = int(os.environ["WEB_CONCURRENCY"])\nKeyError: \'WEB_CONCURRENCY\'',
      exitCode: 1,
    },
    {
      name: 'a text proto file that does not exist is a missing file, not a syntax error',
      log: 'E0605 10:11:02.201044 1 model_repository_manager.cc:1460] "Poll failed for model directory \'reranker\': failed to read text proto from /models/reranker/config.pbtxt: No such file or directory"\nerror: creating server: Internal - failed to load all models',
      exitCode: 1,
    },
    {
      name: "a request body's parser failure is not the server's config",
      log: 'ERROR handler: request parser failed on body from 10.0.0.4: unexpected byte 0x1f\nFATAL too many bad requests, exiting',
      exitCode: 1,
    },
    {
      name: 'a logging handler whose file the user cannot open is a permission problem',
      log: "PermissionError: [Errno 13] Permission denied: '/var/log/app/app.log'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/app/main.py\", line 9, in <module>\n    logging.config.dictConfig(LOGGING)\nValueError: Unable to configure handler 'file'",
      exitCode: 1,
    },
    {
      name: "Apache's syntax error over a key file the config names that is absent is a missing file",
      log: "AH00526: Syntax error on line 112 of /usr/local/apache2/conf/extra/httpd-ssl.conf:\nSSLCertificateKeyFile: file '/usr/local/apache2/conf/server.key' does not exist or is empty",
      exitCode: 1,
    },
    {
      name: 'a configuration error that is a required value left unset (missing_env_var)',
      log: 'fatal: Configuration error: SMTP_RELAY_HOST is required',
      exitCode: 78,
    },
    {
      name: "a SyntaxError in the app's own module is not a configuration file",
      log: "/app/src/server.js:12\n  const port = \n        ^^^^\n\nSyntaxError: Unexpected identifier 'app'\n    at internalCompileFunction (node:internal/vm:76:18)",
      exitCode: 1,
    },
    {
      name: 'a config file the server cannot write for ownership (Go lower-case errno) is not a bad config',
      log: 'Error: failed to load configuration: failed to create store: failed to persist: failed to write file: open /srv/app/config/config.json: permission denied',
      exitCode: 1,
      max: 0.5,
    },
    {
      name: "a C compiler's expected ';' in application source is not a config file",
      log: "src/main.c:12:5: error: expected ';' before '}' token\nmake: *** [Makefile:8: build] Error 1",
      exitCode: 2,
    },
    {
      name: 'serde rejecting a request body names no config key',
      log: 'WARN handler: invalid type: string "abc", expected u64 at line 1 column 12\nINFO request finished status=400',
      exitCode: 1,
    },
    {
      name: 'a supervisord config file that is absent is not a broken one',
      log: 'Error: could not find config file /etc/supervisor/supervisord.conf\nFor help, use /usr/bin/supervisord -h',
      exitCode: 2,
    },
    {
      name: 'a YAML document in a request body is not the config',
      log: 'INFO POST /api/import 400 (body was not valid: expected a mapping)\nINFO GET /healthz 200',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      name: 'a path the config names that the container user cannot open is a permission problem',
      log: "*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 274\n>>> 'pidfile \"/var/run/redis/redis-server.pid\"'\nCan't open the pid file: Permission denied",
      exitCode: 1,
    },
    {
      name: 'an empty required value is an unset variable, not a file that does not parse',
      log: 'Error: config value JWT_SECRET is invalid: must not be empty',
      exitCode: 1,
    },
    {
      name: 'an API response that does not parse is not a config file',
      log: 'ERROR failed to parse response from https://api.example.com/v1/rates: unexpected end of JSON input',
    },
    {
      name: 'a config file that is absent does not parse for that reason',
      log: 'Error: Cannot parse config file /etc/app/config.yaml: open /etc/app/config.yaml: no such file or directory',
    },
    {
      name: 'the autodetected interface being reported is not a failure',
      log: '2024-03-27 14:02:18.448 [INFO][9] startup/autodetection_methods.go 103: Using autodetected IPv4 address on interface eth0: 10.0.4.17/24\n2024-03-27 14:02:18.600 [INFO][9] startup/startup.go 215: Calico node started',
    },
    {
      name: 'a config file that is not there is missing_file',
      log: 'ts=2024-05-06T13:20:41.925Z caller=coordinator.go:118 level=error component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/alertmanager.yml err="open /etc/alertmanager/alertmanager.yml: no such file or directory"',
      exitCode: 1,
    },
    {
      name: 'a URL setting that is empty is an unset variable',
      log: 'Error: APP_URL must start with http:// or https:// (got "")',
      exitCode: 1,
    },
    {
      name: 'a fluentd plugin the image lacks is a missing dependency, not a bad file',
      log: '2024-02-07 12:01:44 +0000 [error]: config error file="/fluentd/etc/fluent.conf" error_class=Fluent::NotFoundPluginError error="Unknown filter plugin \'kubernetes_metadata\'. Run \'gem search -rd fluent-plugin\' to find plugins"',
      exitCode: 1,
    },
    {
      name: 'a wrong keystore password is a rejected credential',
      log: 'org.elasticsearch.common.settings.SettingsException: Provided keystore password was incorrect',
    },
    {
      name: 'a source position is not a config file position',
      log: 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.parse()\n\t/src/parse.go:41:3 +0x65',
      exitCode: 2,
    },
    {
      name: 'HAProxy cannot resolve a server name',
      log: "[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:41] : 'server api1' : could not resolve address 'api-v1.default.svc.cluster.local'.\n[ALERT]    (1) : config : Fatal errors found in configuration.",
    },
    {
      name: 'a removed MySQL setting belongs to the version reading',
      log: "2024-05-02T09:40:12.130000Z 0 [ERROR] [MY-000067] [Server] unknown variable 'query_cache_size=0'.\n2024-05-02T09:40:12.130100Z 0 [ERROR] [MY-010119] [Server] Aborting",
    },
    {
      name: 'nginx host not found is DNS',
      log: '2024/01/01 00:00:00 [emerg] 1#1: host not found in upstream "api:8080" in /etc/nginx/conf.d/default.conf:3',
    },
    { name: 'config loaded fine', log: 'INFO configuration file /etc/app.yaml loaded\nINFO ready' },
    {
      name: 'go config loader given an empty number',
      log: '2025/02/03 11:02:17 failed to load config: strconv.Atoi: parsing "": invalid syntax',
    },
    {
      name: 'pg_hba.conf reloaded fine',
      log: '2025-01-01 10:00:00.000 UTC [1] LOG:  received SIGHUP, reloading configuration files',
    },
    {
      name: 'a log line about duplicate keys in data',
      log: 'WARN skipped 3 rows: duplicate key value violates unique constraint "users_email_key"\nINFO import finished',
    },
    {
      name: 'a parsed config summary',
      log: 'INFO parsed declarative config: 3 services, 5 routes',
    },
    {
      name: 'an endpoint of a real region that does not resolve is a DNS problem, not the region setting',
      log: 'operation error SQS: GetQueueUrl, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sqs.us-east-1.amazonaws.com/": dial tcp: lookup sqs.us-east-1.amazonaws.com on 10.96.0.10:53: no such host',
      exitCode: 1,
    },
    {
      name: 'an empty DSN is an unset variable, not a malformed one',
      log: 'SentryError: Invalid Sentry Dsn: ',
      exitCode: 1,
    },
    {
      name: 'an empty URL is an unset variable, not a URL without a scheme',
      log: 'panic: Get "": unsupported protocol scheme ""',
      exitCode: 2,
    },
    {
      name: 'an invalid record of an imported data file is data, not config',
      log: 'Invalid record at line 3 of /data/import.csv',
      exitCode: 1,
    },
    {
      name: 'an Elasticsearch setting only the repository-s3 plugin registers is the absent plugin, not a bad setting',
      log: 'java.lang.IllegalArgumentException: unknown setting [s3.client.default.endpoint] please check that any required plugins are installed, or check the breaking changes documentation for removed settings',
      exitCode: 1,
    },
    {
      name: 'two command-line flags refused together are the command, not the config',
      log: 'Error: flags --dry-run and --apply cannot both be set',
      exitCode: 2,
    },
    {
      name: 'a query that fails upstream at run time is not a Corefile error',
      log: '[ERROR] plugin/errors: 2 api.corp.example. A: read udp 10.244.1.5:43210->10.0.0.2:53: i/o timeout',
      exitCode: 1,
    },
    {
      name: 'a plain KeyError on a handlers key in app code is not the logging INI',
      log: "KeyError: 'handlers'",
      exitCode: 1,
    },
    {
      name: 'an unset secret is not a short one',
      log: 'ERROR: API_TOKEN is not set; it must be at least 32 characters',
      exitCode: 1,
    },
    {
      name: 'a supervisord notice that names a section without an error is no rejection',
      log: 'INFO Included extra file "/etc/supervisor/conf.d/worker.conf" during parsing\nINFO spawned: \'celery-worker_00\' with pid 12',
      exitCode: 0,
    },
  ],
});

describe('bad-config: names the mounted ConfigMap', () => {
  const log = 'nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:12';
  const container = containerFacts({
    volumeMounts: [
      { name: 'data', mountPath: '/var/cache/nginx', readOnly: false },
      { name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true },
    ],
  });
  const configStep = (volumes: PodFacts['volumes']) =>
    badConfig
      .match(podContext({ container, pod: podFacts({ containers: [container], volumes }), logLines: [log] }))
      ?.nextSteps.find((s) => s.includes('kubectl get configmap'));

  test('a ConfigMap mounted over the config path is named', () => {
    const step = configStep([
      { name: 'data', kind: 'emptyDir' },
      { name: 'conf', kind: 'configMap', source: 'nginx-site' },
    ]);
    assert.ok(step?.includes('kubectl get configmap -n shop nginx-site -o yaml'), step);
  });

  test('the placeholder stays when the path is not on a ConfigMap', () => {
    const step = configStep([{ name: 'conf', kind: 'emptyDir' }]);
    assert.ok(step?.includes('configmap -n shop <name>'), step);
  });
});
