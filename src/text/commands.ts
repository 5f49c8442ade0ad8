/**
 * Credentials on command lines and in credential files, where no key=value pair names them:
 * `curl -u user:pass`, `docker login -p x`, `mysql -pSECRET`, `sshpass -p x`, `redis-cli -a x`,
 * `htpasswd -b file user pass`, `--password x`, a .netrc `password x`, a .pgpass line, an XML
 * element such as `<password>x</password>`.
 * Each pattern has bounded repeats of at most a few characters, or one greedy run nothing follows.
 */
import { isHarmless, isSecretValue, keyWords } from './keys.ts';
import { MASK } from './mask.ts';

/** `--password hunter2`, `--api-token xyz`, `-p x` after a login command: flag, space, value. */
const FLAG_VALUE = /(?<![\w-])(--?[A-Za-z][\w-]*)([ \t]+)(["']?)([^\s"'-][^\s"']*)/g;

/** Flags whose next word is a secret whatever the command. */
const SECRET_FLAG_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'passphrase',
  'secret',
  'token',
  'key',
  'pwd',
  'credentials',
]);

/** Commands whose short -p (or -a) flag takes a password rather than a port or a path. */
const PASSWORD_P =
  /(?<![\w-])(?:docker|podman|nerdctl|buildah|skopeo|helm|oras|crane)[ \t]+(?:registry[ \t]+)?login\b|(?<![\w-])sshpass\b|(?<![\w-])(?:redis-cli|keydb-cli)\b|(?<![\w-])(?:smbclient|rdesktop|xfreerdp)\b/;

/** `mysql -pSECRET`, `mysqldump -uroot -pSECRET`: the password is glued to -p. */
const MYSQL_GLUED = /(?<![\w-])(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport|mysqlsh)\b[^\n]*/g;
const GLUED_P = /([ \t]-p)([^\s-][^\s]*)/g;

/** `curl -u user:pass`, `--user user:pass`, `--proxy-user`: keep the user, hide the password. */
const USER_COLON_PASS = /(?<![\w-])(-u|-U|--user|--proxy-user)([ \t]+["']?)([^\s:"']+):([^\s"']+)/g;

/** `htpasswd -b[c] file user password`. */
const HTPASSWD = /(?<![\w-])(htpasswd((?:[ \t]+-[a-zA-Z]{1,8}){1,3})[ \t]+[^\s"']+[ \t]+[^\s"']+[ \t]+)([^\s"']+)/g;

/** .netrc: `machine h login u password p`, on one line or with `password p` on the line after `login u`. */
const NETRC = /(?<![\w-])(login[ \t]+[^\s"']+(?:[ \t]+|[ \t]*\r?\n[ \t]*)password[ \t]+)([^\s"']+)/g;

/** .pgpass: hostname:port:database:username:password, an entry alone on its line or between spaces or quotes. */
const PGPASS_LINE =
  /(?<=^|["'\s]|\\n)([^:\s"'\\]+:(?:[0-9]{1,5}|\*):[^:\s"'\\]+:[^:\s"'\\]+:)([^\s"'\\]+)(?=$|["'\\\s])/gm;

/** XML and HTML-like elements: <password>x</password>, <apiKey>x</apiKey> (Maven settings, Tomcat users). */
const XML_ELEMENT = /<([A-Za-z_][\w.:-]*)>([^<>\n]+)<\//g;

const maskValue = (value: string): string => (isHarmless(value) || value.startsWith(MASK) ? value : MASK);

/** Prose about a flag ("--password on the command line is insecure"): the next word is not a value. */
const PROSE_WORDS = new Set([
  'on',
  'in',
  'is',
  'to',
  'the',
  'for',
  'and',
  'or',
  'of',
  'at',
  'as',
  'if',
  'with',
  'from',
]);

/** A key flag followed by a path names a key file, not a key. */
const PATH_LIKE = /^(?:[/~]|\.{1,2}\/)/;

/** The last word of a flag (--db-password -> password), remembered: logs repeat the same flags. */
const flagWords = new Map<string, string>();
const lastWord = (flag: string): string => {
  let word = flagWords.get(flag);
  if (word === undefined) {
    word = keyWords(flag).at(-1) ?? '';
    if (flagWords.size >= 1024) flagWords.clear();
    flagWords.set(flag, word);
  }
  return word;
};

/**
 * Flags and their values over the whole text. Whether -p/-a takes a password depends on the command on
 * the same line: the line is found once per line (matches come in order), so the pass stays linear.
 */
const redactFlags = (text: string): string => {
  let lineEnd = -1;
  let passwordP = false;
  const takesPassword = (offset: number): boolean => {
    if (offset > lineEnd) {
      const start = text.lastIndexOf('\n', offset) + 1;
      const end = text.indexOf('\n', offset);
      lineEnd = end < 0 ? text.length : end;
      passwordP = PASSWORD_P.test(text.slice(start, lineEnd));
    }
    return passwordP;
  };
  return text.replace(
    FLAG_VALUE,
    (whole, flag: string, space: string, quote: string, value: string, offset: number) => {
      const last = lastWord(flag);
      const secretFlag =
        SECRET_FLAG_WORDS.has(last) ||
        last.endsWith('token') ||
        last.endsWith('password') ||
        last.endsWith('pass') ||
        last.endsWith('secret') ||
        last === 'masterauth' ||
        ((flag === '-p' || flag === '-a') && takesPassword(offset));
      if (!secretFlag || PATH_LIKE.test(value) || PROSE_WORDS.has(value)) return whole;
      return `${flag}${space}${quote}${maskValue(value)}`;
    },
  );
};

export const redactCommands = (text: string): string => {
  let out = text;
  if (out.includes('-')) {
    out = redactFlags(out).replace(
      USER_COLON_PASS,
      (whole, flag: string, space: string, user: string, password: string) =>
        /^[0-9]+$/.test(password) || password.startsWith(MASK) ? whole : `${flag}${space}${user}:${MASK}`,
    );
    out = out.replace(MYSQL_GLUED, (command) =>
      command.replace(GLUED_P, (_w, flag: string, value: string) => `${flag}${maskValue(value)}`),
    );
    out = out.replace(HTPASSWD, (whole, head: string, flags: string, value: string) =>
      flags.includes('b') ? `${head}${maskValue(value)}` : whole,
    );
  }
  if (out.includes('password')) {
    out = out.replace(NETRC, (_w, head: string, value: string) => `${head}${maskValue(value)}`);
  }
  if (out.includes('</'))
    out = out.replace(XML_ELEMENT, (whole, tag: string, value: string) =>
      isSecretValue(tag, value.trim()) ? `<${tag}>${MASK}</` : whole,
    );
  return out.replace(PGPASS_LINE, (whole, head: string, value: string) =>
    value.startsWith(MASK) ? whole : `${head}${MASK}`,
  );
};
