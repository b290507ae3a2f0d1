package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionTest {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private static List<String> reasons(Status status, TokenKind kind, Instant expires) {
        return Attention.reasons(status, kind, List.of("workflow"), expires, NOW, 14).stream().map(Text::toString).toList();
    }

    @Test
    void badStatusesNeedAttention() {
        assertEquals(List.of("rejected by the provider (invalid, expired, revoked, or a kind of token iCR cannot use)"),
                reasons(Status.REJECTED, TokenKind.GITHUB_CLASSIC, null));
        assertEquals(List.of("lacks workflow"), reasons(Status.MISSING_SCOPES, TokenKind.GITHUB_CLASSIC, null));
        assertEquals(1, reasons(Status.FORBIDDEN, TokenKind.GITHUB_CLASSIC, null).size());
        assertEquals(List.of("cannot be verified as configured"), reasons(Status.INVALID_INPUT, TokenKind.UNKNOWN, null));
    }

    @Test
    void goodAndTransientStatusesDoNot() {
        for (Status status : List.of(Status.VALID, Status.UNVERIFIABLE, Status.RATE_LIMITED, Status.UNREACHABLE)) {
            assertEquals(List.of(), reasons(status, TokenKind.GITHUB_CLASSIC, NOW.plusSeconds(86_400L * 60)), status.name());
        }
    }

    @Test
    void expiryWithinTheWindowNeedsAttentionAndOutsideItDoesNot() {
        assertEquals(List.of("expires on 2026-12-01 (in 1 day)"),
                reasons(Status.VALID, TokenKind.GITLAB_PAT, Instant.parse("2026-12-01T12:00:00Z")));
        assertEquals(List.of("expires on 2026-12-10 (in 9 days)"),
                reasons(Status.VALID, TokenKind.GITLAB_PAT, Instant.parse("2026-12-10T00:00:00Z")));
        assertEquals(List.of("expires on 2026-12-14 (in 13 days)"),
                reasons(Status.VALID, TokenKind.GITLAB_PAT, Instant.parse("2026-12-14T00:00:00Z")));
        assertEquals(List.of(), reasons(Status.VALID, TokenKind.GITLAB_PAT, Instant.parse("2026-12-16T00:00:00Z")));
        assertEquals(List.of("expired on 2026-11-29"),
                reasons(Status.VALID, TokenKind.GITLAB_PAT, Instant.parse("2026-11-29T00:00:00Z")));
    }

    @Test
    void appPasswordsAlwaysNeedAttention() {
        assertTrue(reasons(Status.VALID, TokenKind.BITBUCKET_APP_PASSWORD, null).get(0).contains("app password"));
    }

    @Test
    void levelIsTheStatusSeverityRaisedByReasons() {
        assertEquals(Status.Severity.OK, Attention.level(Status.VALID, List.of()));
        assertEquals(Status.Severity.WARNING, Attention.level(Status.VALID, List.of(Text.verbatim("expires soon"))));
        assertEquals(Status.Severity.ERROR, Attention.level(Status.REJECTED, List.of(Text.verbatim("rejected"))));
        assertEquals(Status.Severity.WARNING, Attention.level(Status.UNREACHABLE, List.of()));
    }

    @Test
    void daysLeftCountsWholeDaysAndGoesNegative() {
        assertEquals(0, Attention.daysLeft(NOW.plusSeconds(3600), NOW));
        assertEquals(1, Attention.daysLeft(NOW.plusSeconds(86_400 + 60), NOW));
        assertEquals(-1, Attention.daysLeft(NOW.minusSeconds(60), NOW));
        assertEquals(-2, Attention.daysLeft(NOW.minusSeconds(86_400 + 60), NOW));
    }
}
