package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Descriptor;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.RenewalPolicy;
import io.jenkins.plugins.icr.token.Rotation;
import io.jenkins.plugins.icr.token.RotationRequest;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.Token;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One renewal of one stored GitLab token, in the order that loses nothing: claim the credential in the journal (on
 * disk), have core rotate the token, write the new token into the credential's own store before anything else, and
 * only then verify it. A new token the store cannot save stays in memory and in the journal, and is saved again
 * until it sticks; an answer that never came is settled by asking GitLab about the old token, never by rotating it
 * again.
 */
final class Renewer {
    private static final Logger LOGGER = Logger.getLogger(Renewer.class.getName());

    private Renewer() {}

    /** What a person or a log is told, never a token; {@code stored} is the new token as its store holds it. */
    record Result(
            boolean renewed, String message, @CheckForNull Secret stored) {
        static Result refused(String message) {
            return new Result(false, message, null);
        }
    }

    static Result renew(StoredToken target, boolean automatic) {
        if (!(target.token() instanceof IcrVcsTokenImpl credential)
                || !credential.getProvider().equals(Provider.GITLAB.id())) {
            return Result.refused(Messages.Renewer_OnlyGitLab());
        }
        Verification.Prepared prepared;
        try {
            prepared = Verification.prepare(credential, null);
        } catch (Verification.UnknownProviderException e) {
            return Result.refused(e.getMessage());
        }
        if (prepared.request() == null) {
            return Result.refused(Forms.text(prepared.refused().message()));
        }
        Token old = prepared.request().token();
        RenewalJournal journal = RenewalJournal.get();
        RenewalEntry previous = journal.of(target.credentialUrl());
        RenewalEntry claim = RenewalEntry.begin(target, old.fingerprint(), automatic, Instant.now());
        try {
            if (!journal.claim(claim)) {
                RenewalEntry busy = journal.of(target.credentialUrl());
                return Result.refused(Messages.Renewer_Busy(busy == null ? "" : busy.getMessage()));
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Not renewing " + target.id() + ": the renewal journal cannot be written", e);
            return Result.refused(Messages.Renewer_NoJournal());
        }
        Rotation outcome;
        try {
            Integer lifetime = new RenewalPolicy(credential.getRenewDaysBefore(), credential.getRenewLifetimeDays())
                    .requestedLifetime();
            outcome = Verification.rotate(new RotationRequest(
                    prepared.request().endpoint(),
                    old,
                    lifetime,
                    prepared.request().timeout()));
        } catch (RuntimeException e) {
            LOGGER.log(
                    Level.WARNING, "Renewing " + target.id() + " failed unexpectedly; settling it by asking GitLab", e);
            outcome = new Rotation.Uncertain(
                    Text.verbatim(Messages.Renewer_Unexpected(e.getClass().getSimpleName())));
        }
        if (outcome instanceof Rotation.Rotated rotated) {
            return keep(target, credential, claim, rotated);
        }
        // The journal keeps sentences as written, in the language of whoever renewed (the default when automatic).
        String message = Forms.text(outcome.message());
        if (outcome instanceof Rotation.NotRotated) {
            journal.record(claim.then(RenewalEntry.State.FAILED, message, Instant.now()));
            return Result.refused(message);
        }
        RenewalEntry settled =
                Recovery.settleInFlight(target, claim.then(RenewalEntry.State.IN_FLIGHT, message, Instant.now()));
        journal.record(settled);
        return Result.refused(settled.getMessage());
    }

    /** The new token goes into the credential's store first; the journal says where it is whatever happens. */
    private static Result keep(
            StoredToken target, IcrVcsTokenImpl credential, RenewalEntry claim, Rotation.Rotated rotated) {
        Secret secret = Secret.fromString(rotated.token().reveal());
        String expiry = rotated.expiresOn() == null ? null : rotated.expiresOn().toString();
        IcrVcsTokenImpl replacement;
        try {
            replacement = credential.withToken(secret);
        } catch (Descriptor.FormException e) {
            throw new IllegalStateException("A stored credential has a known provider", e);
        }
        String failure = StoreWriter.replace(target, credential, replacement);
        RenewalJournal journal = RenewalJournal.get();
        if (failure != null) {
            String why = Messages.Renewer_Unsaved(failure);
            journal.record(claim.issued(expiry, secret, why, Instant.now()));
            LOGGER.warning(() ->
                    "Renewed " + target.id() + " at GitLab, but its store did not save it (" + failure + "); retrying");
            return Result.refused(why);
        }
        String message = Forms.text(rotated.message());
        journal.record(claim.issued(expiry, null, message, Instant.now()));
        UsageHistory.carryOver(credential, replacement);
        recordHealth(target, replacement);
        return new Result(true, message, secret);
    }

    /** Verifies the credential as its store holds it now, for a renewal that finished while a sweep ran. */
    static void refreshHealth(StoredToken target) {
        for (Credentials c : target.store().getCredentials(target.domain())) {
            if (c instanceof IcrVcsTokenImpl current && current.getId().equals(target.id())) {
                recordHealth(target, current);
            }
        }
    }

    /** The renewed token is verified like any other, so that the health page and monitor see it at once. */
    static void recordHealth(StoredToken target, IcrVcsTokenImpl replacement) {
        StoredToken renewed = new StoredToken(
                replacement,
                target.contextName(),
                target.storeName(),
                target.credentialUrl(),
                target.store(),
                target.domain());
        TokenHealthStore health = TokenHealthStore.get();
        try {
            health.put(TokenHealthRecord.of(
                    renewed,
                    Verification.refresh(Verification.prepare(replacement, null)),
                    health.get(target.credentialUrl()),
                    Instant.now()));
        } catch (Verification.UnknownProviderException e) {
            // A renewed credential is a GitLab one; the next sweep records whatever else it became.
            LOGGER.log(Level.FINE, "Not recording the health of " + target.id(), e);
        }
    }
}
