package org.cdrbuilder.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV files of one EHR site's submission ({@code ehr/<site>/<date>-v<n>/<table>.csv}), with the site's own
 * local ids and datetime style (sites differ: {@code 2009-04-15 05:00:00.000000 UTC}, ISO 8601, or date only).
 */
final class EhrSite implements AutoCloseable {
    static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("person", "person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,"
                + "race_concept_id,ethnicity_concept_id,person_source_value,gender_source_value,race_source_value,"
                + "ethnicity_source_value");
        HEADERS.put("visit_occurrence", "visit_occurrence_id,person_id,visit_concept_id,visit_start_date,"
                + "visit_start_datetime,visit_end_date,visit_end_datetime,visit_type_concept_id,visit_source_value,"
                + "visit_source_concept_id");
        HEADERS.put("condition_occurrence", "condition_occurrence_id,person_id,condition_concept_id,condition_start_date,"
                + "condition_start_datetime,condition_end_date,condition_end_datetime,condition_type_concept_id,"
                + "visit_occurrence_id,condition_source_value,condition_source_concept_id");
        HEADERS.put("drug_exposure", "drug_exposure_id,person_id,drug_concept_id,drug_exposure_start_date,"
                + "drug_exposure_start_datetime,drug_exposure_end_date,drug_exposure_end_datetime,drug_type_concept_id,"
                + "refills,quantity,days_supply,visit_occurrence_id,drug_source_value,drug_source_concept_id");
        HEADERS.put("procedure_occurrence", "procedure_occurrence_id,person_id,procedure_concept_id,procedure_date,"
                + "procedure_datetime,procedure_type_concept_id,quantity,visit_occurrence_id,procedure_source_value,"
                + "procedure_source_concept_id");
        HEADERS.put("measurement", "measurement_id,person_id,measurement_concept_id,measurement_date,"
                + "measurement_datetime,measurement_type_concept_id,value_as_number,unit_concept_id,range_low,range_high,"
                + "visit_occurrence_id,measurement_source_value,measurement_source_concept_id,unit_source_value,"
                + "value_source_value");
        HEADERS.put("death", "person_id,death_date,death_datetime,death_type_concept_id,cause_concept_id,"
                + "cause_source_value,cause_source_concept_id");
        HEADERS.put("note", "note_id,person_id,note_date,note_datetime,note_type_concept_id,note_class_concept_id,"
                + "note_title,note_text,encoding_concept_id,language_concept_id,visit_occurrence_id");
    }

    /** CDM 5.3 names of the visit columns CDM 5.4 renamed (ingest.yaml maps them). */
    static final String CDM53_VISIT_COLUMNS = ",admitting_source_concept_id,discharge_to_concept_id";

    final String name;
    final int style;
    private final boolean sparseIds;
    private final boolean cdm53;
    private final Map<String, Writer> writers = new LinkedHashMap<>();
    private final Map<String, long[]> ids = new LinkedHashMap<>();

    EhrSite(Path drop, String name, int index, String submission) {
        this(drop, name, index, submission, false);
    }

    /** @param realShapes sparse, unordered local ids above 2^31; the second site writes CDM 5.3 visit columns */
    EhrSite(Path drop, String name, int index, String submission, boolean realShapes) {
        this.name = name;
        this.style = index % 3;
        this.sparseIds = realShapes;
        this.cdm53 = realShapes && index == 1;
        Path dir = drop.resolve("ehr").resolve(name).resolve(submission);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : HEADERS.entrySet()) {
                Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(e.getKey() + ".csv"),
                        StandardCharsets.UTF_8), 1 << 16);
                w.write(e.getValue());
                if (cdm53 && e.getKey().equals("visit_occurrence")) {
                    w.write(CDM53_VISIT_COLUMNS);
                }
                w.write('\n');
                writers.put(e.getKey(), w);
                ids.put(e.getKey(), new long[] {1000L * (index + 1)});
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create site files in " + dir, ex);
        }
    }

    long nextId(String table) {
        long n = ids.get(table)[0]++;
        return sparseIds ? (1L << 31) + scatter(n) : n;
    }

    /** A bijection of [0, 2^40): consecutive numbers become unique ids in no order, with gaps. */
    static long scatter(long n) {
        return (n * 0x9E3779B97F4BL + 0x5DEECE66DL) & ((1L << 40) - 1);
    }

    void row(String table, Object... fields) {
        if (cdm53 && table.equals("visit_occurrence")) {
            Object[] wider = java.util.Arrays.copyOf(fields, fields.length + 2);
            wider[fields.length] = 0;
            wider[fields.length + 1] = 0;
            fields = wider;
        }
        Csv.row(writers.get(table), fields);
    }

    void raw(String table, String line) {
        Csv.raw(writers.get(table), line);
    }

    String datetime(LocalDateTime t) {
        return switch (style) {
            case 0 -> t.toLocalDate() + " " + String.format("%02d:%02d:%02d.000000 UTC", t.getHour(), t.getMinute(), t.getSecond());
            case 1 -> t.toLocalDate() + "T" + String.format("%02d:%02d:%02dZ", t.getHour(), t.getMinute(), t.getSecond());
            default -> null;
        };
    }

    static String date(LocalDate d) {
        return d.toString();
    }

    static List<String> tables() {
        return List.copyOf(HEADERS.keySet());
    }

    @Override
    public void close() {
        try {
            for (Writer w : writers.values()) {
                w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
