/**
 * Whether a Python traceback was loading pickled objects (not a rule itself). A pickle names each object's
 * class by its module path, so a module missing while one loads is a file written under another release of
 * a library (data_version_incompatible), not a package missing from the image (missing_dependency): both
 * rules read this one clue.
 */
import type { RuleContext } from '../rule.ts';

// The stdlib pickle and its Unpickler, cloudpickle, joblib (numpy_pickle.py), dill, torch.load and its
// serialization.py, pandas read_pickle, the Unpickler's find_class, pipeline tools' pickle datasets (Kedro's
// PickleDataset), and a .pkl file named in a frame or a message.
const UNPICKLING = /pickle|\bjoblib\b|\bdill\b|\btorch\.load\b|\btorch\/serialization\.py\b|\bfind_class\b|\.pkl\b/i;

export const loadsPickledData = (ctx: RuleContext): boolean => ctx.log.lines.some((l) => UNPICKLING.test(l.text));
