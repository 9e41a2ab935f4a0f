// Adam's update over a range of weights, vectorised with AVX-512 or AVX2 (as the GEMM kernel:
// `reslab_gemm_width`).
#ifndef RESLAB_ADAM_H
#define RESLAB_ADAM_H

#ifdef __cplusplus
extern "C" {
#endif

/// For i in 0..<count, in this order and without fused multiply-adds (so the results are those of
/// the scalar arithmetic, bit for bit):
///   m[i] += (g[i] - m[i]) * keep1
///   v[i] += (g[i] * g[i] - v[i]) * keep2
///   p[i] -= m[i] * alpha / (sqrt(v[i]) + epsilon)
/// `width` is 512 or 256 (`reslab_gemm_width`, or 256 on an AVX-512 CPU to test that path).
/// Returns 0 (and does nothing) when the CPU cannot run that width, 1 when done.
int reslab_adam_update(int width, float *p, const float *g, float *m, float *v, long count,
                       float alpha, float keep1, float keep2, float epsilon);

#ifdef __cplusplus
}
#endif

#endif
