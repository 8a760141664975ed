package org.cdrbuilder.steps.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cdrbuilder.core.io.DelimitedFile;
import org.cdrbuilder.core.registry.Participant;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;

/**
 * What the audit knows about participants, read straight from the drop's registry file (not from anything the
 * pipeline produced, so the audit does not share the pipeline's mistakes): direct identifiers as 64-bit hashes of
 * their normalized forms (the values themselves are never held or reported), and per participant the date of
 * birth, withdrawal, ZIP and phone. Memory grows with participants.
 */
public final class RegistryFacts {
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])(?:\\+?1[\\s.-]?)?\\(?([0-9]{3})\\)?[\\s.-]?([0-9]{3})[\\s.-]?([0-9]{4})(?![0-9])");
    private static final Pattern FORMATTED_PHONE =
            Pattern.compile("(?<![0-9])(?:\\+?1[\\s.-])?(?:\\(([0-9]{3})\\)\\s?|([0-9]{3})[\\s.-])([0-9]{3})[\\s.-]([0-9]{4})(?![0-9])");

    /** Full names ("first last" and "last first"), emails and street addresses of everyone, normalized and hashed. */
    final LongHashSet fullNames = new LongHashSet();
    final LongHashSet emails = new LongHashSet();
    final LongHashSet addresses = new LongHashSet();
    /** Phones (10 digits) of everyone. */
    final LongHashSet phones = new LongHashSet();
    /** Address lengths in words, to slide windows of those sizes over values. */
    private final java.util.BitSet addressWords = new java.util.BitSet();

    private final LongLongHashMap phoneOf = new LongLongHashMap();
    private final LongIntHashMap zipOf = new LongIntHashMap();
    private final LongIntHashMap birthOf = new LongIntHashMap();
    private final LongHashSet withdrawn = new LongHashSet();
    private final LongHashSet all = new LongHashSet();

    private RegistryFacts() {
    }

    /** Reads the registry file ({@code participants/participants.csv} of a drop); malformed rows are skipped. */
    public static RegistryFacts read(Path registryFile) {
        RegistryFacts f = new RegistryFacts();
        try (DelimitedFile in = DelimitedFile.open(registryFile)) {
            List<String> h = in.header();
            int id = h.indexOf("participant_id");
            int first = h.indexOf("first_name");
            int last = h.indexOf("last_name");
            int email = h.indexOf("email");
            int phone = h.indexOf("phone");
            int street = h.indexOf("street_address");
            int zip = h.indexOf("zip_code");
            int dob = h.indexOf("date_of_birth");
            int withdrawal = h.indexOf("withdrawal_date");
            while (in.hasNext()) {
                DelimitedFile.Record r = in.next();
                if (r.malformed()) {
                    continue; // ingest quarantined it: no participant of it is published
                }
                long n = Participant.parseNumber(field(r, id));
                if (n < 0) {
                    continue;
                }
                f.all.add(n);
                String fn = normalize(field(r, first));
                String ln = normalize(field(r, last));
                if (!fn.isEmpty() && !ln.isEmpty()) {
                    f.fullNames.add(hash(fn + " " + ln));
                    f.fullNames.add(hash(ln + " " + fn));
                }
                String e = field(r, email);
                if (e != null && e.contains("@")) {
                    f.emails.add(hash(e.trim().toLowerCase(Locale.ROOT)));
                }
                long p = phoneDigits(field(r, phone), PHONE);
                if (p > 0) {
                    f.phones.add(p);
                    f.phoneOf.put(n, p);
                }
                String a = normalize(field(r, street));
                if (a.split(" ").length >= 2) {
                    f.addresses.add(hash(a));
                    f.addressWords.set(a.split(" ").length);
                }
                String z = org.cdrbuilder.steps.ingest.RegistryValues.zipCodeOrNull(field(r, zip));
                if (z != null) {
                    f.zipOf.put(n, Integer.parseInt(z));
                }
                LocalDate b = date(field(r, dob));
                if (b != null) {
                    f.birthOf.put(n, (int) b.toEpochDay());
                }
                String w = field(r, withdrawal);
                if (w != null && !w.isBlank()) {
                    f.withdrawn.add(n); // an unreadable withdrawal date counts as a withdrawal, as ingest treats it
                }
            }
        }
        return f;
    }

    /** Whether the registry file exists in a drop. */
    public static boolean exists(Path registryFile) {
        return registryFile != null && Files.isRegularFile(registryFile);
    }

    private static String field(DelimitedFile.Record r, int i) {
        return i < 0 || i >= r.size() ? null : r.field(i);
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return org.cdrbuilder.core.validate.ValueParser.parseDate(s); // the formats ingest accepts
        } catch (org.cdrbuilder.core.validate.ValueException e) {
            return null;
        }
    }

    /** Lower case, every run of characters other than letters, digits and '@' made one space, trimmed. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '@') {
                b.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    static long hash(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (byte x : bytes) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h ^ (h >>> 29) ^ ((long) bytes.length << 56);
    }

    private static long phoneDigits(String s, Pattern p) {
        if (s == null) {
            return -1;
        }
        Matcher m = p.matcher(s);
        return m.find() ? Long.parseLong(m.group(1) + m.group(2) + m.group(3)) : -1;
    }

    /**
     * What identifier of anyone in the registry a text value holds, or null: a full name (either order), an email,
     * a street address, or a phone number written as one (with separators). Bare digit runs are not taken for
     * phones here (codes such as NDCs are ten digits too); {@link #ownIdentifier} checks them against the row's own
     * participant.
     */
    public String anyonesIdentifier(String value) {
        if (value.indexOf('@') >= 0) {
            for (String t : value.split("[\\s,;<>()\"']+")) {
                if (t.indexOf('@') > 0 && emails.contains(hash(t.toLowerCase(Locale.ROOT)))) {
                    return "email address";
                }
            }
        }
        String norm = normalize(value);
        String[] words = norm.isEmpty() ? new String[0] : norm.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            if (fullNames.contains(hash(words[i] + " " + words[i + 1]))) {
                return "full name";
            }
        }
        for (int size = addressWords.nextSetBit(0); size >= 0; size = addressWords.nextSetBit(size + 1)) {
            for (int i = 0; i + size <= words.length; i++) {
                if (addresses.contains(hash(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + size))))) {
                    return "street address";
                }
            }
        }
        Matcher m = FORMATTED_PHONE.matcher(value);
        while (m.find()) {
            String area = m.group(1) != null ? m.group(1) : m.group(2);
            if (phones.contains(Long.parseLong(area + m.group(3) + m.group(4)))) {
                return "phone number";
            }
        }
        return null;
    }

    /** What identifier of participant {@code n} a text value of one of their rows holds: phone digits or ZIP. */
    public String ownIdentifier(long n, String value) {
        int digits = 0;
        for (int i = 0; i < value.length() && digits < 5; i++) {
            if (value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                digits++;
            }
        }
        if (digits < 5) {
            return null; // neither a phone number nor a ZIP code
        }
        long phone = phoneOf.getOrDefault(n, -1L);
        if (phone > 0) {
            Matcher p = PHONE.matcher(value);
            while (p.find()) {
                if (Long.parseLong(p.group(1) + p.group(2) + p.group(3)) == phone) {
                    return "phone number";
                }
            }
        }
        int zip = zipOf.getOrDefault(n, -1);
        if (zip >= 0) {
            Matcher m = ZIP.matcher(value);
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == zip) {
                    return "ZIP code";
                }
            }
        }
        return null;
    }

    private static final Pattern ZIP = Pattern.compile("(?<![0-9])([0-9]{5})(?:-[0-9]{4})?(?![0-9])");

    public boolean known(long n) {
        return all.contains(n);
    }

    public boolean withdrawn(long n) {
        return withdrawn.contains(n);
    }

    /** The participant's date of birth, or null. */
    public LocalDate birthDate(long n) {
        return birthOf.containsKey(n) ? LocalDate.ofEpochDay(birthOf.get(n)) : null;
    }

    public int size() {
        return all.size();
    }
}
