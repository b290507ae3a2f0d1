package io.jenkins.plugins.icr.token;

import io.jenkins.plugins.icr.token.provider.Answer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Weighs a provider's answer against the requirement: the status, the warnings, the message and the fix. */
final class VerdictDecider {
    /** Far more scopes than any provider defines: a longer list is shown cut, though every scope counts. */
    static final int MAX_SCOPES_SHOWN = 200;
    private static final Text APP_PASSWORD_GONE = Text.of("warning.appPassword");

    private VerdictDecider() {}

    static Verdict decide(VerificationRequest request, Answer answer, Clock clock) {
        List<String> required = request.required().isEmpty() ? Requirement.defaultFor(answer.kind()) : request.required();
        return answer instanceof Answer.Accepted accepted
                ? accepted(request, accepted, required, clock.instant())
                : refused(request, (Answer.Refused) answer, required);
    }

    private static Verdict accepted(VerificationRequest request, Answer.Accepted a, List<String> required, Instant now) {
        ScopeRules rules = ScopeRules.of(a.kind());
        List<String> missing = new ArrayList<>(a.granted() == null ? List.of() : rules.missing(required, a.granted()));
        a.provenMissing().stream().filter(p -> !missing.contains(p)).forEach(missing::add);
        Status status = !missing.isEmpty() ? Status.MISSING_SCOPES : a.granted() == null ? Status.UNVERIFIABLE : Status.VALID;

        List<Text> warnings = new ArrayList<>();
        // The same window as the monitor's (Attention), so a form and the monitor never disagree.
        boolean expiresSoon = a.expiresAt() != null && Attention.daysLeft(a.expiresAt(), now) <= request.warnDays();
        if (expiresSoon) {
            // The expiry itself is a field of the verdict, shown once by each rendering.
            warnings.add(Text.of("warning.expiresSoon"));
        }
        if (a.granted() != null) {
            List<String> broad = rules.overBroad(a.granted(), required);
            if (!broad.isEmpty()) {
                warnings.add(Text.of("warning.overBroad", String.join(", ", broad)));
            }
        }
        if (a.kind() == TokenKind.BITBUCKET_APP_PASSWORD) {
            warnings.add(APP_PASSWORD_GONE);
        }
        warnings.addAll(a.notes());
        List<String> granted = a.granted();
        if (granted != null && granted.size() > MAX_SCOPES_SHOWN) {
            warnings.add(Text.of("warning.scopesCut", granted.size(), MAX_SCOPES_SHOWN));
            granted = granted.subList(0, MAX_SCOPES_SHOWN);
        }

        Text what = a.account() == null
                ? Text.of("verdict.accepted", request.provider().displayName(), a.kind().displayName())
                : Text.of("verdict.accepted.account", request.provider().displayName(), a.kind().displayName(), a.account());
        Text message = switch (status) {
            case VALID -> Text.of("verdict.valid", what, String.join(", ", required));
            case MISSING_SCOPES -> Text.of("verdict.missing", what, String.join(", ", missing));
            default -> Text.of("verdict.unverifiable", what, a.unreported());
        };
        Fix fix = status == Status.VALID && !expiresSoon && a.kind() != TokenKind.BITBUCKET_APP_PASSWORD
                ? Fix.NONE
                : TokenPages.newToken(request.endpoint(), a.kind(), required, missing);
        return new Verdict(status, request.provider(), a.kind(), a.account(), granted, required, missing,
                a.expiresAt(), a.rateLimit(), warnings, message, fix);
    }

    private static Verdict refused(VerificationRequest request, Answer.Refused r, List<String> required) {
        Fix fix = switch (r.status()) {
            case REJECTED -> TokenPages.newToken(request.endpoint(), r.kind(), required, List.of());
            case FORBIDDEN -> r.fixUrl() != null
                    ? new Fix(r.fixUrl(), List.of(Text.of("fix.sso")))
                    : new Fix(null, List.of(Text.of("fix.policy")));
            default -> Fix.NONE;
        };
        List<Text> warnings = r.kind() == TokenKind.BITBUCKET_APP_PASSWORD ? List.of(APP_PASSWORD_GONE) : List.of();
        return new Verdict(r.status(), request.provider(), r.kind(), null, null, required, List.of(), null,
                r.rateLimit(), warnings, r.message(), fix);
    }
}
