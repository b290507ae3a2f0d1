package io.jenkins.plugins.icr.credentials.health;

import hudson.util.StreamTaskListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One sweep now, in the calling thread, for tests outside this package; returns its log. */
public final class Sweeps {
    private Sweeps() {}

    public static String now() throws InterruptedException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Sweeper.sweep(new StreamTaskListener(log, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }
}
