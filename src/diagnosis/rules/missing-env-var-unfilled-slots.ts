/**
 * missing_env_var read from a value that a variable was meant to fill and did not (not a rule itself:
 * the missing-env-var rule imports these). Two shapes survive into the log:
 * - Kubernetes' dependent-variable syntax $(NAME) in env values, command and args is replaced only when
 *   NAME is defined (earlier in the same container's env); otherwise kubelet leaves the literal text, so
 *   the app dials "$(MY_POD_NAME).svc...", or sends "$(DB_PASSWORD)" as a password. No shell runs there,
 *   and a shell would have run $(NAME) as a command, so the literal in an address is an undefined variable.
 * - A list setting built by splitting a variable (os.environ.get('X', '').split(',')) becomes [''] when the
 *   variable is unset; the framework then rejects an entry that is empty, not one written wrong.
 */
import type { Signature } from './log-helpers.ts';

// An upper-case name is how env variables are written; `$(id -u)` or `$(String[] args)` are not this.
const LITERAL_KUBE_REFERENCE = /\$\([A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){0,8}\)/;

const UNEXPANDED_REFERENCE_IN_ADDRESS: Signature = {
  // In a host, URL or address: "host $(POD_NAME).headless", "redis://$(REDIS_HOST):6379", "user@$(X)".
  all: [
    /(?:\/\/|@|\b(?:[Hh]ost(?:name)?|[Aa]ddr(?:ess)?|[Ss]erver|[Ee]ndpoint|[Nn]ode|URL|URI|url|uri)[ =:'"]{1,3})\$\([A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){0,8}\)|\$\([A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){0,8}\)(?:\.[a-z]|:\d|@)/,
  ],
  confidence: 0.88,
  title: 'A $(VAR) reference was left unexpanded in an address: the variable it names is not defined in the pod',
  // make(1) expands $(CC) and friends itself; a Makefile failure is a build problem, not the pod's env.
  not: /\b[Mm]akefile\b|\bmake(?:\[\d{1,3}\])?: /,
};

const UNEXPANDED_REFERENCE_ELSEWHERE: Signature = {
  // The literal in a failure line but not in an address (a flag value, a password, a file name): the
  // same cause, but a log line quoting a manifest or docs is likelier here, so a weaker reading.
  all: [LITERAL_KUBE_REFERENCE, /\b(?:error|invalid|failed|cannot|could not|unable|refused|not found)\b/i],
  confidence: 0.7,
  title: 'A $(VAR) reference was left unexpanded: the variable it names is not defined in the pod',
  not: /\b[Mm]akefile\b|\bmake(?:\[\d{1,3}\])?: /,
};

const EMPTY_LIST_ENTRY: Signature = {
  // Django's 4_0.E001 "the values in the CSRF_TRUSTED_ORIGINS setting must start with a scheme ... but
  // found ." and django-cors-headers' "Origin '' in CORS_ALLOWED_ORIGINS is missing scheme or netloc":
  // the rejected entry is empty, which a hand-written list never holds but a split unset variable does.
  all: [
    /\b[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8} setting must [^\n]{1,120}\bbut (?:found|got) ?\.|\b(?:[Oo]rigin|[Hh]ost|[Ee]ntry|[Vv]alue|[Ii]tem) (?:''|"") in [A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}\b/,
  ],
  confidence: 0.8,
  title: 'A list setting holds an empty entry: the variable it is split from is not set',
};

export const UNFILLED_SLOT_SIGNATURES: readonly Signature[] = [
  UNEXPANDED_REFERENCE_IN_ADDRESS,
  UNEXPANDED_REFERENCE_ELSEWHERE,
  EMPTY_LIST_ENTRY,
];
