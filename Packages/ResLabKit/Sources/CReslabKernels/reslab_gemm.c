// ResLab's AVX-512 GEMM; see include/reslab_gemm.h for the contract.
//
// Blocking, after Goto and van de Geijn ("Anatomy of high-performance matrix multiplication"),
// except that A is not packed and B (a convolution's filter, multiplied many times) is packed
// once, whole, by the caller (reslab_pack) in 64-column tiles:
//   for each NC-column panel of B and each KC-row slice of it:
//     for each MC-row block of A:  for each 64-column tile:  for each 6-row group of the block:
//       the micro-kernel: 6×64 of C in 24 zmm registers, KC rank-1 updates, each one 4 loads of B,
//       6 broadcasts of A (read where the caller keeps it) and 24 fused multiply-adds.
// A's 6 rows are read sequentially (or, transposed, 6 neighbouring floats of each row), so the
// hardware prefetcher streams them; the packed B tile (KC×64 floats, 64 KB) stays in L2.
#include "reslab_gemm.h"

#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

enum { MR = 6, NR = 64, KC = 256, NC = 512, MC = 96 };

int reslab_gemm_available(void) {
#if defined(__x86_64__)
    static int available = -1;  // a benign race: every thread computes the same value
    if (available < 0) {
        __builtin_cpu_init();
        available = __builtin_cpu_supports("avx512f") ? 1 : 0;
    }
    return available;
#else
    return 0;
#endif
}

#if defined(__x86_64__)

#define TARGET __attribute__((target("avx512f,fma")))

// B (kc rows, nc columns) into 64-column tiles, kc×64 floats each, one after the other,
// zero-padded on the right so the micro-kernel always loads whole vectors.
TARGET static void pack_b(const float *b, long rsb, long csb, long kc, long nc, float *packed) {
    for (long jr = 0; jr < nc; jr += NR) {
        long nr = nc - jr < NR ? nc - jr : NR;
        float *tile = packed + (jr / NR) * kc * NR;
        if (csb == 1) {
            for (long p = 0; p < kc; p++) {
                const float *row = b + p * rsb + jr;
                float *out = tile + p * NR;
                memcpy(out, row, (size_t)nr * sizeof(float));
                if (nr < NR) memset(out + nr, 0, (size_t)(NR - nr) * sizeof(float));
            }
        } else {
            // Transposed B: write the tile in order, reading across B's rows (nr of them, one
            // cache line each per 16 values of p, so they stay in L1 while p advances).
            const float *columns = b + jr * csb;
            for (long p = 0; p < kc; p++) {
                float *out = tile + p * NR;
                for (long j = 0; j < nr; j++) out[j] = columns[j * csb + p * rsb];
                for (long j = nr; j < NR; j++) out[j] = 0;
            }
        }
    }
}

// The micro-kernel: C[0..<rows, 0..<16·vectors] (the last vector masked by `last`) gains
// A[0..<rows, 0..<kc] · tile. `TA` says whether A is read transposed (rsa == 1).
#define KERNEL_BODY(ROWS, VECTORS, TA)                                                             \
    __m512 acc[MR][4];                                                                              \
    for (int i = 0; i < ROWS; i++)                                                                  \
        for (int v = 0; v < VECTORS; v++) acc[i][v] = _mm512_setzero_ps();                         \
    for (long p = 0; p < kc; p++) {                                                                 \
        __m512 bv[4];                                                                               \
        for (int v = 0; v < VECTORS; v++) bv[v] = _mm512_loadu_ps(tile + p * NR + 16 * v);          \
        for (int i = 0; i < ROWS; i++) {                                                            \
            __m512 ai = _mm512_set1_ps(TA ? a[p * csa + i] : a[i * rsa + p]);                       \
            for (int v = 0; v < VECTORS; v++) acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);  \
        }                                                                                           \
    }                                                                                               \
    for (int i = 0; i < ROWS; i++) {                                                                \
        for (int v = 0; v < VECTORS; v++) {                                                         \
            __mmask16 mask = v == VECTORS - 1 ? last : (__mmask16)0xFFFF;                           \
            float *out = c + i * ldc + 16 * v;                                                      \
            __m512 sum = acc[i][v];                                                                 \
            if (accumulate) sum = _mm512_add_ps(sum, _mm512_maskz_loadu_ps(mask, out));             \
            _mm512_mask_storeu_ps(out, mask, sum);                                                  \
        }                                                                                           \
    }

#define DEFINE_KERNEL(ROWS, VECTORS)                                                                \
    TARGET static void kernel_n_##ROWS##_##VECTORS(long kc, const float *a, long rsa, long csa,     \
        const float *tile, float *c, long ldc, __mmask16 last, int accumulate) {                   \
        (void)csa; KERNEL_BODY(ROWS, VECTORS, 0)                                                    \
    }                                                                                               \
    TARGET static void kernel_t_##ROWS##_##VECTORS(long kc, const float *a, long rsa, long csa,     \
        const float *tile, float *c, long ldc, __mmask16 last, int accumulate) {                   \
        (void)rsa; KERNEL_BODY(ROWS, VECTORS, 1)                                                    \
    }

#define DEFINE_ROWS(ROWS) DEFINE_KERNEL(ROWS, 1) DEFINE_KERNEL(ROWS, 2) DEFINE_KERNEL(ROWS, 3) DEFINE_KERNEL(ROWS, 4)
DEFINE_ROWS(1) DEFINE_ROWS(2) DEFINE_ROWS(3) DEFINE_ROWS(4) DEFINE_ROWS(5) DEFINE_ROWS(6)

typedef void (*kernel_fn)(long, const float *, long, long, const float *, float *, long, __mmask16, int);

#define ROW_ENTRIES(T, ROWS) { kernel_##T##_##ROWS##_1, kernel_##T##_##ROWS##_2, kernel_##T##_##ROWS##_3, kernel_##T##_##ROWS##_4 }
static const kernel_fn kernels_n[MR][4] = {
    ROW_ENTRIES(n, 1), ROW_ENTRIES(n, 2), ROW_ENTRIES(n, 3), ROW_ENTRIES(n, 4), ROW_ENTRIES(n, 5), ROW_ENTRIES(n, 6) };
static const kernel_fn kernels_t[MR][4] = {
    ROW_ENTRIES(t, 1), ROW_ENTRIES(t, 2), ROW_ENTRIES(t, 3), ROW_ENTRIES(t, 4), ROW_ENTRIES(t, 5), ROW_ENTRIES(t, 6) };

long reslab_packed_count(long k, long n) {
    return ((n + NR - 1) / NR) * NR * (k > 0 ? k : 0);
}

void reslab_pack(long k, long n, const float *b, long rsb, long csb, float *packed) {
    if (k > 0 && n > 0) pack_b(b, rsb, csb, k, n, packed);
}

void reslab_gemm_packed(long m, long n, long k, const float *a, long rsa, long csa,
                        const float *packed, long packedRows, long firstRow, int accumulate, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        if (!accumulate) for (long i = 0; i < m; i++) memset(c + i * ldc, 0, (size_t)n * sizeof(float));
        return;
    }
    // A transposed in place when its rows are one float apart (and its columns are not).
    int transposedA = rsa == 1 && csa != 1;
    const kernel_fn (*kernels)[4] = transposedA ? kernels_t : kernels_n;
    for (long jc = 0; jc < n; jc += NC) {
        long nc = n - jc < NC ? n - jc : NC;
        for (long pc = 0; pc < k; pc += KC) {
            long kc = k - pc < KC ? k - pc : KC;
            int add = accumulate || pc > 0;
            for (long ic = 0; ic < m; ic += MC) {
                long mc = m - ic < MC ? m - ic : MC;
                for (long jr = 0; jr < nc; jr += NR) {
                    long nr = nc - jr < NR ? nc - jr : NR;
                    int vectors = (int)((nr + 15) / 16);
                    int tail = (int)(nr - 16 * (vectors - 1));
                    __mmask16 last = (__mmask16)(tail == 16 ? 0xFFFF : (1u << tail) - 1);
                    const float *tile = packed + ((jc + jr) / NR) * packedRows * NR + (firstRow + pc) * NR;
                    for (long ir = 0; ir < mc; ir += MR) {
                        long rows = mc - ir < MR ? mc - ir : MR;
                        const float *ablock = a + (ic + ir) * rsa + pc * csa;
                        kernels[rows - 1][vectors - 1](kc, ablock, rsa, csa, tile, c + (ic + ir) * ldc + jc + jr, ldc, last, add);
                    }
                }
            }
        }
    }
}

#else

long reslab_packed_count(long k, long n) { (void)k; (void)n; abort(); }
void reslab_pack(long k, long n, const float *b, long rsb, long csb, float *packed) {
    (void)k; (void)n; (void)b; (void)rsb; (void)csb; (void)packed; abort();
}
void reslab_gemm_packed(long m, long n, long k, const float *a, long rsa, long csa,
                        const float *packed, long packedRows, long firstRow, int accumulate, float *c, long ldc) {
    (void)m; (void)n; (void)k; (void)a; (void)rsa; (void)csa; (void)packed; (void)packedRows; (void)firstRow;
    (void)accumulate; (void)c; (void)ldc; abort();
}

#endif
