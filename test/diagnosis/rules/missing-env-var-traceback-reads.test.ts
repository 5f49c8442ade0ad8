/**
 * The reading of missing-env-var-traceback-reads.ts: a Python traceback whose failing frame reads a
 * variable with os.getenv / os.environ.get and ends on a None or empty value. The same frame ending on
 * another error (the value was there) is not this cause.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a regex applied to os.getenv of an unset variable ends in "expected string"',
      log: 'Traceback (most recent call last):\n  File "/app/settings.py", line 9, in <module>\n    ALLOWED = re.split(r",\\s*", os.getenv("ALLOWED_HOSTS"))\n  File "/usr/local/lib/python3.10/re.py", line 230, in split\n    return _compile(pattern, flags).split(string, maxsplit)\nTypeError: expected string or bytes-like object',
      exitCode: 1,
      min: 0.65,
      best: 'missing_env_var',
    },
    {
      name: 'a Fernet key read with os.getenv that was None',
      log: 'Traceback (most recent call last):\n  File "/app/tokens.py", line 9, in <module>\n    cipher = Fernet(os.getenv("FERNET_KEY"))\n  File "/usr/local/lib/python3.12/site-packages/cryptography/fernet.py", line 34, in __init__\n    key = base64.urlsafe_b64decode(key)\n  File "/usr/local/lib/python3.12/base64.py", line 133, in urlsafe_b64decode\n    s = _bytes_from_decode_data(s)\n  File "/usr/local/lib/python3.12/base64.py", line 45, in _bytes_from_decode_data\n    raise TypeError("argument should be a bytes-like object or ASCII "\nTypeError: argument should be a bytes-like object or ASCII string, not \'NoneType\'',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'a connection string read with an empty default that the client rejects as empty',
      log: 'Traceback (most recent call last):\n  File "/app/consumer.py", line 21, in <module>\n    client = ServiceBusClient.from_connection_string(os.environ.get("SERVICEBUS_CONNECTION", ""))\n  File "/usr/local/lib/python3.11/site-packages/azure/servicebus/_servicebus_client.py", line 240, in from_connection_string\n    host, policy, key, entity_in_conn_str, token, token_expiry = _parse_conn_str(conn_str)\nValueError: Connection string is either blank or malformed.',
      exitCode: 1,
      min: 0.6,
    },
  ],
  negatives: [
    {
      name: 'configparser refusing an integer the code passed is a code bug, with no variable read',
      log: 'Traceback (most recent call last):\n  File "/app/setup_ini.py", line 7, in <module>\n    cfg.set("server", "port", 8080)\n  File "/usr/local/lib/python3.12/configparser.py", line 1201, in _validate_value_types\n    raise TypeError("option values must be strings")\nTypeError: option values must be strings',
      exitCode: 1,
    },
    {
      name: 'a variable read that succeeded, then a refused connection, is not an unset variable',
      log: 'Traceback (most recent call last):\n  File "/app/sync.py", line 14, in <module>\n    resp = session.get(os.getenv("CATALOG_URL"), timeout=5)\n  File "/usr/local/lib/python3.12/site-packages/requests/sessions.py", line 602, in get\n    return self.request("GET", url, **kwargs)\nrequests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: http://catalog.shop.svc:8080/',
      exitCode: 1,
    },
  ],
});
