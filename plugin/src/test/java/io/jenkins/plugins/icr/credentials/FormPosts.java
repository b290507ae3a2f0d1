package io.jenkins.plugins.icr.credentials;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jvnet.hudson.test.JenkinsRule;

/** Calls a descriptor's web method as a form does: a POST with a crumb, as a given user (null = anonymous). */
public final class FormPosts {
    private FormPosts() {}

    public static WebResponse post(
            JenkinsRule j, String user, Class<?> describable, String method, Map<String, String> fields)
            throws Exception {
        return send(j, user, describable, method, fields, HttpMethod.POST);
    }

    public static WebResponse get(JenkinsRule j, String user, Class<?> describable, String method) throws Exception {
        return send(j, user, describable, method, Map.of(), HttpMethod.GET);
    }

    private static WebResponse send(
            JenkinsRule j,
            String user,
            Class<?> describable,
            String method,
            Map<String, String> fields,
            HttpMethod verb)
            throws Exception {
        // The answer itself is under test: Jenkins' 403 page for anonymous users moves on to the login page by a
        // script and a refresh, and following either would make the status read that page's 200.
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).withJavaScriptEnabled(false);
        client.setRefreshHandler((page, url, seconds) -> {});
        if (user != null) {
            client.login(user);
        }
        WebRequest request = new WebRequest(
                new URL(client.getContextPath() + "descriptorByName/" + describable.getName() + "/" + method), verb);
        List<NameValuePair> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
        request.setRequestParameters(parameters);
        if (verb == HttpMethod.POST) {
            client.addCrumb(request);
        }
        return client.getPage(request).getWebResponse();
    }
}
