package dev.mirage.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Worker threads fed through a bounded queue: {@link #submit} blocks when the queue is full, so the
 * GL thread never runs further ahead than the queue and memory stays flat. Each worker owns one
 * resource (a frame writer with its encoder) made by the factory and closed when the pool closes.
 * The first failure of any worker is rethrown to the submitting thread.
 *
 * <p>Thread safety: submit, awaitIdle and close from one thread (the producer).
 */
final class WorkerPool<T> implements AutoCloseable {
    /** The work a worker does with its own resource. */
    interface Task<R, T> {
        void run(R resource, T item) throws Exception;
    }

    private static final Object STOP = new Object();
    private static final long POLL_MILLIS = 100;

    private final BlockingQueue<Object> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private boolean closed;

    <R extends AutoCloseable> WorkerPool(int workers, int capacity, Supplier<R> resources, Task<R, T> task) {
        queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> loop(resources, task), "mirage-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @SuppressWarnings("unchecked")
    private <R extends AutoCloseable> void loop(Supplier<R> resources, Task<R, T> task) {
        try (R resource = resources.get()) {
            while (true) {
                Object item = queue.take();
                if (item == STOP) return;
                try {
                    if (failure.get() == null) task.run(resource, (T) item);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    synchronized (pending) {
                        pending.decrementAndGet();
                        pending.notifyAll();
                    }
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Queues an item, waiting while the queue is full; rethrows an earlier worker failure. */
    void submit(T item) {
        rethrow();
        pending.incrementAndGet();
        try {
            // Offer in short waits rather than put: a worker that died must not leave us blocked on a full queue.
            while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) rethrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing work", e);
        }
    }

    /** Waits until every queued item is done; rethrows the first worker failure. */
    void awaitIdle() {
        synchronized (pending) {
            while (pending.get() > 0 && failure.get() == null) {
                try {
                    pending.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for workers", e);
                }
            }
        }
        rethrow();
    }

    private void rethrow() {
        Throwable e = failure.get();
        if (e == null) return;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        // I/O stays I/O (disk full is an environment failure, not a bug): the CLI maps it by type.
        if (e instanceof java.io.IOException io) throw new java.io.UncheckedIOException(io);
        throw new IllegalStateException("worker failed: " + e, e);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (failure.get() != null) queue.clear(); // nothing more will be done; make room for the stop markers
        try {
            int stops = 0;
            while (stops < threads.size() && threads.stream().anyMatch(Thread::isAlive))
                if (queue.offer(STOP, POLL_MILLIS, TimeUnit.MILLISECONDS)) stops++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
