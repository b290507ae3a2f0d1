package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import java.time.Instant;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where the last renewal of one credential stands, as kept on disk. It names the credential and says what happened;
 * it identifies the renewed-away token by a SHA-256 only. The one exception is {@link State#UNSAVED}: GitLab issued
 * a new token its store could not save, and this entry keeps it, encrypted as credentials.xml keeps tokens, until a
 * save succeeds.
 */
@Restricted(NoExternalUse.class)
public final class RenewalEntry {
    /** The states a renewal passes through; the blocking ones stop every further renewal of the credential. */
    @Restricted(NoExternalUse.class)
    public enum State {
        /** Written before the rotation request is sent; settled when the answer is known. */
        IN_FLIGHT(true),
        /** GitLab issued the new token and revoked the old one, but the store could not save it yet. */
        UNSAVED(true),
        /** GitLab revoked the old token and the new one never reached Jenkins: only a new token helps. */
        LOST(true),
        /** The new token is saved in the credential's store. */
        RENEWED(false),
        /** Nothing changed at GitLab: the old token is as it was, for the reason given. */
        FAILED(false);

        private final boolean blocking;

        State(boolean blocking) {
            this.blocking = blocking;
        }

        public boolean isBlocking() {
            return blocking;
        }

        /** The state as the credential form names it. */
        @NonNull
        public String getLabel() {
            return switch (this) {
                case IN_FLIGHT -> Messages.RenewalEntry_State_InFlight();
                case UNSAVED -> Messages.RenewalEntry_State_Unsaved();
                case LOST -> Messages.RenewalEntry_State_Lost();
                case RENEWED -> Messages.RenewalEntry_State_Renewed();
                case FAILED -> Messages.RenewalEntry_State_Failed();
            };
        }
    }

    private final String credentialUrl;
    private final String credentialId;
    private final String storeName;
    private final String oldFingerprint;
    private final boolean automatic;
    private final State state;
    private final long at;
    private final String message;
    private final String newExpiry;
    private final Secret pending;

    private RenewalEntry(
            String credentialUrl,
            String credentialId,
            String storeName,
            String oldFingerprint,
            boolean automatic,
            State state,
            long at,
            String message,
            String newExpiry,
            Secret pending) {
        this.credentialUrl = credentialUrl;
        this.credentialId = credentialId;
        this.storeName = storeName;
        this.oldFingerprint = oldFingerprint;
        this.automatic = automatic;
        this.state = state;
        this.at = at;
        this.message = message;
        this.newExpiry = newExpiry;
        this.pending = pending;
    }

    /** A renewal about to send its request. */
    static RenewalEntry begin(StoredToken token, String oldFingerprint, boolean automatic, Instant now) {
        return new RenewalEntry(
                token.credentialUrl(),
                token.id(),
                token.storeName(),
                oldFingerprint,
                automatic,
                State.IN_FLIGHT,
                now.toEpochMilli(),
                Messages.RenewalEntry_InFlight(),
                null,
                null);
    }

    /** The same renewal, moved on. */
    RenewalEntry then(State next, String why, Instant now) {
        return new RenewalEntry(
                credentialUrl,
                credentialId,
                storeName,
                oldFingerprint,
                automatic,
                next,
                now.toEpochMilli(),
                why,
                newExpiry,
                next == State.UNSAVED ? pending : null);
    }

    /** GitLab issued the new token, expiring then (null: no expiry given); {@code unsaved} when the store refused it. */
    RenewalEntry issued(@CheckForNull String expiry, @CheckForNull Secret unsaved, String why, Instant now) {
        return new RenewalEntry(
                credentialUrl,
                credentialId,
                storeName,
                oldFingerprint,
                automatic,
                unsaved == null ? State.RENEWED : State.UNSAVED,
                now.toEpochMilli(),
                why,
                expiry,
                unsaved);
    }

    /** Identifies the credential: its page is unique to its store, domain and ID. */
    @NonNull
    public String getCredentialUrl() {
        return credentialUrl;
    }

    @NonNull
    public String getCredentialId() {
        return credentialId;
    }

    @NonNull
    public String getStoreName() {
        return storeName;
    }

    /** The SHA-256 of the token this renewal replaces (core's Token.fingerprint). */
    @NonNull
    String getOldFingerprint() {
        return oldFingerprint;
    }

    /** Started by a sweep, not by a person. */
    public boolean isAutomatic() {
        return automatic;
    }

    @NonNull
    public State getState() {
        return state;
    }

    @NonNull
    public Instant getAt() {
        return Instant.ofEpochMilli(at);
    }

    /** When it happened, as pages show instants. */
    @NonNull
    public When getWhen() {
        return When.of(getAt(), Instant.now());
    }

    @NonNull
    public String getMessage() {
        return message;
    }

    /** The renewed token's expiry date, {@code YYYY-MM-DD}; null before it is known or when GitLab gave none. */
    @CheckForNull
    public String getNewExpiry() {
        return newExpiry;
    }

    /** The new token while its store has not saved it; null in every other state. */
    @CheckForNull
    Secret getPending() {
        return pending;
    }
}
