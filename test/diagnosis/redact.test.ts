import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MASK, redact, redactDeep } from '../../src/text/outgoing.ts';

/** Realistic log lines, each with the secret substring that must not survive redaction. */
const SECRETS: { name: string; line: string; secret: string }[] = [
  // headers and auth schemes
  {
    name: 'bearer header',
    line: 'GET /api/v1/pods 401 Authorization: Bearer 4f9a2c7e81b34d6aa0c3e5f7d9b1a2c4',
    secret: '4f9a2c7e81b34d6aa0c3e5f7d9b1a2c4',
  },
  { name: 'basic header', line: '> Authorization: Basic YWRtaW46Y29ycmVjdGhvcnNl', secret: 'YWRtaW46Y29ycmVjdGhvcnNl' },
  {
    name: 'lower-case bearer',
    line: 'curl -H "authorization: bearer tok_9f8e7d6c5b4a39281706"',
    secret: 'tok_9f8e7d6c5b4a39281706',
  },
  {
    name: 'github token scheme',
    line: 'Authorization: token 0123456789abcdef0123456789abcdef01234567',
    secret: '0123456789abcdef0123456789abcdef01234567',
  },
  {
    name: 'cookie header',
    line: 'Cookie: sessionid=8f14e45fceea167a5a36dedd4bea2543; csrftoken=Xy12Zz',
    secret: '8f14e45fceea167a5a36dedd4bea2543',
  },
  {
    name: 'set-cookie header',
    line: 'Set-Cookie: connect.sid=s%3Aabc123def456.ghiJKL; Path=/; HttpOnly',
    secret: 's%3Aabc123def456',
  },
  // URLs and connection strings
  {
    name: 'postgres url',
    line: 'Connecting to postgres://app:Sup3rS3cret!@db.prod:5432/app?sslmode=require',
    secret: 'Sup3rS3cret!',
  },
  {
    name: 'postgresql url',
    line: 'DATABASE_URL=postgresql://django:pa55word@postgres:5432/django',
    secret: 'pa55word',
  },
  {
    name: 'mysql url',
    line: 'sqlalchemy.exc.OperationalError: mysql+pymysql://root:r00tpw@mysql/app',
    secret: 'r00tpw',
  },
  {
    name: 'mongodb srv',
    line: 'MongoServerSelectionError: mongodb+srv://admin:M0ng0Pass@cluster0.ab1cd.mongodb.net/test',
    secret: 'M0ng0Pass',
  },
  {
    name: 'redis url empty user',
    line: 'Error: connect ECONNREFUSED redis://:r3disPa55@redis-master:6379/0',
    secret: 'r3disPa55',
  },
  {
    name: 'amqp url',
    line: 'kombu.exceptions.OperationalError: amqp://guest:gu3st-s3cret@rabbitmq:5672//',
    secret: 'gu3st-s3cret',
  },
  {
    name: 'https basic url',
    line: 'fatal: unable to access https://deploy:glp-xyz987654@gitlab.example.com/repo.git/',
    secret: 'glp-xyz987654',
  },
  {
    name: 'ado.net string',
    line: 'Server=sql;Database=app;User Id=sa;Password=Str0ng!Passw0rd;TrustServerCertificate=true',
    secret: 'Str0ng!Passw0rd',
  },
  {
    name: 'azure storage',
    line: 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA+/abcDEF==;EndpointSuffix=core.windows.net',
    secret: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA+/abcDEF==',
  },
  { name: 'jdbc password param', line: 'jdbc:mysql://db:3306/app?user=app&password=jdbcPw123', secret: 'jdbcPw123' },
  { name: 'query token', line: 'GET /hook?token=abcdef0123456789&id=3 HTTP/1.1', secret: 'abcdef0123456789' },
  {
    name: 'sas signature',
    line: 'PUT https://acct.blob.core.windows.net/c/b?sv=2021-06-08&sig=Q2x3Y4z5W6v7U8t9S0r1P2o3N4m5%3D',
    secret: 'Q2x3Y4z5W6v7U8t9S0r1P2o3N4m5',
  },
  // env dumps and key/value config
  { name: 'env password', line: 'DB_PASSWORD=hunter2', secret: 'hunter2' },
  { name: 'env root password', line: 'MYSQL_ROOT_PASSWORD=my-secret-pw', secret: 'my-secret-pw' },
  { name: 'env secret key', line: 'DJANGO_SECRET_KEY=django-insecure-7x!k2@q', secret: 'django-insecure-7x!k2@q' },
  { name: 'env generic token', line: 'API_TOKEN=a1b2c3d4e5f6', secret: 'a1b2c3d4e5f6' },
  { name: 'env client secret', line: 'OAUTH_CLIENT_SECRET=cs_live_9a8b7c', secret: 'cs_live_9a8b7c' },
  { name: 'export line', line: 'export REDIS_PASS=qwerty12', secret: 'qwerty12' },
  { name: 'yaml password', line: '    password: correcthorsebattery', secret: 'correcthorsebattery' },
  { name: 'spring property', line: 'spring.datasource.password=SpringPw2024', secret: 'SpringPw2024' },
  { name: 'ini with spaces', line: 'secret = "two words here"', secret: 'two words here' },
  { name: 'passwd key', line: 'ldap bind passwd=ldapPW77 dn=cn=admin', secret: 'ldapPW77' },
  { name: 'access key lower', line: 'aws_access_key_id = AKIAZZZZZZZZZZZZZZZZ', secret: 'AKIAZZZZZZZZZZZZZZZZ' },
  {
    name: 'aws secret',
    line: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  {
    name: 'private key env',
    line: 'PRIVATE_KEY=MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oAIi',
    secret: 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oAIi',
  },
  { name: 'credentials key', line: 'registry credentials=dXNlcjpwYXNzd29yZA', secret: 'dXNlcjpwYXNzd29yZA' },
  {
    name: 'session key generated',
    line: 'session=eyZ0aGlzIGlzIGEgc2Vzc2lvbg123',
    secret: 'eyZ0aGlzIGlzIGEgc2Vzc2lvbg123',
  },
  {
    name: 'npmrc auth token',
    line: '//registry.npmjs.org/:_authToken=00000000-1111-2222-3333-444444444444',
    secret: '00000000-1111-2222-3333-444444444444',
  },
  { name: 'cli flag', line: 'exec /usr/bin/app --db-password hunter22 --port 8080', secret: 'hunter22' },
  { name: 'cli flag equals', line: 'args: ["--api-key=k-12345678abcdef"]', secret: 'k-12345678abcdef' },
  // JSON logs
  {
    name: 'json password',
    line: '{"level":"info","msg":"config","password":"p@ss w0rd","user":"app"}',
    secret: 'p@ss w0rd',
  },
  {
    name: 'json api key',
    line: '{"apiKey": "live_8d7c6b5a4f3e2d1c", "region": "eu"}',
    secret: 'live_8d7c6b5a4f3e2d1c',
  },
  {
    name: 'json access token',
    line: '{"access_token":"at-11aa22bb33cc44dd","expires_in":3600}',
    secret: 'at-11aa22bb33cc44dd',
  },
  {
    name: 'json escaped quotes',
    line: '{"msg":"body {\\"client_secret\\":\\"escSecret99\\"}"}',
    secret: 'escSecret99',
  },
  { name: 'json escaped value', line: '{"password":"with \\"quote\\" inside"}', secret: 'quote' },
  { name: 'python dict', line: "settings = {'password': 'pyDictPw1', 'host': 'db'}", secret: 'pyDictPw1' },
  {
    name: 'gcp service account key',
    line: '{"type":"service_account","private_key_id":"b2d6a1f0c3e4d5f6a7b8c9d0e1f2a3b4c5d6e7f8","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"}',
    secret: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  },
  // well-known token shapes
  {
    name: 'aws access key id',
    line: 'Unable to locate credentials for AKIAIOSFODNN7EXAMPLE',
    secret: 'AKIAIOSFODNN7EXAMPLE',
  },
  { name: 'aws session key id', line: 'using temporary key ASIAY34FZKBOKMUTVV7A', secret: 'ASIAY34FZKBOKMUTVV7A' },
  {
    name: 'gcp api key',
    line: 'maps request failed key AIzaSyA-1234567890abcdefghijklmnopqrstu',
    secret: 'AIzaSyA-1234567890abcdefghijklmnopqrstu',
  },
  {
    name: 'google oauth',
    line: 'refresh gave ya29.a0AfH6SMBx1y2z3w4v5u6t7s8r9q0p',
    secret: 'ya29.a0AfH6SMBx1y2z3w4v5u6t7s8r9q0p',
  },
  {
    name: 'github pat classic',
    line: 'remote: Invalid username or password. ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    secret: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  },
  {
    name: 'github oauth',
    line: 'GH token gho_16C7e42F292c6912E7710c838347Ae178B4a rejected',
    secret: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  },
  {
    name: 'github server token',
    line: 'GITHUB_TOKEN is ghs_abcdefghijklmnopqrstuvwxyz0123456789',
    secret: 'ghs_abcdefghijklmnopqrstuvwxyz0123456789',
  },
  {
    name: 'github fine grained',
    line: 'auth with github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123',
    secret: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123',
  },
  { name: 'gitlab pat', line: 'clone failed with glpat-xYz123AbC456dEf789gH', secret: 'glpat-xYz123AbC456dEf789gH' },
  {
    name: 'slack bot token',
    line: '[ERROR] slack: invalid_auth for xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    secret: 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  },
  {
    name: 'slack user token',
    line: 'token=xoxp-1111-2222-3333-abcdefabcdef',
    secret: 'xoxp-1111-2222-3333-abcdefabcdef',
  },
  {
    name: 'slack app token',
    line: 'socket mode xapp-1-A0123456789-1234567890123-abcdef0123456789',
    secret: 'xapp-1-A0123456789-1234567890123-abcdef0123456789',
  },
  {
    name: 'slack webhook',
    line: 'POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX failed',
    secret: 'XXXXXXXXXXXXXXXXXXXXXXXX',
  },
  {
    name: 'openai key',
    line: 'openai.AuthenticationError: Incorrect API key provided: sk-abc123DEF456ghi789JKL012mno345',
    secret: 'sk-abc123DEF456ghi789JKL012mno345',
  },
  {
    name: 'openai project key',
    line: 'OPENAI key sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56',
    secret: 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56',
  },
  {
    name: 'stripe live key',
    line: 'Stripe::AuthenticationError using sk_live_51H8abcdefGHIJKLmnop',
    secret: 'sk_live_51H8abcdefGHIJKLmnop',
  },
  {
    name: 'stripe restricted',
    line: 'key rk_test_4eC39HqLyjWDarjtT1zdp7dc',
    secret: 'rk_test_4eC39HqLyjWDarjtT1zdp7dc',
  },
  {
    name: 'npm token',
    line: 'npm ERR! 401 using npm_abcdefghijklmnopqrstuvwxyz0123456789',
    secret: 'npm_abcdefghijklmnopqrstuvwxyz0123456789',
  },
  {
    name: 'sendgrid',
    line: 'mail failed SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg',
    secret: 'SG.abcdefghijklmnopqrstuv',
  },
  {
    name: 'vault token',
    line: 'vault: permission denied for hvs.CAESIJlU9JMYEhOPYv4IJ8sdhuJz2gQ',
    secret: 'hvs.CAESIJlU9JMYEhOPYv4IJ8sdhuJz2gQ',
  },
  {
    name: 'jwt',
    line: 'jwt expired: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    secret: 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  },
  {
    name: 'jwt payload',
    line: 'token=eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrOHMifQ.c2lnbmF0dXJl',
    secret: 'eyJpc3MiOiJrOHMifQ',
  },
  // stack traces and multi-line blocks
  {
    name: 'java exception with password',
    line: '\tat org.postgresql.Driver.connect(Driver.java:285)\nCaused by: FATAL: url=jdbc:postgresql://db/app password=j4vaPw!',
    secret: 'j4vaPw!',
  },
  {
    name: 'python traceback locals',
    line: '  File "/app/main.py", line 12, in <module>\n    client = Client(api_key="pyKey_0123456789ab")',
    secret: 'pyKey_0123456789ab',
  },
  {
    name: 'pem block',
    line: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
    secret: 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  },
  {
    name: 'pem cut after begin',
    line: 'loading key\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn',
    secret: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn',
  },
  {
    name: 'pem cut before end',
    line: 'NhAAAAAwEAAQAAAYEAx2Z1S4Yb3QJ8o9m7N5vE7kH2Lf0aT\n-----END EC PRIVATE KEY-----\nserver started',
    secret: 'NhAAAAAwEAAQAAAYEAx2Z1S4Yb3QJ8o9m7N5vE7kH2Lf0aT',
  },
  {
    name: 'lone key body line',
    line: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
    secret: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  },
];

/** Lines that carry no secret and must come back unchanged: they are evidence. */
const KEEP: string[] = [
  'psql: FATAL:  password authentication failed for user "app"',
  "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)",
  'Error: invalid token',
  'the token expired, refreshing',
  'max_tokens=4096 temperature=0.2',
  "KeyError: 'DB_PASSWORD'",
  "KeyError: 'DATABASE_URL'",
  "KeyError: 'STRIPE_API_KEY_V2_PRIMARY'",
  'TokenExpiredError: jwt expired',
  'primaryKey: CUSTOMER_ACCOUNT_ID',
  'Error: Missing required environment variable SECRET_KEY',
  'Error: secret "db-credentials" not found',
  'MountVolume.SetUp failed for volume "secret-vol" : secret "db" not found',
  'PWD=/app',
  'OLDPWD=/',
  'auth: failed',
  'Pulling image "ghcr.io/acme/api@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
  'image: registry.example.com/api:3f2a9c1d4e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9c',
  'Usage: app [--password-file PATH] [--token-ttl SECONDS]',
  'java.lang.OutOfMemoryError: Java heap space',
  "Error: Cannot find module 'express'",
  'at Object.<anonymous> (/usr/src/app/node_modules/pg/lib/client.js:132:14)',
  'connecting to postgres://db:5432/app',
  'level=info msg="listening" addr=:8080 session=started',
  'Authorization required',
  'calling the Token Service for Basic authentication',
  'password: null',
];

describe('redact: secrets never survive', () => {
  test(`corpus has at least 60 secrets (${SECRETS.length})`, () => {
    assert.ok(SECRETS.length >= 60);
  });
  for (const { name, line, secret } of SECRETS) {
    test(name, () => {
      const out = redact(line);
      assert.ok(!out.includes(secret), `secret survived: ${out}`);
      assert.ok(out.includes(MASK), `no mask in: ${out}`);
      assert.equal(redact(out), out, 'idempotent');
    });
  }
});

describe('redact: evidence stays intact', () => {
  for (const line of KEEP) {
    test(line, () => {
      assert.equal(redact(line), line);
    });
  }
});

describe('redact: readable output', () => {
  test('keeps the key name and the quote style', () => {
    assert.equal(redact('DB_PASSWORD=hunter2'), 'DB_PASSWORD=[REDACTED]');
    assert.equal(redact('{"password":"x y"}'), '{"password":"[REDACTED]"}');
    assert.equal(redact('Authorization: Bearer abcdef123456'), 'Authorization: Bearer [REDACTED]');
    assert.equal(redact('postgres://app:pw@db/app'), 'postgres://app:[REDACTED]@db/app');
  });
  test('a PEM block keeps its BEGIN/END lines and its line count (line numbers stay valid)', () => {
    const out = redact(SECRETS.find((s) => s.name === 'pem block')!.line);
    assert.equal(out, '-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n[REDACTED]\n-----END RSA PRIVATE KEY-----');
  });
  test('many BEGIN lines without END are handled', () => {
    const text = '-----BEGIN PRIVATE KEY-----\n'.repeat(2000);
    const out = redact(text);
    assert.equal(redact(out), out);
  });
  test('whole corpus joined as one multi-line log', () => {
    const out = redact(SECRETS.map((s) => s.line).join('\n'));
    for (const { secret } of SECRETS) assert.ok(!out.includes(secret), secret);
  });
});

describe('redactDeep', () => {
  test('redacts every string in nested arrays and objects, keeps other values', () => {
    const input = {
      title: 'Connection failed',
      count: 3,
      ok: false,
      none: null,
      evidence: [
        { line: 4, text: 'DB_PASSWORD=hunter2' },
        { line: 5, text: 'plain line' },
      ],
      nested: { deeper: ['Bearer abcdef0123456789'] },
      password: 'bare-value',
    };
    const out = redactDeep(input);
    assert.deepEqual(out, {
      title: 'Connection failed',
      count: 3,
      ok: false,
      none: null,
      evidence: [
        { line: 4, text: 'DB_PASSWORD=[REDACTED]' },
        { line: 5, text: 'plain line' },
      ],
      nested: { deeper: ['Bearer [REDACTED]'] },
      password: MASK,
    });
    assert.equal(input.evidence[0]?.text, 'DB_PASSWORD=hunter2', 'input not mutated');
  });
  test('passes through primitives', () => {
    assert.equal(redactDeep(42), 42);
    assert.equal(redactDeep(undefined), undefined);
    assert.equal(redactDeep('xoxb-1234567890-abcdefghij'), MASK);
  });
});
