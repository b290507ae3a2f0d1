package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one cleaner of outside text, on its own: the forms it removes and what it leaves alone. */
class RedactorTest {
    @Test
    void everyFormOfTheTokenIsRemovedWhateverItsCase() {
        String token = "BBDC-abc+def/ghi@jkl";
        Redactor redactor = Redactor.of(Token.of(token), "jdoe");

        assertEquals("a [redacted] b [redacted] c [redacted] d [redacted]=", redactor.clean("a " + token + " b "
                + "bbdc-ABC%2bDEF%2fGHI%40JKL c "
                + java.util.Base64.getEncoder().encodeToString(("jdoe:" + token).getBytes()).replaceAll("=+$", "")
                + " d " + java.util.Base64.getEncoder().encodeToString(("jdoe:" + token).getBytes()).replaceAll("=+$", "") + "="));
        assertTrue(redactor.appearsIn("https://x.example/" + token.toUpperCase()));
        assertNull(redactor.clean(null));
    }

    @Test
    void withoutATokenOnlyControlCharactersAreEscaped() {
        Redactor none = Redactor.of(Token.of(" "), null);

        assertEquals("plain \\u001b[0m text", none.clean("plain \u001b[0m text"));
        assertFalse(none.appearsIn("anything"));
    }
}
