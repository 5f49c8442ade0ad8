/**
 * Shapes that make regex-based redaction super-linear when it is written carelessly: each is a short
 * unit repeated into one long line. Shared by the work-counting property tests and `npm run bench`.
 */
export const HOSTILE_UNITS: Record<string, string> = {
  'a=a=a=…': 'a=',
  'a:a:a:…': 'a:',
  'a://a:…': 'a://a:',
  'PEM END without BEGIN': '-----END PRIVATE KEY-----\n',
  'PEM BEGIN without END': '-----BEGIN RSA PRIVATE KEY-----\n',
  'PEM END inline': '-----END EC PRIVATE KEY-----',
  'eyJ-eyJ-…': 'eyJ-',
  'eyJa.eyJa.…': 'eyJa.',
  'sk-sk-…': 'sk-',
  'key="key="…': 'key="',
  '\\"a\\":…': '\\"a\\":',
  "a='a='…": "a='",
  'password=password=…': 'password=',
  'password password …': 'password ',
  'token token …': 'token ',
  '--password --password …': '--password ',
  '-p -p (docker login)': 'docker login -p ',
  'a%3Da%3D…': 'a%3D',
  'Bearer Bearer …': 'Bearer ',
  'Cookie: Cookie: …': 'Cookie: ',
  'login a password …': 'login a password ',
  'h:1:d:u:…': 'h:1:d:u:',
  '0123456789:AA…': '0123456789:AA',
  'https://https://…': 'https://',
  'key-key-…': 'key-',
  backslashes: '\\',
  quotes: '"',
  'mysql -p…': 'mysql -p',
  'x.atlasv1.…': 'aaaaaaaaaaaaaa.atlasv1.',
  'AAAA (one base64 value)': 'QUFB',
};

/** One line of `bytes` characters made of `unit`. */
export const hostileLine = (unit: string, bytes: number): string =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
