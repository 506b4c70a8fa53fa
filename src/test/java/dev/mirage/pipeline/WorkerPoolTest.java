package dev.mirage.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounded queue between the GL thread and the writers: submit blocks once the queue is full,
 * every item runs exactly once, the first worker failure reaches the producer, and each worker's
 * resource lives from the worker's start to {@link WorkerPool#close}.
 *
 * <p>Every test runs under a time limit: a pool that hangs fails the test instead of the build.
 */
class WorkerPoolTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Long enough for a submit that should block to have returned if it did not. */
    private static final long BLOCKED_MS = 300;

    /** Runs the producer side of a test, so that the test thread can watch it block. */
    private final ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-producer");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stopProducer() {
        producer.shutdownNow();
    }

    /**
     * One worker held on a gate and a queue of 2: the worker holds item 1 and the queue items 2 and
     * 3, so the 4th submit waits until the gate opens, and then every item runs.
     */
    @Test
    void submitBlocksWhileTheQueueIsFull() {
        assertTimeoutPreemptively(LIMIT, () -> {
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch threeQueued = new CountDownLatch(1);
            CountDownLatch fourthQueued = new CountDownLatch(1);
            List<Integer> done = new CopyOnWriteArrayList<>();
            WorkerPool<Integer> pool = new WorkerPool<>(1, 2, Resource::new, (resource, item) -> {
                firstStarted.countDown();
                gate.await();
                done.add(item);
            });
            Future<?> submits = producer.submit(() -> {
                pool.submit(1);
                firstStarted.await(); // item 1 has left the queue: the worker holds it
                pool.submit(2);
                pool.submit(3);
                threeQueued.countDown();
                pool.submit(4);
                fourthQueued.countDown();
                return null;
            });
            try {
                assertTrue(threeQueued.await(5, TimeUnit.SECONDS), "items 2 and 3 fit the queue without waiting");
                assertFalse(fourthQueued.await(BLOCKED_MS, TimeUnit.MILLISECONDS),
                        "the 4th submit returned while the worker was held and 2 items were queued");
                assertEquals(List.of(), done, "nothing finished while the gate was shut");
            } finally {
                gate.countDown();
            }
            assertTrue(fourthQueued.await(5, TimeUnit.SECONDS), "the 4th submit returns once the worker moves on");
            submits.get();
            pool.awaitIdle();
            assertEquals(List.of(1, 2, 3, 4), done, "one worker takes items in order");
            pool.close();
        });
    }

    /** Many items through four workers and a short queue: each runs exactly once, all before awaitIdle returns. */
    @Test
    void everyItemRunsExactlyOnce() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int items = 2000;
            Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            try (WorkerPool<Integer> pool = new WorkerPool<>(4, 3, Resource::new, (resource, item) -> {
                runs.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet();
                threads.add(Thread.currentThread().getName());
            })) {
                for (int i = 0; i < items; i++) pool.submit(i);
                pool.awaitIdle();
                assertEquals(items, runs.size(), "items run by the time awaitIdle returns");
            }
            for (int i = 0; i < items; i++) assertEquals(1, runs.get(i).get(), "runs of item " + i);
            assertTrue(threads.stream().allMatch(n -> n.startsWith("mirage-worker-")), "ran on the pool's threads: " + threads);
        });
    }

    /** awaitIdle with nothing submitted returns at once. */
    @Test
    void awaitIdleOnAnUnusedPoolReturns() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerPool<Integer> pool = new WorkerPool<>(2, 2, Resource::new, (resource, item) -> {})) {
                pool.awaitIdle();
            }
        });
    }

    /**
     * Item 3 fails, then item 5 would fail differently: the first failure, the same instance, is
     * rethrown by submit or awaitIdle, and again by every later submit; items after the failure are
     * not run.
     */
    @Test
    void theFirstWorkerFailureIsRethrown() {
        assertTimeoutPreemptively(LIMIT, () -> {
            IllegalStateException first = new IllegalStateException("frame 3 failed");
            List<Integer> done = new CopyOnWriteArrayList<>();
            try (WorkerPool<Integer> pool = new WorkerPool<>(1, 2, Resource::new, (resource, item) -> {
                if (item == 3) throw first;
                if (item == 5) throw new IllegalArgumentException("frame 5 failed");
                done.add(item);
            })) {
                IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                    for (int i = 0; i < 8; i++) pool.submit(i);
                    pool.awaitIdle();
                });
                assertSame(first, thrown);
                assertSame(first, assertThrows(IllegalStateException.class, () -> pool.submit(9)), "later submit");
                assertSame(first, assertThrows(IllegalStateException.class, pool::awaitIdle), "later awaitIdle");
                assertEquals(List.of(0, 1, 2), done, "items before the failure ran, none after it");
            }
        });
    }

    /** A checked exception from a task reaches the producer as the cause of an unchecked one. */
    @Test
    void aCheckedFailureIsRethrownWithItsCause() {
        assertTimeoutPreemptively(LIMIT, () -> {
            IOException disk = new IOException("no space left on device");
            try (WorkerPool<Integer> pool = new WorkerPool<>(2, 2, Resource::new, (resource, item) -> {
                throw disk;
            })) {
                pool.submit(0);
                // I/O stays I/O, so the CLI can tell a full disk (exit 3) from a bug (exit 1).
                java.io.UncheckedIOException thrown = assertThrows(java.io.UncheckedIOException.class, pool::awaitIdle);
                assertSame(disk, thrown.getCause());
            }
            Exception other = new Exception("not I/O");
            try (WorkerPool<Integer> pool = new WorkerPool<>(1, 2, Resource::new, (resource, item) -> {
                throw other;
            })) {
                pool.submit(0);
                IllegalStateException thrown = assertThrows(IllegalStateException.class, pool::awaitIdle);
                assertSame(other, thrown.getCause());
            }
        });
    }

    /**
     * Three workers, each making its resource once: every item runs with its own thread's resource,
     * no resource is closed before close(), and close() closes each exactly once.
     */
    @Test
    void eachWorkerOwnsOneResourceUntilClose() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int workers = 3;
            List<Resource> made = new CopyOnWriteArrayList<>();
            Map<Resource, Set<String>> usedBy = new ConcurrentHashMap<>();
            WorkerPool<Integer> pool = new WorkerPool<>(workers, 2, () -> {
                Resource r = new Resource();
                made.add(r);
                return r;
            }, (resource, item) -> {
                usedBy.computeIfAbsent(resource, r -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                Thread.sleep(1); // lets every worker take some items
            });
            for (int i = 0; i < 60; i++) pool.submit(i);
            pool.awaitIdle();
            for (Resource r : made) assertEquals(0, r.closes.get(), "closed before the pool: " + r);
            pool.close();

            assertEquals(workers, made.size(), "one resource per worker");
            for (Resource r : made) {
                assertEquals(1, r.closes.get(), "closes of " + r);
                assertEquals(r.maker, r.closer, "closed on the thread that made it");
            }
            usedBy.forEach((r, threads) -> assertEquals(Set.of(r.maker), threads, "threads that used " + r));
        });
    }

    /** A second close() returns at once and closes nothing again. */
    @Test
    void closeIsIdempotent() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Resource> made = new CopyOnWriteArrayList<>();
            WorkerPool<Integer> pool = new WorkerPool<>(2, 1, () -> {
                Resource r = new Resource();
                made.add(r);
                return r;
            }, (resource, item) -> {});
            pool.submit(1);
            pool.close();
            pool.close();
            assertEquals(2, made.size());
            for (Resource r : made) assertEquals(1, r.closes.get(), "closes of " + r);
        });
    }

    /**
     * A resource that cannot be made kills its worker before it takes any item. Here the factory
     * fails only after two items are queued (a slow encoder set-up that then fails), so no submit
     * can have seen the failure. With no worker left, awaitIdle must still rethrow it; instead it
     * waits for ever on items nobody will take (WorkerPool.awaitIdle loops while pending > 0 without
     * looking at the failure). A further submit would block for ever on the full queue, and so
     * would close(), which puts one STOP per (dead) worker.
     */
    @Test
    void aFailingResourceFactoryIsRethrownNotAHang() throws InterruptedException {
        IllegalStateException noEncoder = new IllegalStateException("no encoder");
        CountDownLatch queued = new CountDownLatch(1);
        WorkerPool<Integer> pool = new WorkerPool<Integer>(1, 2, () -> {
            try {
                queued.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw noEncoder;
        }, (Resource resource, Integer item) -> {});
        pool.submit(1);
        pool.submit(2);
        queued.countDown();
        Future<?> idle = producer.submit(() -> {
            pool.awaitIdle();
            return null;
        });
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> idle.get(3, TimeUnit.SECONDS),
                "awaitIdle still waiting 3 s after the only worker died");
        assertSame(noEncoder, thrown.getCause());
    }

    /** A worker's resource: counts its closes and remembers which threads made and closed it. */
    private static final class Resource implements AutoCloseable {
        private static final AtomicInteger NEXT = new AtomicInteger();
        final int id = NEXT.incrementAndGet();
        final String maker = Thread.currentThread().getName();
        final AtomicInteger closes = new AtomicInteger();
        volatile String closer;

        @Override
        public void close() {
            closes.incrementAndGet();
            closer = Thread.currentThread().getName();
        }

        @Override
        public String toString() {
            return "resource " + id + " of " + maker;
        }
    }
}
