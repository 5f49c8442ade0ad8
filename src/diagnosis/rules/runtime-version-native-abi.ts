/**
 * runtime_version_mismatch's readings of a compiled extension loaded by another ABI of the library it was built
 * against: the image resolved a newer (or older) core library than the wheels beside it were compiled for. The
 * code is fine and the package is installed; only the versions disagree, so this is not missing_dependency.
 */
import type { Signature } from './log-helpers.ts';

export const NATIVE_ABI_SIGNATURES: Signature[] = [
  {
    // NumPy's own ABI gate and its symptoms in the extensions built against the other major (pandas, scipy,
    // pyarrow, scikit-learn, opencv, torch): "A module that was compiled using NumPy 1.x cannot be run in NumPy
    // 2.x", "_ARRAY_API not found", Cython's "numpy.dtype size changed, may indicate binary incompatibility",
    // and the C-API version check "module compiled against API version 0x10 but this version of numpy is 0xf".
    all: [
      /compiled using NumPy \d\.x cannot be run in|\b_ARRAY_API not found\b|\bnumpy\.(?:dtype|ndarray|ufunc) size changed, may indicate binary incompatibility|module compiled against (?:ABI|API) version (?:0x)?[\da-f]{1,8} but this version of numpy is/,
    ],
    confidence: 0.9,
    // Cython's RuntimeWarning form of the size check (older NumPy) is harmless and does not stop the process.
    not: /RuntimeWarning/,
    title: 'A compiled extension was built against another NumPy major than the image installs (pin numpy or rebuild)',
  },
  {
    // The generic Cython size check names other base types too (a C extension built against another release of
    // the library it subclasses); weaker than the NumPy reading, which names the library that moved.
    all: [/\.\w{1,60} size changed, may indicate binary incompatibility\b/],
    confidence: 0.78,
    not: /RuntimeWarning/,
    title: 'A compiled extension was built against another version of a library than the image installs',
  },
  {
    // pybind11's gate: an extension built for one CPython loaded by another ("module was compiled for Python
    // 3.10, but the interpreter version is incompatible: 3.12").
    all: [/Python version mismatch: module was compiled for Python \d\.\d{1,2}/],
    confidence: 0.9,
    title: "A compiled extension was built for another Python version than the image's interpreter",
  },
];
