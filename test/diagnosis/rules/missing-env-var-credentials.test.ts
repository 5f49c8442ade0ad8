/**
 * The absent-credential readings of missing-env-var-credentials.ts: a service-account credential built
 * from variables that lacks a field is claimed in Google clients' words too (not only firebase-admin's),
 * and a key that is present but malformed or refused is not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'google-auth (Python) given service-account info without client_email',
      log: 'Traceback (most recent call last):\n  File "/app/sheets_sync.py", line 21, in <module>\n    creds = service_account.Credentials.from_service_account_info(info)\nValueError: Service account info was not in the expected format, missing fields client_email, token_uri.',
      exitCode: 1,
      min: 0.7,
      best: 'missing_env_var',
    },
    {
      name: 'google-auth-library (Node) given a credentials object with no client_email',
      log: 'Error: The incoming JSON object does not contain a client_email field\n    at JWT.fromJSON (/app/node_modules/google-auth-library/build/src/auth/jwtclient.js:213:19)',
      exitCode: 1,
      min: 0.7,
      best: 'missing_env_var',
    },
  ],
  negatives: [
    {
      name: 'a private key that is present but not valid PEM is a malformed value, not an unset one',
      log: 'FirebaseAppError: Failed to parse private key: Error: Invalid PEM formatted message.\n    at new ServiceAccount (/srv/app/node_modules/firebase-admin/lib/app/credential-internal.js:92:19)',
      exitCode: 1,
    },
    {
      name: 'a service-account key that was sent and refused is an auth failure',
      log: 'Error: invalid_grant: Invalid JWT Signature.\n    at Gaxios._request (/app/node_modules/gaxios/build/src/gaxios.js:142:23)',
      exitCode: 1,
    },
  ],
});
