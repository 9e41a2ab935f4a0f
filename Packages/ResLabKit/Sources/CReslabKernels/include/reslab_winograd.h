// Winograd's minimal filtering F(2×2, 3×3) for 3×3, stride-1 convolutions on NHWC tensors
// (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): each 2×2 block of
// output pixels ("tile") comes from the 4×4 input patch around it as Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A,
// 16 multiplications per input and output channel instead of 36. Summed over the input channels,
// the 16 element-wise products become 16 GEMMs (tiles × C by C × O), which the caller runs;
// these functions are the three transforms around them, vectorised along the channels.
//
// Tiles are numbered t = (n·tilesHigh + th)·tilesWide + tw, covering output rows 2th, 2th + 1
// and columns 2tw, 2tw + 1; transformed matrices are stored [16][rows][channels], the ξ-th
// (ξ = 4i + j, i and j the 4×4 position) `xiStride` floats after the previous one.
#ifndef RESLAB_WINOGRAD_H
#define RESLAB_WINOGRAD_H

#ifdef __cplusplus
extern "C" {
#endif

/// U = G g Gᵀ for input channels [firstChannel, endChannel) of an HWIO 3×3 filter of `channels`
/// inputs and `outChannels` outputs: u[ξ·channels·outChannels + c·outChannels + o].
void reslab_winograd_filter(const float *filter, long channels, long outChannels,
                            long firstChannel, long endChannel, float *u);

/// V = Bᵀ d B for tiles [firstTile, firstTile + tileCount) of an NHWC input (height × width ×
/// channels per image) read with `padTop`/`padLeft` rows/columns of zeros before it (and zeros
/// wherever a patch leaves the image): v[ξ·xiStride + (t − firstTile)·channels + c].
void reslab_winograd_input(const float *x, long height, long width, long channels, long padTop, long padLeft,
                           long tilesHigh, long tilesWide, long firstTile, long tileCount,
                           float *v, long xiStride);

/// Y = Aᵀ M A for tiles [firstTile, firstTile + tileCount), M read at
/// m[ξ·xiStride + (t − firstTile)·outChannels + o], written into the NHWC output (outHeight ×
/// outWidth × outChannels per image); the parts of edge tiles beyond the output are dropped.
void reslab_winograd_output(const float *m, long xiStride, long outHeight, long outWidth, long outChannels,
                            long tilesHigh, long tilesWide, long firstTile, long tileCount, float *y);

/// The filter gradient is the adjoint of the forward formula: dW = Σ over tiles of
/// Gᵀ[(Bᵀ d B) ⊙ (A dY Aᵀ)]G, so its input transform is `reslab_winograd_input` and these are
/// the other two.
///
/// Q = A dY Aᵀ for tiles [firstTile, firstTile + tileCount) of an NHWC output gradient (outHeight
/// × outWidth × outChannels per image; the parts of edge tiles beyond it count as zeros):
/// q[ξ·xiStride + (t − firstTile)·outChannels + o].
void reslab_winograd_output_gradient(const float *dy, long outHeight, long outWidth, long outChannels,
                                     long tilesHigh, long tilesWide, long firstTile, long tileCount,
                                     float *q, long xiStride);

/// dW = Gᵀ M G for input channels [firstChannel, endChannel), M read at
/// m[ξ·channels·outChannels + c·outChannels + o], written into the HWIO 3×3 filter gradient.
void reslab_winograd_filter_gradient(const float *m, long channels, long outChannels,
                                     long firstChannel, long endChannel, float *dw);

#ifdef __cplusplus
}
#endif

#endif
