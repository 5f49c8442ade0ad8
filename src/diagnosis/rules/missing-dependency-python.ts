/**
 * missing_dependency's readings of a Python "No module named" that is not a package missing from the image:
 * the app's own package, a vendored six.moves on a newer interpreter, and a module gone from an installed
 * library that a pickled object on a volume still names. The missing-dependency rule steps back on these.
 */
import type { RuleContext } from '../rule.ts';
import type { SignatureHit } from './log-helpers.ts';
import { loadsPickledData } from './pickle-clues.ts';

// six.moves is a lazy importer that old vendored copies of six (kafka-python 2.0.2, botocore's, urllib3 1.x)
// cannot register on Python 3.12+: the package is installed, the interpreter is newer than it supports.
export const VENDORED_SIX_MOVES = /No module named '(?:[\w.]{1,100}\.)?six\.moves\b/;

// Names projects give their own top-level package (Python's "No module named", Lua's "module ... not found").
export const OWN_PACKAGE =
  /(?:No module named|\bmodule) '(?:app|src|main|server|api|config|settings|core|project|web|backend|application)(?:\.[\w.]{1,100})?'/;

// A submodule of a package ("pandas.core.indexes.numeric", "sklearn.ensemble.forest", "numpy._core"): the
// package itself imports, only an inner module is gone.
const SUBMODULE_NOT_FOUND = /No module named '\w{1,60}\.[\w.]{1,120}'/;

/**
 * True when the missing module is an inner module of an installed library and the traceback was unpickling:
 * the object on the volume was pickled under another release of that library, which has since moved or
 * removed the module (data_version_incompatible), not a package missing from the image.
 */
export const moduleGoneFromPickledData = (ctx: RuleContext, hit: SignatureHit): boolean =>
  SUBMODULE_NOT_FOUND.test(hit.line.text) && loadsPickledData(ctx);

// A file name given where a module name is expected (`python -m job.py`, `luigi --module job.py`, `celery -A
// tasks.py`, `uvicorn main.py:app`): Python looks for a submodule "py" of the package "job" ("No module named
// 'job.py'; 'job' is not a package"). The command's argument is wrong, no package is missing from the image.
export const MODULE_NAMED_AS_FILE = /No module named '[\w.]{0,100}\.py'/;
