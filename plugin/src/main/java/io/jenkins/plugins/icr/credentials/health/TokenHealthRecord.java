package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.icr.credentials.StatusWords;
import io.jenkins.plugins.icr.token.Attention;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last verdict on one stored token, as kept on disk: which credential (id, description, where it is stored),
 * what the provider said, when. Never the token. A provider fault does not erase what the last real answer said.
 */
public final class TokenHealthRecord {
    private final String credentialId;
    private final String description;
    private final String storeName;
    private final String credentialUrl;
    private final String provider;
    private final String status;
    private final String tokenKind;
    private final String account;
    private final List<String> missing;
    private final String expiresAt;
    private final String message;
    private final String fixUrl;
    private final long checkedAt;
    /** The last sweep's fault when it could not ask the provider (rate limit, unreachable); null otherwise. */
    private final String lastFault;

    private TokenHealthRecord(
            String credentialId,
            String description,
            String storeName,
            String credentialUrl,
            String provider,
            String status,
            String tokenKind,
            String account,
            List<String> missing,
            String expiresAt,
            String message,
            String fixUrl,
            long checkedAt,
            String lastFault) {
        this.credentialId = credentialId;
        this.description = description;
        this.storeName = storeName;
        this.credentialUrl = credentialUrl;
        this.provider = provider;
        this.status = status;
        this.tokenKind = tokenKind;
        this.account = account;
        this.missing = new ArrayList<>(missing);
        this.expiresAt = expiresAt;
        this.message = message;
        this.fixUrl = fixUrl;
        this.checkedAt = checkedAt;
        this.lastFault = lastFault;
    }

    /** The record of a verdict, or, for a provider fault, the previous record with the fault noted. */
    @NonNull
    static TokenHealthRecord of(
            @NonNull StoredToken token,
            @NonNull Verdict verdict,
            @CheckForNull TokenHealthRecord previous,
            @NonNull Instant now) {
        if (verdict.status().transientFault() && previous != null) {
            return new TokenHealthRecord(
                    previous.credentialId,
                    token.description(),
                    token.storeName(),
                    token.credentialUrl(),
                    previous.provider,
                    previous.status,
                    previous.tokenKind,
                    previous.account,
                    previous.missing,
                    previous.expiresAt,
                    previous.message,
                    previous.fixUrl,
                    previous.checkedAt,
                    verdict.message());
        }
        String fix = verdict.fix().url();
        return new TokenHealthRecord(
                token.id(),
                token.description(),
                token.storeName(),
                token.credentialUrl(),
                verdict.provider().id(),
                verdict.status().name(),
                verdict.tokenKind().id(),
                verdict.account(),
                verdict.missing(),
                verdict.expiresAt() == null ? null : verdict.expiresAt().toString(),
                verdict.message(),
                fix != null && (fix.startsWith("https://") || fix.startsWith("http://")) ? fix : null,
                now.toEpochMilli(),
                null);
    }

    /** Identifies the credential across sweeps: its page is unique to its store, domain and id. */
    @NonNull
    public String getKey() {
        return credentialUrl;
    }

    @NonNull
    public String getCredentialId() {
        return credentialId;
    }

    @NonNull
    public String getDescription() {
        return description;
    }

    @NonNull
    public String getStoreName() {
        return storeName;
    }

    /** Relative to the Jenkins root URL. */
    @NonNull
    public String getCredentialUrl() {
        return credentialUrl;
    }

    @NonNull
    public String getProvider() {
        return provider;
    }

    @NonNull
    public Status getStatus() {
        return Status.valueOf(status);
    }

    @NonNull
    public String getTokenKind() {
        return kind().displayName();
    }

    @CheckForNull
    public String getAccount() {
        return account;
    }

    @NonNull
    public List<String> getMissing() {
        return List.copyOf(missing);
    }

    @CheckForNull
    public Instant getExpiresAt() {
        return expiresAt == null ? null : Instant.parse(expiresAt);
    }

    @NonNull
    public String getMessage() {
        return message;
    }

    /** The provider page that repairs it; only ever an http(s) link. */
    @CheckForNull
    public String getFixUrl() {
        return fixUrl;
    }

    @NonNull
    public Instant getCheckedAt() {
        return Instant.ofEpochMilli(checkedAt);
    }

    @CheckForNull
    public String getLastFault() {
        return lastFault;
    }

    /** What an administrator must do something about, per core's Attention; empty when nothing. */
    @NonNull
    public List<String> reasons(@NonNull Instant now, int warnDays) {
        return Attention.reasons(getStatus(), kind(), missing, getExpiresAt(), now, warnDays);
    }

    /** The status in words, for pages; {@link #getStatus()} is the constant, for machines. */
    @NonNull
    public String getStatusLabel() {
        return StatusWords.of(getStatus());
    }

    /** The provider's name ("GitHub"), or its stored id when this Jenkins no longer knows it. */
    @NonNull
    public String getProviderName() {
        return Provider.fromId(provider).map(Provider::displayName).orElse(provider);
    }

    /** The kind in a few words, next to the provider's name; {@link #getTokenKind()} is its full name. */
    @NonNull
    public String getTokenKindShort() {
        return KindWords.of(kind());
    }

    /** The missing scopes as a reader sees a list: "workflow, notifications". */
    @NonNull
    public String getMissingText() {
        return String.join(", ", missing);
    }

    /** When the provider was last asked, for pages. */
    public When getChecked() {
        return When.of(getCheckedAt(), Instant.now());
    }

    /** The expiry for pages, or null when the token does not expire or the provider did not say. */
    @CheckForNull
    public When getExpires() {
        return When.of(getExpiresAt(), Instant.now());
    }

    private TokenKind kind() {
        return Arrays.stream(TokenKind.values())
                .filter(k -> k.id().equals(tokenKind))
                .findFirst()
                .orElse(TokenKind.UNKNOWN);
    }
}
