/**
 * missing-env-var-traced-args.ts: a shell trace of a command left without its value, followed by the
 * parser's missing-value error, is a variable that expanded to nothing, in click's, Go flag's, argparse's
 * and getopt's words. The same errors with no trace, or a trace that shows a wrong flag, stay bad arguments.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { backoffLimitEvents, ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a configurator Job whose traced set-config lost its value (click: Missing argument)',
      log: [
        '+ bench set-config -g db_host mariadb.erp.svc.cluster.local',
        '+ bench set-config -gp db_port',
        'Usage: python -m frappe.utils.bench_helper frappe set-config [OPTIONS] KEY VALUE',
        "Try 'python -m frappe.utils.bench_helper frappe set-config --help' for help.",
        '',
        "Error: Missing argument 'VALUE'.",
      ].join('\n'),
      exitCode: 2,
      events: backoffLimitEvents,
      min: 0.6,
      max: 0.75,
    },
    {
      name: 'a Go server exec-ed by its entrypoint with a bare -config flag (flag needs an argument)',
      log: [
        '+ CONFIG_ARGS=',
        '+ exec /usr/local/bin/ingestor -listen :8080 -config',
        'flag needs an argument: -config',
        'Usage of /usr/local/bin/ingestor:',
        '  -config string',
        '    \tpath to the config file',
      ].join('\n'),
      exitCode: 2,
      min: 0.6,
    },
    {
      name: 'a Django management command whose --database value expanded to nothing (argparse)',
      log: [
        '+ python manage.py migrate --database',
        'usage: manage.py migrate [-h] [--database DATABASE] [app_label] [migration_name]',
        'manage.py migrate: error: argument --database: expected one argument',
      ].join('\n'),
      exitCode: 2,
      min: 0.6,
    },
    {
      name: 'a backup script whose traced pg_dump ends on -h: the host variable was empty (getopt)',
      log: [
        '+ pg_dump -Fc -d orders -h',
        "pg_dump: option requires an argument -- 'h'",
        'Try "pg_dump --help" for more information.',
      ].join('\n'),
      exitCode: 1,
      min: 0.6,
    },
  ],
  negatives: [
    {
      name: 'a missing positional with no trace is a command written without it (uvicorn APP)',
      log: "Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\nError: Missing argument 'APP'.",
      exitCode: 2,
    },
    {
      name: 'a traced command with a misspelt flag is a bad argument, not an empty value',
      log: '+ exec /usr/local/bin/ingestor -prot 8080\nflag provided but not defined: -prot\nUsage of /usr/local/bin/ingestor:',
      exitCode: 2,
    },
    {
      name: 'a parser that names another flag than the traced one left bare is not the trace hole',
      log: '+ exec /usr/local/bin/ingestor -verbose\nflag needs an argument: -config\nUsage of /usr/local/bin/ingestor:',
      exitCode: 2,
    },
  ],
});
