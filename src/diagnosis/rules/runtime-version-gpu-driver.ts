/**
 * runtime_version_mismatch's readings of the GPU driver on the node against the CUDA build in the image.
 * The runtime-version-mismatch rule reads these in its own pass that also looks at the start-failure status.
 */
import type { Signature } from './log-helpers.ts';

// The GPU driver on the node is older than the CUDA runtime the image was built with: CUDA's own
// "driver version is insufficient", PyTorch's "NVIDIA driver on your system is too old", NGC images' "built
// for NVIDIA Driver Release 550.54 or later", and the container toolkit's "cuda>=12.4, please update your
// driver", which reaches users only as the start-failure message (hence its own rule reading the status).
export const OLD_GPU_DRIVER: Signature = {
  all: [
    /CUDA driver version is insufficient for CUDA runtime version|\bcudaErrorInsufficientDriver\b|\bCUDA_ERROR_(?:INSUFFICIENT_DRIVER|COMPAT_NOT_SUPPORTED_ON_DEVICE|SYSTEM_DRIVER_MISMATCH)\b|NVIDIA driver on your system is too old|built for NVIDIA Driver Release [\d.]{1,12} or later|unsatisfied condition: cuda ?>=? ?\d|please update your (?:NVIDIA |GPU )?driver to a newer version|unsupported display driver \/ cuda driver combination|installed CUDA driver is older than/,
  ],
  confidence: 0.88,
  title: "The node's GPU driver is older than the CUDA version the image needs",
};

// The image's CUDA build has no kernels for the node's (older) GPU architecture.
export const OLD_GPU_ARCH: Signature = {
  all: [/no kernel image is available for execution on the device|\bcudaErrorNoKernelImageForDevice\b/],
  confidence: 0.76,
  title: "The image's CUDA build does not support the node's GPU (compute capability too old)",
};
