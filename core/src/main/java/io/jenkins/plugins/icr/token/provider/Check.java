package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.RepositoryPath;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.VerificationRequest;
import java.time.Clock;

/** One provider's way of asking about a token, with the fewest requests it allows (docs/provider-apis.md §0). */
sealed interface Check permits GitHubCheck, GitLabCheck, BitbucketCloudCheck, BitbucketDataCenterCheck {

    /** Everything a check needs for one verification. */
    record Context(
            Http http, VerificationRequest request, TokenKind kind, RepositoryPath repository, Deadline deadline, Clock clock) {

        RateLimit rateLimit(ApiResponse response) {
            return RateLimit.from(response.headers(), clock.instant());
        }
    }

    Answer.Accepted check(Context context) throws Refusal, Unreachable;
}
