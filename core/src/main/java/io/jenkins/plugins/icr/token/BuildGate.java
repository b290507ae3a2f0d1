package io.jenkins.plugins.icr.token;

/**
 * What a verdict means for a build that is about to hand the token to iCR. A token the provider refuses, that lacks
 * scopes or that input checks refuse would make iCR fail, so the build fails now, with the fix in its log. Warnings,
 * unverifiable scopes and provider faults say nothing certain about the token: they mark the build unstable only
 * when asked to, and nothing the provider rejected is ever retried.
 */
public enum BuildGate {
    PASS,
    UNSTABLE,
    FAIL;

    public static BuildGate of(Verdict verdict, boolean unstableOnWarning) {
        return switch (verdict.status()) {
            case REJECTED, MISSING_SCOPES, FORBIDDEN, INVALID_INPUT -> FAIL;
            case VALID -> verdict.warnings().isEmpty() || !unstableOnWarning ? PASS : UNSTABLE;
            case UNVERIFIABLE, RATE_LIMITED, UNREACHABLE -> unstableOnWarning ? UNSTABLE : PASS;
        };
    }
}
