/**
 * The recall corpus: secrets of many kinds, written from public format descriptions (vendor token
 * prefixes and lengths as the gitleaks and secretlint rule sets describe them, credential file formats,
 * command-line flags, encodings). Every value is generated here from a fixed seed, so none is real.
 * `secret` is the part that must never leave the process; `line` is how a log shows it.
 */

export interface PlantedSecret {
  kind: string;
  line: string;
  secret: string;
}

/** A small deterministic generator (mulberry32): the corpus is the same on every run. */
const generator = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const next = generator(20261202);

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}_-`;

/** n random characters of `alphabet`, with at least one digit and one letter when the alphabet has both. */
const pick = (alphabet: string, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  if (n >= 4 && /[0-9]/.test(alphabet) && !/[0-9]/.test(out)) out = `${out.slice(0, -1)}7`;
  const letter = /[a-zA-Z]/.exec(alphabet)?.[0];
  if (n >= 4 && letter && !/[a-zA-Z]/.test(out)) out = `${letter}${out.slice(1)}`;
  return out;
};
const b64 = (text: string): string => Buffer.from(text).toString('base64');

const entries: PlantedSecret[] = [];
/** Adds one secret per line template: `$` in a template is replaced by the secret. */
const add = (kind: string, secret: string, ...lines: string[]): void => {
  for (const line of lines) entries.push({ kind, line: line.replaceAll('$', () => secret), secret });
};
/** Adds a fresh secret for each template. */
const each = (kind: string, make: () => string, ...lines: string[]): void => {
  for (const line of lines) add(kind, make(), line);
};

// ---------------------------------------------------------------- cloud providers
each(
  'aws-access-key-id',
  () => `AKIA${pick(UPPER + DIGITS, 16)}`,
  'aws: using access key $ for s3',
  'AWS_ACCESS_KEY_ID=$',
);
each('aws-temporary-key-id', () => `ASIA${pick(UPPER + DIGITS, 16)}`, 'sts: assumed role with $');
each('aws-secret-access-key', () => pick(B64, 40), 'aws_secret_access_key = $', 'export AWS_SECRET_ACCESS_KEY="$"');
each('aws-session-token', () => `FwoGZXIvYXdzE${pick(B64, 120)}`, 'AWS_SESSION_TOKEN=$');
each('gcp-api-key', () => `AIza${pick(URLSAFE, 35)}`, 'maps: request denied key=$', 'GOOGLE_API_KEY: $');
each('gcp-oauth-token', () => `ya29.${pick(URLSAFE, 80)}`, 'googleapi: Error 401: token $ expired');
add(
  'gcp-service-account-key',
  pick(B64, 64),
  '{"type":"service_account","private_key_id":"abc","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC\\n$\\n-----END PRIVATE KEY-----\\n","client_email":"x@p.iam.gserviceaccount.com"}',
);
each(
  'azure-storage-key',
  () => `${pick(B64, 86)}==`,
  'DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=$;EndpointSuffix=core.windows.net',
);
each(
  'azure-sas-signature',
  () => `${pick(ALNUM, 30)}%2B${pick(ALNUM, 10)}%3D`,
  'GET https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&sig=$ 403',
);
each(
  'azure-ad-client-secret',
  () => `${pick(ALNUM, 3)}8Q~${pick(`${ALNUM}_~.`, 34)}`,
  'msal: AADSTS7000215 client secret provided: $',
);
each('alibaba-access-key', () => `LTAI${pick(ALNUM, 20)}`, 'aliyun sdk: InvalidAccessKeyId $');
each(
  'digitalocean-pat',
  () => `dop_v1_${pick(HEX, 64)}`,
  'doctl: unable to authenticate with $',
  'DIGITALOCEAN_ACCESS_TOKEN=$',
);
each('digitalocean-oauth', () => `doo_v1_${pick(HEX, 64)}`, 'oauth refresh failed for $');
each('digitalocean-refresh', () => `dor_v1_${pick(HEX, 64)}`, 'refresh with $ denied');
each('heroku-api-key', () => `HRKU-${pick(URLSAFE, 60)}`, 'heroku: Invalid credentials provided $');
add('heroku-api-key-uuid', '01234567-89ab-4cde-8f01-23456789abcd', 'HEROKU_API_KEY=$');
each('fly-io-token', () => `fo1_${pick(URLSAFE, 43)}`, 'flyctl: token $ rejected');
each(
  'terraform-cloud-token',
  () => `${pick(ALNUM, 14)}.atlasv1.${pick(URLSAFE, 67)}`,
  'Error: Failed to request discovery document: token $',
);
each('pulumi-token', () => `pul-${pick(HEX, 40)}`, 'pulumi login failed: $');
each('doppler-token', () => `dp.pt.${pick(ALNUM, 43)}`, 'doppler: token $ is invalid');
each('supabase-token', () => `sbp_${pick(HEX, 40)}`, 'supabase: unauthorized $');
each('databricks-token', () => `dapi${pick(HEX, 32)}`, 'databricks-cli: 403 for $');
each('planetscale-token', () => `pscale_tkn_${pick(URLSAFE, 43)}`, 'pscale: auth $');
// ---------------------------------------------------------------- source forges and registries
each('github-pat', () => `ghp_${pick(ALNUM, 36)}`, 'remote: Invalid username or password. $', 'GITHUB_TOKEN=$');
each('github-oauth', () => `gho_${pick(ALNUM, 36)}`, 'octokit: HttpError Bad credentials for $');
each('github-app-token', () => `ghs_${pick(ALNUM, 36)}`, 'installation token $ expired');
each('github-user-to-server', () => `ghu_${pick(ALNUM, 36)}`, 'user token $');
each('github-refresh-token', () => `ghr_${pick(ALNUM, 76)}`, 'refresh failed: $');
each('github-fine-grained-pat', () => `github_pat_${pick(ALNUM, 22)}_${pick(ALNUM, 59)}`, 'git clone failed with $');
each('gitlab-pat', () => `glpat-${pick(URLSAFE, 20)}`, 'gitlab: 401 Unauthorized $', 'CI_JOB_TOKEN: $');
each('gitlab-pipeline-trigger', () => `glptt-${pick(HEX, 40)}`, 'trigger $ rejected');
each('gitlab-runner-token', () => `glrt-${pick(URLSAFE, 20)}`, 'gitlab-runner register --token $');
each('gitlab-deploy-token', () => `gldt-${pick(URLSAFE, 20)}`, 'deploy token $ revoked');
each('bitbucket-app-password', () => `ATBB${pick(ALNUM, 32)}`, 'bitbucket: app password $ invalid');
each('atlassian-api-token', () => `ATATT3xFfGF0${pick(URLSAFE, 180)}`, 'jira client 401 with $');
each('npm-token', () => `npm_${pick(ALNUM, 36)}`, 'npm ERR! 403 Forbidden - token $');
add('npmrc-auth-token', pick(URLSAFE, 36), '//registry.npmjs.org/:_authToken=$');
add('npmrc-auth', b64(`ci:${pick(ALNUM, 14)}`), '_auth=$');
each('pypi-token', () => `pypi-AgEIcHlwaS5vcmc${pick(URLSAFE, 70)}`, 'twine: HTTPError 403 $', 'uploading with $');
each('rubygems-token', () => `rubygems_${pick(HEX, 48)}`, 'gem push: $ not authorized');
each('dockerhub-pat', () => `dckr_pat_${pick(URLSAFE, 27)}`, 'denied: requested access with $');
each('clojars-token', () => `CLOJARS_${pick(HEX, 60)}`, 'deploy failed $');
each('huggingface-token', () => `hf_${pick(ALNUM, 34)}`, 'huggingface_hub.errors: 401 Client Error token $');
// ---------------------------------------------------------------- chat, mail and messaging
each(
  'slack-bot-token',
  () => `xoxb-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(ALNUM, 24)}`,
  'slack: invalid_auth $',
);
each(
  'slack-user-token',
  () => `xoxp-${pick(DIGITS, 12)}-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(HEX, 32)}`,
  'token=$',
);
each(
  'slack-app-token',
  () => `xapp-1-A${pick(UPPER + DIGITS, 10)}-${pick(DIGITS, 13)}-${pick(HEX, 64)}`,
  'socket mode: $',
);
each('slack-config-token', () => `xoxe.xoxp-1-${pick(ALNUM, 160)}`, 'rotating $');
each(
  'slack-webhook',
  () => `https://hooks.slack.com/services/T${pick(UPPER + DIGITS, 8)}/B${pick(UPPER + DIGITS, 10)}/${pick(ALNUM, 24)}`,
  'POST $ -> 404 no_service',
);
each(
  'discord-webhook',
  () => `https://discord.com/api/webhooks/${pick(DIGITS, 18)}/${pick(URLSAFE, 68)}`,
  'notify: POST $ failed: 429',
  'DISCORD_HOOK $',
);
each(
  'discord-bot-token',
  () => `MT${pick(ALNUM, 24)}.${pick(URLSAFE, 6)}.${pick(URLSAFE, 38)}`,
  'discord.py: Improper token has been passed: $',
);
each('telegram-bot-token', () => `${pick(DIGITS, 10)}:AA${pick(URLSAFE, 33)}`, 'bot token $ is unauthorized');
each(
  'telegram-bot-url',
  () => `${pick(DIGITS, 9)}:AA${pick(URLSAFE, 33)}`,
  'requests.exceptions.HTTPError: 401 for url: https://api.telegram.org/bot$/sendMessage',
);
each(
  'teams-webhook',
  () =>
    `${pick(HEX, 8)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 12)}@${pick(HEX, 8)}-aaaa-bbbb-cccc-${pick(HEX, 12)}/IncomingWebhook/${pick(HEX, 32)}/${pick(HEX, 8)}`,
  'POST https://acme.webhook.office.com/webhookb2/$ 400',
);
each('sendgrid-api-key', () => `SG.${pick(URLSAFE, 22)}.${pick(URLSAFE, 43)}`, 'sendgrid: 401 Unauthorized $');
each('mailgun-api-key', () => `key-${pick(HEX, 32)}`, 'mailgun: Forbidden with $');
each('mailgun-private-key', () => `${pick(HEX, 32)}-${pick(HEX, 8)}-${pick(HEX, 8)}`, 'MAILGUN_API_KEY=$');
each('mailchimp-api-key', () => `${pick(HEX, 32)}-us${Math.floor(next() * 20) + 1}`, 'mailchimp: API Key Invalid $');
each('brevo-api-key', () => `xkeysib-${pick(HEX, 64)}-${pick(ALNUM, 16)}`, 'brevo 401 $');
each('twilio-api-key', () => `SK${pick(HEX, 32)}`, 'twilio: authenticate with $');
each('twilio-auth-token', () => pick(HEX, 32), 'twilio client: auth $ rejected', 'TWILIO_AUTH_TOKEN=$');
each(
  'postmark-server-token',
  () => `${pick(HEX, 8)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 12)}`,
  'X-Postmark-Server-Token: $',
);
// ---------------------------------------------------------------- payments and commerce
each('stripe-secret-key', () => `sk_live_${pick(ALNUM, 99)}`, 'StripeAuthenticationError: Invalid API Key provided: $');
each('stripe-restricted-key', () => `rk_live_${pick(ALNUM, 24)}`, 'stripe key $');
each(
  'stripe-webhook-secret',
  () => `whsec_${pick(ALNUM, 32)}`,
  'stripe: No signatures found matching the expected signature for payload, secret $',
  'signing with $',
);
each('square-access-token', () => `EAAA${pick(URLSAFE, 60)}`, 'square: UNAUTHORIZED $');
each('square-oauth-secret', () => `sq0csp-${pick(URLSAFE, 43)}`, 'square oauth $');
each('shopify-access-token', () => `shpat_${pick(HEX, 32)}`, 'ShopifyAPI::Errors 401 $');
each('shopify-shared-secret', () => `shpss_${pick(HEX, 32)}`, 'hmac with $');
each('shopify-custom-app-token', () => `shpca_${pick(HEX, 32)}`, 'shopify $');
each('flutterwave-secret', () => `FLWSECK_TEST-${pick(HEX, 32)}-X`, 'flutterwave: $');
// ---------------------------------------------------------------- observability and SaaS
each('datadog-api-key', () => pick(HEX, 32), 'DD_API_KEY=$', 'datadog: api_key $ invalid');
each('datadog-app-key', () => pick(HEX, 40), 'DD_APP_KEY: $');
each('newrelic-user-key', () => `NRAK-${pick(UPPER + DIGITS, 27)}`, 'newrelic: $');
each('newrelic-license-key', () => `${pick(HEX, 36)}NRAL`, 'NEW_RELIC_LICENSE_KEY=$');
each('newrelic-insert-key', () => `NRII-${pick(URLSAFE, 32)}`, 'insights $');
each('sentry-dsn', () => pick(HEX, 32), 'sentry: DSN https://$@o450000.ingest.sentry.io/5500000 is invalid');
each('sentry-auth-token', () => `sntrys_${pick(URLSAFE, 80)}`, 'sentry-cli: $');
each('grafana-service-account', () => `glsa_${pick(ALNUM, 32)}_${pick(HEX, 8)}`, 'grafana: 401 $');
each('grafana-cloud-token', () => `glc_${pick(URLSAFE, 60)}`, 'grafana cloud $');
each('dynatrace-token', () => `dt0c01.${pick(UPPER + DIGITS, 24)}.${pick(UPPER + DIGITS, 64)}`, 'dynatrace: $');
each('postman-api-key', () => `PMAK-${pick(HEX, 24)}-${pick(HEX, 34)}`, 'newman $');
each('linear-api-key', () => `lin_api_${pick(ALNUM, 40)}`, 'linear: $');
each('figma-token', () => `figd_${pick(URLSAFE, 40)}`, 'figma $');
each('airtable-pat', () => `pat${pick(ALNUM, 14)}.${pick(HEX, 64)}`, 'airtable 401 $');
each('contentful-token', () => `CFPAT-${pick(URLSAFE, 43)}`, 'contentful $');
each('sourcegraph-token', () => `sgp_${pick(HEX, 40)}`, 'src: $');
each('readme-api-key', () => `rdme_${pick(HEX, 70)}`, 'rdme $');
each('facebook-access-token', () => `EAACEdEose0cBA${pick(ALNUM, 60)}`, 'graph api: OAuthException $');
each('mapbox-secret-token', () => `sk.eyJ1Ijoi${pick(URLSAFE, 40)}.${pick(URLSAFE, 22)}`, 'mapbox $');
each(
  'openai-api-key',
  () => `sk-proj-${pick(URLSAFE, 100)}`,
  'openai.AuthenticationError: Incorrect API key provided: $',
  'OPENAI_API_KEY=$',
);
each('openai-legacy-key', () => `sk-${pick(ALNUM, 20)}T3BlbkFJ${pick(ALNUM, 20)}`, 'using $');
each('anthropic-api-key', () => `sk-ant-api03-${pick(URLSAFE, 93)}AA`, 'anthropic: authentication_error with $');
each('vault-service-token', () => `hvs.${pick(URLSAFE, 90)}`, 'vault: permission denied $', 'VAULT_TOKEN=$');
each('vault-batch-token', () => `hvb.${pick(URLSAFE, 120)}`, 'vault batch $');
each('age-secret-key', () => `AGE-SECRET-KEY-1${pick('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`, 'sops: failed with $');
// ---------------------------------------------------------------- tokens with a standard shape
each(
  'jwt',
  () =>
    `eyJhbGciOiJSUzI1NiIsImtpZCI6Ij${pick(URLSAFE, 20)}.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Ii${pick(URLSAFE, 60)}.${pick(URLSAFE, 86)}`,
  'error validating token $',
  'Authorization: Bearer $',
);
each('bearer-opaque', () => pick(ALNUM, 40), 'GET /v1/items 401 Authorization: Bearer $');
each('basic-auth-header', () => b64(`admin:${pick(ALNUM, 12)}`), 'proxy: Proxy-Authorization: Basic $');
each('cookie-session', () => pick(HEX, 40), 'Cookie: session=$; theme=dark');
// ---------------------------------------------------------------- private keys
const pemBody = (): string => Array.from({ length: 6 }, () => pick(B64, 64)).join('\n') + `\n${pick(B64, 22)}==`;
for (const label of [
  'RSA PRIVATE KEY',
  'PRIVATE KEY',
  'EC PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
]) {
  const body = pemBody();
  const lastLine = body.split('\n').at(-1) as string;
  add(
    `pem-${label.toLowerCase().replaceAll(' ', '-')}`,
    lastLine,
    `loading key\n-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\nready`,
  );
}
{
  const body = pemBody();
  add(
    'pgp-private-key',
    body.split('\n')[2] as string,
    `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body}\n-----END PGP PRIVATE KEY BLOCK-----`,
  );
  const cut = pemBody();
  add('pem-tail-without-begin', cut.split('\n').at(-1) as string, `${cut}\n-----END PRIVATE KEY-----\nstarting server`);
}
// ---------------------------------------------------------------- connection strings
each(
  'postgres-url',
  () => pick(ALNUM, 14),
  'connect to postgres://app:$@db.prod:5432/app failed',
  'DATABASE_URL=postgresql://app:$@pg/app?sslmode=require',
);
each('mysql-url', () => pick(ALNUM, 10), 'mysql+pymysql://root:$@mysql:3306/shop');
each(
  'mongodb-url',
  () => pick(ALNUM, 16),
  'MongoServerSelectionError: mongodb+srv://admin:$@cluster0.x1y2z.mongodb.net/prod',
);
each('redis-url', () => pick(ALNUM, 12), 'redis.exceptions.AuthenticationError redis://:$@redis:6379/0');
each('amqp-url', () => pick(ALNUM, 12), 'amqp://worker:$@rabbitmq:5672/vhost');
each(
  'git-url-token',
  () => `ghp_${pick(ALNUM, 36)}`,
  'fatal: could not read from https://x-access-token:$@github.com/acme/app.git',
);
each(
  'ado-net-password',
  () => pick(ALNUM, 14),
  'Server=tcp:sql.example.net;Database=app;User ID=sa;Password=$;Encrypt=true',
);
each('jdbc-password', () => pick(ALNUM, 12), 'jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=$');
// ---------------------------------------------------------------- command lines
each(
  'curl-user',
  () => pick(ALNUM, 12),
  '+ curl -sSf -u deploy:$ https://nexus.example.com/repo',
  'curl --user ci:$ https://x',
);
each(
  'docker-login-password',
  () => pick(ALNUM, 16),
  '+ docker login -u ci -p $ registry.example.com',
  'docker login --password $ ghcr.io',
);
each(
  'mysql-inline-password',
  () => pick(ALNUM, 10),
  '+ mysql -h db -u root -p$ shop < dump.sql',
  'mysqldump -uroot -p$ --all-databases',
);
each('sshpass-password', () => pick(ALNUM, 10), 'sshpass -p $ ssh deploy@10.0.0.5', "sshpass -p '$' scp a b:");
each(
  'password-flag',
  () => pick(ALNUM, 11),
  'exec /app/server --db-password=$ --port 8080',
  'helm install x --set auth.password=$',
);
each('pgpassword-env', () => pick(ALNUM, 10), 'PGPASSWORD=$ psql -h db -U app', 'env: MYSQL_PWD=$');
each('htpasswd-cli', () => pick(ALNUM, 10), 'htpasswd -b -c /etc/nginx/.htpasswd admin $');
each('redis-cli-auth', () => pick(ALNUM, 12), 'redis-cli -h redis -a $ ping');
// ---------------------------------------------------------------- credential files
each(
  'netrc',
  () => pick(ALNUM, 12),
  'machine api.example.com login bot password $',
  'machine git.example.com\n  login ci\n  password $',
);
each('pgpass', () => pick(ALNUM, 12), 'db.prod.internal:5432:app:app_user:$');
each('pypirc', () => pick(ALNUM, 14), '[pypi]\nusername = __token__\npassword = $');
each('docker-config-auth', () => b64(`robot:${pick(ALNUM, 20)}`), '{"auths":{"registry.example.com":{"auth":"$"}}}');
each('kubeconfig-token', () => pick(URLSAFE, 40), 'users:\n- name: ci\n  user:\n    token: $');
each(
  'kubeconfig-client-key-data',
  () => b64(`-----BEGIN RSA PRIVATE KEY-----\n${pick(B64, 64)}\n-----END RSA PRIVATE KEY-----\n`),
  '    client-key-data: $',
);
each('git-credentials', () => pick(ALNUM, 14), 'https://bob:$@git.example.com');
each('env-file', () => pick(ALNUM, 9), 'SMTP_PASSWORD=$', 'SECRET_KEY_BASE=$');
// ---------------------------------------------------------------- encodings
each(
  'url-encoded-pair',
  () => pick(ALNUM, 12),
  'GET /login?next=%2Fhome%3Fpassword%3D$ 302',
  'body: user%3Dbob%26password%3D$',
);
each(
  'json-escaped-pair',
  () => pick(ALNUM, 12),
  'msg="{\\"user\\":\\"bob\\",\\"password\\":\\"$\\"}"',
  '"payload":"{\\\\\\"api_key\\\\\\": \\\\\\"$\\\\\\"}"',
);
{
  const secret = pick(ALNUM, 14);
  add(
    'k8s-secret-data-base64',
    b64(secret),
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${b64(secret)}`,
  );
  const url = `postgres://app:${pick(ALNUM, 12)}@db/app`;
  add('k8s-secret-data-url', b64(url), `kind: Secret\ndata:\n  DATABASE_URL: ${b64(url)}\n  PORT: NTQzMg==`);
  const docker = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`bot:${pick(ALNUM, 20)}`) } } });
  add(
    'dockerconfigjson',
    b64(docker),
    `type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${b64(docker)}`,
  );
  add('dockerconfigjson-inline', b64(docker), `{"kind":"Secret","data":{".dockerconfigjson":"${b64(docker)}"}}`);
}
// ---------------------------------------------------------------- in prose and exceptions
each(
  'exception-quoted-token',
  () => pick(ALNUM, 24),
  "ValueError: invalid token '$'",
  'AuthError: bad credentials "$"',
);
each(
  'exception-quoted-secret',
  () => pick(ALNUM, 18),
  "java.lang.IllegalArgumentException: Invalid secret key: '$'",
  'RuntimeError: API key $ was rejected by upstream',
);
each(
  'short-password-unusual-key',
  () => pick(ALNUM, 6),
  'pwd=$',
  'passwd: $',
  'pass=$',
  'secret: $',
  'credentials=$',
  'DB_PASS=$',
);
each(
  'entropy-near-secret-word',
  () => pick(ALNUM, 32),
  'loaded api credential $ from vault',
  'using signing key $ for webhooks',
  'the token is $',
);

// ---------------------------------------------------------------- more formats and vendors
each(
  'xml-element',
  () => pick(ALNUM, 12),
  '<settings><servers><server><id>nexus</id><password>$</password></server></servers></settings>',
);
each(
  'odbc-braced-password',
  () => `${pick(ALNUM, 6)};${pick(ALNUM, 5)}`,
  'Driver={ODBC Driver 18};Server=sql;UID=sa;PWD={$};',
);
each('ruby-php-hash', () => pick(ALNUM, 12), ':password => "$"', "'db_password' => '$',");
each('redis-requirepass', () => pick(ALNUM, 12), 'redis-server /etc/redis.conf --requirepass $');
each('short-key-under-strong-name', () => pick(ALNUM, 6), 'ENCRYPTION_KEY=$', 'signing_key: $');
each('kubectl-from-literal', () => pick(ALNUM, 12), 'kubectl create secret generic db --from-literal=password=$');
each('xai-api-key', () => `xai-${pick(ALNUM, 80)}`, 'xai: 401 $');
each('groq-api-key', () => `gsk_${pick(ALNUM, 52)}`, 'groq $');
each('replicate-token', () => `r8_${pick(ALNUM, 37)}`, 'replicate $');
each('nuget-api-key', () => `oy2${pick(LOWER + DIGITS, 43)}`, 'nuget push -ApiKey $');
each(
  'hubspot-pat',
  () => `pat-na1-${pick(HEX, 8)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 12)}`,
  'hubspot 401 $',
);
each('dropbox-token', () => `sl.${pick(URLSAFE, 138)}`, 'dropbox: expired_access_token $');

each(
  'quoted-password-in-prose',
  () => `${pick(UPPER, 1)}${pick(LOWER, 5)}${pick(DIGITS, 4)}!`,
  'Using password "$" for user admin',
);
each('url-encoded-userinfo', () => `${pick(ALNUM, 4)}%40${pick(ALNUM, 6)}`, 'mongodb://admin:$@mongo:27017/app');

export const SECRET_CORPUS: readonly PlantedSecret[] = entries;
export const SECRET_KINDS: readonly string[] = [...new Set(entries.map((e) => e.kind))];
