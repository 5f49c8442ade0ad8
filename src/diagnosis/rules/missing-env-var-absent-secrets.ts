/**
 * missing_env_var readings where the app names what is absent in its own words rather than by the variable:
 * a secret or token it calls empty or undefined, a required-property error code, a required config key that
 * holds a secret. A client that started a throwaway local server (no server address) is in
 * missing-env-var-ephemeral-server.ts.
 */
import type { Signature } from './log-helpers.ts';

// A credential the app calls empty, undefined or null: "JWT Secret cannot be undefined" (Jellystat),
// "token is empty" (Gitea act_runner registration), "session secret must not be empty", "API key cannot be
// blank". In a container these come from a variable; a JS ReferenceError ("token is not defined") or a
// parser's token is another cause, and "key cannot be null" alone is a map's key (left out: it needs a
// qualifier such as API, encryption or signing).
const CREDENTIAL_ABSENT: Signature = {
  all: [
    /\b(?:(?:JWT|[Jj]wt|[Ss]ession|[Cc]ookie|[Ee]ncryption|[Ss]igning|[Aa]pp|API|[Aa]pi|[Aa]ccess|[Aa]uth|[Mm]aster|[Rr]egistration|[Cc]lient|[Pp]rivate|[Ww]ebhook|[Bb]ot)[ _-]?(?:[Ss]ecret|[Kk]ey|[Tt]oken)|[Ss]ecret|[Tt]oken|[Pp]assword) (?:(?:cannot|can't|can not|must not|should not|may not) be (?:undefined|null|nil|None|empty|blank)|(?:is|was) (?:empty|blank|undefined))\b/,
  ],
  confidence: 0.78,
  title: 'A secret or token is empty or undefined: the variable that holds it is not set',
  not: /ReferenceError|Cannot read propert|NullPointerException|[Uu]nexpected token|CSRF|[Ss]yntax ?[Ee]rror|[Pp]arse error|[Pp]arsing/,
};

// Error codes that say a required property or variable is undefined, with the property often in the
// payload: Activepieces' SYSTEM_PROP_NOT_DEFINED {"prop":"ENCRYPTION_KEY"}, "ENV_VAR_NOT_SET", "ERR_MISSING_ENV",
// "CONFIG_VALUE_MISSING". A code about a field of a request or a schema (FIELD_NOT_DEFINED) is not this.
const PROPERTY_NOT_DEFINED_CODE: Signature = {
  all: [
    /\b(?:[A-Z]{2,20}_)?(?:PROP|PROPERTY|ENV|ENV_VAR|ENVIRONMENT_VARIABLE|VARIABLE|SETTING|CONFIG_VALUE|CONFIG_KEY)_(?:NOT_DEFINED|NOT_SET|NOT_PROVIDED|UNDEFINED|MISSING|REQUIRED)\b|\bERR_MISSING_(?:ENV|ENV_VAR|PROPERTY|SETTING)\b/,
  ],
  confidence: 0.8,
  title: 'The app reports a required property as not defined: the variable that sets it is not set',
};

// A config loader (viper and kin: lakeFS, Dex, many Go servers) listing a required key that holds a secret:
// "missing required keys: [auth.encrypt.secret_key]", "missing required field database.password". Secrets
// reach a pod through variables (LAKEFS_AUTH_ENCRYPT_SECRET_KEY), not the rendered file. A key the parser
// found missing at a line of a named file is a broken file (bad_config).
const REQUIRED_SECRET_KEY_MISSING: Signature = {
  all: [
    /\b[Mm]issing required (?:config(?:uration)? )?(?:keys?|fields?|settings?|options?|values?):? \[?['"`]?(?:[a-z0-9]{1,30}[._-]){0,5}(?:secret|password|passwd|token|api_?key|private_?key)(?:_key)?\b/,
  ],
  confidence: 0.74,
  title: 'A required secret setting is missing: the variable that provides it is not set',
  not: /\b(?:at )?line \d|\bcolumn \d/,
};

const LARAVEL_APP_KEY: Signature = {
  all: [/No application encryption key has been specified|MissingAppKeyException/],
  confidence: 0.85,
  title: "Laravel's APP_KEY is not set",
};

// A connection setting read from an unset variable reaches the client library as undefined/None: Node's
// ERR_INVALID_URL with input or base 'undefined' (new URL(path, process.env.X)), requests' "Invalid URL
// 'None/api'", "No scheme supplied. Perhaps you meant https://None".
const UNDEFINED_CONNECTION_SETTING: Signature = {
  all: [
    /[Uu]ri|URL|[Cc]onnection ?[Ss]tring|[Hh]ost|DSN|dsn/,
    /\bgot "?undefined"?|\breceived undefined\b|(?:input|base): 'undefined|[Ii]nvalid URL:? '?(?:None|undefined)'?|No scheme supplied\. Perhaps you meant https?:\/\/None/,
  ],
  confidence: 0.8,
  title: 'A connection setting is undefined (its environment variable is not set)',
};

// Node prints ERR_INVALID_URL's properties on their own lines ("  input: 'undefined/api'", "  base: 'undefined'"):
// the string "undefined" is what process.env.X becomes in a template or as new URL()'s base.
const NODE_URL_PART_UNDEFINED: Signature = {
  all: [/^\s{0,8}(?:input|base): 'undefined(?:'|\/|:)/],
  confidence: 0.8,
  title: 'A URL was built from an undefined value (its environment variable is not set)',
};

export const ABSENT_SECRET_SIGNATURES: readonly Signature[] = [
  NODE_URL_PART_UNDEFINED,
  LARAVEL_APP_KEY,
  UNDEFINED_CONNECTION_SETTING,
  CREDENTIAL_ABSENT,
  PROPERTY_NOT_DEFINED_CODE,
  REQUIRED_SECRET_KEY_MISSING,
];
