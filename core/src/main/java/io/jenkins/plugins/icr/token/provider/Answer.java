package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a provider check learned, before it is weighed against the requirement. */
public sealed interface Answer permits Answer.Accepted, Answer.Refused {

    TokenKind kind();

    RateLimit rateLimit();

    /**
     * The provider accepted the token.
     *
     * @param granted the scopes the provider reported, or null when it reports none
     * @param provenMissing permissions a read probe showed to be absent (fine-grained GitHub tokens)
     * @param unreported why the scopes could not be checked, when {@code granted} is null
     */
    record Accepted(
            TokenKind kind,
            String account,
            List<String> granted,
            Instant expiresAt,
            RateLimit rateLimit,
            List<Text> notes,
            List<String> provenMissing,
            Text unreported)
            implements Answer {

        public Accepted {
            granted = granted == null ? null : List.copyOf(granted);
            notes = List.copyOf(notes);
            provenMissing = List.copyOf(provenMissing);
        }

        static Accepted of(TokenKind kind, String account, RateLimit rateLimit) {
            return new Accepted(kind, account, null, null, rateLimit, List.of(), List.of(), null);
        }

        Accepted granted(List<String> scopes) {
            return new Accepted(kind, account, scopes, expiresAt, rateLimit, notes, provenMissing, unreported);
        }

        Accepted unreported(Text why) {
            return new Accepted(kind, account, null, expiresAt, rateLimit, notes, provenMissing, why);
        }

        Accepted expiring(Instant at) {
            return new Accepted(kind, account, granted, at, rateLimit, notes, provenMissing, unreported);
        }

        Accepted note(Text note) {
            List<Text> more = new ArrayList<>(notes);
            if (!more.contains(note)) {
                more.add(note);
            }
            return new Accepted(kind, account, granted, expiresAt, rateLimit, more, provenMissing, unreported);
        }

        Accepted missing(String permission) {
            List<String> more = new ArrayList<>(provenMissing);
            if (!more.contains(permission)) {
                more.add(permission);
            }
            return new Accepted(kind, account, granted, expiresAt, rateLimit, notes, more, unreported);
        }
    }

    /**
     * The provider refused, or could not be asked.
     *
     * @param fixUrl a page that repairs this very refusal (an SSO authorization link), or null
     */
    record Refused(Status status, TokenKind kind, Text message, String fixUrl, RateLimit rateLimit)
            implements Answer {}
}
