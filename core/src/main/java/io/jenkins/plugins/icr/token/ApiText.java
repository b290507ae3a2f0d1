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

    /** A character as Java writes it in a string literal, {@code \}{@code u001b}. */
    public static String escaped(int c) {
        return String.format("\\u%04x", c);
    }
}
