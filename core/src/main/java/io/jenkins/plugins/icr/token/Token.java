package io.jenkins.plugins.icr.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A token as pasted, trimmed of the surrounding whitespace and line breaks that copy and paste adds
 * (docs/provider-apis.md §7.1). Its value is only handed out through {@link #reveal()}, for a request header;
 * {@link #toString()} never shows it.
 */
public final class Token {
    private final String value;

    private Token(String value) {
        this.value = value;
    }

    /** Wraps a pasted token, trimming leading and trailing whitespace; never null, possibly empty. */
    public static Token of(String pasted) {
        return new Token(pasted == null ? "" : pasted.strip());
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** True when a character inside the token could not travel in an HTTP header: whitespace, control, non-ASCII. */
    public boolean hasUnsendableCharacter() {
        return value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f);
    }

    /** The token itself, for the one place that puts it in a request header. */
    public String reveal() {
        return value;
    }

    /** A SHA-256 of the token, so that a cache can tell tokens apart without holding them. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Token[redacted]";
    }
}
