/**
 * missing_env_var's readings of a program that stops with a hint naming what it needs: "set QUEUE env
 * var", "provide config parameters via DOCKER_STEPCA_INIT_ vars", Terraform's "No value for required
 * variable", a connection option "--database-url expected". The hint names the variable (or the option a
 * variable feeds) rather than reporting a failed lookup, so these live apart from the lookups and the
 * plain "X is not set" readings; the missing-env-var rule lists them in its own order.
 */
import type { Signature } from './log-helpers.ts';

// Programs that name what they need in a usage hint, and the tools that need it fed in.
export const USAGE_HINTS: Signature[] = [
  {
    // "set QUEUE env var, e.g. $ QUEUE=critical rake resque:work", "Please export the API_TOKEN environment
    // variable": a usage hint that names the variable the program stopped without. One word can be a
    // variable here because the words around it say so.
    all: [
      /^\s{0,8}(?:[Pp]lease |[Yy]ou (?:must|need to) )?(?:[Ss]et|[Dd]efine|[Ee]xport|[Pp]rovide) (?:the |a )?['"`$]?[A-Z][A-Z0-9_]{1,60}['"`]? (?:env(?:ironment)? ?var(?:iable)?|variable)\b/,
    ],
    confidence: 0.82,
    title: 'The program asks for an environment variable that is not set',
    not: /\b(?:if you (?:want|wish|need|like)|to (?:silence|suppress|disable|enable|override|change|tune)|optional(?:ly)?)\b/i,
  },
  {
    // "You must set DB_HOST env", "You need to specify ALLOWED_SENDER_DOMAINS otherwise Postfix will not
    // run!", "Please provide SMTP_PASSWORD": anywhere in a line, an instruction to set a name written the
    // way variables are (upper-case, with an underscore). Optional advice is not a requirement.
    all: [
      /\b(?:[Yy]ou (?:must|need to|have to)|[Pp]lease|MUST|[Mm]ust) (?:set|define|provide|specify|export|supply|pass) (?:the |a |an )?(?:variable |env(?:ironment)? (?:variable |var )?)?['"`$]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}\b(?![=.(-])/,
    ],
    confidence: 0.84,
    title: 'The program asks for an environment variable that is not set',
    not: /\b(?:if you (?:want|wish|need|like)|to (?:silence|suppress|disable|enable|override|change|tune|customi[sz]e|use)|optional(?:ly)?|deprecated)\b/i,
  },
  {
    // An entrypoint that lists the ways to give it what it needs, each one a variable: felddy/foundryvtt's
    // "Either set FOUNDRY_RELEASE_URL." / "Or set FOUNDRY_USERNAME and FOUNDRY_PASSWORD.", "either set
    // DATABASE_URL or DB_HOST", "Neither OIDC_CLIENT_ID nor OIDC_ISSUER is set". None of them arrived. A
    // value shown (`or set LOG_LEVEL=debug`) or optional advice is not a requirement.
    all: [
      /\b(?:[Ee]ither|[Oo]r|OR) (?:set|define|provide|specify|export|pass|supply) (?:the )?(?:variable |env(?:ironment)? (?:variable |var )?)?['"`$]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}\b(?![=(-]|\.\w)|\b[Nn]either ['"`$]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}['"`]? nor ['"`$]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}['"`]? (?:is|are|was|were|has been|have been) (?:set|defined|provided|given|specified)\b/,
    ],
    confidence: 0.8,
    title: 'The program lists the variables that would give it what it needs, and none is set',
    not: /\b(?:if you (?:want|wish|need|like)|to (?:silence|suppress|disable|enable|override|change|tune|customi[sz]e|use)|optional(?:ly)?|deprecated|for more)\b/i,
  },
  {
    // "or provide config parameters via DOCKER_STEPCA_INIT_ vars", "configure it through the MINIO_*
    // environment variables": the image explains that the variables it bootstraps from were not given.
    all: [
      /\b(?:provide|set|pass|supply|configure) (?:[a-z]{1,20} ){0,3}(?:via|through) (?:the )?[A-Z][A-Z0-9_]{2,60}\*? (?:env(?:ironment)? )?(?:vars|variables)\b/,
    ],
    confidence: 0.8,
    title: 'The image needs variables to bootstrap from, and they are not set',
    not: /\b(?:if you (?:want|wish|need|like)|optional(?:ly)?|deprecated)\b/i,
  },
  {
    // "Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment
    // variable, or a 'wsgi.py' file", "Unable to determine the project: set GOOGLE_CLOUD_PROJECT environment
    // variable or pass --project": the program found nothing to run on and names the variable that
    // would have told it. A flag is offered as well, so a wrong command stays a close second.
    all: [
      /\b(?:[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed to) (?:locate|find|determine|detect|infer|discover)\b|\b[Nn]o [a-z]{2,20}(?: [a-z]{2,20}){0,2} (?:was |is )?(?:found|given|specified|provided|configured)\b/,
      /\b[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40}['"`]? env(?:ironment)? ?var(?:iable)?\b/,
    ],
    confidence: 0.64,
    title: 'The program found nothing to run on and names the environment variable that would tell it',
    // "Cannot find empty port ... specify a different port by setting GRADIO_SERVER_PORT": the default was
    // there and taken (port_in_use); a variable offered to choose another value is not a missing one.
    not: /\b(?:optional(?:ly)?|deprecated|ignored|ignoring|using (?:the )?default|(?:empty|free|available|unused) port|a different|another)\b/i,
  },
  {
    // cloudflared's '"tunnel run" requires the ID or name of the tunnel to run as the last command line
    // argument or in the configuration file', "a token must be given with --token or in the config file":
    // neither a flag nor a config file gave the value, and in a pod it comes from a variable (TUNNEL_TOKEN)
    // that was unset or passed under another name. A weak reading: the command itself may lack the flag.
    all: [
      /\b(?:requires?|needs?|must (?:be )?(?:given|provided|specified|passed|set))\b[^\n]{0,120}\b(?:command[- ]line (?:argument|flag|option)|--[a-z][a-z-]{1,30}|flag|argument)s? or (?:in |via |from |with )?(?:the |a |an )?(?:config(?:uration)? file|environment variable|env var)/,
    ],
    confidence: 0.6,
    title: 'A required value was given neither as a flag nor in a config file: the variable that feeds it is not set',
  },
  {
    // Terraform's TF_VAR_<name> is matched case-sensitively: "No value for required variable" / "input
    // variable "x" is not set" means the variable meant to feed it was absent or named otherwise.
    all: [/No value for required variable|\binput variable "[\w-]{1,80}" is not set\b/],
    confidence: 0.8,
    title: 'A required input variable has no value: its TF_VAR_ environment variable is not set',
  },
  {
    // "Either of --metadata-database-url or --database-url option expected" (Hasura), "--dsn is required":
    // a server's connection setting, given in containers by its variable (HASURA_GRAPHQL_DATABASE_URL).
    all: [
      /--(?:[a-z]{1,20}-){0,3}(?:url|uri|dsn|host|endpoint|address|connection-string) (?:option )?(?:expected|is required|required|must be (?:set|provided|specified))\b/,
    ],
    confidence: 0.7,
    title: 'The connection option is missing: the environment variable that provides it is not set',
  },
  {
    // A framework CLI that finds no settings module or app to load: django-admin's "No Django settings
    // specified." and "settings are not configured" (DJANGO_SETTINGS_MODULE unset), Flask's "Could not
    // locate a Flask application" (FLASK_APP unset). Whatever fails after it (an "Unknown command" for an
    // app's own command) follows from the framework running without the project's settings.
    all: [/\bNo Django settings specified\b|\bsettings are not configured\b|\bCould not locate a Flask application\b/],
    confidence: 0.9,
    title:
      'The framework found no settings module: the variable naming it (DJANGO_SETTINGS_MODULE, FLASK_APP) is not set',
  },
  {
    // A database or warehouse client refusing to connect without a connection parameter: Snowflake's
    // "251001: Account must be specified", "host must be specified", "user is required". In code these come
    // from os.getenv / process.env, so the variable was unset or passed under another name. Moderate: a
    // config file that lacks the field reads the same.
    all: [
      /\b(?:[Aa]ccount|[Hh]ost(?:name)?|[Uu]ser(?:name)?|[Pp]assword|[Dd]atabase|[Ww]arehouse|[Ee]ndpoint|[Rr]egion|[Tt]enant|[Pp]roject(?: ?[Ii][Dd])?|URL|DSN|[Tt]oken|API key) (?:must be (?:specified|provided|set)|is required|was not specified|not specified)(?:[.!]|\s*$| to connect| for )/,
    ],
    confidence: 0.72,
    title: 'A required connection parameter is absent: the environment variable that provides it is not set',
    not: /\.ya?ml\b|\.toml\b|\.ini\b|\.json\b|config(?:uration)? file/i,
  },
  {
    // A connection or listen option left without its value: click's "Option '--port' requires an argument",
    // argparse's "argument --database-url: expected one argument", Go's "flag needs an argument: -addr",
    // picocli's "Missing required parameter for option '--token'". In a pod these are written `--port
    // $APP_PORT` under sh -c: the variable expanded to nothing, so the option ran off the end of the line.
    // Nobody types a value option bare on purpose, so this outweighs the generic usage-error reading.
    all: [
      /(?:\b[Oo]ption |\bargument |\bparameter for option )['"‘]?-{1,2}[\w-]{0,30}(?:port|host|url|uri|dsn|token|password|secret|key|endpoint|addr|address|bind|database|db|user|region|bucket)(?!\w)[\w-]{0,20}['"’]?:? (?:requires (?:an? )?(?:argument|value)|expected (?:one|an?) (?:argument|value))|\bflag needs an argument: -{1,2}[\w-]{0,30}(?:port|host|url|uri|dsn|token|password|secret|key|endpoint|addr|address|bind|database|db|user|region|bucket)(?!\w)[\w-]{0,20}/,
    ],
    confidence: 0.91,
    title: 'A connection or listen option has no value: the variable that was to fill it in is not set',
  },
  {
    // "Encryption keys must be specified in JUPYTERHUB_CRYPT_KEY env" (JupyterHub with auth_state on), "the
    // token must be provided via GITHUB_TOKEN environment variable": the program names the variable the
    // value must come from, and stops without it.
    all: [
      /\b(?:must|should|need to|needs to|has to|have to) be (?:specified|set|provided|defined|given|passed|supplied) (?:in|via|with|through|using) (?:the )?['"`$]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}['"`]? env(?:ironment)?(?: ?var(?:iable)?)?\b/,
    ],
    confidence: 0.84,
    title: 'The program names the environment variable a required value must come from, and it is not set',
    not: /\b(?:if you (?:want|wish|need|like)|optional(?:ly)?|deprecated)\b/i,
  },
];
