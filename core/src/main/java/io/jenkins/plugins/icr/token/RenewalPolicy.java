package io.jenkins.plugins.icr.token;

import java.time.Instant;

/**
 * When a token renews itself and for how long: {@code daysBefore} days before it expires, for {@code lifetimeDays}
 * days, or for the lifetime it has now when that is {@link #SAME_LIFETIME}.
 */
public record RenewalPolicy(int daysBefore, int lifetimeDays) {
    public static final int DEFAULT_DAYS_BEFORE = 7;
    public static final int SAME_LIFETIME = 0;

    public RenewalPolicy {
        if (daysBefore < 1 || lifetimeDays < 0 || lifetimeDays > RotationRequest.MAX_LIFETIME_DAYS) {
            throw new IllegalArgumentException("daysBefore must be at least 1 and lifetimeDays within 0.."
                    + RotationRequest.MAX_LIFETIME_DAYS);
        }
    }

    /** Whether a token expiring then is due for renewal now; a token that does not expire never is. */
    public boolean isDue(Instant expiresAt, Instant now) {
        return expiresAt != null && Attention.daysLeft(expiresAt, now) <= daysBefore;
    }

    /** The lifetime to ask for, or null to keep the token's own. */
    public Integer requestedLifetime() {
        return lifetimeDays == SAME_LIFETIME ? null : lifetimeDays;
    }

    /** A renewal that brings the expiry back inside the window would be followed by another at every sweep. */
    public static FormatCheck check(int daysBefore, int lifetimeDays) {
        if (daysBefore < 1) {
            return new FormatCheck(Status.Severity.ERROR, Text.of("renewal.daysBefore"));
        }
        if (lifetimeDays < 0 || lifetimeDays > RotationRequest.MAX_LIFETIME_DAYS) {
            return new FormatCheck(Status.Severity.ERROR,
                    Text.of("renewal.lifetime", RotationRequest.MAX_LIFETIME_DAYS));
        }
        if (lifetimeDays != SAME_LIFETIME && lifetimeDays <= daysBefore) {
            return new FormatCheck(Status.Severity.ERROR, Text.of("renewal.tooShort", daysBefore));
        }
        if (lifetimeDays > 365) {
            return new FormatCheck(Status.Severity.WARNING, Text.of("renewal.gitlabLimit"));
        }
        return FormatCheck.fine();
    }
}
