package org.cdrbuilder.core.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.cdrbuilder.core.config.ConfigException;

/**
 * The operator's secret from which research ids, date shifts and masked device ids are derived (HMAC-SHA256). It
 * comes from the {@code CDR_PRIVACY_KEY} environment variable or a key file, is held only in memory, and is never
 * written anywhere: not to releases, logs, the job repository or the mapping store (which keeps only a check value
 * to refuse a different key).
 */
public final class PrivacyKey {
    public static final String ENV = "CDR_PRIVACY_KEY";
    private static final int MIN_BYTES = 16;
    private final byte[] key;

    private PrivacyKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new ConfigException("the privacy key must have at least " + MIN_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The key from a file (its trimmed text), else from {@code CDR_PRIVACY_KEY}; fails when neither is given. */
    public static PrivacyKey load(Path keyFile) {
        if (keyFile != null) {
            try {
                return new PrivacyKey(Files.readString(keyFile, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new ConfigException("cannot read the privacy key file " + keyFile + ": " + e.getMessage());
            }
        }
        String env = System.getenv(ENV);
        if (env == null || env.isBlank()) {
            throw new ConfigException("no privacy key: set " + ENV + " or give --key-file (or privacy_key_file in release.yaml)");
        }
        return new PrivacyKey(env.trim().getBytes(StandardCharsets.UTF_8));
    }

    public static PrivacyKey of(String secret) {
        return new PrivacyKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** One initialized MAC per thread: creating and keying one costs far more than using it. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of a purpose-tagged message. */
    public byte[] mac(String purpose, String message) {
        return macs.get().doFinal((purpose + '\u0000' + message).getBytes(StandardCharsets.UTF_8));
    }

    /** A non-negative 62-bit number derived from the message. */
    public long number(String purpose, String message) {
        byte[] m = mac(purpose, message);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (m[i] & 0xff);
        }
        return v >>> 2;
    }

    /** A value identifying the key without revealing it (for refusing a mapping store made with another key). */
    public String checkValue() {
        return HexFormat.of().formatHex(Arrays.copyOf(mac("key-check", "cdr-builder"), 16));
    }

    @Override
    public String toString() {
        return "PrivacyKey[redacted]";
    }
}
