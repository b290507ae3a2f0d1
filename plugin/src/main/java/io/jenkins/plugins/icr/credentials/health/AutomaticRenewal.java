package io.jenkins.plugins.icr.credentials.health;

import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.RenewalPolicy;
import io.jenkins.plugins.icr.token.Verdict;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * The sweep's last step: GitLab tokens whose credential asks to renew automatically, that GitLab accepted in this
 * sweep and that expire within their window, renew themselves one after the other. A token renewed by someone else
 * while the sweep ran is verified again, or the sweep's record of its old token would stand; the failure of an
 * automatic renewal is forgotten once the credential no longer asks for one. The log says what happened, never a
 * token.
 */
final class AutomaticRenewal {
    private AutomaticRenewal() {}

    static void renewDue(Map<StoredToken, Verdict> verdicts, Instant sweepStarted, PrintStream log) {
        Instant now = Instant.now();
        RenewalJournal journal = RenewalJournal.get();
        verdicts.forEach((token, verdict) -> {
            RenewalEntry last = journal.of(token.credentialUrl());
            if (last != null
                    && last.getState() == RenewalEntry.State.RENEWED
                    && last.getAt().isAfter(sweepStarted)) {
                Renewer.refreshHealth(token);
            } else if (last != null
                    && last.getState() == RenewalEntry.State.FAILED
                    && last.isAutomatic()
                    && !(token.token() instanceof IcrVcsTokenImpl c && c.isRenewAutomatically())) {
                journal.forget(token.credentialUrl());
            } else if (token.token() instanceof IcrVcsTokenImpl credential
                    && credential.isRenewAutomatically()
                    && credential.getProvider().equals(Provider.GITLAB.id())
                    && verdict.status().accepted()
                    && new RenewalPolicy(credential.getRenewDaysBefore(), credential.getRenewLifetimeDays())
                            .isDue(verdict.expiresAt(), now)) {
                log.printf(
                        "%s (%s): %s%n",
                        token.id(),
                        token.storeName(),
                        Renewer.renew(token, true).message());
            }
        });
    }
}
