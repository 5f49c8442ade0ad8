/**
 * missing_env_var's readings of a client or cloud SDK built without a setting: a credential chain that
 * fell back to a metadata server this cluster lacks, a resource path with None in it, an empty name sent
 * to a cloud API, a constructor's "X is required", an env validator's Required list, a config key whose
 * substitution stayed empty, an image's default host. Products differ from the batch cases on purpose.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a registry whose S3 driver got no region (distribution: REGISTRY_STORAGE_S3_REGION left out), despite the panic',
      log: 'time="2024-02-19T07:41:09.113Z" level=warning msg="No HTTP secret provided - generated random secret."\npanic: no region parameter provided\n\ngoroutine 1 [running]:\ngithub.com/docker/distribution/registry/handlers.NewApp({0x1b2f3a0, 0xc0000a8000}, 0xc000188000)',
      exitCode: 2,
      min: 0.65,
    },
    {
      name: 'a storage driver built without its account name (the Azure driver, another parameter)',
      log: 'time="2024-03-02T11:20:44Z" level=fatal msg="Error creating storage driver: azure: No accountname parameter provided"',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'google-auth (Python) on another cloud falls back to a metadata server that does not resolve',
      log: "google.auth.exceptions.TransportError: Failed to retrieve http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/?recursive=true from the Google Compute Engine metadata service. Compute Engine Metadata server unavailable due to HTTPConnectionPool(host='metadata.google.internal', port=80): Max retries exceeded (NameResolutionError)",
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'the AWS Go SDK finds no credentials and IMDS does not answer',
      log: '{"level":"fatal","msg":"load config","error":"failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded"}',
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'the AWS Java SDK v1 credential chain is empty',
      log: 'Exception in thread "main" com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain: [EnvironmentVariableCredentialsProvider: Unable to load AWS credentials from environment variables (AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) and AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY))]',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Google ADC in Node finds nothing',
      log: 'Error: Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.\n    at GoogleAuth.getApplicationDefaultAsync (/app/node_modules/google-auth-library/build/src/auth/googleauth.js:183:19)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Node Pub/Sub client with an undefined project id in the resource path',
      log: 'Error: 5 NOT_FOUND: Resource not found (resource=projects/undefined/topics/orders).',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'the AWS Go SDK v1 rejects an empty bucket name before sending',
      log: 'level=fatal msg="download template" err="InvalidParameter: 1 validation error(s) found.\\n- minimum field size of 1, GetObjectInput.Bucket.\\n"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Python client constructor given None',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    client = Client(api_key=os.getenv("MAILER_KEY"))\nValueError: api_key is required',
      exitCode: 1,
      min: 0.68,
    },
    {
      name: 'zod 4 lists a variable it received undefined',
      log: "❌ Invalid environment variables:\n  OPENAI_API_KEY: [ 'Invalid input: expected string, received undefined' ]\nError: Invalid environment variables",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Typesafe Config cannot find a key whose optional substitution stayed empty',
      log: 'Exception in thread "main" com.typesafe.config.ConfigException$Missing: application.conf @ file:/app/conf/application.conf: 12: No configuration setting found for key \'db.password\'',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an app on its defaults cannot resolve the default host',
      log: 'No config file found, using defaults\nredis: connecting to redis:6379\nError: getaddrinfo ENOTFOUND redis\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:118:26)',
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'a default host that does not resolve, without a defaults notice, stays a weak reading',
      log: 'Error: getaddrinfo ENOTFOUND redis\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:118:26)',
      exitCode: 1,
      min: 0.5,
      max: 0.6,
      best: 'dns_resolution_failure',
    },
  ],
  negatives: [
    {
      name: "an HTTP handler's missing request parameter is a client error, not an unset variable",
      log: 'level=error msg="bad request: no id parameter provided in query" path=/api/v1/items status=400',
      exitCode: 1,
    },
    {
      name: 'a command line run without a parameter flag is a wrong invocation',
      log: 'Error: no input parameter provided, pass --input FILE\nUsage: convert --input FILE',
      exitCode: 2,
    },
    {
      name: 'the metadata server answered and refused (Workload Identity without its IAM binding)',
      log: "google.auth.exceptions.RefreshError: Failed to retrieve http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token from the Google Compute Engine metadata service. Status: 403 Response: Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
      exitCode: 1,
    },
    {
      name: 'a request validation error logged by a running server',
      log: '{"level":"warn","msg":"request rejected","error":"ValidationError: email is required"}\n{"level":"info","msg":"listening on :8080"}',
      exitCode: 1,
    },
    {
      name: 'a project whose name starts with null',
      log: 'ERROR subscriber stopped: 404 Resource not found (resource=projects/nullify-prod/subscriptions/orders)',
      exitCode: 1,
    },
    {
      name: 'the service behind the default host name died first',
      log: 'redis exited with code 1\nError: getaddrinfo ENOTFOUND redis\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:118:26)',
      exitCode: 1,
    },
  ],
});
