package io.jenkins.plugins.icr.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cleans text that came from outside before anyone sees it: a provider's answer (bodies, headers, redirect targets)
 * may echo the token, and a server may send control characters. Every provider answer goes through {@link #clean}
 * as it is read, before it is cut to length, so not even part of a token survives into a message.
 *
 * <p>Removed are the token itself, the HTTP Basic credential it travels in ({@code base64(username:token)}), and
 * both URL-encoded; matching ignores case, since hosts and percent-escapes are case-insensitive.
 */
public final class Redactor {
    static final String MARK = "[redacted]";

    private final Pattern secrets;

    private Redactor(Pattern secrets) {
        this.secrets = secrets;
    }

    /** The redactor for a request that sends this token, with this username when it authenticates with Basic. */
    public static Redactor of(Token token, String username) {
        if (token.isEmpty()) {
            return new Redactor(null);
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(token.reveal());
        if (username != null) {
            String basic = Base64.getEncoder()
                    .encodeToString((username + ":" + token.reveal()).getBytes(StandardCharsets.UTF_8));
            // Without its padding, so that an echo with '=' dropped or percent-encoded matches as well.
            forms.add(basic.replaceAll("=+$", ""));
        }
        List.copyOf(forms).forEach(f -> forms.add(URLEncoder.encode(f, StandardCharsets.UTF_8)));
        String alternatives = forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return new Redactor(Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE));
    }

    /** The text without the token in any of its forms, its control characters escaped; null stays null. */
    public String clean(String text) {
        if (text == null) {
            return null;
        }
        String redacted = secrets == null ? text : secrets.matcher(text).replaceAll(MARK);
        return ApiText.printable(redacted);
    }

    /** Whether the text carries the token in any of its forms (a URL someone typed, a redirect target). */
    public boolean appearsIn(String text) {
        return secrets != null && secrets.matcher(text).find();
    }
}
