package io.jenkins.plugins.icr.token;

/** The outcome of a verification. Names are stable: the CLI prints them and its exit codes follow them. */
public enum Status {
    /** Accepted, every required scope present. */
    VALID(0),
    /** Accepted, but the provider does not say which scopes the token has. */
    UNVERIFIABLE(1),
    /** Refused before any request was sent. */
    INVALID_INPUT(2),
    /** Accepted, some required scopes absent. */
    MISSING_SCOPES(3),
    /** The provider refuses the token: invalid, expired or revoked, or of a kind iCR cannot use (a GitLab OAuth token). */
    REJECTED(4),
    /** The provider knows the token but blocks it: SAML SSO, organization policy, IP allow list, lock-out. */
    FORBIDDEN(5),
    /** The provider's rate limit is exhausted; nothing is known about the token. */
    RATE_LIMITED(6),
    /**
     * No usable answer: DNS, connect, TLS, timeout, 5xx, redirect, a non-JSON answer, or an answer without the
     * identity the provider always sends (the URL is not the provider's API).
     */
    UNREACHABLE(6);

    private final int exitCode;

    Status(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The status as a person reads it, in each front-end's language; the constant name is for machines. */
    public Text words() {
        return Text.of("status." + name());
    }

    /** Whether iCR can use the token as far as the provider told us. */
    public boolean accepted() {
        return this == VALID || this == UNVERIFIABLE || this == MISSING_SCOPES;
    }

    /** How a form should show the verdict: only a token iCR can use as it is is OK. */
    public Severity severity() {
        return switch (this) {
            case VALID -> Severity.OK;
            case UNVERIFIABLE, RATE_LIMITED, UNREACHABLE -> Severity.WARNING;
            case INVALID_INPUT, MISSING_SCOPES, REJECTED, FORBIDDEN -> Severity.ERROR;
        };
    }

    /** Three levels of seriousness; each front-end decides how it shows them. */
    public enum Severity {
        OK,
        WARNING,
        ERROR
    }

    /** Transient outcomes say nothing about the token, so they are neither cached nor treated as its health. */
    public boolean transientFault() {
        return this == RATE_LIMITED || this == UNREACHABLE;
    }
}
