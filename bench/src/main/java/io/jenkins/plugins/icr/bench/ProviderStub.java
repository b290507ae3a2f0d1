package io.jenkins.plugins.icr.bench;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local server answering as each provider does (status, headers, JSON body) after a fixed latency, counting the
 * requests and the connections that reach it.
 */
final class ProviderStub extends Dispatcher implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final long latencyMillis;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    ProviderStub(long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        connections.add(request.getConnectionIndex());
        String path = request.getUrl().encodedPath();
        MockResponse.Builder response = new MockResponse.Builder()
                .code(200)
                .headersDelay(latencyMillis, TimeUnit.MILLISECONDS)
                .setHeader("Content-Type", "application/json; charset=utf-8");
        if (path.endsWith("/api/v3/user")) {
            return response.setHeader("X-OAuth-Scopes", "notifications, repo, workflow")
                    .setHeader("x-ratelimit-remaining", "4999")
                    .setHeader("x-ratelimit-reset", "4102444800")
                    .setHeader("github-authentication-token-expiration", "2027-10-12 09:00:00 UTC")
                    .body("{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}")
                    .build();
        }
        if (path.endsWith("/personal_access_tokens/self")) {
            return response.body("{\"id\":4,\"name\":\"iCR\",\"revoked\":false,\"scopes\":[\"api\"],\"user_id\":3,"
                            + "\"active\":true,\"expires_at\":\"2027-06-01\"}")
                    .build();
        }
        if (path.endsWith("/api/v4/user")) {
            return response.body("{\"id\":3,\"username\":\"jdoe\"}").build();
        }
        if (path.endsWith("/2.0/user")) {
            return response.setHeader("x-oauth-scopes", "read:user:bitbucket, read:repository:bitbucket,"
                            + " write:repository:bitbucket, read:pullrequest:bitbucket, write:pullrequest:bitbucket")
                    .setHeader("x-credential-type", "api_token")
                    .body("{\"username\":\"jdoe\",\"display_name\":\"Jane Doe\"}")
                    .build();
        }
        if (path.endsWith("/application-properties")) {
            return response.setHeader("X-AUSERNAME", "jdoe").body("{\"version\":\"9.4.0\"}").build();
        }
        return response.code(404).body("{\"message\":\"Not Found\"}").build();
    }

    HttpUrl url(String path) {
        return server.url(path);
    }

    /** Forgets the requests MockWebServer records, so that they do not count in a heap measurement. */
    void forgetRecordedRequests() throws InterruptedException {
        while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // drained
        }
    }

    int requests() {
        return requests.get();
    }

    int connections() {
        return connections.size();
    }

    @Override
    public void close() {
        server.close();
    }
}
