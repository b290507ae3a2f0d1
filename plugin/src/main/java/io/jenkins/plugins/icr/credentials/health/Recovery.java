package io.jenkins.plugins.icr.credentials.health;

import hudson.model.Descriptor;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settles renewals left open: a new token its store has not saved yet is saved again; a renewal whose answer never
 * came (a lost connection, or a Jenkins that stopped) is settled by asking GitLab about the old token, which is a read
 * and safe. It never sends a rotation: the old token may be revoked, and GitLab would then revoke its replacement.
 */
final class Recovery {
    private Recovery() {}

    /** Every open renewal not running in this Jenkins now; cheap when there is none. */
    static void settleAll() {
        RenewalJournal journal = RenewalJournal.get();
        List<RenewalEntry> open = journal.all().stream()
                .filter(e -> e.getState().isBlocking() && !journal.isRunningHere(e.getCredentialUrl()))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        Map<String, StoredToken> stored = TokenLocations.all().stream()
                .collect(Collectors.toMap(StoredToken::credentialUrl, Function.identity(), (a, b) -> a));
        for (RenewalEntry entry : open) {
            StoredToken target = stored.get(entry.getCredentialUrl());
            if (target == null || !(target.token() instanceof IcrVcsTokenImpl credential)) {
                journal.forget(entry.getCredentialUrl());
                continue;
            }
            String holds = fingerprintOf(credential.getToken());
            switch (entry.getState()) {
                case UNSAVED -> journal.record(saveAgain(target, credential, entry, holds));
                case IN_FLIGHT ->
                    journal.record(
                            holds.equals(entry.getOldFingerprint())
                                    ? settleInFlight(target, entry)
                                    : entry.then(
                                            RenewalEntry.State.FAILED,
                                            Messages.Recovery_ReplacedByHand(),
                                            Instant.now()));
                default -> {
                    // LOST until a person puts a new token in; then there is nothing left to say.
                    if (!holds.equals(entry.getOldFingerprint())) {
                        journal.forget(entry.getCredentialUrl());
                    }
                }
            }
        }
    }

    /**
     * Asks GitLab about the token the credential still holds: accepted means the rotation never happened, refused
     * means GitLab revoked it and the new token is lost; anything else leaves the question open.
     */
    static RenewalEntry settleInFlight(StoredToken target, RenewalEntry entry) {
        IcrVcsTokenImpl credential = (IcrVcsTokenImpl) target.token();
        Instant now = Instant.now();
        Verdict verdict;
        try {
            verdict = Verification.refresh(Verification.prepare(credential, null));
        } catch (Verification.UnknownProviderException e) {
            // Only a credential edited by hand on disk gets here; it is never sent anywhere, so the question stays
            // open.
            return entry.then(RenewalEntry.State.IN_FLIGHT, Messages.Recovery_StillUnknown(e.getMessage()), now);
        }
        if (verdict.status().accepted()) {
            return entry.then(RenewalEntry.State.FAILED, Messages.Recovery_NothingHappened(entry.getMessage()), now);
        }
        if (verdict.status() == Status.REJECTED) {
            return entry.then(RenewalEntry.State.LOST, Messages.Recovery_Lost(Forms.text(verdict.message())), now);
        }
        return entry.then(
                RenewalEntry.State.IN_FLIGHT, Messages.Recovery_StillUnknown(Forms.text(verdict.message())), now);
    }

    private static RenewalEntry saveAgain(
            StoredToken target, IcrVcsTokenImpl current, RenewalEntry entry, String holds) {
        Secret pending = entry.getPending();
        Instant now = Instant.now();
        if (pending == null) {
            // Only on disk can an UNSAVED entry lose its token: the journal could not be read back.
            return entry.then(RenewalEntry.State.LOST, Messages.Recovery_Lost(entry.getMessage()), now);
        }
        String failure;
        IcrVcsTokenImpl saved;
        if (holds.equals(fingerprintOf(pending))) {
            // The store took the new credential in memory and failed to write it: write it again.
            saved = current;
            failure = StoreWriter.save(target);
        } else if (holds.equals(entry.getOldFingerprint())) {
            saved = withToken(current, pending);
            failure = StoreWriter.replace(target, current, saved);
            if (failure == null) {
                UsageHistory.carryOver(current, saved);
            }
        } else {
            return entry.then(RenewalEntry.State.FAILED, Messages.Recovery_ReplacedByHand(), now);
        }
        if (failure != null) {
            return entry.then(RenewalEntry.State.UNSAVED, Messages.Renewer_Unsaved(failure), now);
        }
        Renewer.recordHealth(target, saved);
        return entry.issued(entry.getNewExpiry(), null, Messages.Recovery_Saved(), now);
    }

    private static IcrVcsTokenImpl withToken(IcrVcsTokenImpl current, Secret token) {
        try {
            return current.withToken(token);
        } catch (Descriptor.FormException e) {
            throw new IllegalStateException("A stored credential has a known provider", e);
        }
    }

    private static String fingerprintOf(Secret token) {
        return Token.of(token.getPlainText()).fingerprint();
    }
}
