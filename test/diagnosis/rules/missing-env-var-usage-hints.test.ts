/**
 * The usage-hint readings of missing-env-var-usage-hints.ts that list alternatives: an entrypoint that
 * names each variable that would have given it what it needs ("Either set X", "Or set Y", "Neither X nor Y
 * is set"), in several products' words; a value shown or optional advice is not a requirement.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'an entrypoint that lists the variables it could install from (felddy/foundryvtt)',
      log: [
        'Entrypoint | 2024-11-03 18:02:11 | [info] No Foundry Virtual Tabletop installation detected.',
        'Entrypoint | 2024-11-03 18:02:11 | [error] Unable to install Foundry Virtual Tabletop!',
        'Entrypoint | 2024-11-03 18:02:11 | [error] Either set FOUNDRY_RELEASE_URL.',
        'Entrypoint | 2024-11-03 18:02:11 | [error] Or set FOUNDRY_USERNAME and FOUNDRY_PASSWORD.',
      ].join('\n'),
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a web app that wants a database URL or its parts (another wording, one line)',
      log: 'ERROR: cannot configure the database: either set DATABASE_URL or set DB_HOST, DB_USER and DB_PASSWORD',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an OIDC proxy that got neither of its two variables',
      log: 'level=fatal msg="Neither OIDC_ISSUER_URL nor OIDC_DISCOVERY_URL is set"',
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a hint that shows the value to set for more output is advice, not a requirement',
      log: 'ERROR request failed: upstream returned 502\nERROR Or set LOG_LEVEL=debug for more output',
      exitCode: 1,
    },
    {
      name: 'optional timezone advice is not a missing variable',
      log: 'ERROR clock check: to change the timezone, either set TZ_NAME or mount /etc/localtime\nINFO ready',
      exitCode: 0,
    },
  ],
});
