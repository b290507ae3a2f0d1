package io.jenkins.plugins.icr.token;

import java.io.Serial;

/**
 * Input that is refused before any request is sent. The message is for the admin and names the fix; it never
 * contains the token, so it may be shown and logged as it is.
 */
public final class InvalidInputException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
