package org.cdrbuilder.steps.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A corpus of malformed inputs, each with the outcome a build must give it: the rows it must quarantine (with a
 * reason), the rows it must stage, the files it must ignore (with a reason), or the refusal of the whole drop. EHR
 * cases are one site each (so one build reads all of them); registry and layout cases that change the whole drop are
 * listed apart. Written for the test suite, never copied from real data.
 */
public final class MalformedInputs {
    /** What a build must do with a case. */
    public enum Outcome { QUARANTINED, STAGED, IGNORED, REFUSED }

    /**
     * One case.
     *
     * @param site the EHR site (or null for other source kinds)
     * @param file the file relative to the drop
     * @param bytes its content
     * @param rows the data records the file holds (every non-blank line after the header belongs to one)
     * @param quarantined the records that must be quarantined
     * @param reason fragments of the quarantine, ignore or refusal reason, separated by {@code |} (null: any)
     */
    public record Case(String name, String category, Outcome outcome, String site, String file, byte[] bytes,
                       long rows, long quarantined, String reason) {
    }

    static final String CONDITION_HEADER = "condition_occurrence_id,person_id,condition_concept_id,condition_start_date,"
            + "condition_start_datetime,condition_end_date,condition_type_concept_id,condition_source_value";
    static final String GOOD = "1,1001,320128,2020-01-10,2020-01-10 09:45:00,,32817,I10";
    static final String GOOD2 = "2,1001,320128,2020-02-10,,2020-02-11,32817,I10";

    private MalformedInputs() {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] lines(String... lines) {
        return utf8(String.join("\n", lines) + "\n");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** EHR condition files, one site each: CSV structure, encodings, dates, numbers. */
    public static List<Case> ehr() {
        List<Case> c = new ArrayList<>();
        // -- CSV structure
        c.add(csv("clean_file", "csv", 2, 0, null, CONDITION_HEADER, GOOD, GOOD2));
        c.add(csv("unbalanced_quote_mid_file", "csv", 4, 1, "unbalanced quote", CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10", GOOD2, "4,1001,320128,2020-04-10,,,32817,I10"));
        c.add(csv("unbalanced_quote_last_line", "csv", 2, 1, "unbalanced quote", CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10"));
        c.add(csv("two_stray_quotes_apart", "csv", 5, 2, "unbalanced quote", CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10", GOOD2, "4,1001,\"320128,2020-04-10,,,32817,I10", GOOD));
        c.add(csv("quoted_field_over_two_lines", "csv", 2, 0, null, CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10", "continued\""));
        c.add(csv("quote_then_text", "csv", 2, 1, "closing quote is followed by text", CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10\"x"));
        c.add(csv("escaped_quotes", "csv", 2, 0, null, CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10 \"\"essential\"\", primary\""));
        c.add(csv("too_many_fields", "csv", 2, 1, "fields but the header has", CONDITION_HEADER, GOOD, GOOD2 + ",extra"));
        c.add(csv("too_few_fields", "csv", 2, 1, "fields but the header has", CONDITION_HEADER, GOOD, "3,1001,320128"));
        c.add(csv("blank_lines_between_rows", "csv", 2, 0, null, CONDITION_HEADER, GOOD, "", "   ", GOOD2));
        c.add(csv("header_only", "csv", 0, 0, null, CONDITION_HEADER));
        c.add(new Case("zero_byte_file", "csv", Outcome.STAGED, "s_zero_byte_file",
                ehrPath("s_zero_byte_file"), new byte[0], 0, 0, null));
        c.add(bytes("bom_and_crlf", "csv", 2, 0, null, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8(CONDITION_HEADER + "\r\n" + GOOD + "\r\n" + GOOD2 + "\r\n"))));
        c.add(csv("missing_required_column", "csv", 2, 2, "lacks required column",
                "condition_occurrence_id,person_id,condition_start_date,condition_type_concept_id",
                "1,1001,2020-01-10,32817", "2,1001,2020-01-11,32817"));
        c.add(csv("repeated_column_same_values", "csv", 1, 0, null, CONDITION_HEADER + ",person_id", GOOD + ",1001"));
        c.add(csv("repeated_column_different_values", "csv", 2, 1, "appears twice in the header",
                CONDITION_HEADER + ",person_id", GOOD + ",1001", GOOD2 + ",9999"));
        c.add(csv("unknown_columns_ignored", "csv", 1, 0, null, CONDITION_HEADER + ",my_local_flag", GOOD + ",Y"));
        c.add(csv("trailing_delimiter", "csv", 1, 1, "fields but the header has", CONDITION_HEADER, GOOD + ","));
        c.add(csv("tab_separated", "csv", 1, 0, null, CONDITION_HEADER.replace(',', '\t'), GOOD.replace(',', '\t')));
        c.add(csv("whitespace_around_values", "csv", 1, 0, null, CONDITION_HEADER,
                " 3 , 1001 ,320128, 2020-03-10 ,,,32817,I10"));
        c.add(csv("quoted_numbers", "csv", 1, 0, null, CONDITION_HEADER, "\"3\",\"1001\",\"320128\",\"2020-03-10\",,,32817,I10"));
        c.add(csv("unterminated_quote_at_eof_no_newline", "csv", 2, 1, "unbalanced quote", CONDITION_HEADER, GOOD,
                "3,1001,320128,2020-03-10,,,32817,\"I10 and then the file ends"));
        c.add(bytes("nul_byte", "csv", 2, 1, "control character 0x00 at byte offset",
                concat(utf8(CONDITION_HEADER + "\n" + GOOD + "\n3,1001,320128,2020-03-10,,,32817,I1"),
                        new byte[] {0}, utf8("0\n"))));
        c.add(bytes("latin1_byte", "csv", 2, 1, "not valid UTF-8 at byte offset",
                concat(utf8(CONDITION_HEADER + "\n" + GOOD + "\n3,1001,320128,2020-03-10,,,32817,I10 Jos"),
                        new byte[] {(byte) 0xE9}, utf8("\n"))));
        c.add(bytes("bell_character", "csv", 2, 1, "control character 0x07",
                concat(utf8(CONDITION_HEADER + "\n" + GOOD + "\n3,1001,320128,2020-03-10,,,32817,I"), new byte[] {7},
                        utf8("10\n"))));
        c.add(bytes("valid_utf8_accents", "csv", 1, 0, null, utf8(CONDITION_HEADER + "\n3,1001,320128,2020-03-10,,,32817,"
                + "\"Jos\u00e9 M\u00fcller\"\n")));
        c.add(gz("gzip_file", "csv", 2, 0, null, lines(CONDITION_HEADER, GOOD, GOOD2)));
        // -- dates
        c.add(row("date_feb_30", "dates", "condition_start_date", "3,1001,320128,2020-02-30,,,32817,I10", "calendar date"));
        c.add(row("date_month_13", "dates", "condition_start_date", "3,1001,320128,2020-13-01,,,32817,I10", "calendar date"));
        c.add(row("date_compact_month_13", "dates", "condition_start_date", "3,1001,320128,20201301,,,32817,I10", "calendar date"));
        c.add(row("date_slashes", "dates", "condition_start_date", "3,1001,320128,2020/01/01,,,32817,I10", "not a date"));
        c.add(row("date_us_order", "dates", "condition_start_date", "3,1001,320128,01/02/2020,,,32817,I10", "not a date"));
        c.add(row("date_single_digits", "dates", "condition_start_date", "3,1001,320128,2020-1-1,,,32817,I10", "not a date"));
        c.add(row("datetime_hour_25", "dates", "condition_start_datetime",
                "3,1001,320128,2020-01-01,2020-01-01 25:00:00,,32817,I10", "calendar date or time"));
        c.add(row("datetime_unknown_zone", "dates", "condition_start_datetime",
                "3,1001,320128,2020-01-01,2020-01-01 10:00:00 PST,,32817,I10", "time zone"));
        c.add(row("datetime_bad_seconds", "dates", "condition_start_datetime",
                "3,1001,320128,2020-01-01,2020-01-01 10:00:6,,32817,I10", "seconds"));
        c.add(row("end_date_garbage", "dates", "condition_end_date", "3,1001,320128,2020-01-01,,tomorrow,32817,I10", "not a date"));
        c.add(row("date_empty_required", "dates", "condition_start_date", "3,1001,320128,,,,32817,I10", "required value is missing"));
        c.add(staged("datetime_offset", "dates", "3,1001,320128,2020-01-01,2020-01-01T10:00:00+05:30,,32817,I10"));
        c.add(staged("datetime_iso_z_nanos", "dates", "3,1001,320128,2020-01-01,2020-01-01T10:00:00.123456789Z,,32817,I10"));
        c.add(staged("datetime_utc_suffix", "dates", "3,1001,320128,2020-01-01,2009-04-15 05:00:00.000000 UTC,,32817,I10"));
        c.add(staged("date_as_datetime", "dates", "3,1001,320128,2020-01-01 00:00:00,,,32817,I10"));
        c.add(staged("date_compact", "dates", "3,1001,320128,20200101,,,32817,I10"));
        // -- numbers
        c.add(row("id_letters", "numbers", "condition_occurrence_id", "x3,1001,320128,2020-01-01,,,32817,I10", "not an integer"));
        c.add(row("person_decimal", "numbers", "person_id", "3,1001.5,320128,2020-01-01,,,32817,I10", "not an integer"));
        c.add(row("concept_overflow", "numbers", "condition_concept_id", "3,1001,99999999999,2020-01-01,,,32817,I10", "out of range"));
        c.add(row("id_overflow", "numbers", "condition_occurrence_id",
                "99999999999999999999,1001,320128,2020-01-01,,,32817,I10", "not an integer"));
        c.add(row("concept_exponent", "numbers", "condition_concept_id", "3,1001,3.2e5,2020-01-01,,,32817,I10", "not an integer"));
        c.add(row("type_concept_words", "numbers", "condition_type_concept_id", "3,1001,320128,2020-01-01,,,EHR,I10", "not an integer"));
        c.add(staged("id_with_zero_decimals", "numbers", "3.0,1001,320128,2020-01-01,,,32817,I10"));
        c.add(staged("id_above_2_pow_31", "numbers", "9000000000123,1001,320128,2020-01-01,,,32817,I10"));
        c.add(staged("negative_id", "numbers", "-3,1001,320128,2020-01-01,,,32817,I10"));
        // a source value longer than its column is kept whole at ingest and cut by source_values_truncated
        c.add(staged("source_value_too_long", "numbers", "3,1001,320128,2020-01-01,,,32817," + "X".repeat(60)));
        return c;
    }

    private static String ehrPath(String site) {
        return "ehr/" + site + "/2024-01-01-v1/condition_occurrence.csv";
    }

    private static Case csv(String name, String category, long rows, long quarantined, String reason, String... lines) {
        return bytes(name, category, rows, quarantined, reason, lines(lines));
    }

    private static Case bytes(String name, String category, long rows, long quarantined, String reason, byte[] content) {
        String site = "s_" + name;
        return new Case(name, category, quarantined > 0 ? Outcome.QUARANTINED : Outcome.STAGED, site, ehrPath(site),
                content, rows, quarantined, reason);
    }

    private static Case gz(String name, String category, long rows, long quarantined, String reason, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String site = "s_" + name;
        return new Case(name, category, Outcome.STAGED, site, ehrPath(site) + ".gz", out.toByteArray(), rows,
                quarantined, reason);
    }

    /** A file with one good row and one bad row quarantined for {@code field}. */
    private static Case row(String name, String category, String field, String bad, String reason) {
        return csv(name, category, 2, 1, field + ": |" + reason, CONDITION_HEADER, GOOD, bad);
    }

    private static Case staged(String name, String category, String good) {
        return csv(name, category, 2, 0, null, CONDITION_HEADER, GOOD, good);
    }

    /** Folders and files of EHR submissions that are no input: ignored with a reason, never read. */
    public static List<Case> layout() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("impossible_submission_date", "layout", Outcome.IGNORED, "l_dates",
                "ehr/l_dates/2026-13-45-v1/condition_occurrence.csv", lines(CONDITION_HEADER, GOOD), 0, 0,
                "not a real calendar date"));
        c.add(new Case("real_submission_next_to_it", "layout", Outcome.STAGED, "l_dates",
                "ehr/l_dates/2026-09-15-v1/condition_occurrence.csv", lines(CONDITION_HEADER, GOOD), 1, 0, null));
        c.add(new Case("submission_folder_misnamed", "layout", Outcome.IGNORED, "l_dates",
                "ehr/l_dates/latest/condition_occurrence.csv", lines(CONDITION_HEADER, GOOD), 0, 0,
                "not a submission folder"));
        c.add(new Case("not_a_table", "layout", Outcome.IGNORED, "l_dates", "ehr/l_dates/2026-09-15-v1/cohort.csv",
                lines("cohort_definition_id,subject_id", "1,1001"), 0, 0, "not a table the release accepts"));
        c.add(new Case("not_csv", "layout", Outcome.IGNORED, "l_dates", "ehr/l_dates/2026-09-15-v1/readme.txt",
                utf8("submitted by the site\n"), 0, 0, "not a .csv file"));
        c.add(new Case("folder_named_like_a_file", "layout", Outcome.IGNORED, "l_dates",
                "ehr/l_dates/2026-09-15-v1/person.csv/", new byte[0], 0, 0, "a folder, not a file"));
        c.add(new Case("superseded_submission", "layout", Outcome.IGNORED, "l_dates",
                "ehr/l_dates/2026-06-01-v1/condition_occurrence.csv", lines(CONDITION_HEADER, GOOD), 0, 0,
                "superseded"));
        c.add(new Case("site_is_a_file", "layout", Outcome.IGNORED, null, "ehr/stray.csv",
                lines(CONDITION_HEADER, GOOD), 0, 0, "not a site folder"));
        return c;
    }

    /** Survey lines (NDJSON) with what each must give. */
    public static List<Case> surveys() {
        List<Case> c = new ArrayList<>();
        c.add(json("survey_not_json", "{\"resourceType\": \"QuestionnaireResponse\", \"subject\": ", "not valid JSON"));
        c.add(json("survey_array", "[1, 2]", "expected a JSON object"));
        c.add(json("survey_no_resource_type", "{\"status\": \"completed\"}", "no resourceType"));
        c.add(json("survey_patient", "{\"resourceType\": \"Patient\", \"id\": \"P1\"}", "resource of type Patient"));
        c.add(json("survey_observation", "{\"resourceType\": \"Observation\"}", "resource of type Observation"));
        c.add(json("survey_trailing_text", "{\"resourceType\": \"QuestionnaireResponse\"} trailing", "not valid JSON"));
        c.add(json("survey_duplicate_key", "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"a\", \"id\": \"b\"}",
                "not valid JSON"));
        c.add(json("survey_number", "42", "expected a JSON object"));
        c.add(json("survey_string", "\"QuestionnaireResponse\"", "expected a JSON object"));
        c.add(json("survey_null", "null", "expected a JSON object"));
        c.add(json("survey_response_without_subject", "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"r1\", "
                + "\"status\": \"completed\", \"questionnaire\": {\"reference\": \"Questionnaire/TheBasics\"}, "
                + "\"authored\": \"2020-01-01T10:00:00Z\", \"item\": []}", null));
        c.add(json("survey_response_bad_authored", "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"r2\", "
                + "\"status\": \"completed\", \"subject\": {\"reference\": \"Patient/P1001\"}, \"questionnaire\": "
                + "{\"reference\": \"Questionnaire/TheBasics\"}, \"authored\": \"yesterday\", \"item\": []}", null));
        return c;
    }

    private static Case json(String name, String line, String reason) {
        return new Case(name, "json", Outcome.QUARANTINED, null, "surveys/" + name + ".ndjson", lines(line), 1, 1, reason);
    }

    /** Fitbit files of participant 1001 with what each must give (rows staged or removed at ingest). */
    public static Map<String, byte[]> fitbit() {
        String heart = "{\"activities-heart\":[{\"dateTime\":\"2020-05-01\",\"value\":{\"heartRateZones\":[],"
                + "\"restingHeartRate\":60}}],\"activities-heart-intraday\":{\"dataset\":[{\"time\":\"08:00:00\","
                + "\"value\":70},{\"time\":\"08:01:00\",\"value\":-50}],\"datasetInterval\":1,\"datasetType\":\"minute\"}}\n";
        return Map.of(
                "fitbit/P1001/activities-heart-2020-05-01.json", utf8(heart),
                "fitbit/P1001/activities-heart-2020-05-01 (1).json", utf8(heart),
                "fitbit/P1001/activities-heart-2020-05-02.json", utf8("{\"activities-heart\": [ broken\n"),
                "fitbit/P1001/empty.json", new byte[0]);
    }

    /** Registry files that refuse the drop (exit code 3), by name. */
    public static Map<String, byte[]> refusedRegistries() {
        return Map.of(
                "registry_empty", new byte[0],
                "registry_header_only", lines(MiniDrop.REGISTRY_HEADER),
                "registry_without_date_of_birth", lines(MiniDrop.REGISTRY_HEADER.replace("date_of_birth,", ""),
                        "P1001,A,B,a@b.org,555,1 Rd,10001,NY,2019-01-01,yes,2019-01-01,,,site_a,participant,,"),
                "registry_without_withdrawal_column", lines(MiniDrop.REGISTRY_HEADER.replace("withdrawal_date,", ""),
                        "P1001,A,B,a@b.org,555,1 Rd,10001,NY,1970-03-04,2019-01-01,yes,2019-01-01,,site_a,participant,,"),
                "registry_binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
    }

    /** Registry rows: each participant either kept (with values dropped) or quarantined, by reason fragment. */
    public static List<Case> registryRows() {
        List<Case> c = new ArrayList<>();
        String base = "First,Last,f@example.org,555-0101,1 Main St,10001,NY,1970-03-04,2019-01-01,yes,2019-01-01,,,site_a,"
                + "core_participant,2019-02-01,2019-02-01";
        c.add(reg("registry_good", "P2001," + base, Outcome.STAGED, null));
        c.add(reg("registry_piistate", "P2002," + base.replace(",NY,", ",PIIState_NY,"), Outcome.STAGED, null));
        c.add(reg("registry_state_lower", "P2003," + base.replace(",NY,", ", ny ,"), Outcome.STAGED, null));
        c.add(reg("registry_state_bad", "P2004," + base.replace(",NY,", ",New York,"), Outcome.STAGED, "state: not a US state"));
        c.add(reg("registry_zip_bad", "P2005," + base.replace(",10001,", ",1O001,"), Outcome.STAGED, "zip_code: not a ZIP code"));
        c.add(reg("registry_zip_plus4", "P2006," + base.replace(",10001,", ",10001-2345,"), Outcome.STAGED, null));
        c.add(reg("registry_consent_code", "P2007," + base.replace(",yes,", ",ConsentPermission_Yes,"), Outcome.STAGED, null));
        c.add(reg("registry_consent_bad", "P2008," + base.replace(",yes,", ",maybe,"), Outcome.STAGED, "ehr_consent: not yes or no"));
        c.add(reg("registry_status_rdr", "P2009," + base.replace(",core_participant,", ",FULL_PARTICIPANT,"), Outcome.STAGED, null));
        c.add(reg("registry_status_bad", "P2010," + base.replace(",core_participant,", ",VIP,"), Outcome.STAGED,
                "enrollment_status: not an enrollment status"));
        c.add(reg("registry_core_date_bad", "P2011," + base.replace(",2019-02-01,2019-02-01", ",soon,2019-02-01"),
                Outcome.STAGED, "core_participant_date: not a date"));
        c.add(reg("registry_dob_bad", "P2012," + base.replace(",1970-03-04,", ",04/03/1970,"), Outcome.QUARANTINED,
                "date_of_birth: not a date"));
        c.add(reg("registry_dob_missing", "P2013," + base.replace(",1970-03-04,", ",,"), Outcome.QUARANTINED,
                "date_of_birth: required value is missing"));
        c.add(reg("registry_consent_date_bad", "P2014," + base.replace(",1970-03-04,2019-01-01,", ",1970-03-04,2019-02-30,"),
                Outcome.QUARANTINED, "primary_consent_date: not a valid calendar date"));
        c.add(reg("registry_withdrawal_bad", "P2015," + base.replace(",2019-01-01,,,site_a", ",2019-01-01,gone,,site_a"),
                Outcome.QUARANTINED, "withdrawal_date: not a date"));
        c.add(reg("registry_id_bad", "X2016," + base, Outcome.QUARANTINED, "participant_id: not a participant id"));
        c.add(reg("registry_id_duplicate", "P2001," + base, Outcome.QUARANTINED, "participant_id: duplicate"));
        c.add(reg("registry_id_lower_p", "p2017," + base, Outcome.STAGED, null));
        c.add(reg("registry_phone_too_long", "P2018," + base.replace(",555-0101,", "," + "5".repeat(60) + ","),
                Outcome.STAGED, "phone: longer than 50"));
        c.add(reg("registry_deactivation_bad", "P2019," + base.replace(",2019-01-01,,,site_a", ",2019-01-01,,someday,site_a"),
                Outcome.QUARANTINED, "deactivation_date: not a date"));
        return c;
    }

    private static Case reg(String name, String line, Outcome o, String reason) {
        return new Case(name, "registry", o, null, "participants/participants.csv", utf8(line), 1,
                o == Outcome.QUARANTINED ? 1 : 0, reason);
    }

    /** Writes a case's file (or folder, for a path ending in {@code /}) into the drop. */
    public static void write(Path drop, Case c) {
        try {
            Path p = drop.resolve(c.file());
            if (c.file().endsWith("/")) {
                Files.createDirectories(p);
                return;
            }
            Files.createDirectories(p.getParent());
            Files.write(p, c.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
