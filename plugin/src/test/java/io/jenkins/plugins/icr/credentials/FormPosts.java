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

/**
 * Calls a descriptor's web method as a form does: a POST with a crumb, as a given user (null = anonymous), below a
 * context ("" for the root, {@code job/team/} for a folder, {@code user/alice/} for a user). The answer is the first
 * response itself, never made into a page: no redirect, script or refresh is followed, so a refusal whose page sends
 * the browser on to the login page is read as the refusal it is.
 */
public final class FormPosts {
    private FormPosts() {}

    public static WebResponse post(
            JenkinsRule j, String user, Class<?> describable, String method, Map<String, String> fields)
            throws Exception {
        return post(j, user, "", describable, method, fields);
    }

    public static WebResponse post(
            JenkinsRule j, String user, String context, Class<?> describable, String method, Map<String, String> fields)
            throws Exception {
        return request(j, user, HttpMethod.POST, methodPath(context, describable, method), fields);
    }

    public static WebResponse get(JenkinsRule j, String user, Class<?> describable, String method) throws Exception {
        return request(j, user, HttpMethod.GET, methodPath("", describable, method), Map.of());
    }

    /** Any URL below the root, as a given user (null = anonymous); a POST carries a crumb. */
    public static WebResponse request(
            JenkinsRule j, String user, HttpMethod verb, String path, Map<String, String> fields) throws Exception {
        JenkinsRule.WebClient client = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            client.login(user);
        }
        client.withRedirectEnabled(false);
        WebRequest request = new WebRequest(new URL(client.getContextPath() + path), verb);
        List<NameValuePair> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
        request.setRequestParameters(parameters);
        if (verb == HttpMethod.POST) {
            client.addCrumb(request);
        }
        return client.loadWebResponse(request);
    }

    private static String methodPath(String context, Class<?> describable, String method) {
        return context + "descriptorByName/" + describable.getName() + "/" + method;
    }
}
