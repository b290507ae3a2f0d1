package io.jenkins.plugins.icr.token;

import java.io.Serial;

/**
 * Input that is refused before any request is sent. The message is for the admin and names the fix; it never
 * contains the token, so it may be shown and logged as it is.
 */
public final class InvalidInputException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    /** The message in English for logs; {@link #text} for a reader in their language. */
    public InvalidInputException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
