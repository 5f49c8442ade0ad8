/**
 * The unfilled-slot readings of missing-env-var-unfilled-slots.ts: a Kubernetes $(VAR) reference left
 * literal because VAR is undefined, and a list setting with an empty entry from splitting an unset
 * variable, in other products' words than the batch cases; a Makefile's $(CC) or a malformed (non-empty)
 * entry is not this.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a Redis client dialing a URL whose host is a literal $(REDIS_HOST)',
      log: 'Error: getaddrinfo ENOTFOUND $(REDIS_HOST)\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)\nError connecting to redis://$(REDIS_HOST):6379',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a Cassandra node whose seed host is a literal $(POD_IP)',
      log: 'ERROR [main] 2024-05-02 10:11:12,001 CassandraDaemon.java:911 - Exception encountered during startup\norg.apache.cassandra.exceptions.ConfigurationException: Unknown host $(POD_IP).cassandra.db.svc.cluster.local',
      exitCode: 3,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'django-cors-headers rejecting an empty origin from an unset variable',
      log: "SystemCheckError: System check identified some issues:\n\nERRORS:\n?: (corsheaders.E013) Origin '' in CORS_ALLOWED_ORIGINS is missing scheme or netloc\n\tHINT: Add a scheme (e.g. https://) or netloc (e.g. example.com).",
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
  ],
  negatives: [
    {
      name: 'a Makefile recipe that prints $(CC) is a build failure, not the pod environment',
      log: 'make: *** [Makefile:12: build] Error 1\nmake[1]: cc: $(CFLAGS_EXTRA).o: No such file or directory',
      exitCode: 2,
    },
    {
      name: 'a .NET stack frame with $(String[] args) is not a variable reference',
      log: 'Unhandled exception. System.InvalidOperationException: Sequence contains no elements\n   at Program.<Main>$(String[] args) in /src/Program.cs:line 12',
      exitCode: 134,
    },
    {
      name: 'a CSRF origin written without its scheme is a bad value, not an unset variable',
      log: '?: (4_0.E001) As of Django 4.0, the values in the CSRF_TRUSTED_ORIGINS setting must start with a scheme (usually http:// or https://) but found example.com. See the release notes for details.',
      exitCode: 1,
    },
  ],
});
