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
        return request(j, user, verb, "descriptorByName/" + describable.getName() + "/" + method, fields);
    }

    /** Any URL below the root, as a given user (null = anonymous); a POST carries a crumb. */
    public static WebResponse request(
            JenkinsRule j, String user, HttpMethod verb, String path, Map<String, String> fields) throws Exception {
        JenkinsRule.WebClient client = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            client.login(user);
        }
        WebRequest request = new WebRequest(new URL(client.getContextPath() + path), verb);
        List<NameValuePair> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
        request.setRequestParameters(parameters);
        if (verb == HttpMethod.POST) {
            client.addCrumb(request);
        }
        return client.getPage(request).getWebResponse();
    }
}
