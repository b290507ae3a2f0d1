package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.GitLabTokens.AfterRotation;
import io.jenkins.plugins.icr.token.Rotation.NotRotated;
import io.jenkins.plugins.icr.token.Rotation.Reason;
import io.jenkins.plugins.icr.token.Rotation.Rotated;
import io.jenkins.plugins.icr.token.provider.Http;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Self-rotation against a local GitLab that rotates, revokes and detects reuse as GitLab does. */
class GitLabRotationTest {
    private static final LocalDate TODAY = LocalDate.ofInstant(ProviderServer.NOW, ZoneOffset.UTC);

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    final GitLabTokens gitlab = server.gitlab();

    private final Clock clock = Clock.fixed(ProviderServer.NOW, ZoneOffset.UTC);
    private final TokenRotator rotator =
            new Verifier(Http.defaultClient(), clock, new VerdictCache(Duration.ZERO, clock)).rotator();

    private Endpoint gitlabApi() {
        return server.endpoint(Provider.GITLAB, "/api/v4");
    }

    private Rotation rotate(String token, Integer lifetimeDays) {
        Rotation outcome = rotator.rotate(RotationRequest.of(gitlabApi(), Token.of(token))
                .withLifetimeDays(lifetimeDays));
        assertFalse(outcome.message().toString().contains(token) || outcome.toString().contains(token), outcome::toString);
        if (outcome instanceof Rotated rotated) {
            assertFalse(outcome.toString().contains(rotated.token().reveal()), "the new token leaked: " + outcome);
        }
        return outcome;
    }

    @Test
    void renewsAnActiveTokenWithTheLifetimeItHas() throws Exception {
        String old = gitlab.issue(List.of("api"), TODAY.minusDays(90), TODAY.plusDays(5));

        Rotated rotated = assertInstanceOf(Rotated.class, rotate(old, null));

        assertEquals(TODAY.plusDays(95), rotated.expiresOn(), "the old token lived 95 days; so does the new one");
        assertEquals(List.of("api"), rotated.scopes());
        assertEquals("Renewed: the new token expires on " + TODAY.plusDays(95) + ".", rotated.message().toString());
        assertEquals(gitlab.successorOf(old), rotated.token().reveal());
        assertTrue(gitlab.isRevoked(old));
        assertTrue(gitlab.isActive(rotated.token().reveal()));
        List<RecordedRequest> requests = server.requests();
        assertEquals(List.of("GET /api/v4/personal_access_tokens/self", "POST /api/v4/personal_access_tokens/self/rotate"),
                requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList());
        for (RecordedRequest request : requests) {
            assertEquals(old, request.getHeaders().get("PRIVATE-TOKEN"), "the token travels in its header only");
            assertFalse(request.getUrl().toString().contains(old));
        }
        assertEquals("expires_at=" + TODAY.plusDays(95), requests.get(1).getBody().utf8());
    }

    @Test
    void aGivenLifetimeIsCountedFromTodayAndCappedAtGitLabsLongest() throws Exception {
        gitlab.maxLifetimeDays(400);
        Rotated thirty = assertInstanceOf(Rotated.class, rotate(gitlab.issueExpiringSoon(), 30));
        assertEquals(TODAY.plusDays(30), thirty.expiresOn());

        Rotated capped = assertInstanceOf(Rotated.class, rotate(gitlab.issueExpiringSoon(), 5000));
        assertEquals(TODAY.plusDays(RotationRequest.MAX_LIFETIME_DAYS), capped.expiresOn());
    }

    @Test
    void aLowerServerMaximumIsRespectedWithOneMoreRequestThatChangesNothingTwice() {
        gitlab.maxLifetimeDays(200);
        String old = gitlab.issueExpiringSoon();

        Rotated rotated = assertInstanceOf(Rotated.class, rotate(old, 365));

        assertEquals(TODAY.plusDays(199), rotated.expiresOn(), "the day before the limit GitLab named");
        assertEquals(2, gitlab.rotateRequests(), "the refused request (400) revoked nothing, so asking again is safe");
        assertTrue(gitlab.isActive(rotated.token().reveal()));
    }

    @Test
    void aServerOlderThan16Point10CannotRenewAndTheTokenStaysAsItWas() {
        gitlab.withoutRotation();
        String old = gitlab.issueExpiringSoon();

        NotRotated refused = assertInstanceOf(NotRotated.class, rotate(old, null));

        assertEquals(Reason.UNSUPPORTED, refused.reason());
        assertTrue(refused.message().toString().startsWith("This GitLab server cannot renew tokens"), refused.message().toString());
        assertTrue(refused.message().toString().contains("16.10"), refused.message().toString());
        assertTrue(gitlab.isActive(old));
    }

    @Test
    void aRotatedTokenIsNeverSentToRotateAgainSoItsReplacementSurvives() {
        String old = gitlab.issueExpiringSoon();
        Rotated first = assertInstanceOf(Rotated.class, rotate(old, null));

        NotRotated second = assertInstanceOf(NotRotated.class, rotate(old, null));

        assertEquals(Reason.REJECTED, second.reason());
        assertTrue(second.message().toString().contains("Token was revoked"), second.message().toString());
        assertEquals(1, gitlab.rotateRequests(), "GitLab said 'revoked' to the GET; no POST followed");
        assertTrue(gitlab.isActive(first.token().reveal()), "reuse detection was not triggered");
    }

    @Test
    void theLocalGitLabRevokesTheReplacementWhenARotatedTokenAsksAgain() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Rotated first = assertInstanceOf(Rotated.class, rotate(old, null));

        assertEquals(401, gitlab.rotateDirectly(old));

        assertFalse(gitlab.isActive(first.token().reveal()), "GitLab's reuse detection revoked the replacement");
    }

    @Test
    void aTokenWithoutApiOrSelfRotateMayNotRenewItself() {
        NotRotated refused = assertInstanceOf(NotRotated.class,
                rotate(gitlab.issue(List.of("read_api", "read_repository"), TODAY.minusDays(30), TODAY.plusDays(3)), null));
        assertEquals(Reason.NOT_PERMITTED, refused.reason());
        assertTrue(refused.message().toString().contains("self_rotate"), refused.message().toString());

        assertInstanceOf(Rotated.class,
                rotate(gitlab.issue(List.of("read_repository", "self_rotate"), TODAY.minusDays(30), TODAY.plusDays(3)), null));
    }

    @Test
    void anExpiredTokenIsRejectedBeforeAnyRotationRequest() {
        NotRotated refused = assertInstanceOf(NotRotated.class,
                rotate(gitlab.issue(List.of("api"), TODAY.minusDays(30), TODAY), null));

        assertEquals(Reason.REJECTED, refused.reason());
        assertTrue(refused.message().toString().contains("Token is expired"), refused.message().toString());
        assertEquals(0, gitlab.rotateRequests());
    }

    @Test
    void aLostAnswerIsUncertainAndTheRequestIsNeverRepeated() {
        gitlab.afterRotation(AfterRotation.DROP_ANSWER);
        String old = gitlab.issueExpiringSoon();

        Rotation outcome = rotate(old, null);

        assertInstanceOf(Rotation.Uncertain.class, outcome);
        assertTrue(outcome.message().toString().contains("may have reached GitLab"), outcome.message().toString());
        assertEquals(1, gitlab.rotateRequests(), "OkHttp must not resend the POST on a fresh connection");
        String successor = gitlab.successorOf(old);
        assertTrue(gitlab.isActive(successor), "had the POST been repeated, reuse detection would have revoked it");
    }

    @Test
    void aServerErrorAfterTheRotationIsUncertain() {
        gitlab.afterRotation(AfterRotation.FAIL_AFTER_COMMIT);

        Rotation outcome = rotate(gitlab.issueExpiringSoon(), null);

        assertInstanceOf(Rotation.Uncertain.class, outcome);
        assertTrue(outcome.message().toString().contains("HTTP 500"), outcome.message().toString());
    }

    @Test
    void aTokenThatNeverExpiresKeepsNoExpiryUnlessALifetimeIsGiven() throws Exception {
        String old = gitlab.issue(List.of("api"), TODAY.minusDays(900), null);

        assertInstanceOf(Rotated.class, rotate(old, null));

        RecordedRequest post = server.requests().get(1);
        assertEquals("", post.getBody().utf8(), "no expires_at: GitLab applies its own rule");
    }

    @Test
    void otherProvidersAndUnusableTokensAreRefusedWithoutARequest() throws Exception {
        Endpoint github = Endpoint.publicService(Provider.GITHUB);
        NotRotated other = assertInstanceOf(NotRotated.class,
                rotator.rotate(RotationRequest.of(github, Token.of(TestTokens.githubClassic()))));
        assertEquals(Reason.INVALID_INPUT, other.reason());
        assertTrue(other.message().toString().startsWith("Only GitLab tokens can renew themselves"), other.message().toString());

        NotRotated deploy = assertInstanceOf(NotRotated.class,
                rotator.rotate(RotationRequest.of(gitlabApi(), Token.of(TestTokens.random("gldt-", 20)))));
        assertEquals(Reason.INVALID_INPUT, deploy.reason());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void anUnreachableServerChangesNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Endpoint nowhere = Endpoint.fromApi(Provider.GITLAB, "http://127.0.0.1:" + closedPort + "/api/v4",
                EndpointPolicy.allowingHttp());
        String token = TestTokens.gitlab();

        Rotation outcome = rotator.rotate(RotationRequest.of(nowhere, Token.of(token)));

        NotRotated refused = assertInstanceOf(NotRotated.class, outcome);
        assertEquals(Reason.UNREACHABLE, refused.reason());
        assertFalse(refused.message().toString().contains(token));
    }
}
