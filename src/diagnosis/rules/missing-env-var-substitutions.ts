/**
 * missing_env_var read from a config file's variable substitution that found nothing to put in (not a
 * rule itself: the missing-env-var rule imports these). Config loaders that expand ${VAR} or an env
 * resolver say the name has no value anywhere they look: Great Expectations' MissingConfigVariableError
 * ("Unable to find a match for config substitution variable: `WAREHOUSE_PASSWORD`"), Vector's "Missing
 * environment variable in config. name = DD_API_KEY", OmegaConf / Hydra's oc.env resolver ("Environment
 * variable 'DATA_DIR' not found"), pyhocon's "Cannot resolve variable ${DB_URL}". The file names the
 * variable and the container was not given it. Spring-style placeholders live in missing-env-var.ts.
 */
import type { Signature } from './log-helpers.ts';

export const SUBSTITUTION_SIGNATURES: readonly Signature[] = [
  {
    all: [
      /\bMissingConfigVariableError\b|\b(?:[Uu]nable to|[Cc]ould not|[Cc]annot|[Ff]ailed to) find (?:a )?(?:match|value) for (?:the )?(?:config(?:uration)? )?(?:substitution|interpolation) variable\b|\bMissing environment variable in config\b|\b[Ee]nvironment variable ['"`][A-Za-z_][A-Za-z0-9_]{0,80}['"`] not found\b|\bCannot resolve variable \$\{[A-Za-z_]/,
    ],
    confidence: 0.87,
    title: 'A variable substitution in the configuration found no value: the environment variable is not set',
  },
];
