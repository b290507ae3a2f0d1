package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many verifications at once share one client: connections are reused, threads do not pile up, and the cache holds. */
class VerifierConcurrencyTest {
    private static final int WORKERS = 8;
    private static final int VERIFICATIONS = 200;

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    @Test
    void parallelVerificationsReuseConnectionsAndLeakNoThreads() throws Exception {
        server.on("/api/v4/personal_access_tokens/self", json(200,
                "{\"scopes\":[\"api\"],\"active\":true,\"revoked\":false,\"user_id\":3,\"expires_at\":null}"));
        server.on("/api/v4/user", json(200, "{\"username\":\"jdoe\"}"));

        int clientThreadsBefore = clientThreads().size();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<Verdict>> verdicts = new ArrayList<>();
        for (int i = 0; i < VERIFICATIONS; i++) {
            verdicts.add(pool.submit(() -> server.verifier().verify(
                    server.request(Provider.GITLAB, "/api/v4", null, TestTokens.gitlab()))));
        }
        for (Future<Verdict> verdict : verdicts) {
            assertEquals(Status.VALID, verdict.get().status());
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        List<RecordedRequest> requests = server.requests();
        assertEquals(2 * VERIFICATIONS, requests.size());
        Set<Integer> connections = requests.stream().map(RecordedRequest::getConnectionIndex).collect(Collectors.toSet());
        // Keep-alive holds: connections are reused, not opened per request (that would be 400). The pool keeps five
        // idle connections and closes the rest, so with more calls in flight than that some are opened again, the
        // more so on a loaded machine and under the coverage agent; each connection still carries five requests
        // or more on average (ten or more on an idle machine).
        assertTrue(connections.size() * 5 <= requests.size(), "connections opened: " + connections.size());
        // Client threads stay a small fixed number, whatever the number of verifications: the dispatcher runs at
        // most five calls per host and its pool reuses threads (a few more may start while others return); the
        // task runner adds a few. A leak would grow with the 200 verifications. Server threads do not count.
        List<String> grown = clientThreads();
        assertTrue(grown.size() <= clientThreadsBefore + 2 * WORKERS, "before: " + clientThreadsBefore + ", after: " + grown);
    }

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("OkHttp") && !name.contains("MockWebServer"))
                .toList();
    }

    @Test
    void cacheAnswersRepeatsWithoutARequestButNeverCachesFaults() {
        ManualClock clock = new ManualClock(ProviderServer.NOW);
        Verifier verifier = new Verifier(io.jenkins.plugins.icr.token.provider.Http.defaultClient(), clock,
                new VerdictCache(Duration.ofMinutes(1), clock));
        String token = TestTokens.githubClassic();
        server.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo")));
        VerificationRequest request = server.request(Provider.GITHUB, "/api/v3", null, token);

        assertEquals(Status.MISSING_SCOPES, verifier.verify(request).status());
        assertEquals(Status.MISSING_SCOPES, verifier.verify(request).status());
        assertEquals(1, server.server().getRequestCount(), "the repeat came from the cache");
        verifier.refresh(request);
        assertEquals(2, server.server().getRequestCount(), "a refresh asks again");
        verifier.verify(request);
        assertEquals(2, server.server().getRequestCount(), "and its answer is cached");

        assertEquals(Status.MISSING_SCOPES, verifier.verify(server.request(Provider.GITHUB, "/api/v3", null,
                TestTokens.githubClassic())).status());
        assertEquals(3, server.server().getRequestCount(), "another token is another entry");

        clock.advance(Duration.ofMinutes(2));
        verifier.verify(request);
        assertEquals(4, server.server().getRequestCount(), "an expired entry is asked again");

        server.on("/api/v3/user", json(503, "{\"message\":\"down\"}"));
        VerificationRequest other = server.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic());
        assertEquals(Status.UNREACHABLE, verifier.verify(other).status());
        assertEquals(Status.UNREACHABLE, verifier.verify(other).status());
        assertEquals(6, server.server().getRequestCount(), "faults are never cached");
    }
}
