package org.cdrbuilder.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of cdr-builder itself, as recorded in release manifests and metadata. */
public final class CodeVersion {
    private static final String VERSION = load();

    private CodeVersion() {
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getClassLoader().getResourceAsStream("cdr-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        String commit = p.getProperty("commit", "");
        return commit.isEmpty() || commit.startsWith("$") ? v : v + " (" + commit + ")";
    }

    public static String get() {
        return VERSION;
    }
}
