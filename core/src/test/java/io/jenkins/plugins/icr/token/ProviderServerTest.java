package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixture the tests and the benchmark share answers as the verifier expects each provider to. */
class ProviderServerTest {
    @RegisterExtension
    final ProviderServer server = new ProviderServer().answeringAsProviders();

    @Test
    void eachProviderAcceptsAValidTokenAsTheVerifierReadsIt() {
        Map<VerificationRequest, Status> expected = Map.of(
                server.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic()).withRepository("acme/widgets"),
                Status.VALID,
                server.request(Provider.GITLAB, "/api/v4", null, TestTokens.gitlab()), Status.VALID,
                server.request(Provider.BITBUCKET, "/2.0", "jane@example.com", TestTokens.atlassianApiToken()), Status.VALID,
                // Bitbucket Data Center reports no permissions: the best a valid token gets.
                server.request(Provider.BITBUCKET_DC, "/rest/api/1.0", null, TestTokens.bitbucketDataCenter()),
                Status.UNVERIFIABLE);
        expected.forEach((request, status) -> {
            Verdict verdict = server.verify(request);
            assertEquals(status, verdict.status(), request.provider() + ": " + verdict.message());
            assertTrue(List.of("octocat", "jdoe").contains(verdict.account()), verdict.account());
        });
    }

    @Test
    void aTokensOwnAnswerComesBeforeThePathsAndItIsRecordedHoweverItTravels() throws Exception {
        String rejected = TestTokens.atlassianApiToken();
        server.answer(rejected, json(401, "{\"type\":\"error\",\"error\":{\"message\":\"Unauthorized\"}}"));
        Verdict verdict = server.verify(server.request(Provider.BITBUCKET, "/2.0", "jane@example.com", rejected));
        assertEquals(Status.REJECTED, verdict.status(), verdict.message().toString());
        assertEquals(List.of(rejected), server.receivedTokens(), "read from Basic username:token");
    }

    @Test
    void latencyDelaysEveryAnswerAndConnectionsAreKeptAlive() throws Exception {
        server.latency(Duration.ofMillis(200));
        long start = System.nanoTime();
        server.verify(server.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic()));
        server.verify(server.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic()));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos(), "two answers, each 200 ms late");
        assertEquals(1, server.connections(), "the second request reused the first one's connection");
        server.forgetRequests();
        assertEquals(List.of(), server.receivedTokens());
        assertEquals(List.<RecordedRequest>of(), server.requests());
    }
}
