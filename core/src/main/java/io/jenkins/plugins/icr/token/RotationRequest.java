package io.jenkins.plugins.icr.token;

import java.time.Duration;

/**
 * One renewal of a GitLab token by itself.
 *
 * @param lifetimeDays days the new token lives from today; null keeps the lifetime the token has now
 * @param timeout      bounds the whole renewal, every request included
 */
public record RotationRequest(Endpoint endpoint, Token token, Integer lifetimeDays, Duration timeout) {
    /** The longest lifetime GitLab allows anywhere (400 days, GitLab 17.6 and later with a feature flag). */
    public static final int MAX_LIFETIME_DAYS = 400;

    public static RotationRequest of(Endpoint endpoint, Token token) {
        return new RotationRequest(endpoint, token, null, VerificationRequest.DEFAULT_TIMEOUT);
    }

    public RotationRequest withLifetimeDays(Integer days) {
        return new RotationRequest(endpoint, token, days, timeout);
    }

    public RotationRequest withTimeout(Duration bound) {
        return new RotationRequest(endpoint, token, lifetimeDays, bound);
    }
}
