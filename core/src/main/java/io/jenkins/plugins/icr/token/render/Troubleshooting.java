package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.Status;
import java.util.Locale;

/** Where the user guide explains a verdict: one section of docs/troubleshooting.md per status. */
public final class Troubleshooting {
    static final String PAGE = "https://github.com/jenkinsci/icr-vcs-credentials-plugin/blob/main/docs/troubleshooting.md";

    private Troubleshooting() {}

    public static String url(Status status) {
        return PAGE + "#" + status.name().toLowerCase(Locale.ROOT);
    }
}
