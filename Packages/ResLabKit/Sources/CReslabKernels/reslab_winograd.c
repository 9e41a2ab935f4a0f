// Winograd F(2×2, 3×3) transforms; see include/reslab_winograd.h. Each transform is a fixed
// combination of additions (and halvings, for the filter), applied to whole rows of channels, so
// the loops over channels vectorise. Each entry point is compiled twice (`target_clones`), for
// AVX2 and for the baseline, and the loader picks the one the CPU runs.
#include "reslab_winograd.h"

#include <stdlib.h>
#include <string.h>

#define INLINE static inline __attribute__((always_inline))
#if defined(__x86_64__)
#define ENTRY __attribute__((target_clones("avx2", "default")))
#else
#define ENTRY
#endif

// G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]; u = G g Gᵀ, g[i][j] at filter[(3i + j)·C·O + c·O + o].
INLINE void filter_body(const float *restrict filter, long channels, long outs, long first, long end,
                        float *restrict u) {
    const long plane = channels * outs;
    for (long c = first; c < end; c++) {
        const float *g = filter + c * outs;
        float *out = u + c * outs;
        for (long o = 0; o < outs; o++) {
            float t[4][3];
            for (int j = 0; j < 3; j++) {
                float g0 = g[(0 + j) * plane + o], g1 = g[(3 + j) * plane + o], g2 = g[(6 + j) * plane + o];
                t[0][j] = g0;
                t[1][j] = 0.5f * (g0 + g1 + g2);
                t[2][j] = 0.5f * (g0 - g1 + g2);
                t[3][j] = g2;
            }
            for (int i = 0; i < 4; i++) {
                out[(4 * i + 0) * plane + o] = t[i][0];
                out[(4 * i + 1) * plane + o] = 0.5f * (t[i][0] + t[i][1] + t[i][2]);
                out[(4 * i + 2) * plane + o] = 0.5f * (t[i][0] - t[i][1] + t[i][2]);
                out[(4 * i + 3) * plane + o] = t[i][2];
            }
        }
    }
}

// Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]; v = Bᵀ d B.
INLINE void input_body(const float *x, long height, long width, long channels, long padTop, long padLeft,
                       long tilesHigh, long tilesWide, long firstTile, long tileCount, float *v, long xiStride,
                       const float *zeros) {
    for (long t = firstTile; t < firstTile + tileCount; t++) {
        long tw = t % tilesWide, th = (t / tilesWide) % tilesHigh, n = t / (tilesWide * tilesHigh);
        const float *rows[16];
        for (int i = 0; i < 4; i++) {
            long ih = 2 * th - padTop + i;
            for (int j = 0; j < 4; j++) {
                long iw = 2 * tw - padLeft + j;
                rows[4 * i + j] = ih >= 0 && ih < height && iw >= 0 && iw < width
                    ? x + ((n * height + ih) * width + iw) * channels : zeros;
            }
        }
        float *restrict out = v + (t - firstTile) * channels;
        // The 16 rows read and the 16 rows written never overlap (the caller's buffers differ).
#pragma clang loop vectorize(assume_safety)
        for (long c = 0; c < channels; c++) {
            float d[4][4], s[4][4];
            for (int k = 0; k < 16; k++) d[k / 4][k % 4] = rows[k][c];
            for (int j = 0; j < 4; j++) {
                s[0][j] = d[0][j] - d[2][j];
                s[1][j] = d[1][j] + d[2][j];
                s[2][j] = d[2][j] - d[1][j];
                s[3][j] = d[1][j] - d[3][j];
            }
            for (int i = 0; i < 4; i++) {
                out[(4 * i + 0) * xiStride + c] = s[i][0] - s[i][2];
                out[(4 * i + 1) * xiStride + c] = s[i][1] + s[i][2];
                out[(4 * i + 2) * xiStride + c] = s[i][2] - s[i][1];
                out[(4 * i + 3) * xiStride + c] = s[i][1] - s[i][3];
            }
        }
    }
}

// Aᵀ = [1 1 1 0; 0 1 −1 −1]; y = Aᵀ m A.
INLINE void output_body(const float *m, long xiStride, long outHeight, long outWidth, long outs,
                        long tilesHigh, long tilesWide, long firstTile, long tileCount, float *y) {
    for (long t = firstTile; t < firstTile + tileCount; t++) {
        long tw = t % tilesWide, th = (t / tilesWide) % tilesHigh, n = t / (tilesWide * tilesHigh);
        const float *in = m + (t - firstTile) * outs;
        long oh = 2 * th, ow = 2 * tw;
        int rowsKept = oh + 1 < outHeight ? 2 : 1, columnsKept = ow + 1 < outWidth ? 2 : 1;
        float *restrict out00 = y + ((n * outHeight + oh) * outWidth + ow) * outs;
        float *restrict out01 = out00 + outs;
        float *restrict out10 = out00 + outWidth * outs;
        float *restrict out11 = out10 + outs;
#pragma clang loop vectorize(assume_safety)
        for (long o = 0; o < outs; o++) {
            float q[4][4], r[2][4];
            for (int k = 0; k < 16; k++) q[k / 4][k % 4] = in[k * xiStride + o];
            for (int j = 0; j < 4; j++) {
                r[0][j] = q[0][j] + q[1][j] + q[2][j];
                r[1][j] = q[1][j] - q[2][j] - q[3][j];
            }
            float y00 = r[0][0] + r[0][1] + r[0][2], y01 = r[0][1] - r[0][2] - r[0][3];
            float y10 = r[1][0] + r[1][1] + r[1][2], y11 = r[1][1] - r[1][2] - r[1][3];
            out00[o] = y00;
            if (columnsKept == 2) out01[o] = y01;
            if (rowsKept == 2) {
                out10[o] = y10;
                if (columnsKept == 2) out11[o] = y11;
            }
        }
    }
}

// A = [1 0; 1 1; 1 −1; 0 −1]; q = A dy Aᵀ (the adjoint of output_body).
INLINE void output_gradient_body(const float *dy, long outHeight, long outWidth, long outs, long tilesHigh,
                                 long tilesWide, long firstTile, long tileCount, float *q, long xiStride,
                                 const float *zeros) {
    for (long t = firstTile; t < firstTile + tileCount; t++) {
        long tw = t % tilesWide, th = (t / tilesWide) % tilesHigh, n = t / (tilesWide * tilesHigh);
        long oh = 2 * th, ow = 2 * tw;
        const float *in00 = dy + ((n * outHeight + oh) * outWidth + ow) * outs;
        const int hasRow = oh + 1 < outHeight, hasColumn = ow + 1 < outWidth;
        const float *in01 = hasColumn ? in00 + outs : zeros;
        const float *in10 = hasRow ? in00 + outWidth * outs : zeros;
        const float *in11 = hasRow && hasColumn ? in00 + (outWidth + 1) * outs : zeros;
        float *restrict out = q + (t - firstTile) * outs;
#pragma clang loop vectorize(assume_safety)
        for (long o = 0; o < outs; o++) {
            float d[2][2] = { { in00[o], in01[o] }, { in10[o], in11[o] } }, r[4][2];
            for (int b = 0; b < 2; b++) {
                r[0][b] = d[0][b];
                r[1][b] = d[0][b] + d[1][b];
                r[2][b] = d[0][b] - d[1][b];
                r[3][b] = -d[1][b];
            }
            for (int i = 0; i < 4; i++) {
                out[(4 * i + 0) * xiStride + o] = r[i][0];
                out[(4 * i + 1) * xiStride + o] = r[i][0] + r[i][1];
                out[(4 * i + 2) * xiStride + o] = r[i][0] - r[i][1];
                out[(4 * i + 3) * xiStride + o] = -r[i][1];
            }
        }
    }
}

// Gᵀ = [1 ½ ½ 0; 0 ½ −½ 0; 0 ½ ½ 1]; dw = Gᵀ m G (the adjoint of filter_body).
INLINE void filter_gradient_body(const float *restrict m, long channels, long outs, long first, long end,
                                 float *restrict dw) {
    const long plane = channels * outs;
    for (long c = first; c < end; c++) {
        const float *in = m + c * outs;
        float *out = dw + c * outs;
        for (long o = 0; o < outs; o++) {
            float s[3][4];
            for (int j = 0; j < 4; j++) {
                float m0 = in[(0 + j) * plane + o], m1 = in[(4 + j) * plane + o];
                float m2 = in[(8 + j) * plane + o], m3 = in[(12 + j) * plane + o];
                s[0][j] = m0 + 0.5f * (m1 + m2);
                s[1][j] = 0.5f * (m1 - m2);
                s[2][j] = 0.5f * (m1 + m2) + m3;
            }
            for (int i = 0; i < 3; i++) {
                out[(3 * i + 0) * plane + o] = s[i][0] + 0.5f * (s[i][1] + s[i][2]);
                out[(3 * i + 1) * plane + o] = 0.5f * (s[i][1] - s[i][2]);
                out[(3 * i + 2) * plane + o] = 0.5f * (s[i][1] + s[i][2]) + s[i][3];
            }
        }
    }
}

ENTRY void reslab_winograd_filter(const float *filter, long channels, long outChannels,
                            long firstChannel, long endChannel, float *u) {
    filter_body(filter, channels, outChannels, firstChannel, endChannel, u);
}

ENTRY void reslab_winograd_input(const float *x, long height, long width, long channels, long padTop, long padLeft,
                           long tilesHigh, long tilesWide, long firstTile, long tileCount,
                           float *v, long xiStride) {
    float *zeros = calloc((size_t)(channels > 0 ? channels : 1), sizeof(float));
    if (!zeros) abort();
    input_body(x, height, width, channels, padTop, padLeft, tilesHigh, tilesWide, firstTile, tileCount, v, xiStride, zeros);
    free(zeros);
}

ENTRY void reslab_winograd_output(const float *m, long xiStride, long outHeight, long outWidth, long outChannels,
                            long tilesHigh, long tilesWide, long firstTile, long tileCount, float *y) {
    output_body(m, xiStride, outHeight, outWidth, outChannels, tilesHigh, tilesWide, firstTile, tileCount, y);
}

ENTRY void reslab_winograd_output_gradient(const float *dy, long outHeight, long outWidth, long outChannels,
                                     long tilesHigh, long tilesWide, long firstTile, long tileCount,
                                     float *q, long xiStride) {
    float *zeros = calloc((size_t)(outChannels > 0 ? outChannels : 1), sizeof(float));
    if (!zeros) abort();
    output_gradient_body(dy, outHeight, outWidth, outChannels, tilesHigh, tilesWide, firstTile, tileCount, q, xiStride, zeros);
    free(zeros);
}

ENTRY void reslab_winograd_filter_gradient(const float *m, long channels, long outChannels,
                                     long firstChannel, long endChannel, float *dw) {
    filter_gradient_body(m, channels, outChannels, firstChannel, endChannel, dw);
}
