// The engine's worker threads: one per extra core, kept awake for a moment between jobs.
#ifndef RESLAB_POOL_H
#define RESLAB_POOL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*reslab_task)(void *context, long index);

/// Runs task(context, i) once for every i in 0..<count and returns when all have finished.
/// Index i runs on participant i % (threads + 1), the caller being participant 0, so a job of
/// at most `reslab_pool_threads() + 1` indices runs one index per core. When the pool is busy
/// (a call from inside a task, or from another thread at the same time) the indices run on the
/// calling thread, in order.
void reslab_parallel_for(long count, reslab_task task, void *context);

/// Starts `threads` worker threads (the cores besides the caller's); only the first call acts.
/// Until it is called, and when it is given 0, every job runs on the calling thread.
void reslab_pool_start(int threads);

/// The pool's threads besides the caller.
int reslab_pool_threads(void);

#ifdef __cplusplus
}
#endif

#endif
