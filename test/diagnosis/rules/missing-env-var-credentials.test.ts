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
      name: 'a Ruby payments job whose SDK raises AuthenticationError because no API key was sent',
      log: 'I, [2024-11-02T03:00:01] INFO -- : syncing invoices\nStripe::AuthenticationError: No API key provided. Set your API key using "Stripe.api_key = <API-KEY>".\n  /usr/local/bundle/gems/stripe-10.1.0/lib/stripe/api_requestor.rb:714:in `check_api_key!\'',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'a Caddy module that needs a JWT key for publishers, read from an {env.X} that expanded empty (Mercure)',
      log: "Error: loading initial config: loading new config: loading http app module: provision http: server srv0: setting up route handlers: route 0: loading handler modules: position 0: loading module 'mercure': provision http.handlers.mercure: a JWT key or the URL of a JWK Set for publishers must be provided",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Node API that refuses to start without its JWT secret (another product, another wording)',
      log: '[Nest] 1  - 04/11/2024, 9:12:03 AM   ERROR [ExceptionHandler] JWT secret must be set to sign access tokens\nError: JWT secret must be set to sign access tokens\n    at AuthModule.onModuleInit (/app/dist/auth/auth.module.js:31:19)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Minecraft proxy told it has no forwarding secret (Velocity: the variable with it was never wired)',
      log: '[08:44:03 WARN]: The configured player info forwarding mode is "modern"\n[08:44:03 ERROR]: You don\'t have a forwarding secret set. This is required for security.\n[08:44:03 ERROR]: Unable to load your velocity.toml. The server will shut down.',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a server that says the operator has not set its admin password (another wording of the same absence)',
      log: 'FATAL: You have not set an admin password. Refusing to start with an open admin console.',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Headscale-like server that stops without its shared secret (no noise key / preshared key sentence)',
      log: '2024-05-02T10:00:01Z FTL startup failed error="a shared secret must be provided to sign node registrations"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a cobra server whose required token flag is unset (the Secret key was named otherwise in envFrom)',
      log: 'Error: required flag(s) "api-token" not set\nUsage:\n  exporter serve [flags]',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an upload step that requires an auth token nobody gave it',
      log: 'error: sentry-cli requires an auth token to upload source maps. Set SENTRY_AUTH_TOKEN or run sentry-cli login.',
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
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
    {
      name: 'a gated Hugging Face model fetched by a TGI server with no token in its environment',
      log: 'huggingface_hub.errors.GatedRepoError: 401 Client Error.\nCannot access gated repo for url https://huggingface.co/google/gemma-2-9b-it/resolve/main/tokenizer.json.\nAccess to model google/gemma-2-9b-it is restricted. You must have access to it and be authenticated to access it. Please log in.',
      exitCode: 1,
      min: 0.7,
      best: 'missing_env_var',
    },
    {
      name: 'an errbot SlackV3 backend that stops and asks for its token (the config read an unset variable)',
      log: [
        '2025-01-09 14:10:05,071 DEBUG    errbot.backends.base      Backend init.',
        '2025-01-09 14:10:05,072 CRITICAL slackv3                   You need to set your token (found under "Bot Integration" on Slack) in the BOT_IDENTITY setting in your configuration. Without this token I cannot connect to Slack.',
      ].join('\n'),
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Discord bot that will not log in without a token',
      log: "[2024-11-02 09:14:11] ERROR bot: Without a token the bot can't log in to Discord. Exiting.",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a notifier that asks the operator to provide its API key',
      log: 'FATAL pushover: Please provide your application API key (PUSHOVER_APP_TOKEN) before starting the notifier',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'oCIS without ocis init or OCIS_JWT_SECRET: a prefixed secret has not been set',
      log: 'The jwt_secret has not been set properly in your config for ocis. Make sure your /etc/ocis config contains the proper values (e.g. by running ocis init or setting it manually in the config/corresponding environment variable).',
      min: 0.7,
    },
    {
      name: 'a gateway whose machine_auth_api_key has not been configured',
      log: '{"level":"fatal","service":"proxy","time":"2024-06-01T08:00:02Z","message":"machine_auth_api_key has not been configured"}',
      exitCode: 1,
      min: 0.7,
    },
  ],
  negatives: [
    {
      name: 'a JWT secret that is there but too short is a bad value, not a missing one',
      log: 'Error: JWT secret must be set to a value of at least 32 characters',
      exitCode: 1,
    },
    {
      name: 'a request that came without a JWT is a client error at run time, not a server without its key',
      log: 'level=error msg="JWT token is required in the Authorization header" path=/api/orders status=401',
      exitCode: 1,
    },
    {
      name: 'advice about an optional licence key while the server runs on is not a missing secret',
      log: "ERROR: You don't have a license key set; continuing in community mode\nINFO listening on :8080",
      exitCode: 0,
    },
    {
      name: 'a shared secret that was given but too short is a bad value, not a missing one',
      log: 'fatal: the shared secret must be provided with at least 32 characters',
      exitCode: 1,
    },
    {
      name: 'a required flag that is a plain option (not a secret) is not read as a missing secret',
      log: 'Error: required flag(s) "listen-port" not set',
      exitCode: 1,
    },
    {
      name: 'a token that was sent but lacks a scope is refused, not absent',
      log: 'error: 403 Forbidden: this endpoint requires an API key with the read:packages scope',
      exitCode: 1,
    },
    {
      name: 'a gated model refused to a token that was sent but lacks access is an auth failure',
      log: 'huggingface_hub.errors.GatedRepoError: 403 Client Error.\nCannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/config.json.\nAccess to model meta-llama/Llama-3.1-8B is restricted and you are not in the authorized list. Visit https://huggingface.co/meta-llama/Llama-3.1-8B to ask for access.',
      exitCode: 1,
    },
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
    {
      name: 'a Slack token that was sent and refused is an auth failure, not an absent one',
      log: 'CRITICAL slackv3 Slack rejected the token (invalid_auth). Without a valid token I cannot connect to Slack.',
      exitCode: 1,
    },
    {
      name: 'a prefixed secret the server generates when unset is not a failure',
      log: 'WARN jwt_secret has not been set, generating a random one for this run\nINFO http server listening on :9200',
      exitCode: 0,
    },
  ],
});
