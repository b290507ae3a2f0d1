package io.jenkins.plugins.icr.token;

import java.time.Duration;
import java.util.List;

/**
 * One verification: where, with what, against which requirement.
 *
 * @param username   Bitbucket username (app passwords) or account email (API tokens); null or blank elsewhere
 * @param required   the scopes to require; empty means the default for the token kind
 * @param repository {@code OWNER/NAME} (GitLab: {@code GROUP/…/PROJECT}, Data Center: {@code PROJECT/repo}) to probe,
 *                   or null
 * @param timeout    bounds the whole verification, every request included
 * @param warnDays   warn when the token expires within this many days
 */
public record VerificationRequest(
        Endpoint endpoint,
        String username,
        Token token,
        List<String> required,
        String repository,
        Duration timeout,
        int warnDays) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_WARN_DAYS = 14;

    public VerificationRequest {
        required = List.copyOf(required);
        username = username == null || username.isBlank() ? null : username.strip();
        repository = repository == null || repository.isBlank() ? null : repository.strip();
    }

    public static VerificationRequest of(Endpoint endpoint, String username, Token token) {
        return new VerificationRequest(endpoint, username, token, List.of(), null, DEFAULT_TIMEOUT, DEFAULT_WARN_DAYS);
    }

    public VerificationRequest withRequired(List<String> scopes) {
        return new VerificationRequest(endpoint, username, token, scopes, repository, timeout, warnDays);
    }

    public VerificationRequest withRepository(String repo) {
        return new VerificationRequest(endpoint, username, token, required, repo, timeout, warnDays);
    }

    public VerificationRequest withTimeout(Duration bound) {
        return new VerificationRequest(endpoint, username, token, required, repository, bound, warnDays);
    }

    public Provider provider() {
        return endpoint.provider();
    }

    @Override
    public String toString() {
        return "VerificationRequest[" + endpoint.api() + ", username=" + username + ", token=" + token
                + ", required=" + required + ", repository=" + repository + "]";
    }
}
