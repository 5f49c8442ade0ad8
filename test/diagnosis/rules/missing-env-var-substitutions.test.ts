/**
 * The substitution readings of missing-env-var-substitutions.ts: a config loader whose ${VAR} found no
 * value is claimed in other loaders' words than the batch's Great Expectations case, and a substitution
 * whose value is present but malformed is not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a Hydra training job whose oc.env resolver finds the variable unset',
      log: "Error executing job with overrides: []\nomegaconf.errors.InterpolationResolutionError: ValidationError raised while resolving interpolation: Environment variable 'MLFLOW_TRACKING_URI' not found\n    full_key: logger.tracking_uri",
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a Vector agent whose config names an environment variable the pod was not given',
      log: '2024-05-02T10:01:12.003Z ERROR vector::cli: Configuration error. error=Missing environment variable in config. name = "DD_API_KEY"',
      exitCode: 78,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a pyhocon config whose substitution cannot be resolved',
      log: `Traceback (most recent call last):\n  File "/app/main.py", line 8, in <module>\n    conf = ConfigFactory.parse_file("/app/application.conf")\npyhocon.exceptions.ConfigSubstitutionException: Cannot resolve variable \${DATABASE_URL} (line: 3, col: 12)`,
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
  ],
  negatives: [
    {
      name: 'a substituted value that is present but does not parse is a bad value, not a missing variable',
      log: "omegaconf.errors.ValidationError: Value 'abc' of type 'str' could not be converted to Integer\n    full_key: trainer.max_epochs",
      exitCode: 1,
    },
    {
      name: 'a named configuration profile that does not exist is not an environment variable',
      log: "Error: config profile 'staging' not found in /etc/app/profiles.yaml",
      exitCode: 1,
    },
  ],
});
