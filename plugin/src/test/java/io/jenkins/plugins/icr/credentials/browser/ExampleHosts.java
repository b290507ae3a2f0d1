package io.jenkins.plugins.icr.credentials.browser;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.icr.credentials.IcrVcsServer;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import java.util.List;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Self-hosted servers under made-up names (the reserved {@code .test} domain), so that the pages and their pictures
 * show a server as an administrator would declare it rather than a port on 127.0.0.1. The Jenkins proxy sends
 * every request for them to the local server that answers as the provider does.
 */
final class ExampleHosts {
    static final String GITHUB = "http://github.example.test";
    static final String GITLAB = "http://gitlab.example.test";
    static final String BITBUCKET_DC = "http://bitbucket.example.test";

    private ExampleHosts() {}

    /** Declares these servers and routes the requests for them to the local server listening on this port. */
    static void declare(JenkinsRule j, int localPort, IcrVcsServer... servers) {
        IcrVcsServers.get().setServers(List.of(servers));
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", localPort));
    }

    static IcrVcsServer github() {
        return new IcrVcsServer("github", "GitHub Enterprise", GITHUB);
    }

    static IcrVcsServer gitlab() {
        return new IcrVcsServer("gitlab", "Corporate GitLab", GITLAB);
    }

    static IcrVcsServer bitbucketDataCenter() {
        return new IcrVcsServer("bitbucket-dc", "Bitbucket Data Center", BITBUCKET_DC);
    }
}
