package io.jenkins.plugins.icr.credentials.browser;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** Facts read from what a page shows, whatever words and notation surround them. */
final class PageText {
    private PageText() {}

    /** The date in any common notation: its year and its day of the month, each a number of its own. */
    static boolean showsDate(String text, LocalDate date) {
        return text.contains(String.valueOf(date.getYear()))
                && Pattern.compile("(?<!\\d)0?" + date.getDayOfMonth() + "(?!\\d)")
                        .matcher(text)
                        .find();
    }
}
