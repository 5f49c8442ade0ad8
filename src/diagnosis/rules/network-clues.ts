/**
 * How a connection failed, in any runtime's words, for the rules that weigh the same line differently
 * (not a rule itself): a refusal on localhost is dependency_unreachable's line and, when a host variable
 * is unset, missing_env_var's reading too; a name that does not resolve is dns_resolution_failure's.
 */

/** "localhost" inside a pod is the pod itself: the dependency is elsewhere. */
export const LOCALHOST = /\b127\.0\.0\.1\b|\blocalhost\b|\[::1\]|"::1"|'::1'|\b0\.0\.0\.0:\d/;

/**
 * A refused connection in any runtime's words: the errno, its message, Bun's and Rust's error kind
 * (code: "ConnectionRefused"), asyncpg's "Connect call failed", .NET's "actively refused it" and
 * Erlang's :econnrefused.
 */
export const CONNECTION_REFUSED =
  /\bECONNREFUSED\b|[Cc]onnection refused|Errno 111\b|errno:? ?111\b|Error 111 connecting|\bConnectionRefused(?:Error)?\b|Connect call failed|actively refused it|:econnrefused\b/;

/** Name-resolution failures in any runtime: dependency_unreachable leaves these lines to dns_resolution_failure. */
export const DNS_FAILURE =
  /\bENOTFOUND\b|\bEAI_AGAIN\b|\bEAI_NONAME\b|Name or service not known|nodename nor servname|Temporary failure in name resolution|could not translate host name|: no such host|UnknownHostException|host not found in upstream|Unknown (?:MySQL|MariaDB) server host|[Cc]ould not resolve host|Name does not resolve|NameResolutionError|getaddrinfo failed|Failed to resolve|server misbehaving|No address associated with hostname|Host not found|Unknown host|name resolution failed|DNS resolution failed|could not resolve address '|[Uu]nable to resolve (?:address|host(?:name)?)\b|[Cc]annot resolve (?:address|host(?:name)?)\b/;
