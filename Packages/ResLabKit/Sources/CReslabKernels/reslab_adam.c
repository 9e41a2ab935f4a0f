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

__attribute__((target("avx512f")))
static void update_avx512(float *p, const float *g, float *m, float *v, long count,
                          float alpha, float keep1, float keep2, float epsilon) {
    const __m512 a = _mm512_set1_ps(alpha), k1 = _mm512_set1_ps(keep1), k2 = _mm512_set1_ps(keep2);
    const __m512 eps = _mm512_set1_ps(epsilon);
    long i = 0;
    for (; i + 16 <= count; i += 16) {
        __m512 gi = _mm512_loadu_ps(g + i), mi = _mm512_loadu_ps(m + i), vi = _mm512_loadu_ps(v + i);
        mi = _mm512_add_ps(mi, _mm512_mul_ps(_mm512_sub_ps(gi, mi), k1));
        vi = _mm512_add_ps(vi, _mm512_mul_ps(_mm512_sub_ps(_mm512_mul_ps(gi, gi), vi), k2));
        __m512 step = _mm512_div_ps(_mm512_mul_ps(mi, a), _mm512_add_ps(_mm512_sqrt_ps(vi), eps));
        _mm512_storeu_ps(m + i, mi);
        _mm512_storeu_ps(v + i, vi);
        _mm512_storeu_ps(p + i, _mm512_sub_ps(_mm512_loadu_ps(p + i), step));
    }
    for (; i < count; i++) {
        float gi = g[i];
        m[i] += (gi - m[i]) * keep1;
        v[i] += (gi * gi - v[i]) * keep2;
        p[i] -= m[i] * alpha / (sqrtf(v[i]) + epsilon);
    }
}

__attribute__((target("avx2")))
static void update_avx2(float *p, const float *g, float *m, float *v, long count,
                        float alpha, float keep1, float keep2, float epsilon) {
    const __m256 a = _mm256_set1_ps(alpha), k1 = _mm256_set1_ps(keep1), k2 = _mm256_set1_ps(keep2);
    const __m256 eps = _mm256_set1_ps(epsilon);
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 gi = _mm256_loadu_ps(g + i), mi = _mm256_loadu_ps(m + i), vi = _mm256_loadu_ps(v + i);
        mi = _mm256_add_ps(mi, _mm256_mul_ps(_mm256_sub_ps(gi, mi), k1));
        vi = _mm256_add_ps(vi, _mm256_mul_ps(_mm256_sub_ps(_mm256_mul_ps(gi, gi), vi), k2));
        __m256 step = _mm256_div_ps(_mm256_mul_ps(mi, a), _mm256_add_ps(_mm256_sqrt_ps(vi), eps));
        _mm256_storeu_ps(m + i, mi);
        _mm256_storeu_ps(v + i, vi);
        _mm256_storeu_ps(p + i, _mm256_sub_ps(_mm256_loadu_ps(p + i), step));
    }
    for (; i < count; i++) {
        float gi = g[i];
        m[i] += (gi - m[i]) * keep1;
        v[i] += (gi * gi - v[i]) * keep2;
        p[i] -= m[i] * alpha / (sqrtf(v[i]) + epsilon);
    }
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
