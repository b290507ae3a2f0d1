package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.RepositoryPath;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.VerificationRequest;
import java.time.Clock;

/** Asks the request's provider about the token; every refusal and network fault ends up here as an answer. */
public final class ProviderChecks {
    private ProviderChecks() {}

    public static Answer ask(Http http, VerificationRequest request, TokenKind kind, RepositoryPath repository, Clock clock) {
        Check check = switch (request.provider()) {
            case GITHUB -> new GitHubCheck();
            case GITLAB -> new GitLabCheck();
            case BITBUCKET -> new BitbucketCloudCheck();
            case BITBUCKET_DC -> new BitbucketDataCenterCheck();
        };
        try {
            return check.check(new Check.Context(http, request, kind, repository, Deadline.after(request.timeout()), clock));
        } catch (Refusal r) {
            return r.answer();
        } catch (Unreachable u) {
            return new Answer.Refused(Status.UNREACHABLE, kind, u.text(), null, RateLimit.UNKNOWN);
        }
    }
}
