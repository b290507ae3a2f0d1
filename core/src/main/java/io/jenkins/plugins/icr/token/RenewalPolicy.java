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
            return new FormatCheck(Status.Severity.ERROR, "Renew at least 1 day before the token expires.");
        }
        if (lifetimeDays < 0 || lifetimeDays > RotationRequest.MAX_LIFETIME_DAYS) {
            return new FormatCheck(Status.Severity.ERROR, "The new lifetime is 0 (the same as now) or 1 to "
                    + RotationRequest.MAX_LIFETIME_DAYS + " days.");
        }
        if (lifetimeDays != SAME_LIFETIME && lifetimeDays <= daysBefore) {
            return new FormatCheck(Status.Severity.ERROR, "The new lifetime must be longer than the " + daysBefore
                    + " days before expiry at which renewal starts; otherwise every renewal is due again at once.");
        }
        if (lifetimeDays > 365) {
            return new FormatCheck(Status.Severity.WARNING, "GitLab allows at most 365 days unless its administrator"
                    + " extended the limit (up to 400 days since GitLab 17.6); a shorter limit is applied when the"
                    + " server names it.");
        }
        return new FormatCheck(Status.Severity.OK, "");
    }
}
