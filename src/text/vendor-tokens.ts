/**
 * Tokens whose shape alone says they are secrets, from the vendors' public format descriptions (the
 * gitleaks and secretlint rule sets list them). Each is replaced wherever it appears.
 *
 * Why our own table rather than @secretlint/secretlint-rule-preset-recommend (12.0.0): on the recall
 * corpus (test/text/secret-corpus.ts, 190 secrets of 154 kinds) the preset masked 35 secrets of 30
 * kinds, with no false positive on the must-keep corpus; its rules target files in a repository (an AWS
 * key id alone, a PEM block in a log, command lines, encodings are out of its scope). This table, with
 * the rest of src/text, masks all of them with 0 of 214 must-keep lines changed, and is proven linear.
 *
 * Linear by construction: a pattern starts with a fixed prefix, behind a look-behind that forbids a
 * start inside a longer token, and ends with one greedy run that nothing has to follow. A failed start
 * costs at most the prefix and the minimum length; a successful one consumes what it scanned.
 */

export const VENDOR_TOKENS: readonly RegExp[] = [
  // AWS key ids (AKIA long-term, ASIA temporary, other IAM unique-id prefixes); Alibaba.
  /(?<![A-Za-z0-9_-])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])LTAI[A-Za-z0-9]{12,}/g,
  // Google API keys and OAuth tokens.
  /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}/g,
  /(?<![A-Za-z0-9_-])ya29\.[0-9A-Za-z_-]{20,}/g,
  // GitHub, GitLab, Bitbucket, Atlassian.
  /(?<![A-Za-z0-9_-])gh[pousr]_[A-Za-z0-9]{30,}/g,
  /(?<![A-Za-z0-9_-])github_pat_[A-Za-z0-9_]{22,}/g,
  /(?<![A-Za-z0-9_-])gl(?:pat|ptt|rt|dt|cbt|imt|oas|ft|soat|agent)-[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_-])ATBB[A-Za-z0-9_=.-]{24,}/g,
  /(?<![A-Za-z0-9_-])ATATT[A-Za-z0-9_=.-]{24,}/g,
  // Slack tokens (bot, user, app, config).
  /(?<![A-Za-z0-9_-])xox[abposre]-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9_-])xoxe\.xox[bp]-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9_-])xapp-[A-Za-z0-9-]{10,}/g,
  // OpenAI (sk-, sk-proj-, sk-svcacct-), Anthropic (sk-ant-), DeepSeek and similar sk- keys.
  /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}/g,
  // Stripe secret/restricted/publishable keys and webhook signing secrets.
  /(?<![A-Za-z0-9_-])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}/g,
  /(?<![A-Za-z0-9_-])whsec_[A-Za-z0-9+/=]{16,}/g,
  // Package registries.
  /(?<![A-Za-z0-9_-])npm_[A-Za-z0-9]{36,}/g,
  /(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{16,}/g,
  /(?<![A-Za-z0-9_-])rubygems_[a-f0-9]{48,}/g,
  /(?<![A-Za-z0-9_-])dckr_pat_[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_-])CLOJARS_[a-z0-9]{40,}/g,
  /(?<![A-Za-z0-9_-])hf_[A-Za-z0-9]{30,}/g,
  // Mail and messaging.
  /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g,
  /(?<![A-Za-z0-9_-])key-[a-f0-9]{32}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])[a-f0-9]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}/g,
  /(?<![A-Za-z0-9_-])SK[a-f0-9]{32}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}/g,
  // Cloud and infrastructure.
  /(?<![A-Za-z0-9_-])do[opr]_v1_[a-f0-9]{64}/g,
  /(?<![A-Za-z0-9_-])HRKU-[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_-])fo1_[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_-])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{20,}/g,
  /(?<![A-Za-z0-9_-])pul-[a-f0-9]{40}/g,
  /(?<![A-Za-z0-9_-])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{20,}/g,
  /(?<![A-Za-z0-9_-])sbp_[a-f0-9]{40}/g,
  /(?<![A-Za-z0-9_-])dapi[a-f0-9]{32}(?:-[0-9])?/g,
  /(?<![A-Za-z0-9_-])pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{20,}/g,
  /(?<![A-Za-z0-9_-])hv[sbr]\.[A-Za-z0-9_-]{24,}/g,
  /(?<![A-Za-z0-9_-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g,
  // Payments and commerce.
  /(?<![A-Za-z0-9_-])EAAA[A-Za-z0-9_-]{40,}/g,
  /(?<![A-Za-z0-9_-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}/g,
  /(?<![A-Za-z0-9_-])shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/g,
  /(?<![A-Za-z0-9_-])FLW(?:SECK|PUBK)_TEST-[a-h0-9]{12,}-X/g,
  /(?<![A-Za-z0-9_-])FLW(?:SECK|PUBK)-[a-h0-9]{12,}-X/g,
  // Observability and SaaS.
  /(?<![A-Za-z0-9_-])NR(?:AK|II|JS|AA)-[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_-])[a-f0-9]{36}NRAL(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])sntry[su]_[A-Za-z0-9_=+/-]{30,}/g,
  /(?<![A-Za-z0-9_-])gl(?:sa|c)_[A-Za-z0-9_=+/-]{30,}/g,
  /(?<![A-Za-z0-9_-])dt0[a-z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}/g,
  /(?<![A-Za-z0-9_-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}/g,
  /(?<![A-Za-z0-9_-])lin_(?:api|oauth)_[A-Za-z0-9]{40}/g,
  /(?<![A-Za-z0-9_-])fig[dhu]_[A-Za-z0-9_-]{30,}/g,
  /(?<![A-Za-z0-9_-])pat[A-Za-z0-9]{14}\.[a-f0-9]{64}/g,
  /(?<![A-Za-z0-9_-])CFPAT-[A-Za-z0-9_-]{40,}/g,
  /(?<![A-Za-z0-9_-])sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}/g,
  /(?<![A-Za-z0-9_-])rdme_[a-z0-9]{60,}/g,
  /(?<![A-Za-z0-9_-])EAACEdEose0cBA[A-Za-z0-9]{20,}/g,
  /(?<![A-Za-z0-9_-])[ps]k\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_-])(?:prefect|pnu)_[A-Za-z0-9]{36}/g,
  // AI APIs: xAI, Groq, Replicate, Perplexity.
  /(?<![A-Za-z0-9_-])xai-[A-Za-z0-9]{40,}/g,
  /(?<![A-Za-z0-9_-])gsk_[A-Za-z0-9]{40,}/g,
  /(?<![A-Za-z0-9_-])r8_[A-Za-z0-9]{30,}/g,
  /(?<![A-Za-z0-9_-])pplx-[A-Za-z0-9]{40,}/g,
  // NuGet, EasyPost, HubSpot, Shippo, Typeform, Dropbox, Plaid, 1Password service accounts.
  /(?<![A-Za-z0-9_-])oy2[a-z0-9]{43}/g,
  /(?<![A-Za-z0-9_-])EZ[AT]K[A-Za-z0-9]{54}/g,
  /(?<![A-Za-z0-9_-])pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}/g,
  /(?<![A-Za-z0-9_-])shippo_(?:live|test)_[a-f0-9]{40}/g,
  /(?<![A-Za-z0-9_-])tfp_[A-Za-z0-9_.=-]{40,}/g,
  /(?<![A-Za-z0-9_-])sl\.[A-Za-z0-9_=-]{130,}/g,
  /(?<![A-Za-z0-9_-])access-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}/g,
  /(?<![A-Za-z0-9_-])ops_eyJ[A-Za-z0-9_=+/-]{40,}/g,
];

/** The look-behind every VENDOR_TOKENS pattern starts with (a test checks that each one does). */
export const BOUNDARY = '(?<![A-Za-z0-9_-])';

/** How many vendor shapes one composed pattern holds: small enough for recheck to prove it in seconds. */
const GROUP_SIZE = 8;

/**
 * The vendor shapes as a few alternations behind one look-behind each: a handful of passes over the
 * text instead of one per vendor (several times faster on a 4 MB log). Each alternative is proven
 * linear on its own by the ReDoS test, and each composed group too (their sources are exported for it).
 */
export const VENDOR_GROUP_SOURCES: readonly string[] = Array.from(
  { length: Math.ceil(VENDOR_TOKENS.length / GROUP_SIZE) },
  (_, group) =>
    `${BOUNDARY}(?:${VENDOR_TOKENS.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE)
      .map((pattern) => pattern.source.slice(BOUNDARY.length))
      .join('|')})`,
);
// redos: each source is an alternation of checked VENDOR_TOKENS literals; redos.test.ts proves every composed group
export const VENDOR_GROUPS: readonly RegExp[] = VENDOR_GROUP_SOURCES.map((source) => new RegExp(source, 'g'));

/** Telegram bot tokens, bare or inside a URL path (/bot<token>/sendMessage): letters may precede them. */
export const TELEGRAM_BOT_TOKEN = /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{30,}/g;

/** JWTs: header.payload[.signature]; the header always starts with {" -> eyJ. */
export const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g;

/** Webhook URLs whose path is the credential: keep the host, hide the path. */
export const WEBHOOK_PATHS: readonly RegExp[] = [
  /(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]{8,}/g,
  /(?<![A-Za-z0-9_-])(discord(?:app)?\.com\/api\/webhooks\/[0-9]{5,}\/)[A-Za-z0-9_-]{20,}/g,
  /(\.webhook\.office\.com\/webhookb2\/)[^\s"'<>]{20,}/g,
  /(\.logic\.azure\.com[:0-9]*\/workflows\/)[^\s"'<>]{20,}/g,
];
