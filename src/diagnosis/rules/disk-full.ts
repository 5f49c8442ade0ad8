/** disk_full: a volume or filesystem ran out of space (or quota) while the process wrote to it. */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

// The kernel returns ENOSPC (and EDQUOT) for limits that are not a disk: inotify watches, the shared-memory
// mount (/dev/shm), user/pid namespaces (clone or unshare under user.max_user_namespaces, newuidmap,
// rootlesskit's fork/exec of its child), fs.watch ("watch /app ENOSPC", syscall 'watch') and the key quota
// of session keyrings (kernel.keys.maxkeys), and System V semaphore and shared-memory tables (semget, shmget).
const NOT_DISK =
  /file watchers|file watch limit|MaxFilesWatch|inotify|max_user_watches|shared memory segment|\/dev\/shm|user namespaces?|max_[a-z]{2,6}_namespaces|newuidmap|newgidmap|rootlesskit|CLONE_NEW|\bunshare\b|\bclone(?:3?:|\(\)| failed)|fork\/exec|keyring|maxkeys|syscall: 'watch'|\bwatch [^\s]{1,200} ENOSPC|monitor directories for changes|could not create semaphores|\baddWatch\b|\badd_watch\b|\badd(?:ing)? (?:an? |the )?(?:inotify |file |directory )?watch(?:es)?\b|\b(?:semget|shmget)\b/i;

// The errno alone: node prints it on its own line ("code: 'ENOSPC'"), away from the message.
const ERRNO: Signature = { all: [/\bENOSPC\b/], confidence: 0.9, title: 'The disk is full (ENOSPC)', not: NOT_DISK };

// The errno by a language's own error name, often alone on its line: Zig's std (TigerBeetle, Bun, River:
// "error: NoSpaceLeft", "error=NoSpaceLeft", error.DiskQuota for EDQUOT), Rust's io::ErrorKind ("kind:
// StorageFull" when the message is dropped). A watch call answered ENOSPC elsewhere in the log voids it.
const ERROR_NAME: Signature = {
  all: [/\bNoSpaceLeft\b|\bkind: StorageFull\b|\berror[.=:] ?DiskQuota\b/],
  confidence: 0.88,
  title: 'The disk is full (ENOSPC by its error name)',
  not: NOT_DISK,
};

const SIGNATURES: Signature[] = [
  {
    all: [/No space left on device/i],
    confidence: 0.93,
    title: 'The disk is full: no space left on device',
    not: NOT_DISK,
  },
  ERRNO,
  ERROR_NAME,
  // Erlang (RabbitMQ, CouchDB, ejabberd) reports the errno as an atom: {error,enospc}.
  { all: [/\benospc\b/], confidence: 0.85, title: 'The disk is full (enospc)', not: NOT_DISK },
  { all: [/Disk quota exceeded|\bEDQUOT\b/i], confidence: 0.88, title: 'The disk quota is exceeded', not: NOT_DISK },
  { all: [/There is not enough space on the disk/], confidence: 0.9, title: 'The disk is full' },
  {
    // RabbitMQ's disk alarm: the volume is below its free-space limit, publishers block.
    all: [/disk resource limit alarm set|Free disk space is insufficient/],
    confidence: 0.8,
    title: 'The volume is below the free-space limit (disk alarm)',
  },
  {
    // steamcmd's 0x202 app state is "not enough disk space"; installers and updaters say it in words.
    all: [
      /state is 0x202 after update job|[Nn]ot enough (?:free )?(?:disk )?space (?:on|in|left|available|to)\b|[Ii]nsufficient (?:free )?disk space/,
    ],
    confidence: 0.84,
    title: 'The volume has too little free space for what is being written',
  },
  {
    // Storage engines reserve room before a merge, flush or compaction and say why the reservation failed:
    // ClickHouse "Cannot reserve 1.00 MiB, not enough space. (NOT_ENOUGH_SPACE)", SQL Server's "Could not
    // allocate space for object ... because the 'PRIMARY' filegroup is full", Windows ERROR_DISK_FULL,
    // WebDAV/S3 gateways' 507 Insufficient Storage. "Not enough space" is also the ENOMEM text on Windows and
    // Solaris, hence the memory guard.
    all: [
      /\b(?:[Cc]annot|[Cc]an't|[Cc]ould(?:n't| not)|[Uu]nable to|[Ff]ailed to) (?:reserve|allocate|preallocate) [^\n]{0,80}\b(?:not enough|insufficient|no) (?:free )?(?:disk |storage )?space\b|\bNOT_ENOUGH_SPACE\b|\b(?:ERROR|STATUS)_DISK_FULL\b|\bfilegroup is full\b|\b507 Insufficient Storage\b|\bnot enough (?:free )?(?:disk|storage) space\b/,
    ],
    confidence: 0.86,
    title: 'The volume has no room left for what the server reserves or writes',
    not: /\b(?:memory|RAM|heap|buffer)\b|\bENOMEM\b/i,
  },
  { all: [/\bdisk (?:is )?full\b|\bDiskFull\b/i], confidence: 0.8, title: 'The disk is full', not: NOT_DISK },
  {
    // A writer that checks free space before it starts and names both numbers or just the verdict: GDAL
    // ("Free disk space available is 2116354048 bytes, whereas 18923847680 are at least necessary"), Hugging
    // Face datasets ("Not enough disk space. Needed: 21.63 GiB"), installers ("requires 4 GB of free disk
    // space, but only 1.2 GB is available").
    all: [
      /\b(?:[Ff]ree|[Aa]vailable) (?:disk |storage )?space(?: available)? (?:is|of|:) ?[\d.,]{1,20} ?(?:[KMGT]i?B|bytes)?,? (?:whereas|but|while|yet) (?:only )?[\d.,]{1,20} ?(?:[KMGT]i?B|bytes)? (?:are|is) (?:at least )?(?:necessary|needed|required)\b|\bNot enough (?:free )?(?:disk|storage) space\b|\b(?:requires?|needs?) (?:at least )?[\d.]{1,12} ?[KMGT]i?B of free (?:disk |storage )?space\b/,
    ],
    confidence: 0.86,
    title: 'The volume has less free space than the writer needs',
    not: /\b(?:memory|RAM|heap|buffer)\b|\bENOMEM\b/i,
  },
  {
    // MinIO: a drive below its free-space threshold.
    all: [/minimum free drive threshold|\bdrive path full\b|\bStorageFull\b/],
    confidence: 0.82,
    title: 'The drive is full (below the minimum free space)',
    not: /[Pp]ermission denied|not writable/,
  },
  {
    all: [/flood[ -]stage (?:disk )?watermark/i],
    confidence: 0.75,
    title: 'The disk passed the flood-stage watermark, so writes were blocked',
  },
  { all: [/could not extend file|could not write to file/i, /space/i], confidence: 0.85, title: 'The disk is full' },
  {
    // The same errno in other words: PHP's short write ("possibly out of free disk space"), SQLite's
    // SQLITE_FULL, MySQL's bare error code 28 (mysqldump "Got errno 28 on write"), tools that say they ran out
    // of space.
    all: [
      /\bout of (?:free )?(?:disk|storage) space\b|\bran out of (?:disk |storage )?space\b|\bdatabase or disk is full\b|\b(?:Errcode|OS errno|errno)[:=]? ?28\b/i,
    ],
    confidence: 0.86,
    title: 'The disk is full',
    not: NOT_DISK,
  },
  {
    // Servers that watch their own volume and stop before it fills: Ceph's monitor ("reached critical levels
    // of available space on local monitor storage -- shutdown!"), etcd's and databases' space guards. Logged
    // at warning level by some, but the shutdown is the crash.
    all: [
      /\bcritical(?:ly)? (?:low )?(?:levels? of )?(?:available|free) (?:disk |storage )?space\b|\b(?:available|free) (?:disk |storage )?space (?:is )?(?:critically low|exhausted|below (?:the )?(?:critical|minimum))\b|\bMON_DISK_CRIT\b|\bmon_data_avail_crit\b|\b(?:file ?system|volume|partition|storage|device) (?:is )?(?:completely )?full\b/i,
    ],
    confidence: 0.8,
    title: 'The volume is (nearly) full: the server stopped before running out of space',
    not: NOT_DISK,
    warningIsEvidence: true,
  },
  {
    // Storage servers that refuse to write above a configured disk-usage threshold and name it: BookKeeper's
    // DiskChecker ("Used space fraction: 0.96 > threshold 0.95", DiskOutOfSpaceException), brokers' and
    // databases' "disk usage exceeds the threshold". The threshold is a fill level, so the volume is full.
    all: [
      /\b[Uu]sed space fraction:? ?\d?\.\d{1,12} ?> ?threshold\b|\bDiskOutOfSpaceException\b|\bdisk (?:space )?usage (?:is )?(?:above|over|exceeds|exceeded|beyond|greater than|higher than) (?:the )?(?:configured |max(?:imum)? |critical )?(?:threshold|limit|watermark)\b|\b(?:exceeds|exceeded|above|over) (?:the )?(?:max(?:imum)? |configured |critical )?disk (?:space |usage )?(?:threshold|watermark)\b/i,
    ],
    confidence: 0.82,
    title: "The volume is above the server's disk-usage threshold, so it refused to write",
    not: NOT_DISK,
    warningIsEvidence: true,
  },
  {
    // BookKeeper's ledger directories all refused: nearly always over the disk-usage threshold, sometimes an
    // unwritable volume, so a likely reading.
    all: [/\bNoWritableLedgerDirException\b|\bAll ledger directories are non[ -]?writable\b/],
    confidence: 0.72,
    title: 'No ledger directory is writable (usually over the disk-usage threshold)',
    not: /[Pp]ermission denied|\bEACCES\b|[Rr]ead-only file ?system/,
  },
  {
    // The same guard as a warning before it trips; alone it is a likely reason, not proof.
    all: [
      /\b(?:low|concerning levels of|insufficient) (?:available |free )?(?:disk|storage) space\b|\bdisk space (?:is )?(?:running )?low\b|\bconcerning levels of available space\b|\bMON_DISK_LOW\b|\brunning out of (?:disk |storage )?space\b/i,
    ],
    confidence: 0.7,
    title: 'The volume is running out of space',
    not: NOT_DISK,
  },
  {
    // Writers that lose the errno on the way up: PyTorch's zip writer ("PytorchStreamWriter failed writing
    // file data/412: file write failed", then "unexpected pos 2048137728 vs 2048137616" when it closes the
    // archive short), HDF5's "file write failed". A full checkpoint volume is by far the usual reason; a
    // quota or a dropped network volume says the same, so this is a likely reading, not a certain one.
    all: [
      /\bPytorchStreamWriter failed writing file\b|\binline_container\.cc:\d{1,6}\][^\n]{0,20}\bunexpected pos \d{1,20} vs \d{1,20}|\b(?:file|record|chunk|checkpoint) write failed\b/,
    ],
    confidence: 0.78,
    title: 'A file write stopped short while saving (a checkpoint or data file): the volume is likely full',
    not: /[Pp]ermission denied|\bEACCES\b|[Rr]ead-only file ?system|\bEROFS\b|[Ii]nput\/output error|\bEIO\b|[Ss]tale file handle/,
  },
  {
    // A write that stored fewer bytes than asked (PHP "Only 0 of 48213 bytes written"): a full volume, or a quota.
    all: [/\bOnly \d{1,15} of \d{1,15} bytes (?:were )?written\b/],
    confidence: 0.72,
    title: 'A write stopped short: the volume is likely full',
    not: NOT_DISK,
  },
];

export const diskFull = signatureRule({
  id: 'disk-full',
  category: 'disk_full',
  signatures: SIGNATURES,
  // ENOSPC from inotify is spread over lines ("code: 'ENOSPC'" alone): the watcher message anywhere voids it.
  adjust: (ctx, hit) =>
    (hit.signature === ERRNO || hit.signature === ERROR_NAME) && ctx.log.lines.some((l) => NOT_DISK.test(l.text))
      ? 0
      : hit.confidence,
  steps: (ctx) => [
    `See which mount is full: ${kubectl.exec(ctx.target, 'df -h')}`,
    `Find the volume behind it: ${kubectl.podSpec(ctx.target, '{.spec.volumes}')}`,
  ],
});
