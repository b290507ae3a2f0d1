package io.jenkins.plugins.icr.token;

/** Text that came from outside (a provider's answer, a user's input) before it is quoted back to people. */
public final class ApiText {
    private static final int MAX = 300;

    private ApiText() {}

    /** Cuts long text, so that a hostile or broken server cannot flood a page or a log. */
    public static String abbreviate(String text) {
        return abbreviate(text, MAX);
    }

    /** Cuts text to at most {@code max} characters, marking the cut. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** What a provider said, as a parenthesis to append to a sentence, or nothing when it said nothing. */
    public static String quoted(String said) {
        return said == null ? "" : " (\"" + abbreviate(said) + "\")";
    }

    /**
     * The text with every control character written out as {@code \}{@code uXXXX}: C0 (line breaks, ANSI escapes),
     * DEL, C1, and the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
     * U+202A–U+202E, U+2066–U+2069). A server can then neither clear a terminal, nor start a forged line in a
     * build log, nor reorder what a reader sees.
     */
    public static String printable(String text) {
        if (text.chars().noneMatch(ApiText::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> out.append(isControl(c) ? escaped(c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** A character as Java writes it in a string literal, {@code \}{@code u001b}. */
    public static String escaped(int c) {
        return String.format("\\u%04x", c);
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c)
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
