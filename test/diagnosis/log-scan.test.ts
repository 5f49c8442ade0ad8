import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isAddressKey } from '../../src/diagnosis/log-json.ts';
import { LOG_BOUNDS, scanLog } from '../../src/diagnosis/log-scan.ts';

const texts = (input: string | Uint8Array) => scanLog(input).lines.map((l) => l.text);

describe('scanLog: normalization', () => {
  test('strips ANSI colour, OSC titles, orphan colour codes and CRLF', () => {
    const log = '\x1b[31;1mERROR\x1b[0m boom\r\n\x1b]0;title\x07plain\r\n[32mgreen[0m text\rnext';
    assert.deepEqual(texts(log), ['ERROR boom', 'plain', 'green text', 'next']);
  });

  test('removes NUL and control characters, keeps tabs as spaces', () => {
    assert.deepEqual(texts('a\x00b\x07c\n\tat Foo.bar(Foo.java:1)'), ['abc', '  at Foo.bar(Foo.java:1)']);
  });

  test('strips Kubernetes timestamp prefixes', () => {
    assert.deepEqual(texts('2024-01-01T00:00:00.123456789Z FATAL:  boom'), ['FATAL:  boom']);
  });

  test('numbers lines 1-based within the tail, skipping blank lines but not their numbers', () => {
    const lines = scanLog('one\n\nthree').lines;
    assert.deepEqual(
      lines.map((l) => l.line),
      [1, 3],
    );
  });

  test('empty and whitespace-only logs are empty', () => {
    assert.equal(scanLog('').empty, true);
    assert.equal(scanLog(' \n\r\n\t').empty, true);
    assert.equal(scanLog(new Uint8Array()).empty, true);
    assert.equal(scanLog('x').empty, false);
  });
});

describe('scanLog: levels', () => {
  const cases: [string, string | undefined][] = [
    ['2019-03-01 08:46:20.785 UTC [1] FATAL:  database files are incompatible', 'fatal'],
    ['[2020-08-12 14:30:52,358] ERROR [KafkaServer id=0] Fatal error', 'error'],
    ['2024/01/01 00:00:00 [emerg] 1#1: host not found', 'fatal'],
    ['2021-06-24 7:04:16 8 [Warning] Access denied', 'warn'],
    ['time="x" level=error msg="boom"', 'error'],
    ['[2020-11-05 10:49:50,966: ERROR/MainProcess] consumer', 'error'],
    ['WARN  something', 'warn'],
    ['2024/05/02 10:11:12 [verbose] 1#0: no config file found at /etc/kong/kong.conf', 'debug'],
    ['{"level":"verbose","message":"cache warmed"}', 'debug'],
    // glog/klog's letter: Kubernetes components and TensorFlow's warnings on a node without a GPU.
    ['E0311 09:12:44.102311       1 reflector.go:138] failed to list *v1.Pod: Unauthorized', 'error'],
    ['I0311 09:12:44.102311   12345 main.go:42] Starting controller', 'info'],
    [
      "2024-03-11 09:12:44.102311: W tensorflow/tsl/platform/default/dso_loader.cc:64] Could not load dynamic library 'libcudart.so.11.0'",
      'warn',
    ],
    ['F0311 09:12:44.102311       1 server.go:210] failed to run Kubelet: running with swap on', 'fatal'],
    // A letter and a date alone are not glog: the file:line] is what marks it.
    ['E1234 not a glog line', undefined],
    ['Error: Cannot find module', undefined],
    ['hello world', undefined],
    // A level the line only talks about (a flag it rejects, a setting it prints) is not the line's level.
    ['Error: invalid argument "--log-level=debug" for "--config" flag', undefined],
    ['ts=2024-05-02T10:11:12Z level=error msg="bad config" app.level=info', 'error'],
  ];
  for (const [line, level] of cases) {
    test(line, () => assert.equal(scanLog(line).lines[0]!.level, level));
  }
});

describe('scanLog: JSON lines', () => {
  test("ECS's error.stack_trace (Elasticsearch 8, Logstash) is split into lines under the message", () => {
    const record = JSON.stringify({
      'log.level': 'ERROR',
      message: 'fatal exception while booting Elasticsearch',
      'error.message': 'failed to obtain node locks',
      'error.stack_trace':
        'java.lang.IllegalStateException: failed to obtain node locks\nCaused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/node.lock',
    });
    const texts = scanLog(`${record}\n`).lines.map((l) => l.text);
    assert.ok(
      texts.some((t) => t.includes('AccessDeniedException: /usr/share/elasticsearch/data/node.lock')),
      texts.join('\n'),
    );
  });

  test('pino record: message, numeric level, error stack split into lines', () => {
    const record = JSON.stringify({
      level: 50,
      msg: 'request failed',
      err: {
        message: 'boom',
        stack: 'Error: boom\n    at handler (/app/src/x.js:1:2)\n    at run (/app/src/y.js:3:4)',
      },
    });
    const { lines } = scanLog(`${record}\n`);
    assert.equal(lines[0]!.text, 'request failed: boom');
    assert.equal(lines[0]!.level, 'error');
    assert.deepEqual(
      lines.slice(1).map((l) => l.text.trim()),
      ['Error: boom', 'at handler (/app/src/x.js:1:2)', 'at run (/app/src/y.js:3:4)'],
    );
    assert.ok(lines.every((l) => l.line === 1));
  });

  test('pino fatal (60), severity/message (GCP), @l/@m (Serilog), levelname (python)', () => {
    assert.equal(scanLog('{"level":60,"msg":"x"}').lines[0]!.level, 'fatal');
    assert.deepEqual(scanLog('{"severity":"ERROR","message":"db down"}').lines[0], {
      line: 1,
      text: 'db down',
      level: 'error',
    });
    assert.equal(scanLog('{"@l":"Fatal","@m":"Host terminated"}').lines[0]!.text, 'Host terminated');
    assert.equal(scanLog('{"levelname":"CRITICAL","message":"x"}').lines[0]!.level, 'fatal');
    assert.equal(scanLog('{"log.level":"error","message":"ecs"}').lines[0]!.level, 'error');
  });

  test('docker json-file wrapper, also wrapping a JSON record', () => {
    assert.equal(scanLog('{"log":"[error] boom\\n","stream":"stderr","time":"t"}').lines[0]!.text, '[error] boom');
    const inner = JSON.stringify({ log: '{"level":"error","msg":"inner"}\n', stream: 'stdout' });
    assert.deepEqual(scanLog(inner).lines[0], { line: 1, text: 'inner', level: 'error' });
  });

  test("PostgreSQL's JSON records (jsonlog, CloudNativePG's wrapped record) read as PostgreSQL's text", () => {
    const record = {
      error_severity: 'FATAL',
      sql_state_code: '22023',
      message: 'database files are incompatible with server',
      detail:
        'The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 16.3.',
      hint: 'Run pg_upgrade first.',
    };
    const wrapped = { level: 'info', logger: 'postgres', msg: 'record', logging_pod: 'db-1', record };
    for (const line of [JSON.stringify(record), JSON.stringify(wrapped)]) {
      assert.deepEqual(
        scanLog(line).lines.map((l) => [l.text, l.level]),
        [
          ['FATAL:  database files are incompatible with server', 'fatal'],
          [`DETAIL:  ${record.detail}`, 'fatal'],
          ['HINT:  Run pg_upgrade first.', 'fatal'],
        ],
      );
    }
    const startup = { error_severity: 'LOG', message: 'database system is ready to accept connections' };
    assert.deepEqual(
      scanLog(JSON.stringify({ msg: 'record', record: startup })).lines.map((l) => [l.text, l.level]),
      [['LOG:  database system is ready to accept connections', 'info']],
    );
    // A record that merely has a "record" field, or a message without PostgreSQL's severity, is read as before.
    assert.equal(scanLog('{"level":"error","msg":"record","record":{"id":7}}').lines[0]?.text, 'record');
    assert.equal(scanLog('{"severity":"ERROR","message":"boom"}').lines[0]?.text, 'boom');
  });

  test('a record without a known message field keeps its raw text', () => {
    const line = '{"errno":"ECONNREFUSED","code":"ECONNREFUSED","port":5432}';
    assert.equal(scanLog(line).lines[0]!.text, line);
  });

  test('an empty address field is kept after the message; other empty or filled fields are not', () => {
    const record = JSON.stringify({
      level: 'info',
      msg: 'config loaded',
      http_addr: ':8080',
      redis_addr: '',
      queue: '',
      security: '',
      DATABASE_URL: '',
      workers: 8,
    });
    assert.equal(scanLog(record).lines[0]!.text, 'config loaded redis_addr="" DATABASE_URL=""');
    assert.equal(scanLog('{"msg":"up","smtp_host":"smtp.mail.svc:587"}').lines[0]!.text, 'up');
  });

  test("a loopback address field (a client's built-in default) is kept after the message; others are not", () => {
    const nats = '{"level":"info","msg":"connecting to NATS","url":"nats://127.0.0.1:4222","name":"orders"}';
    assert.equal(scanLog(nats).lines[0]!.text, 'connecting to NATS url=nats://127.0.0.1:4222');
    assert.equal(
      scanLog('{"msg":"redis","redisAddr":"localhost:6379"}').lines[0]!.text,
      'redis redisAddr=localhost:6379',
    );
    assert.equal(
      scanLog('{"msg":"db","dsn":"postgres://app@[::1]:5432/app"}').lines[0]!.text,
      'db dsn=postgres://app@[::1]:5432/app',
    );
    for (const url of ['nats://nats.messaging.svc:4222', 'http://localhost.example.com', 'https://10.0.0.7'])
      assert.equal(scanLog(JSON.stringify({ msg: 'connecting', url })).lines[0]!.text, 'connecting', url);
  });

  test("an error object's code, its cause and a loopback address it dialled follow the message", () => {
    const fetchFailed = JSON.stringify({
      level: 50,
      msg: 'sync failed',
      err: {
        type: 'TypeError',
        message: 'fetch failed',
        cause: { message: 'connect ECONNREFUSED 127.0.0.1:8123', code: 'ECONNREFUSED', address: '127.0.0.1' },
      },
    });
    assert.equal(
      scanLog(fetchFailed).lines[0]!.text,
      'sync failed: fetch failed cause: connect ECONNREFUSED 127.0.0.1:8123',
    );
    const bun = JSON.stringify({
      level: 'error',
      msg: 'query failed',
      err: { message: 'Unable to connect', code: 'ConnectionRefused', path: 'http://localhost:8123/?query=SELECT%201' },
    });
    assert.equal(
      scanLog(bun).lines[0]!.text,
      'query failed: Unable to connect code=ConnectionRefused path=http://localhost:8123/?query=SELECT%201',
    );
    // A code the message already says and an address that is not a loopback default add nothing.
    const node = JSON.stringify({
      msg: 'db down',
      err: { message: 'connect ECONNREFUSED 10.0.3.4:5432', code: 'ECONNREFUSED', address: '10.0.3.4', port: 5432 },
    });
    assert.equal(scanLog(node).lines[0]!.text, 'db down: connect ECONNREFUSED 10.0.3.4:5432');
  });

  test('telltale address fields are bounded: at most four, and only plain key names', () => {
    const fields = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`host_${i}`, '']));
    const text = scanLog(JSON.stringify({ msg: 'config', ...fields, 'bad key host': '' })).lines[0]!.text;
    assert.equal(text, 'config host_0="" host_1="" host_2="" host_3=""');
  });

  test('isAddressKey: a word of the key starts or ends with an address word', () => {
    for (const key of ['redis_addr', 'REDIS_ADDR', 'databaseUrl', 'baseURL', 'hostname', 'dsn', 'otlp.endpoint'])
      assert.equal(isAddressKey(key), true, key);
    for (const key of ['security', 'queue', 'msg', 'db_name', `${'x'.repeat(70)}_host`])
      assert.equal(isAddressKey(key), false, key);
  });

  test('broken JSON stays as text', () => {
    assert.equal(scanLog('{"msg": "unterminated').lines[0]!.text, '{"msg": "unterminated');
  });
});

describe('scanLog: bounds', () => {
  test('reads only the tail of a large string and drops the partial first line', () => {
    const log = `${'head line\n'.repeat(100)}last`;
    const result = scanLog(log, { maxBytes: 64, maxLines: 100, maxLineLength: 100 });
    assert.equal(result.truncated, true);
    assert.equal(result.bytesRead, 64);
    assert.equal(result.totalBytes, log.length);
    assert.equal(result.lines.at(-1)!.text, 'last');
    assert.ok(result.lines.every((l) => l.text === 'head line' || l.text === 'last'));
  });

  test('reads only the tail of bytes', () => {
    const bytes = new TextEncoder().encode(`${'x'.repeat(1000)}\nend of log\n`);
    const result = scanLog(bytes, { maxBytes: 20, maxLines: 10, maxLineLength: 100 });
    assert.deepEqual(
      result.lines.map((l) => l.text),
      ['end of log'],
    );
    assert.equal(result.totalBytes, bytes.length);
  });

  test('keeps the last maxLines lines', () => {
    const log = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const result = scanLog(log, { maxBytes: 1 << 20, maxLines: 5, maxLineLength: 100 });
    assert.deepEqual(
      result.lines.map((l) => l.text),
      ['line 45', 'line 46', 'line 47', 'line 48', 'line 49'],
    );
    assert.equal(result.truncated, true);
  });

  test('cuts enormous lines and keeps a single huge line even when it is partial', () => {
    const result = scanLog('a'.repeat(LOG_BOUNDS.maxBytes * 4));
    assert.equal(result.lines.length, 1);
    assert.equal(result.lines[0]!.text.length, LOG_BOUNDS.maxLineLength);
    assert.equal(result.truncated, true);
    assert.equal(result.bytesRead, LOG_BOUNDS.maxBytes);
  });

  test('multi-byte characters at the cut do not break decoding', () => {
    const result = scanLog(`${'é'.repeat(100)}\nfin ✓`, { maxBytes: 11, maxLines: 10, maxLineLength: 100 });
    assert.equal(result.lines.at(-1)!.text, 'fin ✓');
  });
});

describe('scanLog: binary', () => {
  test('binary input is flagged and printable fragments are still extracted', () => {
    const bytes = new Uint8Array(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 7 === 0 ? 0 : 1 + ((i * 13) % 200);
    const text = new TextEncoder().encode('\x00\x00panic: runtime error: index out of range\x00\x01');
    const input = new Uint8Array(bytes.length + text.length);
    input.set(bytes);
    input.set(text, bytes.length);
    const result = scanLog(input);
    assert.equal(result.binary, true);
    assert.ok(result.lines.some((l) => l.text.includes('panic: runtime error')));
  });

  test('ordinary text is not binary', () => {
    assert.equal(scanLog('hello\nworld ünïcödé ✓').binary, false);
  });
});

describe('scanLog: properties', () => {
  test('never throws and respects the bounds on arbitrary input', () => {
    const bounds = { maxBytes: 512, maxLines: 20, maxLineLength: 64 };
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 })), (input) => {
        const result = scanLog(input, bounds);
        assert.ok(result.bytesRead <= bounds.maxBytes);
        for (const line of result.lines) {
          assert.ok(line.text.length <= bounds.maxLineLength);
          assert.ok(line.line >= 1 && line.line <= bounds.maxLines);
          assert.doesNotMatch(line.text, /[\x00-\x08\x0b-\x1f\x7f]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('adversarial pieces (escapes, braces, CRs, levels) never throw', () => {
    const piece = fc.constantFrom(
      '\x1b[',
      '\x1b]',
      '\x07',
      '{',
      '}',
      '"',
      '\r',
      '\n',
      '[31m',
      'ERROR',
      'level=',
      ':',
      '\\',
      '\x00',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3000 }), (parts) => {
        const result = scanLog(parts.join(''));
        assert.ok(Array.isArray(result.lines));
      }),
      { numRuns: 200 },
    );
  });
});

describe('scanLog: docker compose prefixes', () => {
  test('a service prefix on every line is stripped', () => {
    const log =
      'db_1           | initdb: directory "/var/lib/postgresql/data" exists but is not empty\ndb_1           | If you want to create a new database system';
    assert.deepEqual(texts(log), [
      'initdb: directory "/var/lib/postgresql/data" exists but is not empty',
      'If you want to create a new database system',
    ]);
    assert.deepEqual(texts('server-1  | /bin/sh: 1: gunicorn: not found'), ['/bin/sh: 1: gunicorn: not found']);
  });

  test('a pipe inside ordinary lines is kept', () => {
    assert.deepEqual(texts('starting\nstatus | ok\nready'), ['starting', 'status | ok', 'ready']);
  });

  test("compose's own lines (Attaching to, exited with code) vouch for prefixes among them", () => {
    const log = [
      'Recreating iptv-filter_web_1 ... done',
      'Attaching to iptv-filter_web_1',
      'web_1  | /bin/sh: 1: /code/run.sh: Permission denied',
      'iptv-filter_web_1 exited with code 126',
    ].join('\n');
    assert.equal(texts(log)[2], '/bin/sh: 1: /code/run.sh: Permission denied');
    // Without compose's own lines, one prefixed line among plain ones is left alone.
    assert.deepEqual(texts('starting\nweb_1  | hello\nready\ndone'), ['starting', 'web_1  | hello', 'ready', 'done']);
  });
});

describe('scanLog: carriage returns', () => {
  test('a CR inside a short shell error stays on its line as the two characters \\r', () => {
    assert.deepEqual(
      texts('/app/entrypoint.sh: line 2: set: -\r: invalid option\nset: usage: set [-abefhkmnptuvxBCHP]'),
      ['/app/entrypoint.sh: line 2: set: -\\r: invalid option', 'set: usage: set [-abefhkmnptuvxBCHP]'],
    );
    assert.deepEqual(texts("/usr/bin/env: 'bash\r': No such file or directory"), [
      "/usr/bin/env: 'bash\\r': No such file or directory",
    ]);
    // A path echoed twice carries two CRs; both stay, while a redrawn progress line still splits.
    assert.deepEqual(
      texts('exec /vault/config/vault.hcl\r: stat /vault/config/vault.hcl\r: no such file or directory'),
      ['exec /vault/config/vault.hcl\\r: stat /vault/config/vault.hcl\\r: no such file or directory'],
    );
    assert.deepEqual(texts('pulling 10%\rpulling 55%\rpulling 100%'), ['pulling 10%', 'pulling 55%', 'pulling 100%']);
  });

  test('a CR decoded from a JSON log record follows the same rule: kept as \\r in a short error, dropped otherwise', () => {
    assert.deepEqual(
      texts(
        '{"level":"error","msg":"load config","error":"open /etc/orders/config.yaml\\r: no such file or directory"}',
      ),
      ['load config: open /etc/orders/config.yaml\\r: no such file or directory'],
    );
    assert.deepEqual(texts('{"level":"info","msg":"step 1/2\\rstep 2/2"}'), ['step 1/2step 2/2']);
  });

  test("WiredTiger's error object in attr.message gives its words (the errno's text), not only the summary", () => {
    assert.deepEqual(
      texts(
        '{"t":{"$date":"2024-11-05T10:14:23.001+00:00"},"s":"E","c":"WT","id":22435,"ctx":"initandlisten","msg":"WiredTiger error message","attr":{"error":24,"message":{"ts_sec":1730801663,"thread":"1:0x7f","session_name":"connection","category":"WT_VERB_DEFAULT","msg":"__posix_open_file:805:/data/db/index-12.wt: handle-open: open","error_str":"Too many open files","error_code":24}}}',
      ),
      ['WiredTiger error message: __posix_open_file:805:/data/db/index-12.wt: handle-open: open: Too many open files'],
    );
  });

  test('a progress bar that redraws its line keeps one line per state', () => {
    assert.deepEqual(texts('Downloading  10%\rDownloading  55%\rDownloading 100%\ndone'), [
      'Downloading  10%',
      'Downloading  55%',
      'Downloading 100%',
      'done',
    ]);
    // One redraw whose new text does not continue a message is a redraw too.
    assert.deepEqual(texts('step 1/2\rstep 2/2'), ['step 1/2', 'step 2/2']);
  });
});
