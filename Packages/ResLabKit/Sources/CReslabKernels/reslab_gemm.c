// ResLab's GEMM for convolutions, AVX-512 or AVX2 + FMA; see include/reslab_gemm.h for the contract.
//
// Blocking, after Goto and van de Geijn ("Anatomy of high-performance matrix multiplication"),
// except that A is not packed and B (a convolution's filter, multiplied many times) is packed
// once, whole, by the caller (reslab_pack) in tiles of NR columns:
//   for each NC-column panel of B and each KC-row slice of it:
//     for each MC-row block of A:  for each NR-column tile:  for each 6-row group of the block:
//       the micro-kernel: 6×NR of C in registers, KC rank-1 updates.
// AVX-512: NR = 64, 6×64 in 24 zmm accumulators; each rank-1 update is 4 loads of B, 6
// broadcasts of A (read where the caller keeps it) and 24 fused multiply-adds.
// AVX2: NR = 16, 6×16 in 12 ymm accumulators (of the 16 registers, 2 hold B and 1 the
// broadcast); each update is 2 loads, 6 broadcasts and 12 fused multiply-adds.
// A's 6 rows are read sequentially (or, transposed, 6 neighbouring floats of each row), so the
// hardware prefetcher streams them; the packed B tile (KC×NR floats) stays in L1 or L2.
#include "reslab_gemm.h"

#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

enum { MR = 6, KC = 256, NC = 512, MC = 96 };

int reslab_gemm_width(void) {
    static int width = -1;  // a benign race: every thread computes the same value
    if (width < 0) {
        int found = 0;
#if defined(__x86_64__)
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f")) found = 512;
        else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) found = 256;
#endif
        width = found;
    }
    return width;
}

#if defined(__x86_64__)

// Columns per packed tile for the kernel of this width.
static long tile_columns(int width) { return width == 512 ? 64 : 16; }

// Stops the program when a caller asks for a kernel the CPU cannot run.
static void check_width(int width) {
    if (!((width == 512 || width == 256) && width <= reslab_gemm_width())) abort();
}

// B (kc rows, nc columns) into tiles of NR columns, kc×NR floats each, one after the other,
// zero-padded on the right so the micro-kernel always loads whole vectors.
static void pack_b(const float *b, long rsb, long csb, long kc, long nc, long NR, float *packed) {
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

// The micro-kernels: C[0..<ROWS, 0..<VECTORS vectors] (the last vector holding `tail` columns)
// gains A[0..<ROWS, 0..<kc] · tile, where the tile's row p is at tile + p·NR. `TA` says whether A
// is read transposed (rsa == 1). All share one signature so the driver can pick from a table.
typedef void (*kernel_fn)(long kc, const float *a, long rsa, long csa, const float *tile, float *c, long ldc,
                          int tail, int accumulate);

#define AVX512 __attribute__((target("avx512f,fma")))
#define AVX2 __attribute__((target("avx2,fma")))

#define KERNEL512_BODY(ROWS, VECTORS, TA)                                                          \
    const __mmask16 last = (__mmask16)(tail >= 16 ? 0xFFFF : (1u << tail) - 1);                   \
    __m512 acc[MR][4];                                                                              \
    for (int i = 0; i < ROWS; i++)                                                                  \
        for (int v = 0; v < VECTORS; v++) acc[i][v] = _mm512_setzero_ps();                         \
    for (long p = 0; p < kc; p++) {                                                                 \
        __m512 bv[4];                                                                               \
        for (int v = 0; v < VECTORS; v++) bv[v] = _mm512_loadu_ps(tile + p * 64 + 16 * v);          \
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

// With AVX2 a partial vector is stored through a lane mask (the sign bits of `lanes`).
#define KERNEL256_BODY(ROWS, VECTORS, TA)                                                          \
    const __m256i lanes = _mm256_cmpgt_epi32(_mm256_set1_epi32(tail), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)); \
    __m256 acc[MR][2];                                                                              \
    for (int i = 0; i < ROWS; i++)                                                                  \
        for (int v = 0; v < VECTORS; v++) acc[i][v] = _mm256_setzero_ps();                         \
    for (long p = 0; p < kc; p++) {                                                                 \
        __m256 bv[2];                                                                               \
        for (int v = 0; v < VECTORS; v++) bv[v] = _mm256_loadu_ps(tile + p * 16 + 8 * v);           \
        for (int i = 0; i < ROWS; i++) {                                                            \
            __m256 ai = _mm256_broadcast_ss(TA ? a + p * csa + i : a + i * rsa + p);                \
            for (int v = 0; v < VECTORS; v++) acc[i][v] = _mm256_fmadd_ps(ai, bv[v], acc[i][v]);  \
        }                                                                                           \
    }                                                                                               \
    for (int i = 0; i < ROWS; i++) {                                                                \
        for (int v = 0; v < VECTORS; v++) {                                                         \
            float *out = c + i * ldc + 8 * v;                                                       \
            __m256 sum = acc[i][v];                                                                 \
            if (v < VECTORS - 1 || tail >= 8) {                                                     \
                if (accumulate) sum = _mm256_add_ps(sum, _mm256_loadu_ps(out));                     \
                _mm256_storeu_ps(out, sum);                                                         \
            } else {                                                                                \
                if (accumulate) sum = _mm256_add_ps(sum, _mm256_maskload_ps(out, lanes));           \
                _mm256_maskstore_ps(out, lanes, sum);                                               \
            }                                                                                       \
        }                                                                                           \
    }

#define DEFINE_KERNEL(ISA, WIDTH, ROWS, VECTORS)                                                   \
    ISA static void kernel##WIDTH##_n_##ROWS##_##VECTORS(long kc, const float *a, long rsa, long csa, \
        const float *tile, float *c, long ldc, int tail, int accumulate) {                         \
        (void)csa; KERNEL##WIDTH##_BODY(ROWS, VECTORS, 0)                                           \
    }                                                                                               \
    ISA static void kernel##WIDTH##_t_##ROWS##_##VECTORS(long kc, const float *a, long rsa, long csa, \
        const float *tile, float *c, long ldc, int tail, int accumulate) {                         \
        (void)rsa; KERNEL##WIDTH##_BODY(ROWS, VECTORS, 1)                                           \
    }

#define DEFINE512(ROWS) DEFINE_KERNEL(AVX512, 512, ROWS, 1) DEFINE_KERNEL(AVX512, 512, ROWS, 2) \
    DEFINE_KERNEL(AVX512, 512, ROWS, 3) DEFINE_KERNEL(AVX512, 512, ROWS, 4)
#define DEFINE256(ROWS) DEFINE_KERNEL(AVX2, 256, ROWS, 1) DEFINE_KERNEL(AVX2, 256, ROWS, 2)
DEFINE512(1) DEFINE512(2) DEFINE512(3) DEFINE512(4) DEFINE512(5) DEFINE512(6)
DEFINE256(1) DEFINE256(2) DEFINE256(3) DEFINE256(4) DEFINE256(5) DEFINE256(6)

#define ROW512(T, ROWS) { kernel512_##T##_##ROWS##_1, kernel512_##T##_##ROWS##_2, kernel512_##T##_##ROWS##_3, kernel512_##T##_##ROWS##_4 }
#define ROW256(T, ROWS) { kernel256_##T##_##ROWS##_1, kernel256_##T##_##ROWS##_2, 0, 0 }
// [width 512 / 256][A transposed][rows - 1][vectors - 1]
static const kernel_fn kernels[2][2][MR][4] = {
    { { ROW512(n, 1), ROW512(n, 2), ROW512(n, 3), ROW512(n, 4), ROW512(n, 5), ROW512(n, 6) },
      { ROW512(t, 1), ROW512(t, 2), ROW512(t, 3), ROW512(t, 4), ROW512(t, 5), ROW512(t, 6) } },
    { { ROW256(n, 1), ROW256(n, 2), ROW256(n, 3), ROW256(n, 4), ROW256(n, 5), ROW256(n, 6) },
      { ROW256(t, 1), ROW256(t, 2), ROW256(t, 3), ROW256(t, 4), ROW256(t, 5), ROW256(t, 6) } },
};

long reslab_packed_count(int width, long k, long n) {
    check_width(width);
    long nr = tile_columns(width);
    return ((n + nr - 1) / nr) * nr * (k > 0 ? k : 0);
}

void reslab_pack(int width, long k, long n, const float *b, long rsb, long csb, float *packed) {
    check_width(width);
    if (k > 0 && n > 0) pack_b(b, rsb, csb, k, n, tile_columns(width), packed);
}

void reslab_gemm_packed(int width, long m, long n, long k, const float *a, long rsa, long csa,
                        const float *packed, long packedRows, long firstRow, int accumulate, float *c, long ldc) {
    check_width(width);
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        if (!accumulate) for (long i = 0; i < m; i++) memset(c + i * ldc, 0, (size_t)n * sizeof(float));
        return;
    }
    const long NR = tile_columns(width), lane = width == 512 ? 16 : 8;
    // A transposed in place when its rows are one float apart (and its columns are not).
    const int transposedA = rsa == 1 && csa != 1;
    const kernel_fn (*table)[4] = kernels[width == 512 ? 0 : 1][transposedA];
    for (long jc = 0; jc < n; jc += NC) {
        long nc = n - jc < NC ? n - jc : NC;
        for (long pc = 0; pc < k; pc += KC) {
            long kc = k - pc < KC ? k - pc : KC;
            int add = accumulate || pc > 0;
            for (long ic = 0; ic < m; ic += MC) {
                long mc = m - ic < MC ? m - ic : MC;
                for (long jr = 0; jr < nc; jr += NR) {
                    long nr = nc - jr < NR ? nc - jr : NR;
                    int vectors = (int)((nr + lane - 1) / lane);
                    int tail = (int)(nr - lane * (vectors - 1));
                    const float *tile = packed + ((jc + jr) / NR) * packedRows * NR + (firstRow + pc) * NR;
                    for (long ir = 0; ir < mc; ir += MR) {
                        long rows = mc - ir < MR ? mc - ir : MR;
                        const float *ablock = a + (ic + ir) * rsa + pc * csa;
                        table[rows - 1][vectors - 1](kc, ablock, rsa, csa, tile, c + (ic + ir) * ldc + jc + jr, ldc, tail, add);
                    }
                }
            }
        }
    }
}

#else

long reslab_packed_count(int width, long k, long n) { (void)width; (void)k; (void)n; abort(); }
void reslab_pack(int width, long k, long n, const float *b, long rsb, long csb, float *packed) {
    (void)width; (void)k; (void)n; (void)b; (void)rsb; (void)csb; (void)packed; abort();
}
void reslab_gemm_packed(int width, long m, long n, long k, const float *a, long rsa, long csa,
                        const float *packed, long packedRows, long firstRow, int accumulate, float *c, long ldc) {
    (void)width; (void)m; (void)n; (void)k; (void)a; (void)rsa; (void)csa; (void)packed; (void)packedRows;
    (void)firstRow; (void)accumulate; (void)c; (void)ldc; abort();
}

#endif
