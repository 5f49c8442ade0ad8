/**
 * host_kernel_limit's readings of the node's inotify limits (fs.inotify.max_user_watches and
 * fs.inotify.max_user_instances): watchers, dev servers and proxies that watch files for changes fail to create
 * an inotify instance or add a watch. The host-kernel-limit rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const INOTIFY_LIMIT_SIGNATURES: Signature[] = [
  {
    // The sysctl named outright, with or without its fs. prefix or in a product's own spelling (Envoy's
    // "Consider increasing value of user.max_inotify_watches via sysctl").
    all: [
      /System limit for number of file watchers reached|inotify (?:watch(?:es)?|instances?) limit (?:reached|exceeded)|\bmax_user_(?:watches|instances)\b|\bmax_inotify_(?:watches|instances)\b|number of inotify (?:instances|watches) (?:has been|was) reached/,
    ],
    confidence: 0.88,
    title: 'The node inotify limit is too low',
  },
  {
    // Watchers that translate the ENOSPC of inotify_add_watch into their own words: Ruby's listen gem ("Listen
    // error: unable to monitor directories for changes", linking its wiki page on increasing inotify watchers),
    // Node's fs.watch ("watch /app/src ENOSPC"), Rust's notify/watchfiles
    // ("OS file watch limit reached", kind: MaxFilesWatch), Watchman ("The user limit on the total number of
    // inotify watches was reached"), IDEs and dev servers ("file watcher limit exceeded").
    all: [
      /\bunable to monitor directories for changes\b|\b[Ii]ncreas(?:e|ing)[- ]the[- ]amount[- ]of[- ]inotify[- ]watch|\bwatch [^\s]{1,200} ENOSPC\b|\b(?:OS )?file[ -]?watch(?:er|ing)? limit (?:(?:has been |was |is )?(?:reached|exceeded|hit))|\bMaxFilesWatch\b|\buser limit on the (?:total )?number of inotify (?:watches|instances)\b|\b(?:too many|out of) inotify (?:watch(?:es)?|instances)\b/i,
    ],
    confidence: 0.87,
    title: 'The node inotify watch limit is too low (fs.inotify.max_user_watches)',
  },
  {
    // Adding a watch fails with ENOSPC when fs.inotify.max_user_watches is used up, and the watcher names the
    // call beside the errno text: Haskell's hinotify/fsnotify ("addWatch: resource exhausted (No space left on
    // device)", IHP/Yesod/ghcid dev servers), C and Go ("inotify_add_watch(...) failed: No space left on
    // device", "error adding watch: no space left on device"), pyinotify's add_watch, Java's WatchService ("User
    // limit of inotify watches reached"). A full disk never answers a watch call.
    all: [
      /\b(?:inotify_add_watch|addWatch|add_watch|inotify-add-watch)\b[^\n]{0,200}(?:[Nn]o space left on device|\bENOSPC\b|[Ee]rrno 28\b|os error 28\b|resource exhausted)|\b(?:[Ff]ailed to|[Cc]ould(?:n't| not)|[Uu]nable to|[Cc]annot|[Ee]rror) add(?:ing)? (?:an? |the )?(?:inotify |file |directory )?watch(?:es)?\b[^\n]{0,200}(?:[Nn]o space left on device|\bENOSPC\b)|\b[Uu]ser limit of inotify (?:watches|instances) reached\b/,
    ],
    confidence: 0.87,
    title:
      'Adding a file watch fails with ENOSPC: the node inotify watch limit (fs.inotify.max_user_watches) is used up',
  },
  {
    // Creating a watcher fails with EMFILE when the per-user inotify instance limit is used up (Go fsnotify,
    // systemd, chokidar): the "open files" wording hides the sysctl fs.inotify.max_user_instances.
    all: [
      /\b(?:inotify_init1?|inotify_add_watch|fsnotify|[Ff]ile ?[Ww]atcher|directory watch)\b/,
      /[Tt]oo many open files|\bEMFILE\b/,
    ],
    confidence: 0.8,
    title: 'The node inotify instance limit is too low (fs.inotify.max_user_instances)',
  },
  {
    // inotify_init(1) failing without the errno worded: an assertion on the descriptor it returned (Envoy's
    // "assert failure: inotify_fd_ >= 0"), "inotify_init1() failed", "could not create inotify instance",
    // "failed to initialize inotify". In a container the only way it fails is the per-user instance limit.
    all: [
      /\binotify_fd_? ?>= ?0\b|\binotify_init1?(?:\(\w{0,20}\))? (?:failed|returned -1|error)\b|\b(?:[Ff]ailed to|[Cc]ould(?:n't| not)|[Uu]nable to|[Cc]annot|[Cc]an't) (?:create|init(?:iali[sz]e)?|open|allocate) (?:an? |the )?(?:new )?inotify(?: instance| watcher| descriptor| fd| handle)?\b/,
    ],
    // A watch refused on a path it may not read or that is absent is that path's cause, not the limit.
    not: /[Pp]ermission denied|\bEACCES\b|[Nn]o such file|\bENOENT\b/,
    confidence: 0.82,
    title: 'An inotify instance could not be created: the node limit fs.inotify.max_user_instances is likely used up',
  },
];
