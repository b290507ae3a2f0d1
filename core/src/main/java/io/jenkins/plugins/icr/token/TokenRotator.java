package io.jenkins.plugins.icr.token;

import io.jenkins.plugins.icr.token.provider.GitLabRotation;
import io.jenkins.plugins.icr.token.provider.Http;
import java.time.Clock;

/** Renews GitLab tokens by themselves; obtained from {@link Verifier#rotator()}, so it shares its client. */
public final class TokenRotator {
    private final Http http;
    private final Clock clock;

    TokenRotator(Http http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Renews the token: at most one rotation request, sent only after GitLab says the token is active. */
    public Rotation rotate(RotationRequest request) {
        return GitLabRotation.rotate(http, request, clock);
    }
}
