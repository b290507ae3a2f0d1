package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.Status;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words core's renderings put around a verdict, from this package's Messages bundle in the reader's language. */
final class Words {
    private static final String BUNDLE = Words.class.getPackageName() + ".Messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Words(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Without a translation for the locale, English: never the JVM's default locale, which is not the reader's. */
    static Words in(Locale locale) {
        return new Words(
                ResourceBundle.getBundle(
                        BUNDLE,
                        locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                locale);
    }

    Locale locale() {
        return locale;
    }

    /** A status as a person reads it; the constant stays for machines (JSON, attributes). */
    String status(Status status) {
        return bundle.getString("status." + status.name());
    }

    String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
