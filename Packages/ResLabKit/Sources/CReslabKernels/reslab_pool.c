// The engine's worker pool; see include/reslab_pool.h.
//
// Why not Dispatch's concurrentPerform: on this project's virtual machine a Dispatch worker
// joins a job about 80 µs after it starts (measured: two halves of 690 µs of work took 775 µs),
// and a ResNet-50 training step runs some 750 parallel jobs, many of them shorter than that.
// Here each worker spins for a while after a job (SPIN_NS), so the next job, usually a few
// microseconds away, starts on both cores at once; then it sleeps on a condition variable.
//
// Each worker has its own slot: the job's generation is published to it with a release store,
// the worker runs its share of the indices and acknowledges with a release store of the same
// generation, which the caller waits for. Jobs never overlap: a caller that finds the pool busy
// (a job started from inside a task, or from a second thread) runs its indices itself.
#include "reslab_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#if defined(__x86_64__)
#include <immintrin.h>
#define CPU_RELAX() _mm_pause()
#else
#define CPU_RELAX() ((void)0)
#endif

enum { MAX_THREADS = 255 };
static const long SPIN_NS = 300000;  // 0.3 ms

typedef struct {
    _Alignas(64) atomic_long published;  // generation of the job this worker should run
    _Alignas(64) atomic_long finished;   // generation of the last job it completed
    atomic_int sleeping;
} slot_t;

static struct {
    int threads;
    slot_t *slots;
    atomic_flag busy;
    long generation;
    // The current job, written before its generation is published.
    reslab_task task;
    void *context;
    long count;
    pthread_mutex_t lock;
    pthread_cond_t wake;
} pool = { .busy = ATOMIC_FLAG_INIT, .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER };

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int requested;

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000000000L + t.tv_nsec;
}

static void run_share(int participant) {
    int participants = pool.threads + 1;
    for (long i = participant; i < pool.count; i += participants) pool.task(pool.context, i);
}

static void *worker_main(void *argument) {
    int index = (int)(long)argument;
    slot_t *slot = &pool.slots[index];
    long seen = 0;
    for (;;) {
        long start = now_ns();
        long spins = 0;
        long next;
        while ((next = atomic_load_explicit(&slot->published, memory_order_acquire)) == seen) {
            CPU_RELAX();
            if ((++spins & 255) == 0 && now_ns() - start > SPIN_NS) {
                pthread_mutex_lock(&pool.lock);
                atomic_store(&slot->sleeping, 1);  // seq_cst: pairs with the caller's load
                while (atomic_load(&slot->published) == seen) pthread_cond_wait(&pool.wake, &pool.lock);
                atomic_store(&slot->sleeping, 0);
                pthread_mutex_unlock(&pool.lock);
                start = now_ns();
            }
        }
        seen = next;
        run_share(index + 1);
        atomic_store_explicit(&slot->finished, seen, memory_order_release);
    }
    return NULL;
}

// In a child made by fork() only the forking thread exists: its jobs run inline from then on.
static void forget_workers_in_child(void) {
    pool.threads = 0;
    atomic_flag_clear(&pool.busy);
}

static void start_once(void) {
    int threads = requested < 0 ? 0 : (requested > MAX_THREADS ? MAX_THREADS : requested);
    if (threads == 0) return;
    slot_t *slots = aligned_alloc(64, sizeof(slot_t) * (size_t)threads);
    if (!slots) return;
    for (int i = 0; i < threads; i++) {
        atomic_init(&slots[i].published, 0);
        atomic_init(&slots[i].finished, 0);
        atomic_init(&slots[i].sleeping, 0);
    }
    pool.slots = slots;
    int started = 0;
    for (int i = 0; i < threads; i++) {
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setstacksize(&attributes, 16 << 20);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        int failed = pthread_create(&thread, &attributes, worker_main, (void *)(long)i);
        pthread_attr_destroy(&attributes);
        if (failed) break;
        started++;
    }
    pool.threads = started;  // the workers only read it once a job is published
    pthread_atfork(NULL, NULL, forget_workers_in_child);
}

void reslab_pool_start(int threads) {
    requested = threads;
    pthread_once(&once, start_once);
}

int reslab_pool_threads(void) { return pool.threads; }

void reslab_parallel_for(long count, reslab_task task, void *context) {
    if (count <= 0) return;
    if (count == 1 || pool.threads == 0 || atomic_flag_test_and_set_explicit(&pool.busy, memory_order_acquire)) {
        for (long i = 0; i < count; i++) task(context, i);
        return;
    }
    pool.task = task;
    pool.context = context;
    pool.count = count;
    long generation = ++pool.generation;
    // Only the workers that have indices in this job take part.
    int active = count - 1 < pool.threads ? (int)(count - 1) : pool.threads;
    int anyoneSleeping = 0;
    for (int i = 0; i < active; i++) {
        atomic_store(&pool.slots[i].published, generation);  // seq_cst: pairs with the worker's store of sleeping
        if (atomic_load(&pool.slots[i].sleeping)) anyoneSleeping = 1;
    }
    if (anyoneSleeping) {
        pthread_mutex_lock(&pool.lock);
        pthread_cond_broadcast(&pool.wake);
        pthread_mutex_unlock(&pool.lock);
    }
    run_share(0);
    for (int i = 0; i < active; i++) {
        while (atomic_load_explicit(&pool.slots[i].finished, memory_order_acquire) != generation) CPU_RELAX();
    }
    atomic_flag_clear_explicit(&pool.busy, memory_order_release);
}
