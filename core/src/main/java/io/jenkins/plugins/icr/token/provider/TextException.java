package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.Text;
import java.io.Serial;

/** A failure told as a {@link Text}: {@link #getMessage} in English for logs, {@link #text} for a verdict's reader. */
abstract class TextException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    TextException(Text text) {
        super(text.toString());
        this.text = text;
    }

    Text text() {
        return text;
    }
}
