package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import java.io.Serial;

/** Ends a provider check early with its verdict, so the happy path of each check reads top to bottom. */
final class Refusal extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Answer.Refused answer;

    Refusal(Status status, TokenKind kind, Text message, String fixUrl, RateLimit rateLimit) {
        super(message.toString(), null, false, false);
        this.answer = new Answer.Refused(status, kind, message, fixUrl, rateLimit);
    }

    Answer.Refused answer() {
        return answer;
    }
}
