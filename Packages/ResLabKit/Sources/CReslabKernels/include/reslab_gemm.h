// ResLab's own single-precision GEMM for the skinny products of convolutions.
//
// C (m×n) = A·B, or C += A·B, where A's element (i, p) is a[i·rsa + p·csa] (A may be read
// transposed, in place) and B is packed beforehand by `reslab_pack`. C is row-major with row
// stride ldc. A is never copied: the micro-kernel broadcasts its elements straight from the
// caller's rows (the NHWC input of a 1×1 convolution, the padded image of a shifted 3×3 one),
// which is where OpenBLAS spent a fifth of a ResNet training step packing. B (a filter, small
// beside A) is packed once into tiles and reused by every block of rows. Two variants: AVX-512
// (6×64 micro-kernel) and AVX2 + FMA (6×16); the widest the CPU has is used. Callers use OpenBLAS
// when `reslab_gemm_width` says the CPU has neither.
#ifndef RESLAB_GEMM_H
#define RESLAB_GEMM_H

#ifdef __cplusplus
extern "C" {
#endif

/// The widest kernel the CPU supports: 512 (AVX-512F), 256 (AVX2 and FMA) or 0 (neither).
/// Every function below takes the width of the kernel to use (512, or 256 where the CPU has
/// 512 too, as tests do to check both); a width the CPU cannot run stops the program. A matrix
/// packed for one width must be multiplied with the same width.
int reslab_gemm_width(void);

/// The number of floats `reslab_pack` writes for a k×n matrix.
long reslab_packed_count(int width, long k, long n);

/// Packs B (k×n, element (p, j) at b[p·rsb + j·csb], so B may be read transposed) for
/// `reslab_gemm_packed`. `packed` should be 64-byte aligned.
void reslab_pack(int width, long k, long n, const float *b, long rsb, long csb, float *packed);

/// C = A·B[firstRow ..< firstRow + k] when `accumulate` is 0, C += … when it is 1, where B is a
/// packed matrix of `packedRows` rows and at least n columns. Single-threaded; callers split the
/// rows.
void reslab_gemm_packed(int width, long m, long n, long k, const float *a, long rsa, long csa,
                        const float *packed, long packedRows, long firstRow, int accumulate, float *c, long ldc);

#ifdef __cplusplus
}
#endif

#endif
