package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.Attention;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.Verdict;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The last verdict on one stored token, as kept on disk: which credential (id, description, where it is stored),
 * what the provider said, when. Never the token. A provider fault does not erase what the last real answer said.
 * Records written by an older or newer version load with defaults for what they lack ({@link #readResolve}).
 */
@Restricted(NoExternalUse.class)
public final class TokenHealthRecord {
    private String credentialId;
    private String description;
    /** The full name of the folder whose store holds the credential, empty for the system store; null if unknown. */
    private final String contextName;

    private String storeName;
    private String credentialUrl;
    private String provider;
    private final String status;
    private String tokenKind;
    private final String account;
    private List<String> missing;
    private String expiresAt;
    /**
     * Core's sentence as {@link Text#toJson}, rendered in each viewer's language; a record written before texts were
     * kept so holds the English sentence itself, which {@link Text#fromJson} gives back as it is.
     */
    private String message;

    private final String fixUrl;
    private final long checkedAt;
    /** The last sweep's fault when it could not ask the provider (rate limit, unreachable); null otherwise. Kept as {@link #message}. */
    private final String lastFault;

    private TokenHealthRecord(
            String credentialId,
            String description,
            String contextName,
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
        this.contextName = contextName;
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
                    token.contextName(),
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
                    verdict.message().toJson());
        }
        String fix = verdict.fix().url();
        return new TokenHealthRecord(
                token.id(),
                token.description(),
                token.contextName(),
                token.storeName(),
                token.credentialUrl(),
                verdict.provider().id(),
                verdict.status().name(),
                verdict.tokenKind().id(),
                verdict.account(),
                verdict.missing(),
                verdict.expiresAt() == null ? null : verdict.expiresAt().toString(),
                verdict.message().toJson(),
                fix != null && (fix.startsWith("https://") || fix.startsWith("http://")) ? fix : null,
                now.toEpochMilli(),
                null);
    }

    /** The record of a credential refused before any request for a reason core has no verdict for. */
    @NonNull
    static TokenHealthRecord refused(@NonNull StoredToken token, @NonNull String message, @NonNull Instant now) {
        return new TokenHealthRecord(
                token.id(),
                token.description(),
                token.contextName(),
                token.storeName(),
                token.credentialUrl(),
                token.token().getProvider(),
                Status.INVALID_INPUT.name(),
                TokenKind.UNKNOWN.id(),
                null,
                List.of(),
                null,
                Text.verbatim(message).toJson(),
                null,
                now.toEpochMilli(),
                null);
    }

    /** Fields an older version did not write load as their defaults; a value this version cannot read as unset. */
    private Object readResolve() {
        credentialId = Util.fixNull(credentialId);
        description = Util.fixNull(description);
        storeName = Util.fixNull(storeName);
        credentialUrl = Util.fixNull(credentialUrl);
        provider = Util.fixNull(provider);
        tokenKind = Util.fixNull(tokenKind);
        message = Util.fixNull(message);
        missing = missing == null ? new ArrayList<>() : missing;
        if (expiresAt != null && parseInstant(expiresAt).isEmpty()) {
            expiresAt = null;
        }
        return this;
    }

    /**
     * Whether this version can show the record: its status is one this version knows. A record written by another
     * version with a status that no longer exists is dropped on load; the next sweep writes it anew.
     */
    boolean isReadable() {
        return Arrays.stream(Status.values()).anyMatch(s -> s.name().equals(status));
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether this is the record of the credential with this id in the store whose page is at this URL. */
    boolean isOf(@NonNull String storeUrl, @NonNull String id) {
        return credentialUrl.startsWith(storeUrl) && credentialId.equals(id);
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

    /** The full name of the folder whose store holds it, empty for the system store; null in an older record. */
    @CheckForNull
    public String getContextName() {
        return contextName;
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

    /** The kind's full name, in the viewer's language. */
    @NonNull
    public String getTokenKind() {
        return Forms.text(kind().displayName());
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

    /** What the provider's answer meant, in the viewer's language. */
    @NonNull
    public String getMessage() {
        return Forms.text(Text.fromJson(message));
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
        return lastFault == null ? null : Forms.text(Text.fromJson(lastFault));
    }

    /** What an administrator must do something about, per core's Attention; empty when nothing. */
    @NonNull
    public List<Text> reasons(@NonNull Instant now, int warnDays) {
        return Attention.reasons(getStatus(), kind(), missing, getExpiresAt(), now, warnDays);
    }

    /** The status in words, for pages; {@link #getStatus()} is the constant, for machines. */
    @NonNull
    public String getStatusLabel() {
        return Forms.text(getStatus().words());
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

    TokenKind kind() {
        return Arrays.stream(TokenKind.values())
                .filter(k -> k.id().equals(tokenKind))
                .findFirst()
                .orElse(TokenKind.UNKNOWN);
    }
}
