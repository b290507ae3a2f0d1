package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.provider.Http;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many tokens against local servers that count what reaches them: concurrency, rate limits, deadline, cache. */
class BulkVerifierTest {
    private static final String SCOPES = "repo, workflow, notifications";

    private final List<CountingGitHub> servers = new CopyOnWriteArrayList<>();
    private Verifier verifier;

    /** Answers GET /user as GitHub does, after a delay, counting requests in flight. */
    private static final class CountingGitHub extends Dispatcher {
        final MockWebServer server = new MockWebServer();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<Instant> arrivals = new CopyOnWriteArrayList<>();
        volatile Duration delay = Duration.ofMillis(5);
        volatile java.util.function.IntFunction<Headers> headers = n -> Headers.of("X-OAuth-Scopes", SCOPES);
        /** Which requests (numbered from 1) get GitHub's secondary rate limit instead of an answer. */
        volatile java.util.function.IntPredicate secondaryLimit = n -> false;

        CountingGitHub() throws Exception {
            server.setDispatcher(this);
            server.start();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            arrivals.add(Instant.now());
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(delay.toMillis());
                if (secondaryLimit.test(arrivals.size())) {
                    return new MockResponse.Builder()
                            .code(403)
                            .headers(Headers.of("Retry-After", "2", "x-ratelimit-remaining", "4990"))
                            .setHeader("Content-Type", "application/json")
                            .body("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes"
                                    + " before you try again.\"}")
                            .build();
                }
                return new MockResponse.Builder()
                        .code(200)
                        .headers(headers.apply(arrivals.size()))
                        .setHeader("Content-Type", "application/json")
                        .body("{\"login\":\"octocat\"}")
                        .build();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        VerificationRequest request(String token) {
            try {
                return VerificationRequest.of(Endpoint.fromApi(Provider.GITHUB, server.url("/api/v3").toString(),
                        EndpointPolicy.allowingHttp()), null, Token.of(token));
            } catch (InvalidInputException e) {
                throw new AssertionError(e);
            }
        }
    }

    @BeforeEach
    void setUp() {
        verifier = new Verifier(Http.defaultClient(), Clock.systemUTC(), new VerdictCache(Duration.ofMinutes(1), Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() {
        servers.forEach(s -> s.server.close());
    }

    private CountingGitHub server() throws Exception {
        CountingGitHub server = new CountingGitHub();
        servers.add(server);
        return server;
    }

    private static Map<Integer, VerificationRequest> tokens(int count, CountingGitHub... hosts) {
        Map<Integer, VerificationRequest> requests = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            requests.put(i, hosts[i % hosts.length].request(TestTokens.githubClassic()));
        }
        return requests;
    }

    private Map<Integer, Verdict> run(BulkVerifier bulk, Map<Integer, VerificationRequest> requests, Duration deadline)
            throws InterruptedException {
        Map<Integer, Verdict> results = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        bulk.verifyAll(requests, deadline, r -> {
            if (results.put(r.key(), r.verdict()) != null) {
                duplicates.incrementAndGet();
            }
        });
        assertEquals(0, duplicates.get(), "one result per key");
        assertEquals(requests.keySet(), results.keySet(), "every key has its result");
        return results;
    }

    @Test
    void concurrencyPerHostStaysWithinTheBoundFor500Tokens() throws Exception {
        CountingGitHub a = server();
        CountingGitHub b = server();
        BulkVerifier bulk = new BulkVerifier(verifier, 4, 10, Clock.systemUTC());

        Map<Integer, Verdict> results = run(bulk, tokens(500, a, b), Duration.ofSeconds(60));

        assertTrue(results.values().stream().allMatch(v -> v.status() == Status.VALID));
        assertEquals(250, a.server.getRequestCount());
        assertEquals(250, b.server.getRequestCount());
        assertTrue(a.maxInFlight.get() <= 4 && b.maxInFlight.get() <= 4,
                "in flight at most: " + a.maxInFlight + ", " + b.maxInFlight);
        assertTrue(a.maxInFlight.get() > 1, "requests to one host did run in parallel");
    }

    @Test
    void hostNearItsRateLimitIsLeftAloneUntilItsReset() throws Exception {
        CountingGitHub github = server();
        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        // Remaining falls by one per request; below 10 the run must pause until the reset, then carry on.
        github.headers = n -> n <= 5
                ? Headers.of("X-OAuth-Scopes", SCOPES, "x-ratelimit-remaining", String.valueOf(13 - n),
                        "x-ratelimit-reset", String.valueOf(reset))
                : Headers.of("X-OAuth-Scopes", SCOPES, "x-ratelimit-remaining", "4999",
                        "x-ratelimit-reset", String.valueOf(reset + 3600));
        BulkVerifier bulk = new BulkVerifier(verifier, 1, 10, Clock.systemUTC());

        Map<Integer, Verdict> results = run(bulk, tokens(8, github), Duration.ofSeconds(30));

        assertTrue(results.values().stream().allMatch(v -> v.status() == Status.VALID));
        // Requests 1-4 leave 12..9; after the fourth (9 < 10) nothing may arrive before the reset.
        Instant fifth = github.arrivals.get(4);
        assertTrue(!fifth.isBefore(Instant.ofEpochSecond(reset)), "resumed at " + fifth + ", reset " + reset);
        assertEquals(8, github.server.getRequestCount());
    }

    @Test
    void secondaryRateLimitPausesTheHostForItsRetryAfter() throws Exception {
        CountingGitHub github = server();
        github.secondaryLimit = n -> n == 1;
        BulkVerifier bulk = new BulkVerifier(verifier, 1, 10, Clock.systemUTC());

        Map<Integer, Verdict> results = run(bulk, tokens(3, github), Duration.ofSeconds(30));

        assertEquals(Status.RATE_LIMITED, results.get(0).status(), results.get(0).message().toString());
        assertEquals(Status.VALID, results.get(1).status());
        assertEquals(Status.VALID, results.get(2).status());
        Duration paused = Duration.between(github.arrivals.get(0), github.arrivals.get(1));
        assertTrue(paused.compareTo(Duration.ofMillis(1900)) >= 0, "the next request came after " + paused);
    }

    @Test
    void rateLimitResettingAfterTheDeadlineSkipsTheRestWithoutRequests() throws Exception {
        CountingGitHub github = server();
        long reset = Instant.now().plusSeconds(3600).getEpochSecond();
        github.headers = n -> Headers.of("X-OAuth-Scopes", SCOPES, "x-ratelimit-remaining", "3",
                "x-ratelimit-reset", String.valueOf(reset));
        BulkVerifier bulk = new BulkVerifier(verifier, 1, 10, Clock.systemUTC());

        Map<Integer, Verdict> results = run(bulk, tokens(5, github), Duration.ofSeconds(5));

        assertEquals(1, github.server.getRequestCount(), "nothing more after the first low answer");
        assertEquals(4, results.values().stream().filter(v -> v.status() == Status.RATE_LIMITED).count());
    }

    @Test
    void deadlineEndsTheRunWithAResultForEveryToken() throws Exception {
        CountingGitHub slow = server();
        slow.delay = Duration.ofMillis(200);
        BulkVerifier bulk = new BulkVerifier(verifier, 4, 10, Clock.systemUTC());

        long start = System.nanoTime();
        Map<Integer, Verdict> results = run(bulk, tokens(100, slow), Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
        long skipped = results.values().stream().filter(v -> v.message().toString().contains("deadline")).count();
        assertTrue(skipped >= 50, "skipped " + skipped);
        assertTrue(slow.server.getRequestCount() <= 40, "sent " + slow.server.getRequestCount());
    }

    @Test
    void theVerdictCacheIsShared() throws Exception {
        CountingGitHub github = server();
        VerificationRequest one = github.request(TestTokens.githubClassic());
        BulkVerifier bulk = new BulkVerifier(verifier, 4, 10, Clock.systemUTC());

        verifier.verify(one);
        run(bulk, Map.of(1, one, 2, github.request(TestTokens.githubClassic())), Duration.ofSeconds(10));

        assertEquals(2, github.server.getRequestCount(), "the token verified before came from the cache");

        BulkVerifier fresh = new BulkVerifier(verifier, 4, 10, Clock.systemUTC(), true);
        run(fresh, Map.of(1, one), Duration.ofSeconds(10));
        assertEquals(3, github.server.getRequestCount(), "a fresh run asks again");
        verifier.verify(one);
        assertEquals(3, github.server.getRequestCount(), "and its answer went into the cache");
    }

    @Test
    void nothingToVerifyReturnsAtOnceAndAHostNeedsOneLaneAtLeast() throws Exception {
        run(new BulkVerifier(verifier, 4, 10, Clock.systemUTC()), Map.of(), Duration.ofSeconds(1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BulkVerifier(verifier, 0, 10, Clock.systemUTC()));
    }
}
