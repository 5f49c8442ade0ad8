/**
 * bad_command_args read from a start command that forked the server away: the foreground process then
 * exits 0 and the kubelet restarts it (pm2 start instead of pm2-runtime, a daemon without its foreground
 * flag, an init-style `<tool> start` where the image needs `start-foreground`/`run`/`console`). Only a
 * container that then ended cleanly is explained by it: the rule gates the signature on exit code 0.
 */
import type { Signature } from './log-helpers.ts';

// Each alternative is the announcement a family of start commands prints as it forks:
// - generic daemons: "Daemonizing...", "forking to background", "detaching from terminal";
// - Debian/LSB and RHEL init scripts and their imitations, which print a status after the service name:
//   "[ ok ] Starting nginx", " * Starting nginx nginx   ...done.", "Starting httpd:   [  OK  ]",
//   zkServer.sh start "Starting zookeeper ... STARTED";
// - Hadoop/HBase/Spark daemon scripts: "starting namenode, logging to /opt/hadoop/logs/...out";
//   Flink "Starting taskexecutor daemon on host flink-0.";
// - launchers that report the pid they left behind: neo4j start "Started neo4j (pid:123).", solr start
//   "Started Solr server on port 8983 (pid=123).", ActiveMQ "pidfile created : '...activemq.pid'",
//   rabbitmq-server -detached "PID file not written; -detached was passed.";
// - a start command echoed with its own daemonizing flag (set -x, "Starting gunicorn: ... --daemon"):
//   gunicorn --daemon, uwsgi --daemonize, redis-server --daemonize yes, kafka-server-start.sh -daemon,
//   start-stop-daemon --background, rabbitmq -detached, celery --detach; "--daemonize no" is foreground.
// - a launcher that returns once its daemons run and tells how to stop them: `ray start --head` without
//   --block ("To terminate the Ray runtime, run\n ray stop"), "To stop the server, run `x stop`",
//   "Use 'agent stop' to stop it". A foreground server never needs to tell how to stop itself this way.
// - catalina.sh start "Tomcat started.", pg_ctl start "server starting" / "waiting for server to
//   start.... done", mongod --fork "about to fork child process" / "child process started successfully,
//   parent exiting";
// - a start script that ran the server under nohup and `&`: "nohup: ignoring input and appending output".
const FORKED_AWAY = [
  /\b(?:[Ss]uccessfully daemoni[sz]ed|[Dd]aemoni[sz]ing\b|[Ff]orking (?:in)?to (?:the )?background|[Gg]oing (?:in)?to (?:the )?background|[Dd]etaching from (?:the )?(?:terminal|console|tty)|(?:[Ss]tarted|[Rr]unning|[Ll]aunched) (?:it )?in (?:the )?background|daemon started in background)/,
  /^Tomcat started\.|\bserver starting$|child process started successfully, parent exiting|\babout to fork child process\b|^waiting for server to start\.{2,} ?done/,
  /^\s{0,4}\[ ?ok ?\] Starting [\w-]|^\s{0,4}\*? ?Starting [^\n.]{1,80}\.{2,} ?(?:STARTED|[Ss]tarted|done\.?|OK|\[ {0,2}OK {0,2}\])\s*$|^Starting [^\n:]{1,80}: {0,80}\[ {0,2}OK {0,2}\]/,
  /^starting [\w.-]{1,200}, logging to \/|^Starting [\w-]{1,60} daemon on host /,
  /^Started [\w -]{1,60}\(pid[:=]? ?\d{1,8}\)|\bpidfile created : '|-detached was passed/,
  /^nohup: (?:ignoring input|appending output|redirecting stderr)/,
  /^\s{0,4}To (?:stop|terminate|shut down|kill) (?:the|this|all) [\w -]{1,60}(?:runtime|server|daemon|cluster|service|agent|processes|nodes?)\b[ ,]{0,3}(?:run|use|execute)\b|\b(?:[Uu]se|[Rr]un) [`'"][\w. -]{1,40} (?:stop|shutdown|kill)[`'"] to (?:stop|terminate|shut (?:it )?down)\b/,
  /(?:^|\s)(?:--daemon(?:ize)?|--detach(?:ed)?|-detached|-daemon|--background)(?![\w-]|[= ](?:no|false|off|0)\b)/,
];

const TITLE = "The command started the server in the background, so the container's main process exited";

/** One signature per announcement family; the rule reads any of them only when the container exited 0. */
export const DAEMONIZED_SIGNATURES: readonly Signature[] = FORKED_AWAY.map((pattern) => ({
  all: [pattern],
  confidence: 0.78,
  title: TITLE,
  warningIsEvidence: true,
}));
