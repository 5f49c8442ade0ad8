import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BUILTIN_MODULE_LACKS_EXPORT,
  CONFIG_FOR_ANOTHER_VERSION,
  esmPathOnNodeBeforeImportMetaDirname,
  JVM_OPTION_OF_ANOTHER_JAVA,
  NEWER_NODE_BUILTIN_OR_FLAG,
  NEWER_OTELCOL_SECTION,
  NEWER_RABBITMQ_KEY,
  STDLIB_ADDED_BY_NEWER_PYTHON,
  STDLIB_OF_ANOTHER_PYTHON,
  STDLIB_REMOVED_BY_NEWER_PYTHON,
} from '../../../src/diagnosis/rules/version-clues.ts';
import { scanLog } from '../../../src/diagnosis/log-scan.ts';

/** The module names inside "No module named '(?:a|b|c)'". */
const modules = (pattern: RegExp): string[] =>
  (/\(\?:(.*)\)'$/.exec(pattern.source)?.[1] ?? '').split('|').map((name) => name.replace(/\\\./g, '.'));

test('the combined stdlib list is exactly the removed and the added lists together', () => {
  const combined = modules(STDLIB_OF_ANOTHER_PYTHON);
  assert.deepEqual(combined, [...modules(STDLIB_REMOVED_BY_NEWER_PYTHON), ...modules(STDLIB_ADDED_BY_NEWER_PYTHON)]);
  for (const name of combined) assert.match(`No module named '${name}'`, STDLIB_OF_ANOTHER_PYTHON);
  assert.doesNotMatch("No module named 'tomli'", STDLIB_OF_ANOTHER_PYTHON, 'the backport is a package');
});

test('a RabbitMQ key of a newer release is a version clue; a misspelt key is not', () => {
  const newer = 'Conf file attempted to set unknown variable: deprecated_features.permit.transient_nonexcl_queues';
  assert.match(newer, NEWER_RABBITMQ_KEY);
  assert.ok(CONFIG_FOR_ANOTHER_VERSION(newer), 'bad-config steps back on it');
  assert.doesNotMatch('Conf file attempted to set unknown variable: listners.tcp.default', NEWER_RABBITMQ_KEY);
});

test('a Node.js builtin or flag of a newer release is a version clue; a misspelt flag is not', () => {
  assert.match('Error [ERR_UNKNOWN_BUILTIN_MODULE]: No such built-in module: node:sqlite', NEWER_NODE_BUILTIN_OR_FLAG);
  assert.match('node: bad option: --experimental-strip-types', NEWER_NODE_BUILTIN_OR_FLAG);
  assert.match('node: bad option: --watch', NEWER_NODE_BUILTIN_OR_FLAG);
  assert.doesNotMatch('node: bad option: --max-old-spcae-size=512', NEWER_NODE_BUILTIN_OR_FLAG);
  // A flag a newer Node removed means the command was written for an older Node: the args must change.
  assert.doesNotMatch('node: bad option: --experimental-modules', NEWER_NODE_BUILTIN_OR_FLAG);
  assert.doesNotMatch('node: bad option: --experimental-global-webcrypto', NEWER_NODE_BUILTIN_OR_FLAG);
  assert.match('node: bad option: --experimental-sqlite', NEWER_NODE_BUILTIN_OR_FLAG);
  assert.doesNotMatch("Error: Cannot find module 'node-fetch'", NEWER_NODE_BUILTIN_OR_FLAG);
});

test('a JVM option of another Java release is a version clue; a misspelt option is not', () => {
  assert.match("Unrecognized VM option 'MaxPermSize=256m'", JVM_OPTION_OF_ANOTHER_JAVA);
  assert.match("Unrecognized VM option 'ZGenerational'", JVM_OPTION_OF_ANOTHER_JAVA);
  assert.doesNotMatch("Unrecognized VM option 'UseG1CG'", JVM_OPTION_OF_ANOTHER_JAVA);
});

test('a collector section of a newer release is a version clue; a misspelt section is not', () => {
  const newer = "* '' has invalid keys: connectors";
  assert.match(newer, NEWER_OTELCOL_SECTION);
  assert.ok(CONFIG_FOR_ANOTHER_VERSION(newer), 'bad-config steps back on it');
  assert.match("* '' has invalid keys: extensions, connectors", NEWER_OTELCOL_SECTION);
  assert.doesNotMatch("* '' has invalid keys: conectors", NEWER_OTELCOL_SECTION);
});

test("a runtime's own module lacking a name is a version clue; an app's or a package's module is not", () => {
  assert.match("SyntaxError: Export named 'sql' not found in module 'bun'.", BUILTIN_MODULE_LACKS_EXPORT);
  assert.match(
    "ImportError: cannot import name 'override' from 'typing' (/usr/lib/python3.11/typing.py)",
    BUILTIN_MODULE_LACKS_EXPORT,
  );
  assert.doesNotMatch(
    "SyntaxError: Export named 'sql' not found in module '/app/src/db.ts'.",
    BUILTIN_MODULE_LACKS_EXPORT,
  );
  assert.doesNotMatch(
    "ImportError: cannot import name 'soft_unicode' from 'markupsafe' (/usr/local/lib/python3.10/site-packages/markupsafe/__init__.py)",
    BUILTIN_MODULE_LACKS_EXPORT,
    'a package of the wrong version is a dependency pin',
  );
});

test('an undefined path in an ES module counts as a version clue only on a Node.js before 20.11', () => {
  const crash = (version: string): string =>
    `TypeError [ERR_INVALID_ARG_TYPE]: The "paths[0]" argument must be of type string. Received undefined\n    at Object.join (node:path:1172:7)\n    at file:///app/server.js:3:9\n    at ModuleJob.run (node:internal/modules/esm/module_job:195:25)\n\nNode.js ${version}`;
  assert.ok(esmPathOnNodeBeforeImportMetaDirname(scanLog(crash('v18.19.1')).lines));
  assert.ok(esmPathOnNodeBeforeImportMetaDirname(scanLog(crash('v20.10.0')).lines));
  assert.equal(esmPathOnNodeBeforeImportMetaDirname(scanLog(crash('v20.11.0')).lines), undefined);
  assert.equal(esmPathOnNodeBeforeImportMetaDirname(scanLog(crash('v22.3.0')).lines), undefined);
  // A CommonJS script has __dirname: an undefined path there is not import.meta.
  const commonJs = crash('v18.19.1').replace(
    / {4}at ModuleJob[^\n]*\n/,
    '    at Module._compile (node:internal/modules/cjs/loader:1256:14)\n',
  );
  assert.equal(esmPathOnNodeBeforeImportMetaDirname(scanLog(commonJs).lines), undefined);
});

test("Traefik Pilot options are a leftover argument, not another major version's node", () => {
  const pilot = 'command traefik error: failed to decode configuration from flags: field not found, node: pilot';
  assert.equal(CONFIG_FOR_ANOTHER_VERSION(pilot), false, 'Pilot was dead on v2 as well: the flag is to delete');
  const http3 = 'command traefik error: failed to decode configuration from flags: field not found, node: http3';
  assert.equal(CONFIG_FOR_ANOTHER_VERSION(http3), true);
});
