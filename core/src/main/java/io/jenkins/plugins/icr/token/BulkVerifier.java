package io.jenkins.plugins.icr.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Verifies many tokens at once without hurting Jenkins or the providers: at most a few requests in flight per API
 * host, one verifier (so one connection pool and one verdict cache), a pause when a host says its rate limit is
 * nearly spent (until its reset), and one deadline for the whole run. Results are handed over as they complete.
 */
public final class BulkVerifier {
    public static final int DEFAULT_PER_HOST = 4;
    /** Stop sending to a host when fewer requests than this remain in its window: leave the budget to iCR itself. */
    public static final int DEFAULT_RATE_LIMIT_FLOOR = 100;
    /** How long to hold off a host that is rate-limited without saying until when. */
    private static final Duration UNKNOWN_RESET_PAUSE = Duration.ofMinutes(1);

    private final Verifier verifier;
    private final int perHost;
    private final int rateLimitFloor;
    private final Clock clock;
    private final boolean fresh;

    public BulkVerifier(Verifier verifier, int perHost, int rateLimitFloor, Clock clock) {
        this(verifier, perHost, rateLimitFloor, clock, false);
    }

    /** @param fresh ask the provider even for verdicts still in the cache (which every verdict still goes into) */
    public BulkVerifier(Verifier verifier, int perHost, int rateLimitFloor, Clock clock, boolean fresh) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1");
        }
        this.verifier = verifier;
        this.perHost = perHost;
        this.rateLimitFloor = rateLimitFloor;
        this.clock = clock;
        this.fresh = fresh;
    }

    /** One finished verification, under the caller's key (a credential id, say). */
    public record Result<K>(K key, Verdict verdict) {}

    /**
     * Verifies every request and hands each result to {@code results} as it completes, from worker threads.
     * Returns when all are done; requests the deadline or a rate limit left unasked get a transient verdict
     * (RATE_LIMITED or UNREACHABLE) that says so, so every key gets exactly one result.
     */
    public <K> void verifyAll(Map<K, VerificationRequest> requests, Duration deadline, Consumer<Result<K>> results)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        Map<String, Lane<K>> lanes = new LinkedHashMap<>();
        requests.forEach((key, request) ->
                lanes.computeIfAbsent(hostOf(request), h -> new Lane<>()).queue.add(new Job<>(key, request)));
        List<Runnable> workers = new ArrayList<>();
        for (Lane<K> lane : lanes.values()) {
            for (int i = 0; i < Math.min(perHost, lane.queue.size()); i++) {
                workers.add(() -> drain(lane, end, results));
            }
        }
        if (workers.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), new Named());
        try {
            workers.forEach(pool::execute);
            pool.shutdown();
            // Each verification is bounded by what is left of the deadline; the margin covers the last ones.
            if (!pool.awaitTermination(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private <K> void drain(Lane<K> lane, long end, Consumer<Result<K>> results) {
        Job<K> job;
        while ((job = lane.queue.poll()) != null) {
            results.accept(new Result<>(job.key(), verifyOne(lane, job.request(), end)));
        }
    }

    private Verdict verifyOne(Lane<?> lane, VerificationRequest request, long end) {
        Instant resume = lane.pausedUntil;
        if (resume != null && !waitUntil(resume, end)) {
            return Verdict.notAsked(Status.RATE_LIMITED, request.provider(), TokenKind.UNKNOWN,
                    Text.of("bulk.slowedDown", request.endpoint().api().host(), resume.toString()));
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
            return Verdict.notAsked(Status.UNREACHABLE, request.provider(), TokenKind.UNKNOWN,
                    Text.of("bulk.deadline"));
        }
        Duration bound = Duration.ofNanos(Math.min(left, request.timeout().toNanos()));
        VerificationRequest bounded = request.withTimeout(bound.isZero() ? Duration.ofMillis(1) : bound);
        Verdict verdict = fresh ? verifier.refresh(bounded) : verifier.verify(bounded);
        pauseIfNeeded(lane, verdict);
        return verdict;
    }

    /** GitHub and GitLab say how much of the window is left and when it resets (docs/provider-apis.md §1.7). */
    private void pauseIfNeeded(Lane<?> lane, Verdict verdict) {
        RateLimit limit = verdict.rateLimit();
        boolean low = limit.remaining() != null && limit.remaining() < rateLimitFloor;
        if (low || verdict.status() == Status.RATE_LIMITED) {
            Instant until = limit.resetTime().orElseGet(() -> clock.instant().plus(UNKNOWN_RESET_PAUSE));
            Instant current = lane.pausedUntil;
            if (current == null || until.isAfter(current)) {
                lane.pausedUntil = until;
            }
        }
    }

    /** Sleeps until the instant; false when it lies past the deadline or the wait is interrupted. */
    private boolean waitUntil(Instant resume, long end) {
        Duration wait = Duration.between(clock.instant(), resume);
        if (wait.isNegative() || wait.isZero()) {
            return true;
        }
        if (System.nanoTime() + wait.toNanos() > end) {
            return false;
        }
        try {
            Thread.sleep(wait.toMillis() + 1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String hostOf(VerificationRequest request) {
        return request.endpoint().api().host() + ":" + request.endpoint().api().port();
    }

    private record Job<K>(K key, VerificationRequest request) {}

    /** One API host: its waiting requests, and until when it asked us to hold off. */
    private static final class Lane<K> {
        final Queue<Job<K>> queue = new ConcurrentLinkedQueue<>();
        volatile Instant pausedUntil;
    }

    private static final class Named implements ThreadFactory {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "icr-bulk-verify-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
