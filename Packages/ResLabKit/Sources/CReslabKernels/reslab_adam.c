// Adam's update, 16 (AVX-512) or 8 (AVX2) weights at a time; see include/reslab_adam.h. Each operation is the same
// correctly rounded IEEE operation as in the scalar loop, in the same order, so the vector and
// scalar paths agree exactly (contraction into fused multiply-adds is switched off).
#include "reslab_adam.h"
#include "reslab_gemm.h"

#include <immintrin.h>
#include <math.h>

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#if defined(__x86_64__)

// One body for both vector widths: V is the vector type, P the intrinsics' prefix, L the lanes.
#define ADAM_BODY(V, P, L)                                                                          \
    const V a = P##_set1_ps(alpha), k1 = P##_set1_ps(keep1), k2 = P##_set1_ps(keep2);              \
    const V eps = P##_set1_ps(epsilon);                                                             \
    long i = 0;                                                                                     \
    for (; i + L <= count; i += L) {                                                                \
        V gi = P##_loadu_ps(g + i), mi = P##_loadu_ps(m + i), vi = P##_loadu_ps(v + i);             \
        mi = P##_add_ps(mi, P##_mul_ps(P##_sub_ps(gi, mi), k1));                                    \
        vi = P##_add_ps(vi, P##_mul_ps(P##_sub_ps(P##_mul_ps(gi, gi), vi), k2));                    \
        V step = P##_div_ps(P##_mul_ps(mi, a), P##_add_ps(P##_sqrt_ps(vi), eps));                   \
        P##_storeu_ps(m + i, mi);                                                                   \
        P##_storeu_ps(v + i, vi);                                                                   \
        P##_storeu_ps(p + i, P##_sub_ps(P##_loadu_ps(p + i), step));                                \
    }                                                                                               \
    for (; i < count; i++) {                                                                        \
        float gi = g[i];                                                                            \
        m[i] += (gi - m[i]) * keep1;                                                                \
        v[i] += (gi * gi - v[i]) * keep2;                                                           \
        p[i] -= m[i] * alpha / (sqrtf(v[i]) + epsilon);                                             \
    }

__attribute__((target("avx512f")))
static void update_avx512(float *p, const float *g, float *m, float *v, long count,
                          float alpha, float keep1, float keep2, float epsilon) {
    ADAM_BODY(__m512, _mm512, 16)
}

__attribute__((target("avx2")))
static void update_avx2(float *p, const float *g, float *m, float *v, long count,
                        float alpha, float keep1, float keep2, float epsilon) {
    ADAM_BODY(__m256, _mm256, 8)
}

int reslab_adam_update(int width, float *p, const float *g, float *m, float *v, long count,
                       float alpha, float keep1, float keep2, float epsilon) {
    if (width > reslab_gemm_width()) return 0;
    switch (width) {
    case 512: update_avx512(p, g, m, v, count, alpha, keep1, keep2, epsilon); return 1;
    case 256: update_avx2(p, g, m, v, count, alpha, keep1, keep2, epsilon); return 1;
    default: return 0;
    }
}

#else

int reslab_adam_update(int width, float *p, const float *g, float *m, float *v, long count,
                       float alpha, float keep1, float keep2, float epsilon) {
    (void)width; (void)p; (void)g; (void)m; (void)v; (void)count; (void)alpha; (void)keep1; (void)keep2; (void)epsilon;
    return 0;
}

#endif
