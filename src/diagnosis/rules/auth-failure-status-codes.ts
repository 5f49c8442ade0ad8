/**
 * auth_failure signatures that carry the rejection as a protocol status rather than a sentence: Windows
 * logon statuses (SMB, Kerberos) and the HTTP 401 that generated API clients print on their own lines.
 */
import type { Signature } from './log-helpers.ts';

export const STATUS_CODE_AUTH_SIGNATURES: readonly Signature[] = [
  {
    // The NTSTATUS a Windows or Samba server returns to a refused logon, as smbclient, mount.cifs' dmesg,
    // impacket and smbprotocol print it ("session setup failed: NT_STATUS_LOGON_FAILURE",
    // "SessionError: STATUS_LOGON_FAILURE"), and Kerberos' refusals of a password ("Preauthentication
    // failed", KDC_ERR_PREAUTH_FAILED, kinit's "Password incorrect"). A domain account whose password was
    // rotated or expired while the Secret keeps the old one. NT_STATUS_ACCESS_DENIED is left out: it is
    // also a share permission, after a successful logon.
    all: [
      /\b(?:NT_)?STATUS_(?:LOGON_FAILURE|WRONG_PASSWORD|PASSWORD_EXPIRED|PASSWORD_MUST_CHANGE|ACCOUNT_LOCKED_OUT|ACCOUNT_DISABLED|ACCOUNT_EXPIRED|ACCOUNT_RESTRICTION|INVALID_LOGON_HOURS|NO_SUCH_USER)\b|\bKDC_ERR_(?:PREAUTH_FAILED|CLIENT_REVOKED|KEY_EXPIRED)\b|\bPreauthentication failed\b|\bPassword incorrect while getting initial credentials\b|\bClient's credentials have been revoked\b/,
    ],
    confidence: 0.88,
    title: 'The Windows domain or file server refused the logon (wrong, expired or rotated password)',
  },
  {
    // Clients generated from OpenAPI (kubernetes, influxdb_client, openapi-generator's Python and Java
    // clients) print the status and the reason on their own lines: "ApiException: (401)" then "Reason:
    // Unauthorized"; the JSON body often says {"code":"unauthorized"}. A token was sent and refused (a
    // reinstall generated a new one, the server's data keeps the old). An empty token reads the same: the
    // rule's adjust steps it back when the log says the credential is unset.
    all: [
      /\bApiException: \(401\)|^\s{0,8}Reason: Unauthorized\s{0,4}$|"code": ?"unauthorized"|\bstatus(?: code)?[ =:]{1,3}401\b|\b401 \(Unauthorized\)/,
    ],
    confidence: 0.68,
    title: 'A dependency answered 401 Unauthorized (the token it was sent is not accepted)',
  },
  {
    // MQTT brokers (Mosquitto, EMQX, HiveMQ, VerneMQ) refuse a login in the CONNACK: return code 4 "bad user
    // name or password", 5 "not authorized" (MQTT 5: reason codes 0x86/0x87), which clients print as
    // "Connection refused: Not authorized" (mqtt.js, Zigbee2MQTT), "Connection Refused: not authorised"
    // (mosquitto_sub), "Not authorized to connect (5)" (Paho Java), "CONNACK reason code NOT_AUTHORIZED", BAD_USER_NAME_OR_PASSWORD.
    // The broker answered; its password file or user list no longer holds what the client sends.
    all: [
      /\b[Cc]onnection [Rr]efused:? (?:[Nn]ot [Aa]uthori[sz]ed|[Bb]ad [Uu]ser ?[Nn]ame or [Pp]assword)\b|\b[Nn]ot [Aa]uthori[sz]ed to connect\b|\bBad user name or password \(4\)|\bBAD_USER_NAME_OR_PASSWORD\b|\bCONNACK(?: reason code| return code)?:? ?(?:NOT_AUTHORIZED|[Nn]ot [Aa]uthori[sz]ed)\b/,
    ],
    confidence: 0.86,
    title: 'The MQTT broker refused the login (bad user name or password / not authorized)',
  },
];
