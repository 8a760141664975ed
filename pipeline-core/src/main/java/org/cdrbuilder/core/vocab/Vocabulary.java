package org.cdrbuilder.core.vocab;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.cdrbuilder.core.row.Row;

import com.carrotsearch.hppc.ByteArrayList;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.ShortArrayList;

/**
 * The in-memory index of the standardized vocabulary that harmonization, cleaning and QA consult: per concept its
 * domain, vocabulary, class, standard flag and validity; {@code Maps to} and {@code Maps to value}; and lookup of
 * source codes by (vocabulary, code) for the vocabularies that need it. Primitive sorted arrays keep a full Athena
 * vocabulary (about 6 million concepts) within a few hundred MB; concept names are not held. Serializable: an engine
 * that runs units in other processes ships the index built once instead of building it in each.
 */
public final class Vocabulary implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] ids;
    private final byte[] standard;
    private final boolean[] valid;
    private final short[] domain;
    private final short[] vocabularyOf;
    private final short[] conceptClass;
    private final String[] domains;
    private final String[] vocabularies;
    private final String[] classes;
    private final HashMap<String, Integer> byCode;
    private final long[] mapsTo;
    private final long[] mapsToValue;
    private final String version;

    private Vocabulary(Builder b) {
        int n = b.ids.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] rawIds = b.ids.toArray();
        Arrays.sort(order, (x, y) -> Integer.compare(rawIds[x], rawIds[y]));
        ids = new int[n];
        standard = new byte[n];
        valid = new boolean[n];
        domain = new short[n];
        vocabularyOf = new short[n];
        conceptClass = new short[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            ids[i] = rawIds[j];
            standard[i] = b.standard.get(j);
            valid[i] = b.valid.get(j) == 1;
            domain[i] = b.domain.get(j);
            vocabularyOf[i] = b.vocabulary.get(j);
            conceptClass[i] = b.conceptClass.get(j);
        }
        domains = b.domains.keys();
        vocabularies = b.vocabularies.keys();
        classes = b.classes.keys();
        byCode = b.byCode;
        mapsTo = b.mapsTo.toArray();
        Arrays.sort(mapsTo);
        mapsToValue = b.mapsToValue.toArray();
        Arrays.sort(mapsToValue);
        version = b.version;
    }

    public int size() {
        return ids.length;
    }

    /** The version of the vocabulary release (VOCABULARY.csv row {@code None}), or "unknown". */
    public String version() {
        return version;
    }

    private int idx(int conceptId) {
        return Arrays.binarySearch(ids, conceptId);
    }

    public boolean exists(int conceptId) {
        return idx(conceptId) >= 0;
    }

    /** Domain id of the concept, or null when the concept is unknown. */
    public String domain(int conceptId) {
        int i = idx(conceptId);
        return i < 0 ? null : domains[domain[i]];
    }

    public String vocabularyId(int conceptId) {
        int i = idx(conceptId);
        return i < 0 ? null : vocabularies[vocabularyOf[i]];
    }

    public String conceptClass(int conceptId) {
        int i = idx(conceptId);
        return i < 0 ? null : classes[conceptClass[i]];
    }

    /** True when the concept exists and is standard ({@code standard_concept = 'S'}). */
    public boolean isStandard(int conceptId) {
        int i = idx(conceptId);
        return i >= 0 && standard[i] == 'S';
    }

    /** True when the concept exists and has no invalid_reason. */
    public boolean isValid(int conceptId) {
        int i = idx(conceptId);
        return i >= 0 && valid[i];
    }

    /** The concept id of {@code code} in {@code vocabularyId}, if that vocabulary was indexed by code. */
    public OptionalInt conceptByCode(String vocabularyId, String code) {
        Integer id = byCode.get(key(vocabularyId, code));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Targets of valid {@code Maps to} relationships of the concept, ascending. */
    public int[] mapsTo(int conceptId) {
        return targets(mapsTo, conceptId);
    }

    /** Targets of valid {@code Maps to value} relationships of the concept, ascending. */
    public int[] mapsToValue(int conceptId) {
        return targets(mapsToValue, conceptId);
    }

    /**
     * The standard concept for a concept: itself when standard, else the lowest-id standard target of
     * {@code Maps to}, else 0 (OMOP's "No matching concept").
     */
    public int standardFor(int conceptId) {
        if (isStandard(conceptId)) {
            return conceptId;
        }
        for (int t : mapsTo(conceptId)) {
            if (isStandard(t)) {
                return t;
            }
        }
        return 0;
    }

    private static int[] targets(long[] pairs, int from) {
        long lo = ((long) from) << 32;
        int i = Arrays.binarySearch(pairs, lo);
        if (i < 0) {
            i = -i - 1;
        }
        IntArrayList out = new IntArrayList();
        while (i < pairs.length && (int) (pairs[i] >> 32) == from) {
            out.add((int) pairs[i]);
            i++;
        }
        return out.toArray();
    }

    private static String key(String vocabularyId, String code) {
        return vocabularyId + '\t' + code;
    }

    /** Builds the index from concept and concept_relationship rows (any order). */
    public static Builder builder(Set<String> codeVocabularies) {
        return new Builder(codeVocabularies);
    }

    /** Collects concepts and relationships; {@link #build()} sorts and freezes them. */
    public static final class Builder {
        private final Set<String> codeVocabularies;
        private final IntArrayList ids = new IntArrayList();
        private final ByteArrayList standard = new ByteArrayList();
        private final ByteArrayList valid = new ByteArrayList();
        private final ShortArrayList domain = new ShortArrayList();
        private final ShortArrayList vocabulary = new ShortArrayList();
        private final ShortArrayList conceptClass = new ShortArrayList();
        private final Dict domains = new Dict();
        private final Dict vocabularies = new Dict();
        private final Dict classes = new Dict();
        private final HashMap<String, Integer> byCode = new HashMap<>();
        private final LongArrayList mapsTo = new LongArrayList();
        private final LongArrayList mapsToValue = new LongArrayList();
        private String version = "unknown";

        private Builder(Set<String> codeVocabularies) {
            this.codeVocabularies = Set.copyOf(codeVocabularies);
        }

        /** Adds a row of the {@code concept} table. */
        public void concept(Row r) {
            int id = (Integer) r.get("concept_id");
            String std = r.getString(r.table().indexOf("standard_concept"));
            String invalid = r.getString(r.table().indexOf("invalid_reason"));
            String vocab = r.getString(r.table().indexOf("vocabulary_id"));
            ids.add(id);
            standard.add(std == null || std.isEmpty() ? 0 : (byte) std.charAt(0));
            valid.add((byte) (invalid == null || invalid.isEmpty() ? 1 : 0));
            domain.add(domains.id(r.getString(r.table().indexOf("domain_id"))));
            vocabulary.add(vocabularies.id(vocab));
            conceptClass.add(classes.id(r.getString(r.table().indexOf("concept_class_id"))));
            if (codeVocabularies.contains(vocab)) {
                byCode.putIfAbsent(key(vocab, r.getString(r.table().indexOf("concept_code"))), id);
            }
        }

        /** Adds a row of the {@code concept_relationship} table; only valid Maps to / Maps to value are kept. */
        public void relationship(Row r) {
            String rel = r.getString(r.table().indexOf("relationship_id"));
            String invalid = r.getString(r.table().indexOf("invalid_reason"));
            if (invalid != null && !invalid.isEmpty()) {
                return;
            }
            long pair = (((long) (Integer) r.get("concept_id_1")) << 32) | ((Integer) r.get("concept_id_2") & 0xffffffffL);
            if ("Maps to".equals(rel)) {
                mapsTo.add(pair);
            } else if ("Maps to value".equals(rel)) {
                mapsToValue.add(pair);
            }
        }

        /** Adds a row of the {@code vocabulary} table; the {@code None} row carries the release version. */
        public void vocabularyRow(Row r) {
            if ("None".equals(r.get("vocabulary_id")) && r.get("vocabulary_version") != null) {
                version = (String) r.get("vocabulary_version");
            }
        }

        public Vocabulary build() {
            return new Vocabulary(this);
        }
    }

    private static final class Dict {
        private final Map<String, Short> ids = new HashMap<>();
        private final List<String> names = new java.util.ArrayList<>();

        short id(String name) {
            String n = name == null ? "" : name;
            return ids.computeIfAbsent(n, k -> {
                names.add(k);
                return (short) (names.size() - 1);
            });
        }

        String[] keys() {
            return names.toArray(new String[0]);
        }
    }
}
