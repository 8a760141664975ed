package org.cdrbuilder.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code config/ingest.yaml}: which EHR tables sites may submit, column aliases (CDM 5.3 names and common
 * variants), and per table the vocabularies in which a bare source code is looked up when a site gives no
 * concept id.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class IngestConfig {
    /** Tables accepted in an EHR submission (file name = table name). */
    public List<String> ehrTables = new ArrayList<>();
    /** Accepted, validated and counted, then published empty (free text, addresses, staff). */
    public List<String> suppressedTables = new ArrayList<>();
    /** Per table: header name as sites write it -> column name of the schema. */
    public Map<String, Map<String, String>> columnAliases = new LinkedHashMap<>();
    /**
     * Per table: NOT NULL columns a site may leave empty because harmonization derives them (e.g. a drug's end
     * date from its start date and days supply).
     */
    public Map<String, List<String>> derivedWhenMissing = new LinkedHashMap<>();
    /** Per table: vocabularies to search, in order, for a source value without a source concept. */
    public Map<String, List<String>> sourceVocabularies = new LinkedHashMap<>();

    public static IngestConfig read(Path file) {
        return ReleaseConfig.readYaml(file, IngestConfig.class);
    }

    public java.util.Set<String> derivable(String table) {
        return java.util.Set.copyOf(derivedWhenMissing.getOrDefault(table, List.of()));
    }

    public Map<String, String> aliases(String table) {
        return columnAliases.getOrDefault(table, Map.of());
    }
}
